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
    expect(Array.from(t.recStart.subarray(0, 6))).toEqual([0, 1, 3, 6, 10, 15]);
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
    expect(Array.from(t.recStart.subarray(0, 4))).toEqual([0, 1, 2, 2]);
    t.truncate(1);
    expect([t.n, t.poolN]).toEqual([1, 1]);
    t.push(0, 3, 0, 0, 0, 1, 0, 1);
    expect([t.n, t.subject[1], t.recStart[2]]).toEqual([2, 3, 1]);
  });
});
