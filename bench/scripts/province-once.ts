/**
 * One run of the province compliance case on worker threads, for a quick figure where five runs
 * of `pnpm bench --full province` would take too long on a loaded machine: every preset over
 * the year with a work list, `LIUSHOU_BENCH_COUNTIES` counties (default 4) of
 * `src/province-counties.ts` on `LIUSHOU_BENCH_WORKERS` worker threads (default 2) through
 * `evaluateCompliancePartitionedParallel`. Prints the wall time, the CPU time of the whole
 * process (`process.cpuUsage()`, worker threads and garbage collection included), the peak RSS
 * (`process.resourceUsage().maxRSS`, the process with its workers) and the load average.
 *
 * Run from `bench/`: `npx tsx --conditions=@liushou/source scripts/province-once.ts`
 */
import { loadavg } from "node:os";
import { ALL_PRESETS } from "@liushou/core";
import { evaluateCompliancePartitionedParallel } from "liushou";
import { countyKey } from "../src/province-counties";

const COUNTIES = Number(process.env.LIUSHOU_BENCH_COUNTIES ?? 4);
const WORKERS = Number(process.env.LIUSHOU_BENCH_WORKERS ?? 2);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");

const before = load();
const wall = performance.now();
const cpu = process.cpuUsage();
const result = await evaluateCompliancePartitionedParallel({
  policies: ALL_PRESETS,
  period: { from: "2025-07-01", to: "2026-06-30" },
  asOf: "2026-06-30",
  workList: { withinDays: 7, limit: 1000 },
  keys: Array.from({ length: COUNTIES }, (_, k) => countyKey(k)),
  loader: new URL("../src/province-counties.ts", import.meta.url),
  workers: WORKERS,
});
const used = process.cpuUsage(cpu);
const seconds = (performance.now() - wall) / 1000;
const cpuSeconds = (used.user + used.system) / 1e6;
const rssMb = process.resourceUsage().maxRSS / 1024;
console.log(
  `${COUNTIES} counties on ${WORKERS} workers: ${seconds.toFixed(1)} s wall, ${cpuSeconds.toFixed(1)} s CPU ` +
    `(${(cpuSeconds / COUNTIES).toFixed(1)} s a county), peak RSS ${rssMb.toFixed(0)} MB, ` +
    `${result.rows} rows; load average before ${before}, after ${load()}`,
);
