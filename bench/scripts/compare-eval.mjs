#!/usr/bin/env node
/**
 * Before and after of "all presets + roll-up + work list" in ONE process: two builds of
 * @liushou/core (an older `dist` copied aside, and the current one) evaluate the same prepared
 * county, alternately (old-new, then new-old, …); each run's CPU time is measured with
 * `process.cpuUsage()` (all threads, the garbage collector's included), split into evaluation,
 * roll-up by school and work list. The data is prepared once by each build (each reads the
 * columns as it prepares them), before any timing.
 *
 * The outputs must be identical: a digest of every row of the report (all columns and
 * `recordIds`), its findings, the roll-ups by every grouping and the work lists (with and
 * without missed rows) is compared between the builds; the script fails if they differ.
 *
 * Run, after `pnpm build` (the fixtures' dist is used to generate the county):
 *   cp -r packages/core/dist /tmp/core-old   # before the change; then link its dependencies:
 *   ln -s "$PWD/packages/core/node_modules" /tmp/core-old/node_modules
 *   node --expose-gc --max-old-space-size=8000 bench/scripts/compare-eval.mjs /tmp/core-old
 * Options (environment): LIUSHOU_BENCH_PRESET (default county), LIUSHOU_BENCH_CHILDREN (default:
 * the preset's), LIUSHOU_BENCH_RUNS (default 7), LIUSHOU_BENCH_DIGEST=0 to skip the digests.
 *
 * Alternating builds in one process share one heap: a full garbage collection that one build's
 * allocations start may land in the other's run. `LIUSHOU_BENCH_ONE=old` (or `new`) times one
 * build alone in the process instead, runs back to back with no forced collection, as
 * `pnpm bench` runs them; run it once per build and compare the means.
 */
import { createHash } from "node:crypto";
import { loadavg } from "node:os";
import { fileURLToPath, pathToFileURL } from "node:url";
import { resolve } from "node:path";

const root = fileURLToPath(new URL("../..", import.meta.url));
const [oldDist, newDist = resolve(root, "packages/core/dist")] = process.argv.slice(2);
if (!oldDist) {
  console.error("usage: compare-eval.mjs <old core dist> [<new core dist>]");
  process.exit(2);
}
const PRESET = process.env.LIUSHOU_BENCH_PRESET ?? "county";
const CHILDREN = process.env.LIUSHOU_BENCH_CHILDREN;
const RUNS = Number(process.env.LIUSHOU_BENCH_RUNS ?? 7);
const DIGEST = process.env.LIUSHOU_BENCH_DIGEST !== "0";
const ONE = process.env.LIUSHOU_BENCH_ONE;
const PERIOD = { from: "2025-07-01", to: "2026-06-30" };
const AS_OF = "2026-06-30";

const load = (dist) => import(pathToFileURL(resolve(dist, "index.js")).href);
const builds = { old: await load(oldDist), new: await load(newDist) };
const fixtures = await import(pathToFileURL(resolve(root, "packages/fixtures/dist/index.js")).href);

const pop = fixtures.generatePopulation({
  preset: PRESET,
  ...(CHILDREN ? { children: Number(CHILDREN) } : {}),
  records: false,
});
/** The county prepared by a build (each reads the columns as it prepares them). */
const prepare = (core) =>
  core.prepareComplianceData({
    children: pop.files,
    mentors: pop.mentors,
    pairings: pop.pairings,
    schools: pop.schools,
    records: fixtures.streamContactRecords(pop),
    calendar: core.EXAMPLE_CALENDAR_2025_26,
  });
const prepared = new Map([
  [builds.old, prepare(builds.old)],
  [builds.new, prepare(builds.new)],
]);
const data = prepared.get(builds.new);

const cpu = (since) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e6;
};

/** The bench case with one build: CPU seconds of each step, and the outputs. */
function run(core) {
  if (!ONE) globalThis.gc?.();
  const wall = performance.now();
  const t0 = process.cpuUsage();
  const report = core.evaluateCompliance({
    data: prepared.get(core),
    policies: core.ALL_PRESETS,
    period: PERIOD,
    asOf: AS_OF,
  });
  const evaluate = cpu(t0);
  const t1 = process.cpuUsage();
  const schools = core.rollUpCompliance(report, { by: "school" });
  const rollUp = cpu(t1);
  const t2 = process.cpuUsage();
  const list = core.workList(report, { withinDays: 7 });
  const work = cpu(t2);
  const total = evaluate + rollUp + work;
  return {
    total,
    evaluate,
    rollUp,
    work,
    wall: (performance.now() - wall) / 1e3,
    report,
    schools,
    list,
  };
}

