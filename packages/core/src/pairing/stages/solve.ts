/**
 * Stage 3 of planning, the solve: each connected component of the candidate graph is solved
 * exactly, one after the other, by the min-cost flow of `flow.ts` (or, a large complete one, by
 * the dense solver of `dense.ts`), and the choices are written into one array (the chosen edge of
 * each child, or -1). Private to the pairing module.
 * @module
 */
import { ValidationError } from "../../errors/errors";
import { text } from "../../i18n";
import { workloadPenalty } from "../evaluate";
import { FlowWork, solveFlow } from "../flow";
import type { Component } from "./components";
import { denseLayout, solveDense, type DenseLayout } from "./dense";
import { exactInFloat, placesOf } from "./places";
import type { CandidateGraph } from "./graph";
import { issue } from "./input";
import { int32Map } from "../../_lib/typed-map";

/** The lexicographic objective of an assignment, level by level. */
export interface Objective {
  priorityMatched: number;
  matched: number;
  minimumMet: number;
  /** Total points × SCALE (soft rules, stability, minus workload). */
  score: number;
}

/** Compares objectives lexicographically: > 0 when `a` is better. */
export function compareObjective(a: Objective, b: Objective): number {
  return (
    a.priorityMatched - b.priorityMatched ||
    a.matched - b.matched ||
    a.minimumMet - b.minimumMet ||
    a.score - b.score
  );
}

/**
 * The chosen edge of every child of a graph, by child index: an index into `edgeMentor`, or -1
 * when the child stays unmatched.
 */
export type EdgeChoice = Int32Array;

/** A choice with every child unmatched. */
export function noChoice(graph: CandidateGraph): EdgeChoice {
  return new Int32Array(graph.children.length).fill(-1);
}

/** Solution of a component: the choice for its children, and what it achieves. */
export interface ComponentSolution {
  readonly edgeOf: EdgeChoice;
  readonly objective: Objective;
  readonly searches: number;
}

/** Objective of a choice inside a component. */
export function objectiveOf(graph: CandidateGraph, comp: Component, edgeOf: EdgeChoice): Objective {
  const load = new Map<number, number>();
  const o: Objective = { priorityMatched: 0, matched: 0, minimumMet: 0, score: 0 };
  for (const i of comp.children) {
    const e = edgeOf[i]!;
    if (e < 0) continue;
    o.matched++;
    if (graph.priority[i]) o.priorityMatched++;
    o.score += graph.edgeGain[e]!;
    const j = graph.edgeMentor[e]!;
    load.set(j, (load.get(j) ?? 0) + 1);
  }
  for (const j of comp.mentors) {
    const l = load.get(j) ?? 0;
    const cap = graph.caps[j]!;
    o.minimumMet += Math.min(l, cap.min);
    for (let k = 1; k <= l; k++) o.score -= workloadPenalty(graph.rules, k, cap.max);
  }
  return o;
}

function tooLarge(): ValidationError {
  return new ValidationError(
    [
      issue(
        "rules.soft",
        "too_large",
        text(
          "实例过大，整数精度不足：请降低权重或拆分计划",
          "instance too large for exact integer arithmetic: lower the weights or split the plan",
        ),
      ),
    ],
    { subject: text("结对计划输入", "pairing plan input") },
  );
}

/** A pair that must be made: that child may only take that mentor, and must be matched. */
export interface ForcedPair {
  readonly child: number;
  readonly mentor: number;
}

/** The edges of one component in its own compressed rows, columns numbered within it. */
interface ComponentEdges {
  readonly edgeStart: Int32Array;
  /** The column (within the component) of each edge. */
  readonly edgeMentor: Int32Array;
  readonly edgeGain: Float64Array;
  /** The graph's index of each edge. */
  readonly edgeGlobal: Int32Array;
}

/**
 * Whether a component is solved on the graph's own edge arrays: it holds the whole graph (rows
 * and columns are then the graph's children and mentors, in order), and no pair is forced.
 */
function solvedInPlace(
  graph: CandidateGraph,
  comp: Component,
  forced: ForcedPair | undefined,
): boolean {
  return (
    forced === undefined &&
    comp.children.length === graph.children.length &&
    comp.mentors.length === graph.mentors.length
  );
}

/**
 * Work arrays of a solve, reused component after component: room for the edges of the largest
 * of `comps`, `colOf`, one slot per mentor of the graph, and the flow's.
 */
interface Scratch extends ComponentEdges {
  readonly colOf: Int32Array;
  readonly flow: FlowWork;
}

function scratchFor(
  graph: CandidateGraph,
  comps: readonly Component[],
  forced: ForcedPair | undefined,
): Scratch {
  let rows = 0;
  let edges = 0;
  let flowRows = 0;
  let flowCols = 0;
  for (const comp of comps) {
    // Every component goes through the flow; one solved in place needs no copy of its edges.
    flowRows = Math.max(flowRows, comp.children.length);
    flowCols = Math.max(flowCols, comp.mentors.length);
    if (solvedInPlace(graph, comp, forced)) continue;
    let E = 0;
    for (const i of comp.children) E += graph.edgeStart[i + 1]! - graph.edgeStart[i]!;
    rows = Math.max(rows, comp.children.length);
    edges = Math.max(edges, E);
  }
  return {
    edgeStart: new Int32Array(rows + 1),
    edgeMentor: new Int32Array(edges),
    edgeGain: new Float64Array(edges),
    edgeGlobal: new Int32Array(edges),
    colOf: new Int32Array(graph.mentors.length),
    flow: new FlowWork(flowRows, flowCols),
  };
}

