/**
 * The candidate graph of `planPairings` written out for SciPy's sparse matching
 * (`scripts/scipy_sparse_server.py`): the same graph the planner solves (core's own stages build
 * it), each mentor expanded into one column per place, one "stays unmatched" column per child,
 * and the planner's lexicographic objective (priority children, children, places below a
 * mentor's minimum, points) folded into one exact weight per edge, component by component, as
 * `pairing/stages/solve.ts` folds it for its own flow.
 * @module
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { PlanPairingsInput } from "@liushou/core";
import { workloadPenalty } from "../../packages/core/src/pairing/evaluate";
import { buildCandidateGraph } from "../../packages/core/src/pairing/stages/graph";
import { parseInput } from "../../packages/core/src/pairing/stages/input";

/** Size of the written graph. */
export interface SlotGraphStats {
  rows: number;
  cols: number;
  edges: number;
}

/** Writes the slot graph of `input` into `dir` (the files the SciPy server reads). */
export function writeSlotGraph(input: PlanPairingsInput, dir: string): SlotGraphStats {
  const graph = buildCandidateGraph(parseInput(input));
  const { rules, caps } = graph;
  const rows = graph.children.length;
  const indptr = new Int32Array(rows + 1);
  const indices: number[] = [];
  const weight: number[] = [];
  const level: number[] = [];
  const lo: number[] = [];
  // Per child: its edges into mentor places, then its own "unmatched" column.
  const edgesOf: { col: number; weight: number; level: number; lo: number }[][] = Array.from(
    { length: rows },
    () => [],
  );
  let col = 0;
  for (const comp of graph.components) {
    const R = comp.children.length;
    const deg = new Map<number, number>();
    for (const i of comp.children)
      for (let e = graph.edgeStart[i]!; e < graph.edgeStart[i + 1]!; e++)
        deg.set(graph.edgeMentor[e]!, (deg.get(graph.edgeMentor[e]!) ?? 0) + 1);
    // Places of each mentor (never more than its candidates) and their second-level gains.
    let maxGainSum = 0;
    for (const i of comp.children) {
      let best = 0;
      for (let e = graph.edgeStart[i]!; e < graph.edgeStart[i + 1]!; e++)
        best = Math.max(best, graph.edgeGain[e]!);
      maxGainSum += best;
    }
    const places = new Map<number, { col: number; count: number; min: number; max: number }>();
    let penaltySum = 0;
    for (const j of comp.mentors) {
      const { min, max } = caps[j]!;
      const count = Math.min(max, deg.get(j) ?? 0);
      places.set(j, { col, count, min, max });
      col += count;
      for (let s = 1; s <= count; s++) penaltySum += workloadPenalty(rules, s, max);
    }
    const M = maxGainSum + penaltySum + 1;
    let loBound = 0;
    for (const i of comp.children) {
      let worst = 0;
      for (let e = graph.edgeStart[i]!; e < graph.edgeStart[i + 1]!; e++)
        worst = Math.max(worst, Math.abs(graph.edgeGain[e]!));
      loBound += worst + M + penaltySum;
    }
    const W = 2 * loBound + 1;
    for (const i of comp.children) {
      const hi = graph.priority[i] ? R + 2 : 1;
      for (let e = graph.edgeStart[i]!; e < graph.edgeStart[i + 1]!; e++) {
        const p = places.get(graph.edgeMentor[e]!)!;
        for (let s = 0; s < p.count; s++) {
          const below = s < p.min;
          const gain = graph.edgeGain[e]! - workloadPenalty(rules, s + 1, p.max);
          edgesOf[i]!.push({
            col: p.col + s,
            weight: hi * W + gain + (below ? M : 0),
            level: 1 + (graph.priority[i] ? 2 : 0) + (below ? 4 : 0),
            lo: gain,
          });
        }
      }
    }
  }
  for (let i = 0; i < rows; i++) {
    const own = edgesOf[i]!;
    own.push({ col: col + i, weight: 0, level: 0, lo: 0 });
    // One more on every entry of a row keeps "unmatched" a non-zero entry; each row takes one.
    for (const e of own.sort((a, b) => a.col - b.col)) {
      if (!Number.isSafeInteger(e.weight + 1)) throw new Error("slot graph weight not exact");
      indices.push(e.col);
      weight.push(e.weight + 1);
      level.push(e.level);
      lo.push(e.lo);
    }
    indptr[i + 1] = indices.length;
  }
  const cols = col + rows;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "meta.json"), JSON.stringify({ rows, cols }));
  writeFileSync(join(dir, "indptr.i32"), indptr);
  writeFileSync(join(dir, "indices.i32"), Int32Array.from(indices));
  writeFileSync(join(dir, "weight.f64"), Float64Array.from(weight));
  writeFileSync(join(dir, "level.i32"), Int32Array.from(level));
  writeFileSync(join(dir, "lo.f64"), Float64Array.from(lo));
  return { rows, cols, edges: indices.length };
}
