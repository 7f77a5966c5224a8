/**
 * Two builds of `@liushou/fixtures` in one process (docs/guide/fixtures.md, "Speed"): first checks
 * that they generate the same county (a sha256 of every entity, prefixed copy and record, with
 * `undefined` keys kept), then times each side's CPU, alternating old and new: a county's people
 * (`generatePopulation` without records, then `prefixCounty`) and its year of records
 * (`streamContactRecords`, each through `prefixRecord`), and, for a build whose
 * `streamContactRecords` takes `recordIdPrefix`, the same records streamed from the prefixed
 * county with that prefix ("direct", checked equal to the prefixed records). Prints min, median
 * and max per side and the load average during the runs; exits 1 if the outputs differ.
 *
 * Run: copy a build's `packages/fixtures/dist` aside (beside a `node_modules/@liushou/core` link
 * to `packages/core`), build the other, then
 * `node --expose-gc bench/scripts/compare-fixtures-builds.mjs <old>/index.js packages/fixtures/dist/index.js [runs] [time]`
 * (`time` skips the output check).
 */
import { createHash } from "node:crypto";
import { loadavg } from "node:os";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
const [oldPath, newPath, runsArg, mode] = process.argv.slice(2);
const load = (path) => import(pathToFileURL(resolve(path)).href);
const sides = { old: await load(oldPath), new: await load(newPath) };
const runs = Number(runsArg ?? 5);
const opts = { preset: "county", seed: "county-1", records: false };
const P = "439901-";
/** The prefixed county's records streamed with `recordIdPrefix`, when the build takes it. */
function direct(lib, pop, k) {
  const src = { ...k, seed: pop.seed, asOf: pop.asOf, recordIdPrefix: P };
  const it = lib.streamContactRecords(src);
  const first = it.next();
  if (first.done || !first.value.id.startsWith(P)) return undefined;
  return lib.streamContactRecords(src);
}
const exact = (v) => JSON.stringify(v, (_k, x) => (x === undefined ? "\u0000undefined" : x));
function digest(lib) {
  const h = createHash("sha256");
  const pop = lib.generatePopulation(opts);
  const k = lib.prefixCounty(pop, "439901-");
  for (const list of [
    pop.areas,
    pop.schools,
    pop.classes,
    pop.files,
    pop.mentors,
    pop.pairings,
    k.files,
    k.mentors,
    k.pairings,
    k.schools,
    k.classes,
  ])
    for (const x of list) h.update(exact(x));
  let n = 0;
  const prefixed = createHash("sha256");
  for (const r of lib.streamContactRecords(pop)) {
    h.update(exact(r));
    const p = exact(lib.prefixRecord(r, P));
    h.update(p);
    prefixed.update(p);
    n++;
  }
  const d = direct(lib, pop, k);
  if (d) {
    const same = createHash("sha256");
    for (const r of d) same.update(exact(r));
    const ok = same.digest("hex") === prefixed.digest("hex");
    console.log("direct records", ok ? "IDENTICAL to prefixRecord's" : "DIFFERENT");
    if (!ok) process.exit(1);
  }
  return [h.digest("hex"), n];
}
if (mode !== "time") {
  const a = digest(sides.old),
    b = digest(sides.new);
  console.log("county digest old", a, "new", b, a[0] === b[0] ? "IDENTICAL" : "DIFFERENT");
  if (a[0] !== b[0]) process.exit(1);
}
const cpuMs = (c) => (c.user + c.system) / 1000;
function once(lib) {
  let c0 = process.cpuUsage();
  const pop = lib.generatePopulation(opts);
  const k = lib.prefixCounty(pop, "439901-");
  const people = cpuMs(process.cpuUsage(c0));
  c0 = process.cpuUsage();
  let n = 0;
  for (const r of lib.streamContactRecords(pop)) {
    lib.prefixRecord(r, "439901-");
    n++;
  }
  const records = cpuMs(process.cpuUsage(c0));
  c0 = process.cpuUsage();
  const d = direct(lib, pop, k);
  let m = 0;
  if (d) for (const _ of d) m++;
  const recordsDirect = d ? cpuMs(process.cpuUsage(c0)) : NaN;
  if (d && m !== n) throw new Error(`direct: ${m} records, not ${n}`);
  return { people, records, recordsDirect, n, files: k.files.length };
}
const parts = ["people", "records", "recordsDirect"];
const times = Object.fromEntries(
  ["old", "new"].map((s) => [s, { people: [], records: [], recordsDirect: [] }]),
);
const loads = [];
once(sides.old);
once(sides.new); // warm-up
for (let i = 0; i < runs; i++) {
  for (const side of i % 2 === 0 ? ["old", "new"] : ["new", "old"]) {
    globalThis.gc?.();
    const t = once(sides[side]);
    for (const part of parts) times[side][part].push(t[part]);
    loads.push(loadavg()[0]);
    console.log(
      i,
      side,
      t.people.toFixed(0),
      t.records.toFixed(0),
      t.recordsDirect.toFixed(0),
      t.n,
    );
  }
}
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return `min ${s[0].toFixed(0)} median ${s[s.length >> 1].toFixed(0)} max ${s[s.length - 1].toFixed(0)} ms`;
};
const med = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
for (const side of ["old", "new"])
  for (const part of parts)
    if (!Number.isNaN(times[side][part][0])) console.log(side, part, stats(times[side][part]));
for (const part of ["people", "records"])
  console.log(part, "median new/old", (med(times.new[part]) / med(times.old[part])).toFixed(3));
if (!Number.isNaN(times.new.recordsDirect[0]))
  console.log(
    "new direct / old records",
    (med(times.new.recordsDirect) / med(times.old.records)).toFixed(3),
  );
console.log(
  "load average 1 min during runs: min",
  Math.min(...loads).toFixed(1),
  "max",
  Math.max(...loads).toFixed(1),
);
