/**
 * Exact capacitated bipartite assignment with two-level lexicographic gains, solved by
 * successive shortest augmenting paths (Dijkstra with potentials, early exit at the sink), one
 * row at a time as in Jonker–Volgenant. Private to the pairing module.
 *
 * Rows are children, columns are mentors. Matching row `r` earns `rowHi[r]` on the first level
 * (priority and coverage) and the edge's `gain` on the second level; the `k`-th child a column
 * takes earns `slotGain[k]` on the second level (non-increasing in `k`: a concave gain is a
 * convex cost, which keeps the flow exact without expanding slots into nodes). A row may stay
 * unmatched (gain 0). The result maximises `(Σ hi, Σ lo)` lexicographically.
 * @module
 */

/** A sparse problem in compressed-row form. All numbers must be integers. */
export interface FlowProblem {
  readonly rows: number;
  readonly cols: number;
  /** First-level gain of matching each row (≥ 0). */
  readonly rowHi: ArrayLike<number>;
  /** Edges of row r are `edgeStart[r] .. edgeStart[r + 1] - 1`. */
  readonly edgeStart: ArrayLike<number>;
  readonly edgeCol: ArrayLike<number>;
  /** Second-level gain of each edge. */
  readonly edgeGain: ArrayLike<number>;
  /** Capacity of each column. */
  readonly cap: ArrayLike<number>;
  /** Slot gains of column c are `slotGain[slotStart[c] + k]` for its (k+1)-th child, k < cap[c]. */
  readonly slotStart: ArrayLike<number>;
  readonly slotGain: ArrayLike<number>;
}

/** Result: for each row the chosen edge index, or -1 when the row stays unmatched. */
export interface FlowResult {
  readonly rowEdge: Int32Array;
  /** Number of shortest-path searches run (one per row). */
  readonly searches: number;
  /** Nodes finalised over all searches (a measure of work). */
  readonly scanned: number;
}

/**
 * Four-ary min-heap of nodes keyed by their tentative distance `(dHi, dLo)`, ties broken by the
 * smaller node, with decrease-key: each node is in it at most once, so it never holds more
 * than one entry a node and pops no stale ones. Each entry carries a copy of its key.
 */
class Heap {
  readonly heap: Int32Array;
  private readonly keyHi: Float64Array;
  private readonly keyLo: Float64Array;
  /** Position of each node in `heap`, or -1. */
  readonly pos: Int32Array;
  size = 0;
  constructor(
    nodes: number,
    private readonly dHi: Float64Array,
    private readonly dLo: Float64Array,
    work?: FlowWork,
  ) {
    this.heap = work ? work.heap.subarray(0, nodes) : new Int32Array(nodes);
    this.keyHi = work ? work.heapHi.subarray(0, nodes) : new Float64Array(nodes);
    this.keyLo = work ? work.heapLo.subarray(0, nodes) : new Float64Array(nodes);
    this.pos = (work ? work.pos.subarray(0, nodes) : new Int32Array(nodes)).fill(-1);
  }
  /** Empties the heap. */
  clear(): void {
    for (let k = 0; k < this.size; k++) this.pos[this.heap[k]!] = -1;
    this.size = 0;
  }
  /** Adds node `v`, or moves it up after its distance went down. */
  update(v: number): void {
    const { heap: H, keyHi: KH, keyLo: KL, pos: P } = this;
    const h = this.dHi[v]!;
    const l = this.dLo[v]!;
    let i = P[v]!;
    if (i < 0) i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 2;
      const ph = KH[p]!;
      const pl = KL[p]!;
      if (h > ph || (h === ph && (l > pl || (l === pl && v > H[p]!)))) break;
      const u = H[p]!;
      H[i] = u;
      KH[i] = ph;
      KL[i] = pl;
      P[u] = i;
      i = p;
    }
    H[i] = v;
    KH[i] = h;
    KL[i] = l;
    P[v] = i;
  }
  /** Removes and returns the first node. */
  pop(): number {
    const { heap: H, keyHi: KH, keyLo: KL, pos: P } = this;
    const top = H[0]!;
    P[top] = -1;
    const n = --this.size;
    if (n === 0) return top;
    const v = H[n]!;
    const h = KH[n]!;
    const l = KL[n]!;
    let i = 0;
    for (;;) {
      // The least of the (up to four) children.
      let c = 4 * i + 1;
      if (c >= n) break;
      let ch = KH[c]!;
      let cl = KL[c]!;
      const last = Math.min(c + 4, n);
      for (let d = c + 1; d < last; d++) {
        const dh = KH[d]!;
        const dl = KL[d]!;
        if (dh < ch || (dh === ch && (dl < cl || (dl === cl && H[d]! < H[c]!)))) {
          c = d;
          ch = dh;
          cl = dl;
        }
      }
      if (ch > h || (ch === h && (cl > l || (cl === l && H[c]! > v)))) break;
      const u = H[c]!;
      H[i] = u;
      KH[i] = ch;
      KL[i] = cl;
      P[u] = i;
      i = c;
    }
    H[i] = v;
    KH[i] = h;
    KL[i] = l;
    P[v] = i;
    return top;
  }
}

