/**
 * Pairing benchmarks.
 *
 * 1. County scale (`generatePopulation` county preset: 40,000 children, 5,000 mentors, 300
 *    schools), teacher preset, against the greedy baseline (children in priority order take
 *    their best available mentor): time, memory, and the score ratio (ours ≥ greedy, asserted).
 * 2. Dense instances (n children, n/2 mentors of capacity 2, every pair allowed, random integer
 *    scores 0–999) against munkres-js (the Hungarian algorithm from npm) on the same instance
 *    expanded to an n × n slot matrix: the harness checks that both sides reach the same optimal
 *    score and pair every child, and prints the time ratio. `planPairings` solves the instance
 *    itself; `solveAssignment` solves the slot matrix. n = 500 by default; n = 1,000 and 2,000
 *    only with `--full` (munkres-js takes about 35 s a run at 1,000 and ~13.5 min at 2,000).
 * 3. The same dense instances against SciPy's `linear_sum_assignment` (C++) on the slot matrix,
 *    the native baseline, at n = 500, 1,000 and 2,000, where `python3` with SciPy is present
 *    (`scripts/scipy_server.py`, one Python process per side kept between runs; its own solve
 *    time is the `pyMs` column). Without SciPy the run prints why and leaves these cases out.
 * 4. The county plan against SciPy's sparse matching (`min_weight_full_bipartite_matching`) of
 *    the same candidate graph, mentors expanded into places (`pairing-graph.ts`,
 *    `scripts/scipy_sparse_server.py`): both sides must reach the same priority children,
 *    children and points.
 * @module
 */
import { mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  planPairings,
  planPairingsGreedy,
  solveAssignment,
  type AssignmentResult,
  type PairingPlan,
  type PlanPairingsInput,
} from "@liushou/core";
import { defineCase, isFull, type BenchBaseline, type BenchCase } from "./harness";
import { writeSlotGraph } from "./pairing-graph";
import { COUNTY_CHILDREN, countyInput, dense, type Dense } from "./pairing-instances";
import { ScipyServer, scipyStatus, type ScipyAnswer, type ScipySparseAnswer } from "./scipy";

const munkres = createRequire(import.meta.url)("munkres-js") as (
  cost: number[][],
) => [number, number][];

function planMetrics(plan: PairingPlan): Record<string, number> {
  return {
    score: plan.score.total,
    matched: plan.stats.matched,
    priorityMatched: plan.stats.priorityMatched,
    priorityChildren: plan.stats.priorityChildren,
    candidatePairs: plan.stats.candidatePairs,
    components: plan.stats.components,
  };
}

/** Total score (sum of 0–999 scores) of a slot assignment from munkres-js. */
function munkresScore(d: Dense, pairs: [number, number][]): number {
  let total = 0;
  for (const [i, k] of pairs) total += d.score[i * d.mentors + (k >> 1)]!;
  return total;
}

/** The answer of a dense case: the optimal total score and how many children are paired. */
interface DenseAnswer {
  score: number;
  matched: number;
}

function denseCases(n: number, full: boolean): BenchCase<any>[] {
  const slow = n >= 1000;
  const warmup = slow ? 0 : 1;
  const baseline = {
    name: "munkres-js (Hungarian, slot matrix)",
    run: (d: Dense) => munkres(d.slots),
    metrics: (r: unknown, d: Dense) => ({ score: munkresScore(d, r as [number, number][]) }),
    answer: (r: unknown, d: Dense): DenseAnswer => ({
      score: munkresScore(d, r as [number, number][]),
      matched: (r as [number, number][]).length,
    }),
  };
  return [
    defineCase({
      name: `dense n=${n}: planPairings vs munkres-js`,
      size: n,
      // munkres-js takes over half a minute a run from n = 1,000: behind --full.
      full: slow ? true : undefined,
      warmup,
      timeoutMs: full ? 60 * 60_000 : 10 * 60_000,
      setup: () => dense(n),
      run: (d: Dense) => planPairings(d.input),
      metrics: (r: unknown) => {
        const plan = r as PairingPlan;
        return { score: Math.round(plan.score.total * 1000), matched: plan.stats.matched };
      },
      answer: (r: unknown): DenseAnswer => {
        const plan = r as PairingPlan;
        return { score: Math.round(plan.score.total * 1000), matched: plan.stats.matched };
      },
      baseline,
    }),
    defineCase({
      name: `dense n=${n}: solveAssignment vs munkres-js`,
      size: n,
      full: n > 500 ? true : undefined,
      warmup,
      timeoutMs: full ? 60 * 60_000 : 10 * 60_000,
      setup: () => dense(n),
      run: (d: Dense) => solveAssignment(d.slots),
      metrics: (r: unknown, d: Dense) => ({ score: d.n * 999 - (r as AssignmentResult).total }),
      answer: (r: unknown, d: Dense): DenseAnswer => {
        const a = r as AssignmentResult;
        return { score: d.n * 999 - a.total, matched: a.rowToCol.filter((c) => c >= 0).length };
      },
      baseline,
    }),
  ];
}

