import { describe, expect, it } from "vitest";
import { IdIndex } from "./id-index";

describe("IdIndex", () => {
  it("keeps the first value of each id, as a Map that is never overwritten would", () => {
    const index = new IdIndex(16);
    const reference = new Map<string, number>();
    for (let i = 0; i < 200_000; i++) {
      // Every 7th id repeats one added earlier; the value is the step.
      const id = `id-${(i % 7 === 6 ? i >> 1 : i).toString(36)}`;
      const before = reference.get(id) ?? -1;
      expect(index.add(id, i)).toBe(before);
      if (before < 0) reference.set(id, i);
    }
    expect(index.size).toBe(reference.size);
    for (const [id, value] of reference) expect(index.get(id)).toBe(value);
    expect(index.get("id-none")).toBe(-1);
    expect(index.get("")).toBe(-1);
  });

  it("holds ids of any characters, the empty id among them", () => {
    const index = new IdIndex();
    expect(["儿童-1", "", "儿童-1", "c1", ""].map((id, k) => index.add(id, k))).toEqual([
      -1, -1, 0, -1, 1,
    ]);
    expect(index.get("儿童-1")).toBe(0);
    expect(index.get("")).toBe(1);
    expect(index.get("c1")).toBe(3);
    expect(index.get("c2")).toBe(-1);
    expect(index.size).toBe(3);
  });
});
