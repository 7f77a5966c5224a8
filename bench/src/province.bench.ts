/**
 * Loading and streamed evaluation at county and province scale.
 *
 * - "load contact records": `prepareComplianceData` (validate every record, check ids are
 *   unique, turn instants into Beijing days, index by child, mentor and school) against DuckDB
 *   (`@duckdb/node-api`, in memory) appending the same records into a table with the record id
 *   as primary key and one row per (record, child). Both read the records from the fixtures
 *   generator, one at a time; both answer how many records and child links they hold. Growth
 *   over four sizes.
 * - "province, all presets" (`--full`): every preset over a province (25 counties of 40,000
 *   children, about 38 million records), each county generated, loaded, evaluated and dropped
 *   (`province-counties.ts`), on worker threads with `evaluateCompliancePartitionedParallel`
 *   of the published build, as a host runs it (`built.ts`: `pnpm build` first; one worker per
 *   core, or `LIUSHOU_BENCH_WORKERS`) against the same counties one at a time in one
 *   thread with `evaluateCompliancePartitioned`; both merged reports must be equal. Time and
 *   peak memory. `LIUSHOU_BENCH_COUNTIES=4` runs fewer counties.
 * - "province, teacher pairing" (`--full`): the same counties (records aside) planned with the
 *   teacher preset on worker threads with `planPairingsPartitionedParallel`, built (each worker
 *   generating, planning and dropping one county at a time) against the same counties one at a
 *   time in one thread with `planPairingsPartitioned`; both merged plans must be equal (a
 *   digest of the whole plan). Time and peak memory. Each worker's heap is capped at
 *   `LIUSHOU_BENCH_HEAP_MB` (default 512), and its young generation is
 *   `LIUSHOU_BENCH_YOUNG_MB` (default 128).
 * @module
 */
import { availableParallelism } from "node:os";
import {
  ALL_PRESETS,
  EXAMPLE_CALENDAR_2025_26,
  evaluateCompliancePartitioned,
  planPairingsPartitioned,
  prepareComplianceData,
  TEACHER_PAIRING_PRESET,
  type PairingPlan,
  type PartitionedCompliance,
} from "@liushou/core";
import { createHash } from "node:crypto";
import { DuckDBInstance } from "@duckdb/node-api";
import {
  PRESETS,
  generatePopulation,
  streamContactRecords,
  type Population,
} from "@liushou/fixtures";
import { BUILT_LOADER, builtLiushou } from "./built";
import { defineCase } from "./harness";
import { PRESET, SIZE } from "./preset";
import { countyCompliance, countyKey, countyPairing } from "./province-counties";

const COUNTIES = Number(process.env.LIUSHOU_BENCH_COUNTIES ?? 25);
/** Worker threads of the province case: `LIUSHOU_BENCH_WORKERS`, or one per core. */
const WORKERS = Number(process.env.LIUSHOU_BENCH_WORKERS ?? availableParallelism());
/**
 * Each pairing worker's heap limit in MB (`heapLimitMb`): `LIUSHOU_BENCH_HEAP_MB`, default 512
 * (a county's plan holds about 250 MB; without a cap each worker's heap grows past 800 MB).
 */
const PAIRING_HEAP_MB = Number(process.env.LIUSHOU_BENCH_HEAP_MB ?? 512);
/**
 * Each pairing worker's young generation in MB (`youngGenerationMb`):
 * `LIUSHOU_BENCH_YOUNG_MB`, default 128 (fewer scavenges; `0` leaves V8's own size).
 */
const PAIRING_YOUNG_MB = Number(process.env.LIUSHOU_BENCH_YOUNG_MB ?? 128) || undefined;
const PERIOD = { from: "2025-07-01", to: "2026-06-30" } as const;
const AS_OF = "2026-06-30" as const;
const DAY_MS = 86_400_000;

/** Records and child links loaded: what both sides must agree on. */
interface Loaded {
  records: number;
  links: number;
}

function population(children: number): Population {
  return generatePopulation({ preset: PRESET, children, records: false });
}

function loadOurs(pop: Population): Loaded {
  const data = prepareComplianceData({
    children: pop.files,
    mentors: pop.mentors,
    pairings: pop.pairings,
    schools: pop.schools,
    records: streamContactRecords(pop),
    calendar: EXAMPLE_CALENDAR_2025_26,
  });
  return { records: data.events.recordCount, links: data.events.childList.length };
}

async function loadDuckDb(pop: Population): Promise<Loaded> {
  const db = await DuckDBInstance.create(":memory:", { threads: "1" });
  const con = await db.connect();
  try {
    await con.run(`
      CREATE TABLE records (id VARCHAR PRIMARY KEY, day INTEGER NOT NULL, kind VARCHAR NOT NULL,
                            initiator VARCHAR NOT NULL, mentor_id VARCHAR);
      CREATE TABLE record_children (record_id VARCHAR NOT NULL, child_id VARCHAR NOT NULL);`);
    const records = await con.createAppender("records");
    const links = await con.createAppender("record_children");
    for (const r of streamContactRecords(pop)) {
      records.appendVarchar(r.id);
      // The Beijing calendar day of the instant (UTC+8, no daylight saving since 1991).
      records.appendInteger(Math.floor((Date.parse(r.at) + 8 * 3_600_000) / DAY_MS));
      records.appendVarchar(r.kind);
      records.appendVarchar(r.initiator);
      if (r.mentorId === undefined) records.appendNull();
      else records.appendVarchar(r.mentorId);
      records.endRow();
      for (const c of r.childIds) {
        links.appendVarchar(r.id);
        links.appendVarchar(c);
        links.endRow();
      }
    }
    records.closeSync();
    links.closeSync();
    const counts = await con.runAndReadAll(
      "SELECT (SELECT count(*) FROM records)::INTEGER, (SELECT count(*) FROM record_children)::INTEGER",
    );
    const [n, l] = counts.getRows()[0] as [number, number];
    return { records: n, links: l };
  } finally {
    con.closeSync();
    db.closeSync();
  }
}

