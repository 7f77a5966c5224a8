import { describe, expect, it } from "vitest";
import { IdStore } from "./id-store";
import { IdTable } from "./id-table";

describe("IdTable", () => {
  it("finds every repeated id across many growths, and only those", () => {
    const ids = new IdStore();
    const table = new IdTable(ids);
    const repeats: [number, number][] = [];
    for (let i = 0; i < 300_000; i++) {
      // Every 1,000th id repeats one seen 500 entries earlier.
      const id = i % 1000 === 999 ? ids.get(i - 500) : `r-${i.toString(36)}`;
      const earlier = table.add(ids.add(id));
      if (earlier >= 0) repeats.push([earlier, i]);
    }
    expect(repeats).toHaveLength(300);
    for (const [a, b] of repeats) {
      expect(ids.get(a)).toBe(ids.get(b));
      expect(b - a).toBe(500);
    }
  });

  it("tells apart ids whose hashes collide in the table", () => {
    const ids = new IdStore();
    const table = new IdTable(ids);
    expect(["a", "b", "a", "", ""].map((id) => table.add(ids.add(id)))).toEqual([-1, -1, 0, -1, 3]);
    expect(["a", "b", "", "c"].map((id) => table.find(id))).toEqual([0, 1, 3, -1]);
  });
});
