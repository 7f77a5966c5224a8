/**
 * Stage 3 of planning, the dense case: a large component in which every child may take every
 * mentor is solved on its slot matrix (one column per place of each mentor) by the dense
 * assignment solver of `assignment.ts` (Jonker–Volgenant), which suits a complete graph better
 * than the sparse flow. Both are exact for the same objective; where several plans reach the
 * optimum, the two may pick different ones. Private to the pairing module.
 * @module
 */
import { solveAssignmentFlat } from "../assignment";
import type { Component } from "./components";
import type { CandidateGraph } from "./graph";
import { exactInFloat, placesOf } from "./places";
import type { EdgeChoice } from "./solve";
import { int32Map } from "../../_lib/typed-map";

/** The fewest cells (children × places) for which a complete component is solved dense. */
export const DENSE_MIN_CELLS = 1 << 16;
/** The most cells solved dense (a matrix of 64 MB); a larger component goes to the flow. */
export const DENSE_MAX_CELLS = 1 << 23;

/**
 * A complete component's layout for the dense solver: the places of each of its mentors (its
 * maximum, but never more than every child) and the cells of its slot matrix (children × places).
 */
export interface DenseLayout {
  readonly comp: Component;
  /** The places of mentor `c` of the component at `c`. */
  readonly places: Int32Array;
  /** Children × places: the numbers of the cost matrix. */
  readonly cells: number;
}

/**
 * The layout of `comp` when it is solved dense, else `undefined`: every child's edges are the
 * component's mentors, in order (so the edge of child `i` and mentor `c` of the component is
 * `edgeStart[i] + c`), and its slot matrix has between {@link DENSE_MIN_CELLS} and
 * {@link DENSE_MAX_CELLS} cells.
 */
export function denseLayout(graph: CandidateGraph, comp: Component): DenseLayout | undefined {
  const R = comp.children.length;
  const places = int32Map(comp.mentors, (j) => Math.min(graph.caps[j]!.max, R));
  let cells = 0;
  for (let c = 0; c < places.length; c++) cells += R * places[c]!;
  if (cells < DENSE_MIN_CELLS || cells > DENSE_MAX_CELLS) return undefined;
  const { edgeStart, edgeMentor } = graph;
  const C = comp.mentors.length;
  for (const i of comp.children) {
    if (edgeStart[i + 1]! - edgeStart[i]! !== C) return undefined;
    for (let c = 0, e = edgeStart[i]!; c < C; c++, e++)
      if (edgeMentor[e] !== comp.mentors[c]) return undefined;
  }
  return { comp, places, cells };
}

/**
 * The least and the greatest gain of a complete component's edges, and the sum over its children
 * of each one's best gain (at least 0).
 */
function gainBounds(
  graph: CandidateGraph,
  comp: Component,
): { lowest: number; highest: number; maxGainSum: number } {
  let maxGainSum = 0;
  let lowest = Infinity;
  let highest = -Infinity;
  for (const i of comp.children) {
    let best = 0;
    for (let e = graph.edgeStart[i]!; e < graph.edgeStart[i + 1]!; e++) {
      const g = graph.edgeGain[e]!;
      if (g > best) best = g;
      if (g < lowest) lowest = g;
      if (g > highest) highest = g;
    }
    maxGainSum += best;
  }
  return { lowest, highest, maxGainSum };
}

/**
 * Solves a complete component (laid out by {@link denseLayout}) exactly, as `solve.ts` does
 * with the flow: priority children matched first, then children, then mentors' minimums, then
 * points. Writes its children's chosen edges into `out` and returns true; returns false, writing
 * nothing, when the folded costs would not stay exact in floating point (the flow then solves
 * it). `room` holds at least the layout's `cells` numbers (one buffer serves every dense
 * component of a plan).
 */
export function solveDense(
  graph: CandidateGraph,
  { comp, places }: DenseLayout,
  out: EdgeChoice,
  room: Float64Array,
): boolean {
  const R = comp.children.length;
  const C = comp.mentors.length;
  const { lowest, highest, maxGainSum } = gainBounds(graph, comp);
  const { slotStart, slotGain } = placesOf(graph, comp, places, maxGainSum);
  const S = slotStart[C]!;
  // The mentor (within the component) of each place.
  const slotCol = new Int32Array(S);
  for (let c = 0; c < C; c++) slotCol.fill(c, slotStart[c]!, slotStart[c + 1]!);
  const edgeGain = graph.edgeGain;
  // The first edge of each child: its edge with mentor `c` of the component is `first[r] + c`.
  const first = int32Map(comp.children, (i) => graph.edgeStart[i]!);
  const gainBound = Math.max(Math.abs(lowest), Math.abs(highest));
  // The slot matrix has the smaller side as its rows: places when they are fewer ("tall").
  const tall = R > S;
  const cost = room.subarray(0, R * S);
  if (!tall) {
    // Every child is matched in every optimum: the first level is the same for all of them and
    // is left out. cost = −(the child's gain with the mentor + the place's gain).
    let slotBound = 0;
    for (let s = 0; s < S; s++) slotBound = Math.max(slotBound, Math.abs(slotGain[s]!));
    if (!exactInFloat(R + S, gainBound + slotBound)) return false;
    for (let r = 0; r < R; r++)
      for (let c = 0; c < C; c++) {
        const g = edgeGain[first[r]! + c]!;
        for (let s = slotStart[c]!, k = r * S + s; s < slotStart[c + 1]!; s++, k++)
          cost[k] = -(g + slotGain[s]!);
      }
  } else {
    // Every place is filled in every optimum: as many children are matched in each, and every
    // mentor has as many children as places, so minimums and workload are the same for all of
    // them and are left out. A priority child is worth W, more than any difference the points
    // can make over the S pairs. cost = −(W if priority + the child's gain with the mentor), a
    // row for each place.
    const W = S * (highest - lowest) + 1;
    if (!exactInFloat(R + S, W + gainBound)) return false;
    const hi = new Float64Array(R);
    for (let r = 0; r < R; r++) hi[r] = graph.priority[comp.children[r]!] ? W : 0;
    for (let s = 0, k = 0; s < S; s++) {
      const c = slotCol[s]!;
      for (let r = 0; r < R; r++, k++) cost[k] = -(hi[r]! + edgeGain[first[r]! + c]!);
    }
  }
  const match = tall ? solveAssignmentFlat(S, R, cost) : solveAssignmentFlat(R, S, cost);
  for (let k = 0; k < match.length; k++) {
    const r = tall ? match[k]! : k;
    const s = tall ? k : match[k]!;
    out[comp.children[r]!] = first[r]! + slotCol[s]!;
  }
  return true;
}
