import fc from "fast-check";
import { propertyRuns, testSize } from "../_lib/fuzz.test-helper";
import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors/errors";
import { solveAssignment, solveAssignmentFlat } from "./assignment";

/** Least total cost by enumerating every assignment of the smaller side. */
function bruteForce(cost: number[][]): number {
  const n = cost.length;
  const m = cost[0]!.length;
  const rows = n <= m;
  const k = Math.min(n, m);
  const big = Math.max(n, m);
  const used = new Array<boolean>(big).fill(false);
  let best = Infinity;
  const rec = (i: number, acc: number): void => {
    if (i === k) {
      best = Math.min(best, acc);
      return;
    }
    for (let j = 0; j < big; j++) {
      if (used[j]) continue;
      used[j] = true;
      rec(i + 1, acc + (rows ? cost[i]![j]! : cost[j]![i]!));
      used[j] = false;
    }
  };
  rec(0, 0);
  return best;
}

const matrix = fc
  .record({ n: fc.integer({ min: 1, max: 6 }), m: fc.integer({ min: 1, max: 6 }) })
  .chain(({ n, m }) =>
    fc.array(fc.array(fc.integer({ min: -50, max: 100 }), { minLength: m, maxLength: m }), {
      minLength: n,
      maxLength: n,
    }),
  );

describe("solveAssignment", () => {
  it("documented example", () => {
    expect(
      solveAssignment([
        [4, 1, 3],
        [2, 0, 5],
        [3, 2, 2],
      ]),
    ).toEqual({ rowToCol: [1, 0, 2], colToRow: [1, 0, 2], total: 5 });
  });

  it("finds the least total cost (brute force on random rectangular matrices up to 6 × 6)", () => {
    fc.assert(
      fc.property(matrix, (cost) => {
        const r = solveAssignment(cost);
        expect(r.total).toBe(bruteForce(cost));
        const k = Math.min(cost.length, cost[0]!.length);
        expect(r.rowToCol.filter((c) => c >= 0)).toHaveLength(k);
        expect(new Set(r.rowToCol.filter((c) => c >= 0)).size).toBe(k);
        r.rowToCol.forEach((c, i) => {
          if (c >= 0) expect(r.colToRow[c]).toBe(i);
        });
      }),
      { numRuns: propertyRuns(400) },
    );
  }, 60_000);

  it("finds the least total cost on square matrices (column reduction path), ties included", () => {
    const square = fc.integer({ min: 1, max: 6 }).chain((n) =>
      fc.array(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: n, maxLength: n }), {
        minLength: n,
        maxLength: n,
      }),
    );
    fc.assert(
      fc.property(square, (cost) => {
        expect(solveAssignment(cost).total).toBe(bruteForce(cost));
      }),
      { numRuns: propertyRuns(500) },
    );
  }, 60_000);

  it("the flat entry point agrees with the array one", () => {
    fc.assert(
      fc.property(matrix, (cost) => {
        if (cost.length > cost[0]!.length) return;
        const flat = Float64Array.from(cost.flat());
        const cols = solveAssignmentFlat(cost.length, cost[0]!.length, flat);
        const total = [...cols].reduce((a, c, i) => a + cost[i]![c]!, 0);
        expect(total).toBe(solveAssignment(cost).total);
      }),
      { numRuns: propertyRuns(100) },
    );
  }, 60_000);

  it("handles empty input and rejects ragged or non-finite matrices", () => {
    expect(solveAssignment([])).toEqual({ rowToCol: [], colToRow: [], total: 0 });
    expect(() => solveAssignment([[1, 2], [3]])).toThrow(ValidationError);
    expect(() => solveAssignment([[1, Number.NaN]])).toThrow(ValidationError);
    expect(() => solveAssignmentFlat(3, 2, new Float64Array(6))).toThrow(ValidationError);
  });

  it("solves a 300 × 300 random instance no worse than a greedy assignment", () => {
    let s = 7;
    const rnd = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) % 1000;
    const n = testSize(300, 60);
    const cost = Array.from({ length: n }, () => Array.from({ length: n }, rnd));
    const r = solveAssignment(cost);
    const used = new Set<number>();
    let greedy = 0;
    for (const row of cost) {
      let bj = -1;
      for (let j = 0; j < row.length; j++)
        if (!used.has(j) && (bj < 0 || row[j]! < row[bj]!)) bj = j;
      used.add(bj);
      greedy += row[bj]!;
    }
    expect(r.total).toBeLessThanOrEqual(greedy);
  }, 60_000);
});