/** Every row, finding, roll-up and work list of a run, hashed. */
function digest(core, r) {
  const h = createHash("sha256");
  h.update(JSON.stringify(r.report.findings));
  for (const row of r.report) h.update(JSON.stringify(row));
  h.update(JSON.stringify(r.schools));
  const items = (list) => {
    for (const side of [list.overdue, list.dueSoon]) {
      h.update(`${side.length}`);
      for (const item of side) h.update(JSON.stringify(item));
    }
  };
  items(r.list);
  for (const by of ["mentor", "class", "school", "township", "county", "bucket"])
    h.update(JSON.stringify(core.rollUpCompliance(r.report, { by })));
  items(core.workList(r.report, { withinDays: 30, includeMissed: true }));
  return {
    hash: h.digest("hex"),
    rows: r.report.length,
    items: `${r.list.overdue.length} overdue, ${r.list.dueSoon.length} due soon`,
  };
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return `${s[0].toFixed(3)} / ${s[Math.floor(s.length / 2)].toFixed(3)} / ${s.at(-1).toFixed(3)}`;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const loadNow = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

if (ONE === "old" || ONE === "new") {
  const loadAlone = loadNow();
  run(builds[ONE]);
  const totals = [];
  for (let k = 0; k < RUNS; k++) totals.push(run(builds[ONE]).total);
  const mean = totals.reduce((a, b) => a + b, 0) / RUNS;
  console.log(
    `${PRESET}, ${ONE} build alone: CPU s per run ${totals.map((x) => x.toFixed(2)).join(" ")}`,
  );
  console.log(`  min / median / max ${stats(totals)}, mean ${mean.toFixed(3)}`);
  console.log(`load average before ${loadAlone}, after ${loadNow()}`);
  process.exit(0);
}

const loadBefore = loadNow();
console.log(
  `${PRESET}: ${pop.files.length} children, ${data.events.recordCount} records; load average ${loadBefore}`,
);
// Warm-up (the first evaluation of prepared data also fills its left-behind ranges), and the
// digests of both builds' outputs.
for (const side of ["old", "new"]) run(builds[side]);
if (DIGEST) {
  const a = digest(builds.old, run(builds.old));
  const b = digest(builds.new, run(builds.new));
  if (a.hash !== b.hash || a.rows !== b.rows)
    throw new Error(`outputs differ (old ${a.rows} rows ${a.hash}, new ${b.rows} rows ${b.hash})`);
  console.log(`outputs identical: ${a.rows} rows, ${a.items}; digest ${a.hash.slice(0, 16)}`);
}
const steps = ["total", "evaluate", "rollUp", "work", "wall"];
const times = { old: {}, new: {} };
for (const side of ["old", "new"]) for (const k of steps) times[side][k] = [];
for (let k = 0; k < RUNS; k++) {
  const order = k % 2 === 0 ? ["old", "new"] : ["new", "old"];
  for (const side of order) {
    const r = run(builds[side]);
    for (const s of steps) times[side][s].push(r[s]);
    console.log(
      `run ${k + 1} ${side}: ${r.total.toFixed(3)} s CPU (evaluate ${r.evaluate.toFixed(3)}, roll-up ${r.rollUp.toFixed(3)}, work list ${r.work.toFixed(3)}), ${r.wall.toFixed(3)} s wall`,
    );
  }
}
console.log(`CPU s, min / median / max of ${RUNS}:`);
for (const s of steps.slice(0, 4)) {
  console.log(`  ${s.padEnd(8)} old ${stats(times.old[s])}  new ${stats(times.new[s])}`);
  console.log(
    `           median ratio old/new ${(median(times.old[s]) / median(times.new[s])).toFixed(2)}`,
  );
}
console.log(`  wall     old ${stats(times.old.wall)}  new ${stats(times.new.wall)}`);
console.log(`load average before ${loadBefore}, after ${loadNow()}`);
