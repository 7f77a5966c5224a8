/**
 * Part of stage 3 of planning, the solve: the places of a component's mentors with the
 * second-level gain of each, and the test that folded integers stay exact, shared by the flow
 * (`solve.ts`) and the dense solver (`dense.ts`). Private to the pairing module.
 * @module
 */
import { workloadPenalty } from "../evaluate";
import type { Component } from "./components";
import type { CandidateGraph } from "./graph";

/** The places of a component's mentors, one slot each, and what each is worth. */
export interface Places {
  /** The places of mentor `c` (within the component) are `slotStart[c] .. slotStart[c + 1] - 1`. */
  readonly slotStart: Int32Array;
  /** Second-level gain of each place: `M` below the mentor's minimum, minus the workload penalty. */
  readonly slotGain: Float64Array;
  /** What a place below a mentor's minimum is worth: more than all points together. */
  readonly M: number;
}

/**
 * The places of the mentors of `comp`, `count[c]` for mentor `c` (never more than its maximum),
 * given the sum over its children of each one's best gain.
 */
export function placesOf(
  graph: CandidateGraph,
  comp: Component,
  count: ArrayLike<number>,
  maxGainSum: number,
): Places {
  const { rules, caps } = graph;
  const C = comp.mentors.length;
  const slotStart = new Int32Array(C + 1);
  let penaltySum = 0;
  for (let c = 0; c < C; c++) {
    const { max } = caps[comp.mentors[c]!]!;
    slotStart[c + 1] = slotStart[c]! + count[c]!;
    for (let s = 1; s <= count[c]!; s++) penaltySum += workloadPenalty(rules, s, max);
  }
  const M = maxGainSum + penaltySum + 1;
  const slotGain = new Float64Array(slotStart[C]!);
  for (let c = 0; c < C; c++) {
    const { min, max } = caps[comp.mentors[c]!]!;
    for (let s = 0; s < count[c]!; s++)
      slotGain[slotStart[c]! + s] = (s < min ? M : 0) - workloadPenalty(rules, s + 1, max);
  }
  return { slotStart, slotGain, M };
}

/**
 * Whether sums along augmenting paths stay exact integers in floating point, for a problem of
 * `nodes` rows and columns whose costs are no larger than `bound`.
 */
export function exactInFloat(nodes: number, bound: number): boolean {
  return (2 * nodes + 2) * bound < 2 ** 52;
}
