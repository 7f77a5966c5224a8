import { IntList } from "../_lib/int-list";
import type { Bucket } from "./stages/windows";

/** Row mode's columns: each row's subject and days. */
interface RowColumns {
  readonly subject: IntList;
  readonly from: IntList;
  readonly to: IntList;
  readonly due: IntList;
}

const rowColumns = (): RowColumns => ({
  subject: new IntList(),
  from: new IntList(),
  to: new IntList(),
  due: new IntList(),
});

/**
 * The rows of one policy, pushed one after another. A count policy's rows come one per bucket,
 * in bucket order, for each subject in turn: its days and subjects are then known from the
 * buckets and one subject per run of buckets, and are not stored per row. Other rows (an
 * interval policy's, or any row that breaks that order) keep their own subject and days.
 * @internal
 */
export class RowRun {
  end: number;
  /** Bucket mode: one subject per `buckets.length` rows. */
  private subjects: number[] = [];
  /** Bucket mode: the bucket of row `end`, and the subject of its run of buckets. */
  private at = 0;
  private subject = -1;
  /** Row mode: subject and days of each row. */
  private rows: RowColumns | undefined;

  constructor(
    readonly policy: number,
    readonly start: number,
    private readonly buckets: readonly Bucket[],
  ) {
    this.end = start;
    if (buckets.length === 0) this.rows = rowColumns();
  }

  /** Appends row `this.end`. */
  push(subject: number, from: number, to: number, due: number): void {
    if (this.rows === undefined) {
      const at = this.at;
      const b = this.buckets[at]!;
      if (b.from === from && b.to === to && due === to && (at === 0 || this.subject === subject)) {
        if (at === 0) this.subjects.push((this.subject = subject));
        this.at = at + 1 === this.buckets.length ? 0 : at + 1;
        this.end++;
        return;
      }
      this.toRows();
    }
    const r = this.rows!;
    r.subject.push(subject);
    r.from.push(from);
    r.to.push(to);
    r.due.push(due);
    this.end++;
  }

  /**
   * Appends a row for each bucket, all of `subject`, when the run is in bucket mode between two
   * subjects. @returns The rows appended: 0 when it is not.
   */
  pushBuckets(subject: number): number {
    if (this.rows !== undefined || this.at !== 0) return 0;
    this.subjects.push((this.subject = subject));
    this.end += this.buckets.length;
    return this.buckets.length;
  }

  /** Drops the rows from index `n` on (`n ≥ start`). */
  truncate(n: number): void {
    const k = n - this.start;
    if (this.rows === undefined && k % this.buckets.length !== 0) this.toRows();
    if (this.rows === undefined) {
      this.subjects.length = k / this.buckets.length;
      this.at = 0;
    } else for (const a of Object.values(this.rows)) a.n = k;
    this.end = n;
  }

  /** Stores every row's subject and days (for a row that breaks the bucket order). */
  private toRows(): void {
    const rows = rowColumns();
    for (let i = this.start; i < this.end; i++) {
      rows.subject.push(this.subjectAt(i));
      rows.from.push(this.fromAt(i));
      rows.to.push(this.toAt(i));
      rows.due.push(this.dueAt(i));
    }
    this.rows = rows;
  }

  /** Calls `f(subject, first, end)` for each stretch of rows `[first, end)` of one subject, in order. */
  forEachSubjectRows(f: (subject: number, first: number, end: number) => void): void {
    if (this.rows === undefined) {
      const len = this.buckets.length;
      for (let s = 0, r = this.start; r < this.end; s++, r += len)
        f(this.subjects[s]!, r, Math.min(r + len, this.end));
    } else {
      const subject = this.rows.subject;
      for (let r = this.start; r < this.end; r++) f(subject.get(r - this.start), r, r + 1);
    }
  }

  /**
   * Calls `f(first, end)` for stretches of rows that hold every row whose window ends on or
   * after `day` (`to ≥ day`): in bucket order, each subject's rows from the first such bucket;
   * otherwise the whole run.
   */
  forEachEndingFrom(day: number, f: (first: number, end: number) => void): void {
    if (this.rows !== undefined) return f(this.start, this.end);
    const len = this.buckets.length;
    let k = 0;
    while (k < len && this.buckets[k]!.to < day) k++;
    if (k === len) return;
    for (let r = this.start; r < this.end; r += len) f(r + k, Math.min(r + len, this.end));
  }

