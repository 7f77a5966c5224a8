import * as z from "zod";
import { IssueCode } from "../errors/codes";
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

/**
 * Column reduction (Jonker–Volgenant) of a square matrix: `v[j] = min_i cost[i][j]` keeps every
 * reduced cost ≥ 0, and a column's first minimum row takes it when that row is still free (`u`
 * stays 0: the pair is tight).
 */
function columnReduction(
  n: number,
  cost: Rows,
  v: Float64Array,
  col4row: Int32Array,
  row4col: Int32Array,
): void {
  v.fill(Infinity);
  const argmin = new Int32Array(n);
  for (let i = 0; i < n; i++) lowerColumns(cost[i]!, i, n, v, argmin);
  for (let j = 0; j < n; j++) {
    const i = argmin[j]!;
    if (col4row[i] === -1) {
      col4row[i] = j;
      row4col[j] = i;
    }
  }
}

/** Lowers `v[j]` to row `i`'s cell where that is smaller, noting the row in `argmin`. */
function lowerColumns(
  row: ArrayLike<number>,
  i: number,
  n: number,
  v: Float64Array,
  argmin: Int32Array,
): void {
  for (let j = 0; j < n; j++) {
    const c = row[j]!;
    if (c < v[j]!) {
      v[j] = c;
      argmin[j] = i;
    }
  }
}

/** A matrix as its rows, all of the same length. */
type Rows = readonly ArrayLike<number>[];

/**
 * State of one search of {@link solveRows}. The hot loops are small functions of their own: each
 * is optimised once and stays so from one call of the solver to the next.
 */
interface Search {
  readonly cost: Rows;
  readonly u: Float64Array;
  readonly v: Float64Array;
  /** Shortest path length found so far to each column off the tree; NaN on the tree. */
  readonly shortest: Float64Array;
  /** Row before each column on its shortest path. */
  readonly path: Int32Array;
  readonly row4col: Int32Array;
  /**
   * Where each column stands in the scan order of the columns off the tree (Crouse's
   * `remaining`: nc − 1 down to 0, a column leaving swapped for the last): it breaks ties.
   */
  readonly order: Int32Array;
}

/**
 * Relaxes every column off the tree from row `i` reached at distance `minVal`, in column order
 * (NaN keeps the tree's columns out of every comparison); returns the nearest column. Ties go
 * as in Crouse's scan of `remaining`: to the last free column in scan order, else to the first.
 */
function scanRow(s: Search, i: number, minVal: number): number {
  const { v, shortest, path, row4col, order } = s;
  const row = s.cost[i]!;
  const ui = s.u[i]!;
  let lowest = Infinity;
  let first = -1;
  let free = -1;
  for (let j = 0; j < row.length; j++) {
    const r = minVal + row[j]! - ui - v[j]!;
    let sj = shortest[j]!;
    if (r < sj) {
      path[j] = i;
      shortest[j] = r;
      sj = r;
    }
    if (sj < lowest) {
      lowest = sj;
      first = j;
      free = row4col[j] === -1 ? j : -1;
    } else if (sj === lowest) {
      if (first >= 0 && order[j]! < order[first]!) first = j;
      if (row4col[j] === -1 && (free < 0 || order[j]! > order[free]!)) free = j;
    }
  }
  return free >= 0 ? free : first;
}

/** Puts every column back off the tree, in Crouse's scan order (`remaining`: nc − 1 down to 0). */
function resetSearch(s: Search, remaining: Int32Array, nc: number): void {
  const { order, shortest } = s;
  for (let k = 0; k < nc; k++) {
    remaining[k] = nc - k - 1;
    order[nc - k - 1] = k;
  }
  shortest.fill(Infinity);
}

/**
 * Updates the potentials after a search from row `cur` that reached `sink` at `minVal`: the
 * columns of the tree (in the order they joined, at `treeDist`) and their rows.
 */
function updatePotentials(
  s: Search,
  cur: number,
  minVal: number,
  sink: number,
  tree: number,
  treeCols: Int32Array,
  treeDist: Float64Array,
): void {
  const { u, v, row4col } = s;
  u[cur] = u[cur]! + minVal;
  for (let k = 0; k < tree; k++) {
    const j = treeCols[k]!;
    v[j] = v[j]! - (minVal - treeDist[k]!);
    const r = row4col[j]!;
    if (j !== sink) u[r] = u[r]! + minVal - treeDist[k]!;
  }
}

