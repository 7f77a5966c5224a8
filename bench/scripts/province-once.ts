/**
 * One run of a province case on worker threads, for a quick figure where five runs of each side
 * of `pnpm bench --full province` would take too long: `LIUSHOU_BENCH_COUNTIES` counties
 * (default 4) of `src/province-counties.ts` on `LIUSHOU_BENCH_WORKERS` worker threads (default 2)
 * of the built `liushou`, as the bench runs them (`src/built.ts`; `pnpm build` first),
 * each worker's heap capped at `LIUSHOU_BENCH_HEAP_MB` (default: 512 for pairing, none for
 * compliance) and its young generation at `LIUSHOU_BENCH_YOUNG_MB` (default: 128 for pairing,
 * V8's own size for compliance; `0` leaves V8's own size).
 *
 * - `compliance` (the default): every preset over the year with a work list, through
 *   `evaluateCompliancePartitionedParallel`;
 * - `pairing`: the teacher preset, through `planPairingsPartitionedParallel` (each worker
 *   generating, planning and dropping one county at a time).
 *
 * Prints the wall time, the CPU time of the whole process (`process.cpuUsage()`, worker threads
 * and garbage collection included), the peak RSS (`process.resourceUsage().maxRSS`, the process
 * with its workers) and the machine with its load averages (`src/machine.ts`).
 *
 * Run from `bench/`: `npx tsx --conditions=@liushou/source scripts/province-once.ts [pairing]`
 */
import { ALL_PRESETS, TEACHER_PAIRING_PRESET } from "@liushou/core";
import { generatePopulation } from "@liushou/fixtures";
import { BUILT_LOADER, builtLiushou } from "../src/built";
import { describeMachine, finishMachine, formatMachine } from "../src/machine";
import { countyKey } from "../src/province-counties";

const CASE = process.argv[2] ?? "compliance";
const COUNTIES = Number(process.env.LIUSHOU_BENCH_COUNTIES ?? 4);
const WORKERS = Number(process.env.LIUSHOU_BENCH_WORKERS ?? 2);
/** Each worker's heap limit (`heapLimitMb`): `LIUSHOU_BENCH_HEAP_MB`; 512 for pairing, as the bench. */
const HEAP_MB = process.env.LIUSHOU_BENCH_HEAP_MB ?? (CASE === "pairing" ? "512" : undefined);
const heapLimitMb = HEAP_MB ? Number(HEAP_MB) : undefined;
/** Each worker's young generation (`youngGenerationMb`): `LIUSHOU_BENCH_YOUNG_MB`; 128 for pairing. */
const YOUNG_MB = process.env.LIUSHOU_BENCH_YOUNG_MB ?? (CASE === "pairing" ? "128" : undefined);
const youngGenerationMb = Number(YOUNG_MB) || undefined;
const keys = Array.from({ length: COUNTIES }, (_, k) => countyKey(k));
const loader = BUILT_LOADER;
const { evaluateCompliancePartitionedParallel, planPairingsPartitionedParallel } =
  await builtLiushou();

/** Runs the case and says what it produced. */
async function run(): Promise<string> {
  if (CASE === "pairing") {
    const plan = await planPairingsPartitionedParallel({
      rules: TEACHER_PAIRING_PRESET,
      asOf: generatePopulation({ preset: "class", records: false }).asOf,
      onMissing: "end",
      keys,
      loader,
      workers: WORKERS,
      heapLimitMb,
      youngGenerationMb,
    });
    return `${plan.pairs.length} new pairs, ${plan.unmatched.length} children unmatched`;
  }
  if (CASE !== "compliance") throw new Error(`unknown case ${CASE}: compliance or pairing`);
  const result = await evaluateCompliancePartitionedParallel({
    policies: ALL_PRESETS,
    period: { from: "2025-07-01", to: "2026-06-30" },
    asOf: "2026-06-30",
    workList: { withinDays: 7, limit: 1000 },
    keys,
    loader,
    workers: WORKERS,
    heapLimitMb,
    youngGenerationMb,
  });
  return `${result.rows} rows`;
}

const machine = describeMachine();
const wall = performance.now();
const cpu = process.cpuUsage();
const produced = await run();
const used = process.cpuUsage(cpu);
const seconds = (performance.now() - wall) / 1000;
const cpuSeconds = (used.user + used.system) / 1e6;
const rssMb = process.resourceUsage().maxRSS / 1024;
console.log(
  `${CASE}, ${COUNTIES} counties on ${WORKERS} workers (heap limit ${HEAP_MB ?? "none"}, young generation ${youngGenerationMb ?? "V8's"}): ${seconds.toFixed(1)} s wall, ` +
    `${cpuSeconds.toFixed(1)} s CPU (${(cpuSeconds / COUNTIES).toFixed(1)} s a county), ` +
    `peak RSS ${rssMb.toFixed(0)} MB, ${produced}\nMachine: ${formatMachine(finishMachine(machine))}`,
);
