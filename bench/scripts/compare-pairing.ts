/**
 * Before and after of `planPairings` and `solveAssignment` in ONE process: two builds of
 * @liushou/core (an older `dist` copied aside, and the current one) plan the county (teacher
 * preset, 40,000 children) and the dense instance of `pairing.bench.ts` (n = 2,000), and solve
 * the dense slot matrix, alternately (old-new, then new-old, …). Each run's CPU time is measured
 * with `process.cpuUsage()` (all threads, the garbage collector's included). The plans of the two
 * builds must be equal on a digest of the whole plan (pairs, scores, unmatched and reasons,
 * diff, history, explanations, statistics), on every run; so must the assignments.
 *
 * Run from the repository root, after `pnpm build`:
 *   cp -r packages/core/dist /tmp/core-old   # before the change; then link its dependencies:
 *   ln -s "$PWD/packages/core/node_modules" /tmp/core-old/node_modules
 *   nice node --expose-gc --import tsx bench/scripts/compare-pairing.ts /tmp/core-old
 * Each side runs once first without being timed (compilation); with `--expose-gc` the heap is
 * collected before every run.
 * Options (environment): LIUSHOU_BENCH_RUNS (default 5), LIUSHOU_BENCH_DENSE (default 2000),
 * LIUSHOU_BENCH_ONLY (only the cases whose name contains it).
 * @module
 */
import { createHash } from "node:crypto";
import { loadavg } from "node:os";
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { countyInput, dense } from "../src/pairing-instances";

type Core = typeof import("@liushou/core");

const root = fileURLToPath(new URL("../..", import.meta.url));
const [oldDist, newDist = resolve(root, "packages/core/dist")] = process.argv.slice(2);
if (!oldDist) {
  console.error("usage: compare-pairing.ts <old core dist> [<new core dist>]");
  process.exit(2);
}
const RUNS = Number(process.env.LIUSHOU_BENCH_RUNS ?? 5);
const N = Number(process.env.LIUSHOU_BENCH_DENSE ?? 2000);
const ONLY = process.env.LIUSHOU_BENCH_ONLY ?? "";

const load = async (dist: string): Promise<Core> =>
  (await import(pathToFileURL(resolve(dist, "index.js")).href)) as Core;
const builds = { old: await load(oldDist), new: await load(newDist) };

const digest = (x: unknown): string =>
  createHash("sha256").update(JSON.stringify(x)).digest("hex").slice(0, 16);

const county = countyInput();
const d = dense(N);
const cases: { name: string; run: (core: Core) => unknown }[] = [
  { name: "county planPairings", run: (core) => core.planPairings(county) },
  { name: `dense n=${N} planPairings`, run: (core) => core.planPairings(d.input) },
  { name: `dense n=${N} solveAssignment`, run: (core) => core.solveAssignment(d.slots) },
];

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const loadNow = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
const loadBefore = loadNow();
console.log(`${RUNS} runs a side; load average ${loadBefore}`);
for (const c of cases.filter((x) => x.name.includes(ONLY))) {
  const cpu = { old: [] as number[], new: [] as number[] };
  let seen: string | undefined;
  for (let k = -1; k < RUNS; k++) {
    for (const side of k % 2 === 0 ? (["old", "new"] as const) : (["new", "old"] as const)) {
      (globalThis as { gc?: () => void }).gc?.();
      const t = process.cpuUsage();
      const result = c.run(builds[side]);
      const used = process.cpuUsage(t);
      if (k >= 0) cpu[side].push((used.user + used.system) / 1000);
      const h = digest(result);
      if (seen !== undefined && h !== seen)
        throw new Error(`${c.name}: results differ (${side} run ${k + 1}: ${h}, before ${seen})`);
      seen = h;
    }
  }
  const [o, n] = [median(cpu.old), median(cpu.new)];
  console.log(
    `${c.name}: digest ${seen} on every run; CPU ms median old ${o.toFixed(1)}, new ${n.toFixed(1)}, old/new ${(o / n).toFixed(2)}`,
  );
}
console.log(`load average before ${loadBefore}, after ${loadNow()}`);
