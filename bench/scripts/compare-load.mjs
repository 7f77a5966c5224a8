#!/usr/bin/env node
/**
 * Before and after of `prepareComplianceData` in ONE process: two builds of @liushou/core
 * (an older `dist` copied aside, and the current one) load the same county, alternately
 * (old-new, then new-old, …), and each run's CPU time is measured with `process.cpuUsage()`
 * (all threads, the garbage collector's included). The prepared data of the two builds must be
 * deep-equal (checked on the first pair, the record ids compared as strings) and equal on a
 * digest (every pair).
 *
 * Run, after `pnpm build` (the fixtures' dist is used to generate the county):
 *   cp -r packages/core/dist /tmp/core-old   # before the change; then link its dependencies:
 *   ln -s "$PWD/packages/core/node_modules" /tmp/core-old/node_modules
 *   node --expose-gc --max-old-space-size=8000 bench/scripts/compare-load.mjs /tmp/core-old
 * Options (environment): LIUSHOU_BENCH_PRESET (default county), LIUSHOU_BENCH_RUNS (default 5),
 * LIUSHOU_BENCH_SOURCE=array (the records held in an array, default) or generator (streamed
 * from the fixtures generator on every run, its cost included).
 */
import { createHash } from "node:crypto";
import { loadavg } from "node:os";
import { isDeepStrictEqual } from "node:util";
import { fileURLToPath, pathToFileURL } from "node:url";
import { resolve } from "node:path";

const root = fileURLToPath(new URL("../..", import.meta.url));
const [oldDist, newDist = resolve(root, "packages/core/dist")] = process.argv.slice(2);
if (!oldDist) {
  console.error("usage: compare-load.mjs <old core dist> [<new core dist>]");
  process.exit(2);
}
const PRESET = process.env.LIUSHOU_BENCH_PRESET ?? "county";
const RUNS = Number(process.env.LIUSHOU_BENCH_RUNS ?? 5);
const SOURCE = process.env.LIUSHOU_BENCH_SOURCE ?? "array";

const load = (dist) => import(pathToFileURL(resolve(dist, "index.js")).href);
const builds = { old: await load(oldDist), new: await load(newDist) };
const fixtures = await import(pathToFileURL(resolve(root, "packages/fixtures/dist/index.js")).href);

const pop = fixtures.generatePopulation({ preset: PRESET, records: false });
const held = SOURCE === "array" ? [...fixtures.streamContactRecords(pop)] : undefined;
const records = () => held ?? fixtures.streamContactRecords(pop);

/** One load with a build: its CPU and wall time, and the prepared data. */
function run(core) {
  globalThis.gc?.();
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const data = core.prepareComplianceData({
    children: pop.files,
    mentors: pop.mentors,
    pairings: pop.pairings,
    schools: pop.schools,
    records: records(),
    calendar: core.EXAMPLE_CALENDAR_2025_26,
  });
  const used = process.cpuUsage(cpu);
  return { cpu: (used.user + used.system) / 1e6, wall: (performance.now() - wall) / 1e3, data };
}

/** The record ids as strings, whether a build keeps them so or in an id store (`get(i)`). */
const idsOf = (e) =>
  Array.isArray(e.ids) ? e.ids : Array.from({ length: e.n }, (_, i) => e.ids.get(i));
/** The prepared data with its record ids as strings: comparable between the two builds. */
const comparable = (d) => ({ ...d, events: { ...d.events, ids: idsOf(d.events) } });

/** A digest of everything prepared: entities, columns, indexes and findings. */
function digest(d) {
  const h = createHash("sha256");
  const bytes = (a) => h.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  h.update(JSON.stringify([d.timeZone, d.children, d.mentors, d.pairings, d.schools]));
  h.update(JSON.stringify([d.schoolIds, d.calendar, d.findings, idsOf(d.events)]));
  const e = d.events;
  h.update(JSON.stringify([e.n, e.recordCount, d.index.minDay, d.index.maxDay]));
  for (const k of ["day", "kind", "initiator", "childStart", "childList", "mentorStart"])
    bytes(e[k]);
  for (const k of ["mentorList", "schoolStart", "schoolList"]) bytes(e[k]);
  const x = d.index;
  for (const c of [x.byChild, x.byMentor, x.bySchool]) (bytes(c.start), bytes(c.list));
  for (const k of ["pairingChild", "pairingMentor", "pairingStart", "pairingEnd"]) bytes(x[k]);
  h.update(JSON.stringify([x.pairingsByChild, [...x.childById], [...x.mentorById]]));
  h.update(JSON.stringify([...x.schoolById]));
  return h.digest("hex");
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return `${s[0].toFixed(2)} / ${s[Math.floor(s.length / 2)].toFixed(2)} / ${s.at(-1).toFixed(2)}`;
};

const loadBefore = loadavg()
  .map((l) => l.toFixed(2))
  .join(" ");
console.log(
  `${PRESET}: ${pop.files.length} children, records from ${SOURCE === "array" ? `an array of ${held.length}` : "the generator"}; load average ${loadBefore}`,
);
const times = { old: [], new: [] };
const walls = { old: [], new: [] };
for (let k = 0; k < RUNS; k++) {
  const order = k % 2 === 0 ? ["old", "new"] : ["new", "old"];
  const out = {};
  for (const side of order) {
    const r = run(builds[side]);
    times[side].push(r.cpu);
    walls[side].push(r.wall);
    out[side] = r.data;
    console.log(`run ${k + 1} ${side}: ${r.cpu.toFixed(2)} s CPU, ${r.wall.toFixed(2)} s wall`);
  }
  if (k === 0 && !isDeepStrictEqual(comparable(out.old), comparable(out.new)))
    throw new Error("prepared data differ");
  const [a, b] = [digest(out.old), digest(out.new)];
  if (a !== b) throw new Error(`prepared data differ (digest ${a} vs ${b})`);
  if (k === 0) console.log(`prepared data deep-equal; digest ${a.slice(0, 16)}`);
}
const loadAfter = loadavg()
  .map((l) => l.toFixed(2))
  .join(" ");
console.log(`CPU s, min / median / max of ${RUNS}:`);
console.log(`  old ${stats(times.old)} (wall ${stats(walls.old)})`);
console.log(`  new ${stats(times.new)} (wall ${stats(walls.new)})`);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`  median ratio old/new ${(median(times.old) / median(times.new)).toFixed(2)}`);
console.log(`load average before ${loadBefore}, after ${loadAfter}`);