/** What every province evaluation is asked: every preset over the year, and a work list. */
const PROVINCE_OPTIONS = {
  policies: ALL_PRESETS,
  period: PERIOD,
  asOf: AS_OF,
  workList: { withinDays: 7, limit: 1000 },
};
const KEYS = Array.from({ length: COUNTIES }, (_, k) => countyKey(k));

/** The province in this thread, one county at a time. */
function provinceInOneThread() {
  return evaluateCompliancePartitioned({
    ...PROVINCE_OPTIONS,
    partitions: (function* () {
      for (let k = 0; k < COUNTIES; k++) yield { key: countyKey(k), data: countyCompliance(k) };
    })(),
  });
}

/** The province on worker threads (the built package), each loading and evaluating one county at a time. */
async function provinceOnWorkers() {
  const { evaluateCompliancePartitionedParallel } = await builtLiushou();
  return evaluateCompliancePartitionedParallel({
    ...PROVINCE_OPTIONS,
    keys: KEYS,
    loader: BUILT_LOADER,
    workers: WORKERS,
  });
}

/** The options of the province's pairing plan: the teacher preset on the generator's date. */
const PAIRING_OPTIONS = {
  rules: TEACHER_PAIRING_PRESET,
  asOf: generatePopulation({ preset: "class", records: false }).asOf,
  onMissing: "end",
} as const;

/**
 * A plan's figures, and a digest of all of it (equal digests, equal plans): read from the last
 * run's plan after the timed runs, once (hashing a province's plan takes seconds).
 */
const planAnswer = memoized((plan: PairingPlan) => {
  const hash = createHash("sha256");
  for (const list of [plan.pairs, plan.unmatched, plan.diff.kept, plan.diff.added]) {
    for (const x of list) hash.update(JSON.stringify(x));
    hash.update("\n");
  }
  for (const x of plan.diff.ended) hash.update(JSON.stringify(x));
  for (const x of plan.history) hash.update(JSON.stringify(x));
  hash.update(JSON.stringify([plan.asOf, plan.ruleSet, plan.score, plan.stats]));
  return {
    matched: plan.stats.matched,
    priorityMatched: plan.stats.priorityMatched,
    score: plan.score.total,
    digest: hash.digest("hex"),
  };
});

/** `f` computing once per object. */
function memoized<T extends object, R>(f: (x: T) => R): (x: T) => R {
  const done = new WeakMap<T, R>();
  return (x) => {
    if (!done.has(x)) done.set(x, f(x));
    return done.get(x)!;
  };
}

/** The province's pairing plan in this thread, one county generated and planned at a time. */
function provincePairingInOneThread(): Promise<PairingPlan> {
  return planPairingsPartitioned(
    (function* () {
      for (let k = 0; k < COUNTIES; k++) yield countyPairing(k);
    })(),
    PAIRING_OPTIONS,
  );
}

/** The province's pairing plan on worker threads (the built package), each planning one county at a time. */
async function provincePairingOnWorkers(): Promise<PairingPlan> {
  const { planPairingsPartitionedParallel } = await builtLiushou();
  return planPairingsPartitionedParallel({
    ...PAIRING_OPTIONS,
    keys: KEYS,
    loader: BUILT_LOADER,
    workers: WORKERS,
    heapLimitMb: PAIRING_HEAP_MB,
    youngGenerationMb: PAIRING_YOUNG_MB,
  });
}

export default [
  defineCase({
    name: `load contact records (${PRESET}, 1 year)`,
    size: SIZE,
    runs: 5,
    timeoutMs: 30 * 60_000,
    growthSizes: [SIZE / 8, SIZE / 4, SIZE / 2, SIZE],
    setup: ({ size }) => population(size),
    run: (pop: Population) => loadOurs(pop),
    answer: (r) => r,
    metrics: (r) => ({ records: (r as Loaded).records }),
    baseline: {
      name: "DuckDB appender, in memory, id primary key (1 thread)",
      run: (pop: Population) => loadDuckDb(pop),
    },
  }),
  defineCase({
    name: `province, all presets, county by county on ${WORKERS} worker threads (${COUNTIES} × 40,000 children)`,
    size: COUNTIES * PRESETS.county.children,
    full: true,
    runs: 5,
    warmup: 0,
    timeoutMs: 24 * 60 * 60_000,
    run: provinceOnWorkers,
    metrics: (r) => ({ rows: (r as PartitionedCompliance).rows }),
    // The merged report: the same on worker threads as in one thread.
    answer: (r) => r,
    baseline: {
      name: "the same counties one at a time in one thread (evaluateCompliancePartitioned)",
      run: provinceInOneThread,
      metrics: (r) => ({ rows: (r as PartitionedCompliance).rows }),
    },
  }),
  defineCase({
    name: `province, teacher pairing county by county on ${WORKERS} worker threads (${COUNTIES} × 40,000 children)`,
    size: COUNTIES * PRESETS.county.children,
    full: true,
    runs: 5,
    warmup: 0,
    timeoutMs: 24 * 60 * 60_000,
    run: provincePairingOnWorkers,
    metrics: (r) => planAnswer(r as PairingPlan),
    // The merged plan (its digest): the same on worker threads as in one thread.
    answer: (r) => planAnswer(r as PairingPlan),
    baseline: {
      name: "the same counties one at a time in one thread (planPairingsPartitioned)",
      run: provincePairingInOneThread,
      metrics: (r) => planAnswer(r as PairingPlan),
    },
  }),
];