/** Flips the matching along the path from `sink` back to row `cur`. */
function augment(s: Search, col4row: Int32Array, cur: number, sink: number): void {
  const { path, row4col } = s;
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

/**
 * Core of the dense solver on the rows of a matrix with `nr ≤ nc`. Shortest augmenting paths
 * from each row in turn (Jonker–Volgenant / Crouse 2016), O(nr² · nc) in the worst case and far
 * less on typical inputs. The steps around a search (reset, potentials, augment) are small
 * functions of their own, like the row scan.
 */
function solveRows(nr: number, nc: number, cost: Rows): Int32Array {
  const u = new Float64Array(nr);
  const v = new Float64Array(nc);
  const shortest = new Float64Array(nc);
  const path = new Int32Array(nc).fill(-1);
  const col4row = new Int32Array(nr).fill(-1);
  const row4col = new Int32Array(nc).fill(-1);
  const order = new Int32Array(nc);
  const remaining = new Int32Array(nc);
  /** Distance of each column of the tree, by the order it joined. */
  const treeDist = new Float64Array(nc);
  const treeCols = new Int32Array(nc);
  const s: Search = { cost, u, v, shortest, path, row4col, order };
  // Square matrices only: in rectangular ones a column left free needs v[j] = 0.
  if (nr === nc) columnReduction(nr, cost, v, col4row, row4col);
  for (let cur = 0; cur < nr; cur++) {
    if (col4row[cur] !== -1) continue;
    resetSearch(s, remaining, nc);
    let minVal = 0;
    let numRemaining = nc;
    let tree = 0;
    let sink = -1;
    let i = cur;
    while (sink === -1) {
      const j = scanRow(s, i, minVal);
      minVal = shortest[j]!;
      shortest[j] = NaN;
      treeCols[tree] = j;
      treeDist[tree++] = minVal;
      if (row4col[j] === -1) sink = j;
      else i = row4col[j]!;
      const last = remaining[--numRemaining]!;
      remaining[order[j]!] = last;
      order[last] = order[j]!;
    }
    // The rows of the tree are cur and the rows of its columns but the sink.
    updatePotentials(s, cur, minVal, sink, tree, treeCols, treeDist);
    augment(s, col4row, cur, sink);
  }
  return col4row;
}

/** The first cell of a row that is not a finite number, or -1. */
function badCell(row: readonly number[]): number {
  for (let j = 0; j < row.length; j++) {
    const v = row[j];
    // typeof + finite in one test: NaN, ±Infinity and non-numbers all fail `v - v === 0`.
    if (typeof v !== "number" || v - v !== 0) return j;
  }
  return -1;
}

/**
 * Checks a cost matrix: anything but an array of arrays goes to zod for its message; a ragged
 * row or a cell that is not a finite number is reported by position (at most 20 problems, the
 * first bad cell of a row).
 */
function checkMatrix(cost: readonly (readonly number[])[]): void {
  const subject = text("代价矩阵", "cost matrix");
  let arrays = Array.isArray(cost);
  for (let i = 0; arrays && i < cost.length; i++) arrays = Array.isArray(cost[i]);
  if (!arrays) validate(z.array(z.array(z.unknown())), cost, { subject });
  const width = cost[0]?.length ?? 0;
  const issues: FieldIssue[] = [];
  for (let i = 0; i < cost.length && issues.length < 20; i++) {
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
    const j = badCell(row);
    if (j >= 0) {
      const v = row[j];
      issues.push({
        path: `[${i}][${j}]`,
        code: "invalid_type",
        received: describeValue(v),
        message: text(
          `[${i}][${j}]：应为有限数值（收到：${describeValue(v)}）`,
          `[${i}][${j}]: expected a finite number (received: ${describeValue(v)})`,
        ),
      });
    }
  }
  if (issues.length > 0) throw new ValidationError(issues, { subject });
}

/** Whether `a` is a real `Float64Array` (a proxy of one is not an array buffer view). */
function isFloat64Array(a: unknown): a is Float64Array {
  return ArrayBuffer.isView(a) && a instanceof Float64Array;
}

/** The columns of a matrix of `m` columns, as rows. */
function transposed(cost: readonly (readonly number[])[], m: number): Float64Array[] {
  const out = Array.from({ length: m }, () => new Float64Array(cost.length));
  cost.forEach((row, i) => {
    for (let j = 0; j < m; j++) out[j]![i] = row[j]!;
  });
  return out;
}

/**
 * Solves the dense (rectangular) assignment problem: pick one cell per row and per column,
 * as many as the smaller side allows, with the least total cost. Exact for integer costs.
 * @param cost - `cost[i][j]` is the cost of giving column `j` to row `i`.
 * @returns the chosen column of each row (or -1), the chosen row of each column, and the total.
 * @throws ValidationError when the matrix is ragged or holds a non-finite number, or when a
 * cell changes after it was checked (cells are read more than once: a getter or a proxy that
 * answers differently is refused rather than solved).
 * @example
 * solveAssignment([[4, 1, 3], [2, 0, 5], [3, 2, 2]]).rowToCol //=> [1, 0, 2]
 * solveAssignment([[4, 1, 3], [2, 0, 5], [3, 2, 2]]).total //=> 5
 * @category Pairing
 */
export function solveAssignment(cost: readonly (readonly number[])[]): AssignmentResult {
  const n = Array.isArray(cost) ? cost.length : 0;
  const m = Array.isArray(cost) && Array.isArray(cost[0]) ? cost[0].length : 0;
  checkMatrix(cost);
  if (n === 0 || m === 0) {
    return { rowToCol: Array(n).fill(-1), colToRow: Array(m).fill(-1), total: 0 };
  }
  try {
    return assign(cost, n, m);
  } catch (e) {
    // Only cells that changed after their check (getters, proxies) get here.
    throw e instanceof ValidationError ? e : changedWhileSolved(e);
  }
}

/** {@link solveAssignment} on a checked, non-empty `n × m` matrix. */
function assign(cost: readonly (readonly number[])[], n: number, m: number): AssignmentResult {
  // The solver wants no more rows than columns: a tall matrix is solved on its transpose.
  const transpose = n > m;
  const rows: Rows = transpose ? transposed(cost, m) : cost;
  const nr = transpose ? m : n;
  const nc = transpose ? n : m;
  const col4row = solveRows(nr, nc, rows);
  const rowToCol: number[] = Array(n).fill(-1);
  const colToRow: number[] = Array(m).fill(-1);
  let total = 0;
  for (let r = 0; r < nr; r++) {
    const c = col4row[r]!;
    const i = transpose ? c : r;
    const j = transpose ? r : c;
    if (!(c >= 0 && c < nc) || colToRow[j] !== -1 || rowToCol[i] !== -1) throw changedWhileSolved();
    rowToCol[i] = j;
    colToRow[j] = i;
    total += rows[r]![c]!;
  }
  if (typeof total !== "number" || total - total !== 0) throw changedWhileSolved();
  return { rowToCol, colToRow, total };
}

/**
 * The error for a matrix whose cells changed after they were checked: cells are read more
 * than once, so a getter or a proxy that answers differently can break the solve.
 */
function changedWhileSolved(cause?: unknown): ValidationError {
  return new ValidationError(
    [
      {
        path: "",
        code: IssueCode.OTHER,
        message: text(
          "代价矩阵在求解过程中发生了变化（单元格须为普通数值，不能是访问器或代理）",
          "the cost matrix changed while it was solved (cells must be plain numbers, not getters or proxies)",
        ),
      },
    ],
    { subject: text("代价矩阵", "cost matrix"), cause },
  );
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
    // A typed array, not a proxy of one (whose `subarray` would throw).
    { rows, cols, length: isFloat64Array(cost) ? cost.length : undefined },
    { subject: text("代价矩阵", "cost matrix") },
  );
  if (rows === 0) return new Int32Array(0);
  const byRow = Array.from({ length: rows }, (_, i) => cost.subarray(i * cols, (i + 1) * cols));
  return solveRows(rows, cols, byRow);
}
