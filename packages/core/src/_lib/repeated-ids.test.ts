import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IdStore } from "./id-store";
import { repeatedIds } from "./repeated-ids";

/** The ids in a store, with the hashes the store gave as each was added. */
function stored(list: readonly string[]): { ids: IdStore; hashes: Int32Array } {
  const ids = new IdStore();
  const hashes = new Int32Array(list.length);
  list.forEach((id, i) => {
    ids.add(id);
    hashes[i] = ids.lastHash;
  });
  return { ids, hashes };
}

/** The indices of ids seen before, by a `Set`. */
function reference(list: readonly string[]): number[] {
  const seen = new Set<string>();
  const out: number[] = [];
  list.forEach((id, i) => (seen.has(id) ? out.push(i) : seen.add(id)));
  return out;
}

describe("repeatedIds", () => {
  it("finds every id equal to an earlier one, ascending, as a Set would", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 3 }), { maxLength: 300 }), (list) => {
        const { ids, hashes } = stored(list);
        expect([...repeatedIds(ids, hashes)]).toEqual(reference(list));
      }),
    );
  });

  it("compares the ids themselves when their hashes are equal", () => {
    const list = ["a", "b", "a", "c", "b", "b"];
    const { ids } = stored(list);
    // Every hash the same: only the ids tell them apart.
    expect([...repeatedIds(ids, new Int32Array(list.length))]).toEqual([2, 4, 5]);
    // Hashes differing only in their top bits (the last pass of the sort).
    const high = Int32Array.from(list, (id) => (id.charCodeAt(0) << 24) | 5);
    expect([...repeatedIds(ids, high)]).toEqual([2, 4, 5]);
  });

  it("handles many repeats of one id and a county's count of distinct ids", () => {
    const same = stored(Array.from({ length: 50_000 }, () => "r-1"));
    const all = repeatedIds(same.ids, same.hashes);
    expect(all).toHaveLength(49_999);
    expect(all[0]).toBe(1);
    const list = Array.from({ length: 400_000 }, (_, i) =>
      i % 1000 === 999 ? `r-${i - 500}` : `r-${i}`,
    );
    const many = stored(list);
    expect([...repeatedIds(many.ids, many.hashes)]).toEqual(reference(list));
  });
});
