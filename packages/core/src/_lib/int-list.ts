/**
 * An append-only list of 32-bit integers in a typed array that doubles when full: no boxed
 * numbers and no garbage per element when loading millions of rows.
 * @internal
 */
export class IntList {
  private a: Int32Array;
  n = 0;

  constructor(capacity = 1024) {
    this.a = new Int32Array(Math.max(16, capacity));
  }

  push(v: number): void {
    if (this.n === this.a.length) this.double();
    this.a[this.n++] = v;
  }

  /** Element `i` (0 past the end). */
  get(i: number): number {
    return this.a[i]!;
  }

  /** Sets element `i`, growing the list to `i + 1` elements if needed. */
  set(i: number, v: number): void {
    while (i >= this.a.length) this.double();
    this.a[i] = v;
    if (i >= this.n) this.n = i + 1;
  }

  private double(): void {
    const b = new Int32Array(this.a.length * 2);
    b.set(this.a);
    this.a = b;
  }

  /** A right-sized copy of the elements. */
  toInt32Array(): Int32Array {
    return this.a.slice(0, this.n);
  }

  /**
   * The elements as a right-sized array, without copying when the list is exactly full (a list
   * sized for its rows): the list must not be changed afterwards.
   */
  finish(): Int32Array {
    return this.n === this.a.length ? this.a : this.a.slice(0, this.n);
  }

  /** The elements as bytes (each must be 0–255). */
  toUint8Array(): Uint8Array {
    return Uint8Array.from(this.a.subarray(0, this.n));
  }
}