/**
 * Work arrays for {@link solveFlow}, allocated once for problems of up to `rows` rows and `cols`
 * columns and reused from one problem to the next (a plan solves hundreds of components).
 */
export class FlowWork {
  readonly f64: Float64Array[];
  readonly i32: Int32Array[];
  readonly heap: Int32Array;
  readonly heapHi: Float64Array;
  readonly heapLo: Float64Array;
  readonly pos: Int32Array;
  constructor(rows: number, cols: number) {
    const V = rows + cols + 1;
    this.f64 = Array.from({ length: 7 }, () => new Float64Array(V));
    this.i32 = Array.from({ length: 7 }, () => new Int32Array(V));
    this.heap = new Int32Array(V);
    this.heapHi = new Float64Array(V);
    this.heapLo = new Float64Array(V);
    this.pos = new Int32Array(V);
  }
}

/**
 * Solves a {@link FlowProblem} exactly. Rows are processed in index order, so equal inputs give
 * equal results. With `work` (room for the problem), the work arrays are taken from it, and the
 * result's `rowEdge` is a view of it that holds until the next solve with the same `work`.
 */
export function solveFlow(p: FlowProblem, work?: FlowWork): FlowResult {
  const R = p.rows;
  const C = p.cols;
  const T = R + C;
  const V = T + 1;
  // Fresh arrays, or views of the work arrays filled as fresh ones would be.
  const f64 = (k: number, n: number, fill: number): Float64Array =>
    work ? work.f64[k]!.subarray(0, n).fill(fill) : new Float64Array(n).fill(fill);
  const i32 = (k: number, n: number, fill: number): Int32Array =>
    work ? work.i32[k]!.subarray(0, n).fill(fill) : new Int32Array(n).fill(fill);
  const piHi = f64(0, V, 0);
  const piLo = f64(1, V, 0);
  const dHi = f64(2, V, 0);
  const dLo = f64(3, V, 0);
  const seen = i32(0, V, -1);
  const done = i32(1, V, -1);
  const pred = i32(2, V, 0);
  const predEdge = i32(3, V, 0);
  const assigned = i32(4, R, -1); // column node index (R + c) or -1
  const rowEdge = i32(5, R, -1);
  const assignedGain = f64(4, R, 0);
  const members: number[][] = Array.from({ length: C }, () => []);
  const load = i32(6, C, 0);
  const heap = new Heap(V, dHi, dLo, work);
  const finalised: number[] = [];
  // Each column's tentative distance in this search plus its potential (d + π, so an edge is
  // tried without reading the potential; exact, as all numbers are integers): +∞ when not
  // reached, −∞ once final.
  const keyHi = f64(5, C, Infinity);
  const keyLo = f64(6, C, 0);
  const touched: number[] = [];
  const { rowHi, edgeStart, edgeCol, edgeGain, cap, slotStart, slotGain } = p;
  let scanned = 0;
  // Initial potentials: 0 on rows and columns; T low enough that every first slot edge has a
  // non-negative reduced cost (slot gains may be positive: a mentor's minimum).
  let t0 = 0;
  for (let c = 0; c < C; c++) if (cap[c]! > 0) t0 = Math.min(t0, -slotGain[slotStart[c]!]!);
  piLo[T] = t0;

  /** Brings node `v` to distance `(nh, nl)` through `u` in the search from row `s`, if nearer. */
  const relax = (s: number, v: number, nh: number, nl: number, u: number): void => {
    if (seen[v] !== s || nh < dHi[v]! || (nh === dHi[v] && nl < dLo[v]!)) {
      seen[v] = s;
      dHi[v] = nh;
      dLo[v] = nl;
      pred[v] = u;
      heap.update(v);
    }
  };

  for (let s = 0; s < R; s++) {
    const Hs = rowHi[s]!;
    // Potential of the new source so every edge out of it has a non-negative reduced cost.
    let bh = piHi[T]!;
    let bl = piLo[T]!;
    for (let e = edgeStart[s]!; e < edgeStart[s + 1]!; e++) {
      const c = R + edgeCol[e]!;
      const h = piHi[c]! + Hs;
      const l = piLo[c]! + edgeGain[e]!;
      if (h > bh || (h === bh && l > bl)) {
        bh = h;
        bl = l;
      }
    }
    piHi[s] = bh;
    piLo[s] = bl;

    heap.clear();
    finalised.length = 0;
    dHi[s] = 0;
    dLo[s] = 0;
    seen[s] = s;
    pred[s] = -1;
    heap.update(s);
    let tHi = 0;
    let tLo = 0;
    while (heap.size > 0) {
      const u = heap.pop();
      const uh = dHi[u]!;
      const ul = dLo[u]!;
      if (u !== T && seen[T] === s && (uh > dHi[T]! || (uh === dHi[T] && ul >= dLo[T]!))) {
        // Nothing left can reach T more cheaply: T is final (ties go to the sink).
        done[T] = s;
        tHi = dHi[T]!;
        tLo = dLo[T]!;
        break;
      }
      done[u] = s;
      finalised.push(u);
      if (u === T) {
        tHi = uh;
        tLo = ul;
        break;
      }
      const puh = piHi[u]!;
      const pul = piLo[u]!;
      if (u < R) {
        // A row: the dummy edge (stay unmatched), then forward edges to other columns. The dummy
        // edge first bounds the sink before the columns are tried, so fewer enter the heap.
        if (done[T] !== s) relax(s, T, uh + puh - piHi[T]!, ul + pul - piLo[T]!, u);
        // The sink's distance: set above, and not changed by the edges below.
        const th = dHi[T]!;
        const tl = dLo[T]!;
        const bh = uh - rowHi[u]! + puh;
        const bl = ul + pul;
        const cur = assigned[u]! - R;
        const end = edgeStart[u + 1]!;
        for (let e = edgeStart[u]!; e < end; e++) {
          const c = edgeCol[e]!;
          // Most edges improve nothing: that is seen on the column's key alone.
          const kh = keyHi[c]!;
          if (bh > kh) continue;
          const kl = bl - edgeGain[e]!;
          if ((bh === kh && kl >= keyLo[c]!) || c === cur) continue;
          const v = R + c;
          const nh = bh - piHi[v]!;
          const nl = kl - piLo[v]!;
          // A column no nearer than the sink is never finalised before it (ties go to the
          // sink): it is not worth a heap entry. The sink's bound becomes the column's key, so
          // the next edges no better than it are seen on the key alone (the sink only nears).
          if (nh > th || (nh === th && nl >= tl)) {
            if (kh === Infinity) touched.push(c);
            keyHi[c] = th + piHi[v]!;
            keyLo[c] = tl + piLo[v]!;
            continue;
          }
          if (kh === Infinity) touched.push(c);
          keyHi[c] = bh;
          keyLo[c] = kl;
          dHi[v] = nh;
          dLo[v] = nl;
          pred[v] = u;
          predEdge[v] = e;
          heap.update(v);
        }
      } else {
        const c = u - R;
        keyHi[c] = -Infinity;
        if (load[c]! < cap[c]! && done[T] !== s) {
          const g = slotGain[slotStart[c]! + load[c]!]!;
          relax(s, T, uh + puh - piHi[T]!, ul - g + pul - piLo[T]!, u);
        }
        const ms = members[c]!;
        const th = seen[T] === s ? dHi[T]! : Infinity;
        const tl = dLo[T]!;
        for (let k = 0; k < ms.length; k++) {
          const r = ms[k]!;
          if (done[r] === s) continue;
          const nh = uh + rowHi[r]! + puh - piHi[r]!;
          const nl = ul + assignedGain[r]! + pul - piLo[r]!;
          if (nh > th || (nh === th && nl >= tl)) continue; // as for columns above
          relax(s, r, nh, nl, u);
        }
      }
    }
    scanned += finalised.length;
    for (let k = 0; k < touched.length; k++) keyHi[touched[k]!] = Infinity;
    touched.length = 0;
    // Potentials: π(v) += d(v) − d(T) on finalised nodes (the others keep theirs).
    for (let k = 0; k < finalised.length; k++) {
      const v = finalised[k]!;
      piHi[v] = piHi[v]! + dHi[v]! - tHi;
      piLo[v] = piLo[v]! + dLo[v]! - tLo;
    }
    // Augment along the path back from T.
    const last = pred[T]!;
    let col: number;
    if (last < R) {
      // `last` becomes unmatched.
      if (last === s) continue;
      col = assigned[last]!;
      const ms = members[col - R]!;
      ms.splice(ms.indexOf(last), 1);
      assigned[last] = -1;
      rowEdge[last] = -1;
    } else {
      col = last;
      load[col - R]!++;
    }
    for (;;) {
      const row = pred[col]!;
      const e = predEdge[col]!;
      const prevCol = assigned[row]!;
      if (prevCol >= 0) {
        const ms = members[prevCol - R]!;
        ms.splice(ms.indexOf(row), 1);
      }
      members[col - R]!.push(row);
      assigned[row] = col;
      rowEdge[row] = e;
      assignedGain[row] = edgeGain[e]!;
      if (row === s) break;
      col = prevCol;
    }
  }
  return { rowEdge, searches: R, scanned };
}