/** The dense cases against SciPy: `planPairings` and `solveAssignment` on the same instance. */
function scipyDenseCases(n: number): BenchCase<any>[] {
  // The baseline's state is its own (a Python process), not the case's instance.
  const baseline: BenchBaseline<any> = {
    name: "SciPy linear_sum_assignment (slot matrix)",
    setup: ({ size }) => ScipyServer.dense(size),
    run: (s: ScipyServer<ScipyAnswer>) => s.solve(),
    metrics: (r: unknown) => ({ pyMs: Number((r as ScipyAnswer).ms.toFixed(1)) }),
    answer: (r: unknown): DenseAnswer => ({
      score: (r as ScipyAnswer).score,
      matched: (r as ScipyAnswer).matched,
    }),
  };
  return [
    defineCase({
      name: `dense n=${n}: planPairings vs SciPy`,
      size: n,
      setup: () => dense(n),
      run: (d: Dense) => planPairings(d.input),
      answer: (r: unknown): DenseAnswer => {
        const plan = r as PairingPlan;
        return { score: Math.round(plan.score.total * 1000), matched: plan.stats.matched };
      },
      baseline,
    }),
    defineCase({
      name: `dense n=${n}: solveAssignment vs SciPy`,
      size: n,
      setup: () => dense(n),
      run: (d: Dense) => solveAssignment(d.slots),
      answer: (r: unknown, d: Dense): DenseAnswer => {
        const a = r as AssignmentResult;
        return { score: d.n * 999 - a.total, matched: a.rowToCol.filter((c) => c >= 0).length };
      },
      baseline,
    }),
  ];
}

/** The county cases' growth sizes: an eighth, a quarter, half and all of the county. */
const COUNTY_GROWTH = [1, 2, 4, 8].map((k) => (COUNTY_CHILDREN * k) / 8);

/**
 * The whole county `planPairings` against SciPy's sparse matching of the same candidate graph
 * (built by core's own stages, mentors expanded into places; `pairing-graph.ts`). Target: 5×.
 */
function scipyCountyCase(): BenchCase<any> {
  // The baseline's state is its own (a Python process holding the graph), not the input.
  const baseline: BenchBaseline<any> = {
    name: "SciPy min_weight_full_bipartite_matching (same graph, places as columns)",
    setup: ({ size }) => {
      const dir = mkdtempSync(join(tmpdir(), "liushou-graph-"));
      writeSlotGraph(countyInput(size), dir);
      return ScipyServer.sparse(dir);
    },
    run: (s: ScipyServer<ScipySparseAnswer>) => s.solve(),
    metrics: (r: unknown) => ({ pyMs: Number((r as ScipySparseAnswer).ms.toFixed(1)) }),
    answer: (r: unknown): PlanAnswer => {
      const a = r as ScipySparseAnswer;
      return { priorityMatched: a.priorityMatched, matched: a.matched, score: a.score };
    },
  };
  return defineCase({
    name: "county plan (teacher preset) vs SciPy sparse matching",
    size: COUNTY_CHILDREN,
    warmup: 1,
    growthSizes: COUNTY_GROWTH,
    setup: ({ size }) => countyInput(size),
    run: (input: PlanPairingsInput) => planPairings(input),
    metrics: (r: unknown) => planMetrics(r as PairingPlan),
    answer: planAnswer,
    baseline,
  });
}

/** The SciPy cases, or none (with the reason printed once) where SciPy is missing. */
function scipyCases(): BenchCase<any>[] {
  const status = scipyStatus();
  if (status !== "ok") {
    if (process.send === undefined) console.log(`SciPy cases skipped: ${status}`);
    return [];
  }
  return [scipyCountyCase(), ...[500, 1000, 2000].flatMap(scipyDenseCases)];
}

/** What a plan achieves, level by level: priority children, children, then points. */
interface PlanAnswer {
  priorityMatched: number;
  matched: number;
  score: number;
}

function planAnswer(r: unknown): PlanAnswer {
  const plan = r as PairingPlan;
  return {
    priorityMatched: plan.stats.priorityMatched,
    matched: plan.stats.matched,
    score: Math.round(plan.score.total * 1000),
  };
}

export default ({ full }: { full: boolean }): BenchCase<any>[] => [
  defineCase({
    name: "county plan (teacher preset) vs greedy",
    size: COUNTY_CHILDREN,
    warmup: 1,
    growthSizes: COUNTY_GROWTH,
    setup: ({ size }) => countyInput(size),
    run: (input: PlanPairingsInput) => planPairings(input),
    metrics: (r: unknown, input: PlanPairingsInput) => {
      const ours = r as PairingPlan;
      const greedy = planPairingsGreedy(input);
      if (
        ours.stats.priorityMatched < greedy.stats.priorityMatched ||
        ours.stats.matched < greedy.stats.matched
      ) {
        throw new Error("the optimal plan serves fewer children than greedy");
      }
      return {
        ...planMetrics(ours),
        greedyScore: greedy.score.total,
        greedyMatched: greedy.stats.matched,
        scoreRatio: Number((ours.score.total / greedy.score.total).toFixed(4)),
      };
    },
    answer: planAnswer,
    // The sides differ by design: the optimum must be at least as good as greedy, level by level.
    agree: (ours: PlanAnswer, greedy: PlanAnswer) => {
      const order = ["priorityMatched", "matched", "score"] as const;
      for (const k of order) {
        if (ours[k] > greedy[k]) return undefined;
        if (ours[k] < greedy[k]) return `${k}: optimal ${ours[k]} < greedy ${greedy[k]}`;
      }
      return undefined;
    },
    baseline: {
      name: "greedy (priority order, best available mentor)",
      run: (input: PlanPairingsInput) => planPairingsGreedy(input),
      metrics: (r: unknown) => planMetrics(r as PairingPlan),
    },
  }),
  ...denseCases(500, full),
  ...denseCases(1000, full),
  ...(full || isFull() ? denseCases(2000, true) : []),
  ...scipyCases(),
];