  subjectAt(i: number): number {
    const k = i - this.start;
    if (this.rows !== undefined) return this.rows.subject.get(k);
    return this.subjects[Math.floor(k / this.buckets.length)]!;
  }

  fromAt(i: number): number {
    const k = i - this.start;
    if (this.rows !== undefined) return this.rows.from.get(k);
    return this.buckets[k % this.buckets.length]!.from;
  }

  toAt(i: number): number {
    const k = i - this.start;
    if (this.rows !== undefined) return this.rows.to.get(k);
    return this.buckets[k % this.buckets.length]!.to;
  }

  dueAt(i: number): number {
    const k = i - this.start;
    if (this.rows !== undefined) return this.rows.due.get(k);
    return this.buckets[k % this.buckets.length]!.to;
  }
}

type Column = "policy" | "subject" | "from" | "to" | "due";

/** A column of non-negative counts, widened only when a value needs it. */
type Counts = Uint8Array | Uint16Array | Int32Array;

/** One record-start checkpoint every 2^CHECK_BITS rows. */
const CHECK_BITS = 6;
const CHECK_MASK = (1 << CHECK_BITS) - 1;

/** A copy of `a` with `size` elements (the same kind of array). */
function resized<T extends Counts>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a.subarray(0, Math.min(a.length, size)));
  return b;
}

/**
 * Writes `v` at `i`, first widening `a` (8 → 16 → 32 bits) when `v` does not fit: most rows
 * count a handful of contacts, so a county's table stays a quarter of its 32-bit size.
 */
function put(a: Counts, i: number, v: number): Counts {
  if (v > 0xff || v < 0) {
    const wide = v > 0xffff || v < 0;
    if (a instanceof Uint8Array) a = wide ? Int32Array.from(a) : Uint16Array.from(a);
    else if (wide && a instanceof Uint16Array) a = Int32Array.from(a);
  }
  a[i] = v;
  return a;
}

/**
 * Compliance rows in typed-array columns: no object per row in the hot loop, and as little
 * fresh memory as the rows need. Counts and statuses are stored per row; the policy, subject and
 * days of a row come from its {@link RowRun} (`policy`, `subject`, `from`, `to` and `due` are
 * also readable as whole columns, built on first use). A row's last day of grace is `to` plus
 * its policy's `graceDays`.
 * @internal
 */
export class RowTable {
  n = 0;
  private cap: number;
  /** Contacts required and done, and records counted, per row: as narrow as the values allow. */
  required: Counts;
  done: Counts;
  private recCount: Counts;
  status: Uint8Array;
  /** Index in `pool` of the first record of every 64th row: `recordStart` adds the counts since. */
  private recCheck: Int32Array;
  /** Index in `pool` of the first record of the row being built. */
  private pending = 0;
  pool: Int32Array;
  poolN = 0;
  /** The runs of rows, one per policy, in row order. */
  readonly runs: RowRun[] = [];
  private columns: Partial<Record<Column, Int32Array | Uint16Array>> = {};
  private last = 0;

  /**
   * @param cap - Rows to make room for.
   * @param bucketsOf - Each policy's count buckets (none for an interval policy), by policy index.
   * @param poolCap - Record indices to make room for (the pool grows past it when needed).
   */
  constructor(
    cap = 1024,
    private readonly bucketsOf: readonly (readonly Bucket[])[] = [],
    poolCap = cap,
  ) {
    this.cap = cap;
    this.required = new Uint8Array(cap);
    this.done = new Uint8Array(cap);
    this.recCount = new Uint8Array(cap);
    this.status = new Uint8Array(cap);
    this.recCheck = new Int32Array((cap >> CHECK_BITS) + 2);
    this.pool = new Int32Array(Math.max(16, poolCap));
  }

  /** Rows the table has room for before it grows. */
  get capacity(): number {
    return this.cap;
  }

  private grow(): void {
    const cap = Math.max(16, this.cap * 2);
    this.required = resized(this.required, cap);
    this.done = resized(this.done, cap);
    this.recCount = resized(this.recCount, cap);
    this.status = resized(this.status, cap);
    this.recCheck = resized(this.recCheck, (cap >> CHECK_BITS) + 2);
    this.cap = cap;
  }

  /** Index in `pool` of row `i`'s first record (`i ≤ n`). */
  recordStart(i: number): number {
    let at = this.recCheck[i >> CHECK_BITS]!;
    for (let k = (i >> CHECK_BITS) << CHECK_BITS; k < i; k++) at += this.recCount[k]!;
    return at;
  }