/**
 * Copies the edges of a component into `scratch` (with `forced`, only the forced mentor's edge
 * for the forced child); the result views it, so it holds until the next copy.
 */
function componentEdges(
  graph: CandidateGraph,
  comp: Component,
  scratch: Scratch,
  forced: ForcedPair | undefined,
): ComponentEdges {
  const { colOf, edgeStart, edgeMentor, edgeGain, edgeGlobal } = scratch;
  const R = comp.children.length;
  comp.mentors.forEach((j, c) => (colOf[j] = c));
  let k = 0;
  edgeStart[0] = 0;
  for (let r = 0; r < R; r++) {
    const i = comp.children[r]!;
    for (let e = graph.edgeStart[i]!; e < graph.edgeStart[i + 1]!; e++) {
      const j = graph.edgeMentor[e]!;
      if (forced?.child === i && forced.mentor !== j) continue;
      edgeMentor[k] = colOf[j]!;
      edgeGain[k] = graph.edgeGain[e]!;
      edgeGlobal[k++] = e;
    }
    edgeStart[r + 1] = k;
  }
  return {
    edgeStart: edgeStart.subarray(0, R + 1),
    edgeMentor: edgeMentor.subarray(0, k),
    edgeGain: edgeGain.subarray(0, k),
    edgeGlobal: edgeGlobal.subarray(0, k),
  };
}

/**
 * Solves one component exactly and writes its children's choices into `out`. With `forced`,
 * that child may only take that mentor and must be matched (used to price a pair not made).
 * `scratch` holds room for the component's edges.
 */
function solveInto(
  graph: CandidateGraph,
  comp: Component,
  out: EdgeChoice,
  scratch: Scratch,
  forced?: ForcedPair,
): number {
  const { caps } = graph;
  const R = comp.children.length;
  const C = comp.mentors.length;
  const rowHi = new Float64Array(R);
  const deg = new Int32Array(C);
  let maxGainSum = 0;
  let maxEdge = 0;
  const own = solvedInPlace(graph, comp, forced)
    ? undefined
    : componentEdges(graph, comp, scratch, forced);
  const { edgeStart, edgeMentor: edgeCol, edgeGain } = own ?? graph;
  const bigHi = R * (R + 2) + 1;
  for (let r = 0; r < R; r++) {
    const i = comp.children[r]!;
    rowHi[r] = forced !== undefined && forced.child === i ? bigHi : graph.priority[i] ? R + 2 : 1;
    let best = 0;
    for (let k = edgeStart[r]!; k < edgeStart[r + 1]!; k++) {
      const g = edgeGain[k]!;
      deg[edgeCol[k]!]!++;
      if (g > best) best = g;
    }
    maxGainSum += best;
    if (best > maxEdge) maxEdge = best;
  }
  // A mentor never takes more children than it has candidates.
  const cap = int32Map(comp.mentors, (j, c) => Math.min(caps[j]!.max, deg[c]!));
  const { slotStart, slotGain, M } = placesOf(graph, comp, cap, maxGainSum);
  if (!exactInFloat(R + C, M + maxEdge + M)) throw tooLarge();
  const res = solveFlow(
    {
      rows: R,
      cols: C,
      rowHi,
      edgeStart,
      edgeCol,
      edgeGain,
      cap,
      slotStart,
      slotGain,
    },
    scratch.flow,
  );
  for (let r = 0; r < R; r++) {
    const e = res.rowEdge[r]!;
    out[comp.children[r]!] = e < 0 ? -1 : own ? own.edgeGlobal[e]! : e;
  }
  return res.searches;
}

/**
 * Solves one component exactly. With `forced`, that child may only take that mentor and must
 * be matched (used to price a pair that was not made).
 */
export function solveComponent(
  graph: CandidateGraph,
  comp: Component,
  forced?: ForcedPair,
): ComponentSolution {
  const edgeOf = noChoice(graph);
  const searches = solveInto(graph, comp, edgeOf, scratchFor(graph, [comp], forced), forced);
  return { edgeOf, objective: objectiveOf(graph, comp, edgeOf), searches };
}

/**
 * Solves every component of the graph; returns the chosen edge of each child (or -1). A large
 * complete component goes to the dense solver (`dense.ts`), every other to the flow.
 */
export function solveGraph(graph: CandidateGraph): EdgeChoice {
  const edgeOf = noChoice(graph);
  const dense: DenseLayout[] = [];
  const sparse: Component[] = [];
  for (const comp of graph.components) {
    const layout = denseLayout(graph, comp);
    if (layout) dense.push(layout);
    else sparse.push(comp);
  }
  // One cost matrix, sized for the largest dense component, serves them all.
  const room = new Float64Array(dense.reduce((n, layout) => Math.max(n, layout.cells), 0));
  for (const layout of dense)
    if (!solveDense(graph, layout, edgeOf, room)) sparse.push(layout.comp);
  const scratch = scratchFor(graph, sparse, undefined);
  for (const comp of sparse) solveInto(graph, comp, edgeOf, scratch);
  return edgeOf;
}
