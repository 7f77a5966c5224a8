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

describe("solveAssignment: checks, in words, and shapes", () => {
  /** The issues of the ValidationError `f` throws: path and English text. */
  const issuesOf = (f: () => unknown): [string, string][] => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      return (e as ValidationError).issues.map((i) => [i.path, i.message.en]);
    }
    return expect.unreachable("no ValidationError");
  };

  it("reports a ragged row and the first bad cell of each row, by position", () => {
    expect(
      issuesOf(() => solveAssignment([[1, 2], [3], [1, "x" as never], [Infinity, Number.NaN]])),
    ).toEqual([
      ["[1]", "row 1 has 1 columns, expected 2"],
      ["[2][1]", '[2][1]: expected a finite number (received: "x")'],
      ["[3][0]", "[3][0]: expected a finite number (received: Infinity)"],
    ]);
    const bad = (rows: number) => Array.from({ length: rows }, () => [1, Number.NaN]);
    expect(issuesOf(() => solveAssignment(bad(19)))).toHaveLength(19);
    expect(issuesOf(() => solveAssignment(bad(20)))).toHaveLength(20);
    expect(issuesOf(() => solveAssignment(bad(21)))).toHaveLength(20);
  });

  it("leaves anything but an array of arrays to the schema's message", () => {
    expect(issuesOf(() => solveAssignment("x" as never))).toEqual([
      ["", 'expected array (received: "x")'],
    ]);
    expect(issuesOf(() => solveAssignment([[1], "x" as never]))).toEqual([
      ["[1]", '[1]: expected array (received: "x")'],
    ]);
  });

  it("solves more rows than columns by transposing, and rows of no column", () => {
    expect(
      solveAssignment([
        [5, 1],
        [1, 5],
        [0, 0],
      ]),
    ).toEqual({
      rowToCol: [-1, 0, 1],
      colToRow: [1, 2],
      total: 1,
    });
    expect(solveAssignment([[1, 5, 0]])).toEqual({
      rowToCol: [2],
      colToRow: [-1, -1, 0],
      total: 0,
    });
    expect(solveAssignment([[], []])).toEqual({ rowToCol: [-1, -1], colToRow: [], total: 0 });
  });

  it("the flat entry point wants rows ≤ cols and a Float64Array of rows × cols", () => {
    expect(solveAssignmentFlat(0, 0, new Float64Array(0))).toEqual(new Int32Array(0));
    expect(solveAssignmentFlat(2, 2, Float64Array.from([1, 0, 0, 1]))).toEqual(
      Int32Array.from([1, 0]),
    );
    expect(solveAssignmentFlat(2, 3, Float64Array.from([1, 0, 9, 0, 1, 9]))).toEqual(
      Int32Array.from([1, 0]),
    );
    expect(issuesOf(() => solveAssignmentFlat(2, 3, new Float64Array(5)))).toEqual([
      ["", "expected rows ≤ cols and cost.length = rows × cols (received: object)"],
    ]);
    expect(issuesOf(() => solveAssignmentFlat(2, 2, [1, 2, 3, 4] as never))).toEqual([
      ["length", "length: expected number (received: undefined)"],
    ]);
  });
});
