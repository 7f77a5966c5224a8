import * as z from "zod";
import { ValidationError } from "../errors/errors";
import { describeValue, type FieldIssue } from "../errors/issues";
import { validate } from "../errors/validate";
import { text } from "../i18n";

/**
 * A dense cost matrix: an array of rows of finite numbers, all rows the same length.
 * @example
 * CostMatrixSchema.safeParse([[1, 2], [3]]).success //=> false
 * @category Pairing
 */
export const CostMatrixSchema = z.array(z.array(z.number().finite())).superRefine((rows, ctx) => {
  const width = rows[0]?.length ?? 0;
  rows.forEach((row, i) => {
    if (row.length !== width) {
      ctx.addIssue({
        code: "custom",
        path: [i],
        message: `row ${i} has ${row.length} columns, expected ${width}`,
      });
    }
  });
});

/**
 * Result of {@link solveAssignment}.
 * @example
 * solveAssignment([[1, 0], [0, 1]]) //=> { rowToCol: [1, 0], colToRow: [1, 0], total: 0 }
 * @category Pairing
 */
export interface AssignmentResult {
  /** For each row, the column assigned to it, or -1 (only when there are more rows than columns). */
  readonly rowToCol: number[];
  /** For each column, the row assigned to it, or -1. */
  readonly colToRow: number[];
  /** Sum of the costs of the chosen cells. */
  readonly total: number;
}

function columnReduction(
  nr: number,
  nc: number,
  cost: Float64Array,
  v: Float64Array,
  col4row: Int32Array,
  row4col: Int32Array,
): void {
  v.fill(Infinity);
  const argmin = new Int32Array(nc);
  for (let i = 0; i < nr; i++) {
    const base = i * nc;
    for (let j = 0; j < nc; j++) {
      const c = cost[base + j]!;
      if (c < v[j]!) {
        v[j] = c;
        argmin[j] = i;
      }
    }
  }
  for (let j = 0; j < nc; j++) {
    const i = argmin[j]!;
    if (col4row[i] === -1) {
      col4row[i] = j;
      row4col[j] = i;
    }
  }
}

/**
 * Core of the dense solver on a flat row-major matrix with `nr ≤ nc`. Shortest augmenting paths
 * from each row in turn (Jonker–Volgenant / Crouse 2016), O(nr² · nc) in the worst case and far
 * less on typical inputs.
 */
function solveFlat(nr: number, nc: number, cost: Float64Array): Int32Array {
  const u = new Float64Array(nr);
  const v = new Float64Array(nc);
  const shortest = new Float64Array(nc);
  const path = new Int32Array(nc).fill(-1);
  const col4row = new Int32Array(nr).fill(-1);
  const row4col = new Int32Array(nc).fill(-1);
  const SR = new Uint8Array(nr);
  const SC = new Uint8Array(nc);
  const remaining = new Int32Array(nc);
  const visitedRows: number[] = [];
  // Square matrices: column reduction (Jonker–Volgenant), v[j] = min_i cost[i][j] keeps every
  // reduced cost ≥ 0, and a column's minimum row takes it when that row is still free (u stays
  // 0: the pair is tight). Not for rectangular ones, where a column left free needs v[j] = 0.
  if (nr === nc) columnReduction(nr, nc, cost, v, col4row, row4col);
  for (let cur = 0; cur < nr; cur++) {
    if (col4row[cur] !== -1) continue;
    let minVal = 0;
    let numRemaining = nc;
    for (let it = 0; it < nc; it++) remaining[it] = nc - it - 1;
    SC.fill(0);
    shortest.fill(Infinity);
    for (const r of visitedRows) SR[r] = 0;
    visitedRows.length = 0;
    let sink = -1;
    let i = cur;
    while (sink === -1) {
      let index = -1;
      let lowest = Infinity;
      SR[i] = 1;
      visitedRows.push(i);
      const base = i * nc;
      const ui = u[i]!;
      for (let it = 0; it < numRemaining; it++) {
        const j = remaining[it]!;
        const r = minVal + cost[base + j]! - ui - v[j]!;
        let sj = shortest[j]!;
        if (r < sj) {
          path[j] = i;
          shortest[j] = r;
          sj = r;
        }
        if (sj < lowest || (sj === lowest && row4col[j] === -1)) {
          lowest = sj;
          index = it;
        }
      }
      minVal = lowest;
      const j = remaining[index]!;
      if (row4col[j] === -1) sink = j;
      else i = row4col[j]!;
      SC[j] = 1;
      remaining[index] = remaining[--numRemaining]!;
    }
    u[cur] = u[cur]! + minVal;
    for (const r of visitedRows) {
      if (r !== cur) u[r] = u[r]! + minVal - shortest[col4row[r]!]!;
    }
    for (let j = 0; j < nc; j++) if (SC[j]) v[j] = v[j]! - (minVal - shortest[j]!);
    let j = sink;
    for (;;) {
      const r = path[j]!;
      row4col[j] = r;
      const tmp = col4row[r]!;
      col4row[r] = j;
      j = tmp;
      if (r === cur) break;
    }
  }
  return col4row;
}

