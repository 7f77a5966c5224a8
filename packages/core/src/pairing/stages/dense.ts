/**
 * Stage 3 of planning, the dense case: a large component in which every child may take every
 * mentor is solved on its slot matrix (one column per place of each mentor) by the dense
 * assignment solver of `assignment.ts` (Jonker–Volgenant), which suits a complete graph better
 * than the sparse flow. Both are exact for the same objective; where several plans reach the
 * optimum, the two may pick different ones. Private to the pairing module.
 * @module
 */
import { solveAssignmentFlat } from "../assignment";
import { workloadPenalty } from "../evaluate";
import type { Component } from "./components";
import type { CandidateGraph } from "./graph";
import type { EdgeChoice } from "./solve";

/** The fewest cells (children × places) for which a complete component is solved dense. */
export const DENSE_MIN_CELLS = 1 << 16;
/** The most cells solved dense (a matrix of 64 MB); a larger component goes to the flow. */
export const DENSE_MAX_CELLS = 1 << 23;

/** The places of a component's mentors: slot `k` of column `c` is `slotStart[c] + k`. */
interface Slots {
  readonly slotStart: Int32Array;
  /** The column (mentor within the component) of each slot. */
  readonly slotCol: Int32Array;
  /** Second-level gain of each slot: a mentor's minimum, minus the workload penalty. */
  readonly slotGain: Float64Array;
}

/**
 * Whether `comp` is solved dense: every child has an edge to every mentor of the component, and
 * its slot matrix has between {@link DENSE_MIN_CELLS} and {@link DENSE_MAX_CELLS} cells.
 */
export function isDense(graph: CandidateGraph, comp: Component): boolean {
  const R = comp.children.length;
  const C = comp.mentors.length;
  let places = 0;
  for (const j of comp.mentors) places += Math.min(graph.caps[j]!.max, R);
  if (R * places < DENSE_MIN_CELLS || R * places > DENSE_MAX_CELLS) return false;
  for (const i of comp.children)
    if (graph.edgeStart[i + 1]! - graph.edgeStart[i]! !== C) return false;
  return true;
}

/** The places of the mentors of a complete component (a mentor takes at most every child). */
function slotsOf(graph: CandidateGraph, comp: Component): Slots {
  const R = comp.children.length;
  const C = comp.mentors.length;
  const slotStart = new Int32Array(C + 1);
  for (let c = 0; c < C; c++)
    slotStart[c + 1] = slotStart[c]! + Math.min(graph.caps[comp.mentors[c]!]!.max, R);
  const slotCol = new Int32Array(slotStart[C]!);
  const slotGain = new Float64Array(slotStart[C]!);
  return { slotStart, slotCol, slotGain };
}

/**
 * Solves a complete component (see {@link isDense}) exactly, as `solve.ts` does with the flow:
 * priority children matched first, then children, then mentors' minimums, then points. Writes
 * its children's chosen edges into `out` and returns true; returns false, writing nothing, when
 * the folded costs would not stay exact in floating point (the flow then solves it).
 */
export function solveDense(graph: CandidateGraph, comp: Component, out: EdgeChoice): boolean {
  const R = comp.children.length;
  const C = comp.mentors.length;
  const { slotStart, slotCol, slotGain } = slotsOf(graph, comp);
  const S = slotStart[C]!;
  const colOf = new Map<number, number>();
  comp.mentors.forEach((j, c) => colOf.set(j, c));
  // The edge of each (child, mentor) cell, and the bounds of the gains.
  const edgeAt = new Int32Array(R * C);
  let maxGainSum = 0;
  let lowest = 0;
  let highest = 0;
  for (let r = 0; r < R; r++) {
    const i = comp.children[r]!;
    let best = 0;
    for (let e = graph.edgeStart[i]!; e < graph.edgeStart[i + 1]!; e++) {
      edgeAt[r * C + colOf.get(graph.edgeMentor[e]!)!] = e;
      const g = graph.edgeGain[e]!;
      if (g > best) best = g;
      if (g < lowest) lowest = g;
      if (g > highest) highest = g;
    }
    maxGainSum += best;
  }
  let penaltySum = 0;
  for (let c = 0; c < C; c++) {
    const { max } = graph.caps[comp.mentors[c]!]!;
    for (let s = slotStart[c]!; s < slotStart[c + 1]!; s++) {
      slotCol[s] = c;
      penaltySum += workloadPenalty(graph.rules, s - slotStart[c]! + 1, max);
    }
  }
  // As in `solve.ts`: a place below a mentor's minimum is worth more than all points together.
  const M = maxGainSum + penaltySum + 1;
  for (let c = 0; c < C; c++) {
    const { min, max } = graph.caps[comp.mentors[c]!]!;
    for (let k = 0; k < slotStart[c + 1]! - slotStart[c]!; k++)
      slotGain[slotStart[c]! + k] = (k < min ? M : 0) - workloadPenalty(graph.rules, k + 1, max);
  }
  // A cell's second-level gain lies in [loMin, loMax]. With at least as many places as children,
  // every child is matched in every optimum, so the first level is the same for all of them and
  // is left out; with fewer, every place is filled, and the first level (priority) is folded in
  // above any difference the second can make over the filled places.
  let loMin = lowest;
  let loMax = highest;
  for (let s = 0; s < S; s++) {
    loMin = Math.min(loMin, lowest + slotGain[s]!);
    loMax = Math.max(loMax, highest + slotGain[s]!);
  }
  const tall = R > S;
  const W = tall ? S * (loMax - loMin) + 1 : 0;
  const hiOf = (i: number): number => (graph.priority[i] ? R + 2 : 1);
  const bound = (tall ? (R + 2) * W : 0) + Math.max(Math.abs(loMin), Math.abs(loMax));
  if (!((2 * (R + S) + 2) * bound < 2 ** 52)) return false;
  // The slot matrix with the smaller side as rows: cost = −(first level × W + second level).
  const rows = tall ? S : R;
  const cols = tall ? R : S;
  const cost = new Float64Array(rows * cols);
  for (let r = 0; r < R; r++) {
    const i = comp.children[r]!;
    const hi = tall ? hiOf(i) * W : 0;
    for (let s = 0; s < S; s++) {
      const gain = graph.edgeGain[edgeAt[r * C + slotCol[s]!]!]! + slotGain[s]!;
      cost[tall ? s * cols + r : r * cols + s] = -(hi + gain);
    }
  }
  const match = solveAssignmentFlat(rows, cols, cost);
  for (let k = 0; k < rows; k++) {
    const r = tall ? match[k]! : k;
    const s = tall ? k : match[k]!;
    out[comp.children[r]!] = edgeAt[r * C + slotCol[s]!]!;
  }
  return true;
}
