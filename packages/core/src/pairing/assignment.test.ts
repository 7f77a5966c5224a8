import fc from "fast-check";
import { propertyRuns, testSize } from "../_lib/fuzz.test-helper";
import { thrown } from "../_lib/throws.test-helper";
import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors/errors";
import { CostMatrixSchema, solveAssignment, solveAssignmentFlat } from "./assignment";

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

/** Every matrix of `rows` × `cols` cells with values in `values`, in counting order. */
function* everyMatrix(
  rows: number,
  cols: number,
  values: readonly number[],
): Generator<number[][]> {
  const cells = rows * cols;
  const digits = new Array<number>(cells).fill(0);
  for (;;) {
    yield Array.from({ length: rows }, (_, i) =>
      Array.from({ length: cols }, (_, j) => values[digits[i * cols + j]!]!),
    );
    let k = 0;
    while (k < cells && digits[k] === values.length - 1) digits[k++] = 0;
    if (k === cells) return;
    digits[k]! += 1;
  }
}

/** A seeded matrix of `rows` × `cols` integers drawn from `[low, high]`. */
function seededMatrix(seed: number, rows: number, cols: number, low: number, high: number) {
  let s = seed;
  const next = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
  return Array.from({ length: rows }, () =>
    Array.from({ length: cols }, () => low + Math.floor(next() * (high - low + 1))),
  );
}

const transposed = (cost: number[][]) => cost[0]!.map((_, j) => cost.map((row) => row[j]!));

/**
 * What is wrong with the answer of `solveAssignment` to `cost`, checked against the brute force
 * (as many pairs as the smaller side, no cell twice, `colToRow` the inverse of `rowToCol`, the
 * total the sum of the chosen cells and the least one), or `undefined`. Plain checks, not
 * `expect`, so that thousands of matrices stay fast.
 */
function problemOf(cost: number[][]): string | undefined {
  const { rowToCol, colToRow, total } = solveAssignment(cost);
  const n = cost.length;
  const m = cost[0]!.length;
  const wrong = (what: string) => `${JSON.stringify(cost)}: ${what}`;
  if (rowToCol.length !== n || colToRow.length !== m) return wrong("lengths");
  let sum = 0;
  let pairs = 0;
  for (let i = 0; i < n; i++) {
    const j = rowToCol[i]!;
    if (j === -1) continue;
    if (colToRow[j] !== i) return wrong(`row ${i}`);
    sum += cost[i]![j]!;
    pairs += 1;
  }
  for (let j = 0; j < m; j++) {
    const i = colToRow[j]!;
    if (i !== -1 && rowToCol[i] !== j) return wrong(`column ${j}`);
  }
  if (pairs !== Math.min(n, m)) return wrong(`${pairs} pairs`);
  if (total !== sum) return wrong(`total ${total}, chosen cells ${sum}`);
  const best = bruteForce(cost);
  return total === best ? undefined : wrong(`total ${total}, optimum ${best}`);
}

/** The problems of the answers to `matrices`, at most five. */
function problemsOf(matrices: Iterable<number[][]>): string[] {
  const problems: string[] = [];
  for (const cost of matrices) {
    const problem = problemOf(cost);
    if (problem !== undefined && problems.push(problem) === 5) break;
  }
  return problems;
}

describe("solveAssignment against the brute force, exhaustively on small matrices", () => {
  it("every 2 × 2, 2 × 3 and 3 × 2 matrix of 0–3, and every 3 × 3 one of 0–2 (ties everywhere)", () => {
    expect(problemsOf(everyMatrix(2, 2, [0, 1, 2, 3]))).toEqual([]);
    expect(problemsOf(everyMatrix(2, 3, [0, 1, 2, 3]))).toEqual([]);
    expect(problemsOf(everyMatrix(3, 2, [0, 1, 2, 3]))).toEqual([]);
    expect(problemsOf(everyMatrix(3, 3, [0, 1, 2]))).toEqual([]);
  }, 120_000);

  it("every 1 × 3, 3 × 1, 2 × 4 and 4 × 2 matrix of 0–2", () => {
    expect(problemsOf(everyMatrix(1, 3, [0, 1, 2]))).toEqual([]);
    expect(problemsOf(everyMatrix(3, 1, [0, 1, 2]))).toEqual([]);
    expect(problemsOf(everyMatrix(2, 4, [0, 1, 2]))).toEqual([]);
    expect(problemsOf(everyMatrix(4, 2, [0, 1, 2]))).toEqual([]);
  }, 120_000);

  it("seeded matrices up to 6 × 6 in both orientations, with negative and huge costs", () => {
    const shapes: [number, number][] = [
      [4, 4],
      [5, 5],
      [6, 6],
      [3, 5],
      [4, 6],
      [2, 6],
    ];
    const ranges: [number, number][] = [
      [0, 3],
      [-9, 9],
      [-1e12, 1e12],
    ];
    const matrices: number[][][] = [];
    for (let seed = 1; seed <= testSize(40, 12); seed++) {
      for (const [rows, cols] of shapes) {
        for (const [low, high] of ranges) {
          const cost = seededMatrix(seed, rows, cols, low, high);
          matrices.push(cost, transposed(cost));
        }
      }
    }
    expect(problemsOf(matrices)).toEqual([]);
  }, 120_000);

  it("the flat entry point gives the same optimum on the seeded matrices", () => {
    for (let seed = 1; seed <= 12; seed++) {
      for (const [rows, cols] of [
        [5, 5],
        [3, 6],
      ] as const) {
        const cost = seededMatrix(seed, rows, cols, -20, 20);
        const rowToCol = solveAssignmentFlat(rows, cols, Float64Array.from(cost.flat()));
        expect(new Set(rowToCol).size).toBe(rows);
        const total = [...rowToCol].reduce((a, j, i) => a + cost[i]![j]!, 0);
        expect(total).toBe(bruteForce(cost));
      }
    }
  });
});