/**
 * Checks a cost matrix and copies it into a flat row-major array with `nr ≤ nc` (transposed when
 * there are more rows than columns), in one pass over the cells. Anything but an array of arrays
 * goes to zod for its message; a ragged row or a cell that is not a finite number is reported
 * by position (at most 20 problems, the first bad cell of a row).
 */
function readMatrix(cost: readonly (readonly number[])[], transpose: boolean): Float64Array {
  const subject = text("代价矩阵", "cost matrix");
  let arrays = Array.isArray(cost);
  for (let i = 0; arrays && i < cost.length; i++) arrays = Array.isArray(cost[i]);
  if (!arrays) validate(z.array(z.array(z.unknown())), cost, { subject });
  const n = cost.length;
  const width = cost[0]?.length ?? 0;
  const flat = new Float64Array(n * width);
  const issues: FieldIssue[] = [];
  for (let i = 0; i < n && issues.length < 20; i++) {
    const row = cost[i]!;
    if (row.length !== width) {
      issues.push({
        path: `[${i}]`,
        code: "invalid_length",
        message: text(
          `第 ${i} 行有 ${row.length} 列，应为 ${width} 列`,
          `row ${i} has ${row.length} columns, expected ${width}`,
        ),
      });
      continue;
    }
    for (let j = 0; j < width; j++) {
      const v = row[j];
      // typeof + finite in one test: NaN, ±Infinity and non-numbers all fail `v - v === 0`.
      if (typeof v !== "number" || v - v !== 0) {
        issues.push({
          path: `[${i}][${j}]`,
          code: "invalid_type",
          received: describeValue(v),
          message: text(
            `[${i}][${j}]：应为有限数值（收到：${describeValue(v)}）`,
            `[${i}][${j}]: expected a finite number (received: ${describeValue(v)})`,
          ),
        });
        break;
      }
      flat[transpose ? j * n + i : i * width + j] = v;
    }
  }
  if (issues.length > 0) throw new ValidationError(issues, { subject });
  return flat;
}

/**
 * Solves the dense (rectangular) assignment problem: pick one cell per row and per column,
 * as many as the smaller side allows, with the least total cost. Exact for integer costs.
 * @param cost - `cost[i][j]` is the cost of giving column `j` to row `i`.
 * @returns the chosen column of each row (or -1), the chosen row of each column, and the total.
 * @throws ValidationError when the matrix is ragged or holds a non-finite number.
 * @example
 * solveAssignment([[4, 1, 3], [2, 0, 5], [3, 2, 2]]).rowToCol //=> [1, 0, 2]
 * solveAssignment([[4, 1, 3], [2, 0, 5], [3, 2, 2]]).total //=> 5
 * @category Pairing
 */
export function solveAssignment(cost: readonly (readonly number[])[]): AssignmentResult {
  const n = Array.isArray(cost) ? cost.length : 0;
  const m = Array.isArray(cost) && Array.isArray(cost[0]) ? cost[0].length : 0;
  const transpose = n > m;
  const flat = readMatrix(cost, transpose);
  if (n === 0 || m === 0) {
    return { rowToCol: Array(n).fill(-1), colToRow: Array(m).fill(-1), total: 0 };
  }
  const nr = transpose ? m : n;
  const nc = transpose ? n : m;
  const col4row = solveFlat(nr, nc, flat);
  const rowToCol: number[] = Array(n).fill(-1);
  const colToRow: number[] = Array(m).fill(-1);
  let total = 0;
  for (let r = 0; r < nr; r++) {
    const c = col4row[r]!;
    const i = transpose ? c : r;
    const j = transpose ? r : c;
    rowToCol[i] = j;
    colToRow[j] = i;
    total += flat[r * nc + c]!;
  }
  return { rowToCol, colToRow, total };
}

/**
 * Same as {@link solveAssignment} on a flat row-major `Float64Array` (no copy, no validation of
 * each cell): the fast path for large dense instances. Requires `rows ≤ cols`.
 * @example
 * solveAssignmentFlat(2, 2, Float64Array.from([1, 0, 0, 1])) //=> Int32Array [1, 0]
 * @category Pairing
 */
export function solveAssignmentFlat(rows: number, cols: number, cost: Float64Array): Int32Array {
  validate(
    z
      .object({
        rows: z.number().int().nonnegative(),
        cols: z.number().int().nonnegative(),
        length: z.number(),
      })
      .refine((o) => o.rows <= o.cols && o.length === o.rows * o.cols, {
        message: "expected rows ≤ cols and cost.length = rows × cols",
      }),
    { rows, cols, length: cost instanceof Float64Array ? cost.length : undefined },
    { subject: text("代价矩阵", "cost matrix") },
  );
  if (rows === 0) return new Int32Array(0);
  return solveFlat(rows, cols, cost);
}
