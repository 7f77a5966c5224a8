import { describe, expect, it } from "vitest";
import { RowTable } from "./table";

/** The row table grows its columns and its record pool past their first size, keeping every value. */
describe("RowTable", () => {
  const columns = (t: RowTable, i: number) => [
    t.policy[i],
    t.subject[i],
    t.from[i],
    t.to[i],
    t.due[i],
    t.required[i],
    t.done[i],
    t.status[i],
  ];

  it("keeps every column and record range when it grows", () => {
    const t = new RowTable(2);
    for (let i = 0; i < 5; i++) {
      for (let k = 0; k <= i; k++) t.addRecord(100 * i + k);
      t.push(i + 1, i + 2, i + 3, i + 4, i + 5, i + 6, i + 7, i + 8);
    }
    expect(t.n).toBe(5);
    expect([0, 1, 2, 3, 4].map((i) => columns(t, i))).toEqual([
      [1, 2, 3, 4, 5, 6, 7, 8],
      [2, 3, 4, 5, 6, 7, 8, 9],
      [3, 4, 5, 6, 7, 8, 9, 10],
      [4, 5, 6, 7, 8, 9, 10, 11],
      [5, 6, 7, 8, 9, 10, 11, 12],
    ]);
    // Rows own 1, 2, 3, 4 and 5 records: 15 in the pool, which started with room for 2.
    expect([0, 1, 2, 3, 4, 5].map((i) => t.recordStart(i))).toEqual([0, 1, 3, 6, 10, 15]);
    expect(Array.from(t.pool.subarray(0, 15))).toEqual([
      0, 100, 101, 200, 201, 202, 300, 301, 302, 303, 400, 401, 402, 403, 404,
    ]);
    expect(t.poolN).toBe(15);
  });

  it("drops the records of a row not pushed, and rows past a count", () => {
    const t = new RowTable(4);
    t.addRecord(7);
    t.push(0, 0, 0, 0, 0, 1, 1, 0);
    t.addRecord(8);
    t.addRecord(9);
    t.discardRecords();
    expect(t.poolN).toBe(1);
    t.addRecord(10);
    t.push(0, 1, 0, 0, 0, 1, 1, 0);
    t.push(0, 2, 0, 0, 0, 1, 0, 1);
    expect([0, 1, 2, 3].map((i) => t.recordStart(i))).toEqual([0, 1, 2, 2]);
    t.truncate(1);
    expect([t.n, t.poolN]).toEqual([1, 1]);
    t.push(0, 3, 0, 0, 0, 1, 0, 1);
    expect([t.n, t.subject[1], t.recordStart(2)]).toEqual([2, 3, 1]);
  });
});

/** Counts are kept in 8 bits until a value needs 16 or 32; record starts past every checkpoint. */
describe("RowTable counts", () => {
  it("widens a count column when a value does not fit, keeping the earlier values", () => {
    const t = new RowTable(4);
    const values = [3, 255, 256, 65_535, 65_536, 2 ** 31 - 1, 0];
    values.forEach((v, i) => t.push(0, i, 0, 0, 0, v, values.length - i, 0));
    expect(Array.from({ length: values.length }, (_, i) => t.required[i])).toEqual(values);
    expect(Array.from({ length: values.length }, (_, i) => t.done[i])).toEqual([
      7, 6, 5, 4, 3, 2, 1,
    ]);
    expect(t.required).toBeInstanceOf(Int32Array);
    expect(t.done).toBeInstanceOf(Uint8Array);
  });

  it("finds each row's records across checkpoints, with 300 records in one row and after a truncation", () => {
    const t = new RowTable(8);
    const counts = Array.from({ length: 200 }, (_, i) => (i === 70 ? 300 : i % 3));
    let e = 0;
    counts.forEach((c, i) => {
      for (let k = 0; k < c; k++) t.addRecord(e++);
      t.push(0, i, 0, 0, 0, 1, c, 0);
    });
    const starts = counts.map((_, i) => counts.slice(0, i).reduce((a, b) => a + b, 0));
    expect(counts.map((_, i) => t.recordStart(i))).toEqual(starts);
    expect(counts.map((_, i) => t.recordCount(i))).toEqual(counts);
    t.truncate(130);
    expect(t.poolN).toBe(starts[130]);
    t.addRecord(9_999);
    t.push(0, 130, 0, 0, 0, 1, 1, 0);
    expect([t.recordStart(130), t.recordCount(130), t.pool[t.recordStart(130)]]).toEqual([
      starts[130],
      1,
      9_999,
    ]);
  });
});

