/** The offset basis of FNV-1a (32 bits). */
const FNV_OFFSET = 0x811c9dc5;

/** One step of FNV-1a: code unit `c` into hash `h`. */
function fnv(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}

/** The final mix of an FNV-1a hash. */
function mix(h: number): number {
  h ^= h >>> 16;
  return Math.imul(h, 0x45d9f3b) | 0;
}

/** {@link IdStore.hash} of an id not (or not yet) in a store. @internal */
export function idHash(id: string): number {
  let h = FNV_OFFSET;
  for (let k = 0; k < id.length; k++) h = fnv(h, id.charCodeAt(k));
  return mix(h);
}

/**
 * Millions of short ids kept outside the JavaScript heap: their characters one after another in
 * a typed array that doubles when full (one byte a character while every character is below
 * 256, two bytes from the first that is not), and where each ends. Holding a county's 1.5
 * million record ids as strings would have the garbage collector copy each of them as it
 * survives; here they cost it nothing, and a string is built only when one is asked for.
 * @internal
 */
export class IdStore {
  private chars: Uint8Array | Uint16Array;
  /** End of id `i` in `chars` at `i + 1`, after a leading 0. */
  private ends: Int32Array;
  /** How many ids are stored. */
  n = 0;
  /** {@link IdStore.hash} of the id added last, found as it was copied. */
  lastHash = 0;

  /**
   * @param expected - How many ids are expected: the store is sized for them at once and, if
   * the characters outgrow the first guess (16 an id), for the rest at the ids' mean length.
   */
  constructor(private expected = 1024) {
    this.ends = new Int32Array(Math.max(16, expected + 1));
    this.chars = new Uint8Array(Math.max(64, expected * 16));
  }

  /** Appends an id. @returns Its index. */
  add(id: string): number {
    const at = this.ends[this.n]!;
    const end = at + id.length;
    let chars =
      end > this.chars.length
        ? this.resize(this.chars instanceof Uint16Array, end, at)
        : this.chars;
    let h = FNV_OFFSET;
    for (let k = 0; k < id.length; k++) {
      const c = id.charCodeAt(k);
      if (c > 255 && !(chars instanceof Uint16Array)) chars = this.resize(true, end, at + k);
      chars[at + k] = c;
      h = fnv(h, c);
    }
    this.lastHash = mix(h);
    if (this.n + 1 === this.ends.length) {
      const ends = new Int32Array(this.ends.length * 2);
      ends.set(this.ends);
      this.ends = ends;
    }
    this.ends[++this.n] = end;
    return this.n - 1;
  }

  /** Removes the id added last (its characters are written over by the next). */
  pop(): void {
    if (this.n > 0) this.n--;
  }

  /** Id `i`, as the string given. */
  get(i: number): string {
    return String.fromCharCode.apply(
      null,
      this.chars.subarray(this.ends[i]!, this.ends[i + 1]!) as unknown as number[],
    );
  }

  /** FNV-1a over the UTF-16 code units of id `i`, with a final mix. */
  hash(i: number): number {
    const chars = this.chars;
    let h = FNV_OFFSET;
    for (let k = this.ends[i]!, b = this.ends[i + 1]!; k < b; k++) h = fnv(h, chars[k]!);
    return mix(h);
  }

  /** Whether ids `i` and `j` are equal. */
  equals(i: number, j: number): boolean {
    const chars = this.chars;
    const a = this.ends[i]!;
    const b = this.ends[j]!;
    const len = this.ends[i + 1]! - a;
    if (this.ends[j + 1]! - b !== len) return false;
    for (let k = 0; k < len; k++) if (chars[a + k] !== chars[b + k]) return false;
    return true;
  }

  /**
   * Id `i` against another: below 0 when it sorts first, as `<` orders strings (by UTF-16
   * code unit), 0 when equal. `other` is an index into the store, or a string.
   */
  compare(i: number, other: number | string): number {
    const chars = this.chars;
    const a = this.ends[i]!;
    const lenA = this.ends[i + 1]! - a;
    const b = typeof other === "string" ? 0 : this.ends[other]!;
    const lenB = typeof other === "string" ? other.length : this.ends[other + 1]! - b;
    for (let k = 0; k < lenA && k < lenB; k++) {
      const d = chars[a + k]! - (typeof other === "string" ? other.charCodeAt(k) : chars[b + k]!);
      if (d !== 0) return d;
    }
    return lenA - lenB;
  }

  /**
   * Right-sizes the store once every id is added: a buffer more than a quarter empty is copied
   * to the length used (a store sized from the expected count is not: a copy of tens of
   * megabytes costs more than its slack). Adding more still works.
   */
  trim(): this {
    this.expected = this.n;
    const used = this.ends[this.n]!;
    if (4 * (this.chars.length - used) > this.chars.length) this.chars = this.chars.slice(0, used);
    if (4 * (this.ends.length - this.n - 1) > this.ends.length)
      this.ends = this.ends.slice(0, this.n + 1);
    return this;
  }

  /**
   * A buffer of at least `need` characters, two bytes a character if `wide`, with the first
   * `used` copied.
   */
  private resize(wide: boolean, need: number, used: number): Uint8Array | Uint16Array {
    let size = Math.max(64, this.chars.length);
    while (size < need) size *= 2;
    // While fewer ids than expected are stored, size for the expected count at the mean length
    // so far (with an eighth to spare) rather than doubling: one copy instead of several.
    const n = this.n;
    if (n > 0 && n < this.expected) {
      const projected = Math.ceil((this.ends[n]! / n) * this.expected * 1.125);
      if (projected >= need && projected > this.chars.length * 1.25) size = projected;
    }
    const chars = wide ? new Uint16Array(size) : new Uint8Array(size);
    chars.set(this.chars.subarray(0, used));
    return (this.chars = chars);
  }
}
