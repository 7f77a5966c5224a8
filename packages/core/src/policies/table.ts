/**
 * Growable typed-array columns for compliance rows: no object per row in the hot loop. A row's
 * last day of grace is not stored: it is `to` plus its policy's `graceDays`.
 * @internal
 */
export class RowTable {
  n = 0;
  private cap: number;
  policy: Uint16Array;
  subject: Int32Array;
  from: Int32Array;
  to: Int32Array;
  due: Int32Array;
  required: Int32Array;
  done: Int32Array;
  status: Uint8Array;
  /** `recStart[i]..recStart[i + 1]` index `pool`. */
  recStart: Int32Array;
  pool: Int32Array;
  poolN = 0;

  constructor(cap = 1024) {
    this.cap = cap;
    this.policy = new Uint16Array(cap);
    this.subject = new Int32Array(cap);
    this.from = new Int32Array(cap);
    this.to = new Int32Array(cap);
    this.due = new Int32Array(cap);
    this.required = new Int32Array(cap);
    this.done = new Int32Array(cap);
    this.status = new Uint8Array(cap);
    this.recStart = new Int32Array(cap + 1);
    this.pool = new Int32Array(cap);
  }

  private grow(): void {
    const cap = Math.max(16, this.cap * 2);
    const g = <T extends Int32Array | Uint16Array | Uint8Array>(a: T, size = cap): T => {
      const b = new (a.constructor as new (n: number) => T)(size);
      b.set(a);
      return b;
    };
    this.policy = g(this.policy);
    this.subject = g(this.subject);
    this.from = g(this.from);
    this.to = g(this.to);
    this.due = g(this.due);
    this.required = g(this.required);
    this.done = g(this.done);
    this.status = g(this.status);
    this.recStart = g(this.recStart, cap + 1);
    this.cap = cap;
  }

  /** Appends an event index to the current (not yet pushed) row's record list. */
  addRecord(e: number): void {
    if (this.poolN === this.pool.length) {
      const b = new Int32Array(this.pool.length * 2);
      b.set(this.pool);
      this.pool = b;
    }
    this.pool[this.poolN++] = e;
  }

  /** Drops record indices added since the last push (for a row that is not kept). */
  discardRecords(): void {
    this.poolN = this.recStart[this.n]!;
  }

  /** Drops the rows from index `n` on, with their records. */
  truncate(n: number): void {
    this.n = n;
    this.poolN = this.recStart[n]!;
  }

  push(
    policy: number,
    subject: number,
    from: number,
    to: number,
    due: number,
    required: number,
    done: number,
    status: number,
  ): void {
    if (this.n === this.cap) this.grow();
    const i = this.n;
    this.policy[i] = policy;
    this.subject[i] = subject;
    this.from[i] = from;
    this.to[i] = to;
    this.due[i] = due;
    this.required[i] = required;
    this.done[i] = done;
    this.status[i] = status;
    this.n = i + 1;
    this.recStart[i + 1] = this.poolN;
  }
}