/** Count rows keep no days or subject of their own; rows out of bucket order fall back to them. */
describe("RowTable runs", () => {
  const buckets = [
    { from: 10, to: 16 },
    { from: 17, to: 23 },
  ];
  const days = (t: RowTable) =>
    [...Array(t.n).keys()].map((i) => [t.policy[i], t.subject[i], t.from[i], t.to[i], t.due[i]]);

  it("reads a count policy's rows from its buckets, one subject per run of them", () => {
    const t = new RowTable(8, [buckets, []]);
    for (const s of [4, 9]) for (const b of buckets) t.push(0, s, b.from, b.to, b.to, 1, 0, 2);
    t.push(1, 3, 5, 8, 6, 1, 1, 0);
    expect(days(t)).toEqual([
      [0, 4, 10, 16, 16],
      [0, 4, 17, 23, 23],
      [0, 9, 10, 16, 16],
      [0, 9, 17, 23, 23],
      [1, 3, 5, 8, 6],
    ]);
    expect(t.runs.map((r) => [r.policy, r.start, r.end])).toEqual([
      [0, 0, 4],
      [1, 4, 5],
    ]);
    expect([t.runOf(3).policy, t.runOf(4).policy, t.runOf(0).subjectAt(2)]).toEqual([0, 1, 9]);
  });

  it("takes a subject's bucket rows at once, as pushed one by one, and only between subjects in bucket order", () => {
    const one = new RowTable(2, [buckets]);
    const all = new RowTable(2, [buckets]);
    // The subject's records all pooled first, each row then told how many are its own.
    const pooled = new RowTable(2, [buckets]);
    // Past 64 rows, where the table keeps a checkpoint of where rows' records start.
    const subjects: [number, readonly number[]][] = [
      [4, [1, 300]],
      [9, [0, 2]],
    ];
    for (let s = 10; s < 50; s++) subjects.push([s, [s % 3, (s * 7) % 5]]);
    for (const [s, counts] of subjects) {
      expect(all.startBuckets(0, s)).toBe(true);
      expect(pooled.startBuckets(0, s)).toBe(true);
      buckets.forEach((b, k) => {
        for (const t of [one, all, pooled])
          for (let r = 0; r < counts[k]!; r++) t.addRecord(s * 1000 + k * 500 + r);
        one.push(0, s, b.from, b.to, b.to, 1, counts[k]!, 0);
        all.pushCounts(1, counts[k]!, 0);
      });
      buckets.forEach((_, k) => pooled.pushCounts(1, counts[k]!, 0, counts[k]!));
    }
    const read = (t: RowTable) =>
      [...Array(t.n).keys()].map((i) => {
        const a = t.recordStart(i);
        return [t.done[i], a, t.recordCount(i), [...t.pool.subarray(a, a + t.recordCount(i))]];
      });
    expect(days(all)).toEqual(days(one));
    expect(days(pooled)).toEqual(days(one));
    expect(read(all)).toEqual(read(one));
    expect(read(pooled)).toEqual(read(one));
    expect([pooled.n, all.n, one.n]).toEqual([84, 84, 84]);
    expect(all.runs.map((r) => [r.policy, r.start, r.end])).toEqual([[0, 0, 84]]);
    // Halfway through a subject's buckets, or once a row broke the order: one by one.
    all.push(0, 5, 10, 16, 16, 1, 0, 2);
    expect(all.startBuckets(0, 6)).toBe(false);
    all.push(0, 5, 1, 2, 3, 1, 0, 2);
    expect(all.startBuckets(0, 6)).toBe(false);
    expect([all.n, all.runs[0]!.end]).toEqual([86, 86]);
  });

  it("keeps every row's own days once a row breaks the bucket order, and across truncation", () => {
    const t = new RowTable(8, [buckets]);
    t.push(0, 4, 10, 16, 16, 1, 0, 2);
    t.push(0, 4, 17, 23, 23, 1, 0, 2);
    t.push(0, 5, 10, 16, 16, 1, 0, 2);
    t.truncate(2);
    t.push(0, 6, 10, 16, 16, 1, 0, 2);
    t.push(0, 7, 17, 23, 23, 1, 0, 2);
    t.push(0, 8, 1, 2, 3, 1, 0, 2);
    expect(days(t)).toEqual([
      [0, 4, 10, 16, 16],
      [0, 4, 17, 23, 23],
      [0, 6, 10, 16, 16],
      [0, 7, 17, 23, 23],
      [0, 8, 1, 2, 3],
    ]);
    t.truncate(3);
    expect(days(t)).toEqual([
      [0, 4, 10, 16, 16],
      [0, 4, 17, 23, 23],
      [0, 6, 10, 16, 16],
    ]);
    t.truncate(0);
    expect([t.n, t.runs.length]).toEqual([0, 0]);
  });
});
