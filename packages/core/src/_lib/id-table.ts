import { IntList } from "./int-list";

/**
 * Finds repeated ids among millions of strings without a `Set` (V8 caps a `Set` at 2^24
 * entries and grows it with large rehash copies): an open-addressing table of indices into the
 * caller's own id list, 4 bytes a slot, doubled when 3/4 full; each id's hash is kept (4 bytes)
 * so that growing never reads the strings again.
 * @internal
 */
export class IdTable {
  private slots: Int32Array;
  private mask: number;
  private size = 0;
  private readonly hashes: IntList;

  /**
   * @param ids - The list the indices refer to; the caller appends to it before `add`.
   * @param expected - How many ids are expected (the table is sized for them at once).
   */
  constructor(
    private readonly ids: readonly string[],
    expected = 1 << 14,
  ) {
    let slots = 1 << 16;
    while (slots * 3 < expected * 4) slots *= 2;
    this.slots = new Int32Array(slots);
    this.mask = slots - 1;
    this.hashes = new IntList(expected);
  }

  /**
   * Adds `ids[i]`.
   * @returns The index of an earlier equal id, or -1 when `ids[i]` is new.
   */
  add(i: number): number {
    if ((this.size + 1) * 4 > this.slots.length * 3) this.grow();
    const id = this.ids[i]!;
    const h = hash(id);
    this.hashes.set(i, h);
    let s = h & this.mask;
    for (;;) {
      const at = this.slots[s]!;
      if (at === 0) break;
      if (this.hashes.get(at - 1) === h && this.ids[at - 1] === id) return at - 1;
      s = (s + 1) & this.mask;
    }
    this.slots[s] = i + 1;
    this.size++;
    return -1;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.mask = this.slots.length - 1;
    for (const at of old) {
      if (at === 0) continue;
      let s = this.hashes.get(at - 1) & this.mask;
      while (this.slots[s] !== 0) s = (s + 1) & this.mask;
      this.slots[s] = at;
    }
  }
}

/** FNV-1a over UTF-16 code units, with a final mix. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  return Math.imul(h, 0x45d9f3b) | 0;
}
