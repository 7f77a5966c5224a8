#!/usr/bin/env node
/**
 * One province county (40,000 children) from end to end with two builds in ONE process, as the
 * province cases do it (`src/province-counties.ts`), alternating old and new: its people
 * (`generatePopulation` without records, then `prefixCounty`), loading (`prepareComplianceData`
 * with the records streamed from the generator: through `prefixRecord` for a fixtures build
 * without `recordIdPrefix`, from the prefixed lists with it otherwise) and every preset over the
 * year with a work list (`evaluateCompliance`). Each step's CPU time (`process.cpuUsage()`,
 * garbage collection included; loading includes generating the records). The two reports must
 * be equal (a digest). Prints min / median / max per side and step, and the load average.
 *
 * Run, after `pnpm build`, with an older build of both packages copied aside (`<old>/core` a
 * copy of `packages/core/dist` beside `node_modules`, `<old>/fixtures` a copy of
 * `packages/fixtures/dist` whose `@liushou/core` resolves to the old core):
 *   node --expose-gc --max-old-space-size=6000 bench/scripts/compare-county.mjs <old>/core/index.js <old>/fixtures/index.js [runs]
 */
import { createHash } from "node:crypto";
import { loadavg } from "node:os";
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const [oldCore, oldFixtures, runsArg] = process.argv.slice(2);
if (!oldCore || !oldFixtures) {
  console.error("usage: compare-county.mjs <old core index.js> <old fixtures index.js> [runs]");
  process.exit(2);
}
const load = (path) => import(pathToFileURL(resolve(path)).href);
const sides = {
  old: { core: await load(oldCore), fx: await load(oldFixtures) },
  new: {
    core: await load(resolve(root, "packages/core/dist/index.js")),
    fx: await load(resolve(root, "packages/fixtures/dist/index.js")),
  },
};
const RUNS = Number(runsArg ?? 3);
const P = "k00-";
const cpu = (c0) => {
  const u = process.cpuUsage(c0);
  return (u.user + u.system) / 1000;
};

/** The county's records: from the prefixed lists when the build takes `recordIdPrefix`. */
function records(fx, pop, people) {
  const src = { ...people, seed: pop.seed, asOf: pop.asOf, recordIdPrefix: P };
  const first = fx.streamContactRecords(src).next();
  if (!first.done && first.value.id.startsWith(P)) return fx.streamContactRecords(src);
  return (function* () {
    for (const r of fx.streamContactRecords(pop)) yield fx.prefixRecord(r, P);
  })();
}

/** A digest of a value too large for one `JSON.stringify`: its upper levels walked. */
function digest(report) {
  const h = createHash("sha256");
  const feed = (v, depth) => {
    // The prepared data's record ids, as strings whether kept so or in an id store.
    if (typeof v?.compare === "function" && typeof v.n === "number")
      v = Array.from({ length: v.n }, (_, i) => v.get(i));
    if (depth < 4 && v !== null && typeof v === "object") {
      h.update(Array.isArray(v) ? "[" : "{");
      for (const [k, x] of Object.entries(v)) {
        h.update(k);
        feed(x, depth + 1);
      }
    } else h.update(JSON.stringify(v) ?? "undefined");
  };
  feed(report, 0);
  return h.digest("hex").slice(0, 16);
}

function once({ core, fx }) {
  globalThis.gc?.();
  let c0 = process.cpuUsage();
  const pop = fx.generatePopulation({ preset: "county", seed: 1, records: false });
  const people = fx.prefixCounty(pop, P);
  const t = { people: cpu(c0) };
  c0 = process.cpuUsage();
  const data = core.prepareComplianceData({
    children: people.files,
    mentors: people.mentors,
    pairings: people.pairings,
    schools: people.schools,
    records: records(fx, pop, people),
    calendar: core.EXAMPLE_CALENDAR_2025_26,
  });
  t.load = cpu(c0);
  c0 = process.cpuUsage();
  const report = core.evaluateCompliance({
    policies: core.ALL_PRESETS,
    data,
    period: { from: "2025-07-01", to: "2026-06-30" },
    asOf: "2026-06-30",
    workList: { withinDays: 7, limit: 1000 },
  });
  t.evaluate = cpu(c0);
  t.total = t.people + t.load + t.evaluate;
  t.digest = digest(report);
  t.records = data.events.recordCount;
  return t;
}

const steps = ["people", "load", "evaluate", "total"];
const times = { old: {}, new: {} };
for (const s of ["old", "new"]) for (const k of steps) times[s][k] = [];
const loads = [];
for (let i = 0; i < RUNS; i++) {
  const digests = {};
  for (const side of i % 2 === 0 ? ["old", "new"] : ["new", "old"]) {
    const t = once(sides[side]);
    for (const k of steps) times[side][k].push(t[k]);
    digests[side] = t.digest;
    loads.push(loadavg()[0]);
    const row = steps.map((k) => `${k} ${t[k].toFixed(0)}`).join(", ");
    console.log(`run ${i + 1} ${side}: ${row} ms CPU; ${t.records} records, report ${t.digest}`);
  }
  if (digests.old !== digests.new) throw new Error("the reports differ");
}
const sorted = (xs) => [...xs].sort((a, b) => a - b);
const med = (xs) => sorted(xs)[xs.length >> 1];
for (const side of ["old", "new"])
  for (const k of steps) {
    const s = sorted(times[side][k]);
    console.log(
      `${side} ${k}: min ${s[0].toFixed(0)} median ${med(s).toFixed(0)} max ${s.at(-1).toFixed(0)} ms`,
    );
  }
for (const k of steps)
  console.log(`${k}: median old/new ${(med(times.old[k]) / med(times.new[k])).toFixed(2)}`);
console.log(
  `load average 1 min during runs: min ${Math.min(...loads).toFixed(1)} max ${Math.max(...loads).toFixed(1)}`,
);
