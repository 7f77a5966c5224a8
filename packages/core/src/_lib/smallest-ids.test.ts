import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SmallestDistinctIds } from "./smallest-ids";

describe("SmallestDistinctIds", () => {
  it("keeps what sorting the distinct ids and taking the first ones gives", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 3 }), { maxLength: 200 }),
        fc.nat(25),
        (ids, max) => {
          const kept = new SmallestDistinctIds(max);
          for (const id of ids) kept.add(id);
          expect(kept.ids).toEqual([...new Set(ids)].sort().slice(0, max));
        },
      ),
    );
  });

  it("holds no more than it keeps, whatever the stream's length", () => {
    const kept = new SmallestDistinctIds();
    for (let i = 0; i < 100_000; i++) kept.add(`r${(i * 7919) % 100_003}`);
    expect(kept.ids).toHaveLength(20);
    expect(kept.ids[0]).toBe("r0");
  });
});