describe("solveAssignment: what it refuses, in both languages", () => {
  const validation = (f: () => unknown): ValidationError => {
    const e = thrown(f);
    expect(e).toBeInstanceOf(ValidationError);
    return e as ValidationError;
  };

  it("names the cost matrix as the subject of every error", () => {
    for (const e of [
      validation(() => solveAssignment([[1, Number.NaN]])),
      validation(() => solveAssignment(5 as never)),
      validation(() => solveAssignmentFlat(3, 2, new Float64Array(6))),
    ]) {
      expect(e.messages.en).toMatch(/^Invalid cost matrix \(1 issue\): /);
      expect(e.messages["zh-CN"]).toMatch(/^代价矩阵校验失败（1 处）：/);
    }
  });

  it("reports a ragged row and a bad cell with code, received value and both texts", () => {
    const e = validation(() => solveAssignment([[1, 2], [3], [4, -Infinity]]));
    expect(e.issues).toEqual([
      {
        path: "[1]",
        code: "invalid_length",
        message: { "zh-CN": "第 1 行有 1 列，应为 2 列", en: "row 1 has 1 columns, expected 2" },
      },
      {
        path: "[2][1]",
        code: "invalid_type",
        received: "-Infinity",
        message: {
          "zh-CN": "[2][1]：应为有限数值（收到：-Infinity）",
          en: "[2][1]: expected a finite number (received: -Infinity)",
        },
      },
    ]);
  });

  it("refuses values that are not numbers even when they subtract to 0", () => {
    for (const bad of ["1", null, true, [], ""]) {
      const e = validation(() => solveAssignment([[0, bad as never]]));
      expect(e.issues.map((i) => [i.path, i.code])).toEqual([["[0][1]", "invalid_type"]]);
    }
  });

  it("refuses a matrix that is not an array of arrays before reading its shape", () => {
    for (const bad of [null, undefined, 5, [null], [undefined], [5], [[1], null]]) {
      const e = validation(() => solveAssignment(bad as never));
      expect(e.issues).toHaveLength(1);
    }
    expect(validation(() => solveAssignment([null] as never)).issues[0]!.path).toBe("[0]");
  });

  it("refuses cells that change after their check, and never throws anything else", () => {
    // A cell read once as a number (the check), then as something else: a getter or a proxy.
    const later = [Number.NaN, "x", undefined, {}, -1e300, 7, "throw"] as const;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 6 }),
        fc.nat(),
        fc.constantFrom(...later),
        fc.boolean(),
        (n, m, at, then, proxy) => {
          const cost = Array.from({ length: n }, (_, i) =>
            Array.from({ length: m }, (_, j) => (i * 7 + j * 3) % 5),
          );
          const i = at % n;
          const j = Math.floor(at / n) % m;
          let reads = 0;
          const cell = (): unknown => {
            if (reads++ === 0) return 1;
            if (then === "throw") throw new Error("a host's getter");
            return then;
          };
          if (proxy) {
            cost[i] = new Proxy(cost[i]!, {
              get: (row, key) => (key === String(j) ? cell() : Reflect.get(row, key)),
            });
          } else Object.defineProperty(cost[i], j, { get: cell, enumerable: true });
          let result: ReturnType<typeof solveAssignment> | undefined;
          try {
            result = solveAssignment(cost);
          } catch (e) {
            expect(e).toBeInstanceOf(ValidationError);
            return;
          }
          // Solved: a matching of the smaller side with a finite total.
          const used = result.rowToCol.filter((c) => c >= 0);
          expect(new Set(used).size).toBe(Math.min(n, m));
          expect(Number.isFinite(result.total)).toBe(true);
        },
      ),
      { numRuns: propertyRuns(300) },
    );
  });

  it("refuses a proxy of a Float64Array as the flat matrix", () => {
    const proxy = new Proxy(Float64Array.from([1, 2, 3, 4]), {});
    const e = validation(() => solveAssignmentFlat(2, 2, proxy));
    expect(e.issues).toHaveLength(1);
  });

  it("solves a flat matrix of no rows and any width", () => {
    expect(solveAssignmentFlat(0, 3, new Float64Array(0))).toEqual(new Int32Array(0));
    expect(solveAssignmentFlat(1, 3, Float64Array.from([2, -1, 0]))).toEqual(Int32Array.from([1]));
  });
});

describe("CostMatrixSchema", () => {
  it("accepts rectangular matrices, empty ones included", () => {
    for (const ok of [
      [],
      [[]],
      [[], []],
      [[1]],
      [
        [1, 2],
        [3, 4],
      ],
      [[1, 2, 3]],
    ]) {
      expect(CostMatrixSchema.safeParse(ok).success).toBe(true);
    }
  });

  it("reports each row whose length differs from the first row's, by index", () => {
    const r = CostMatrixSchema.safeParse([[1, 2], [3], [4, 5], [6, 7, 8]]);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => [i.code, i.path, i.message])).toEqual([
      ["custom", [1], "row 1 has 1 columns, expected 2"],
      ["custom", [3], "row 3 has 3 columns, expected 2"],
    ]);
  });
});