  /** Records counted for row `i`. */
  recordCount(i: number): number {
    return this.recCount[i]!;
  }

  /** Appends an event index to the current (not yet pushed) row's record list. */
  addRecord(e: number): void {
    if (this.poolN === this.pool.length) {
      const b = new Int32Array(Math.ceil(this.pool.length * 1.5));
      b.set(this.pool);
      this.pool = b;
    }
    this.pool[this.poolN++] = e;
  }

  /** Drops record indices added since the last push (for a row that is not kept). */
  discardRecords(): void {
    this.poolN = this.pending;
  }

  /** Drops the rows from index `n` on, with their records. */
  truncate(n: number): void {
    while (this.runs.length > 0 && this.runs[this.runs.length - 1]!.start >= n) this.runs.pop();
    this.runs[this.runs.length - 1]?.truncate(n);
    this.poolN = this.pending = this.recordStart(n);
    this.n = n;
    this.columns = {};
    this.last = 0;
  }

  /**
   * Starts the rows of `subject` under `policy`, one per bucket of the policy in bucket order,
   * their counts then given by {@link RowTable.pushCounts}, bucket by bucket.
   * @returns Whether it did: `false` when the policy's rows are not in bucket order, and then
   * the rows are to be pushed one by one with {@link RowTable.push}.
   */
  startBuckets(policy: number, subject: number): boolean {
    const rows = this.runFor(policy).pushBuckets(subject);
    while (this.n + rows > this.cap) this.grow();
    return rows > 0;
  }

  /**
   * The counts and status of the next row of buckets started with {@link RowTable.startBuckets}:
   * its records are the next `records` of the pool (by default, all added since the last row).
   */
  pushCounts(
    required: number,
    done: number,
    status: number,
    records = this.poolN - this.pending,
  ): void {
    const i = this.n;
    if ((required | done | records) >>> 0 <= 0xff) {
      this.required[i] = required;
      this.done[i] = done;
      this.recCount[i] = records;
    } else {
      this.required = put(this.required, i, required);
      this.done = put(this.done, i, done);
      this.recCount = put(this.recCount, i, records);
    }
    this.status[i] = status;
    this.n = i + 1;
    this.pending += records;
    if ((this.n & CHECK_MASK) === 0) this.recCheck[this.n >> CHECK_BITS] = this.pending;
  }

  /** The run of `policy`'s rows: the last one, or a new one after it. */
  private runFor(policy: number): RowRun {
    let run = this.runs[this.runs.length - 1];
    if (run === undefined || run.policy !== policy) {
      run = new RowRun(policy, this.n, this.bucketsOf[policy] ?? []);
      this.runs.push(run);
      this.columns = {};
    }
    return run;
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
    this.runFor(policy).push(subject, from, to, due);
    this.pushCounts(required, done, status);
  }

  /** The run holding row `i`. */
  runOf(i: number): RowRun {
    const runs = this.runs;
    const hit = runs[this.last];
    if (hit !== undefined && i >= hit.start && i < hit.end) return hit;
    let lo = 0;
    let hi = runs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (runs[mid]!.start <= i) lo = mid;
      else hi = mid - 1;
    }
    this.last = lo;
    return runs[lo]!;
  }

  /** Policy index of each row. */
  get policy(): Uint16Array {
    return this.column("policy") as Uint16Array;
  }

  /** Subject index of each row. */
  get subject(): Int32Array {
    return this.column("subject") as Int32Array;
  }

  /** First day of each row. */
  get from(): Int32Array {
    return this.column("from") as Int32Array;
  }

  /** Last day of each row. */
  get to(): Int32Array {
    return this.column("to") as Int32Array;
  }

  /** Due day of each row. */
  get due(): Int32Array {
    return this.column("due") as Int32Array;
  }

  private column(name: Column): Int32Array | Uint16Array {
    let col = this.columns[name];
    if (col === undefined) {
      col = name === "policy" ? new Uint16Array(this.n) : new Int32Array(this.n);
      for (const run of this.runs) {
        for (let i = run.start; i < run.end; i++) {
          col[i] =
            name === "policy"
              ? run.policy
              : name === "subject"
                ? run.subjectAt(i)
                : name === "from"
                  ? run.fromAt(i)
                  : name === "to"
                    ? run.toAt(i)
                    : run.dueAt(i);
        }
      }
      this.columns[name] = col;
    }
    return col;
  }
}
