/**
 * Storage: imports, the two everyday queries, and a county's full compliance read back from
 * SQLite and PostgreSQL. Data from `@liushou/fixtures`: a township (2,000 children, about 75,000
 * contact records) by default, a county (40,000 children with their registers, about 1.5
 * million contact records) with `--full`.
 *
 * - "import into SQLite": `createSqliteStorage` (file, WAL) and one transaction of `upsertMany`
 *   for the files and the records, against a raw better-sqlite3 prepared-statement loop in one
 *   transaction writing the same rows into the same tables (entity JSON, indexed columns,
 *   people, record-child links). Both sides create and migrate a new file each run.
 * - "import into PostgreSQL": the same through `createPostgresStorage`, against raw multi-row
 *   `INSERT`s through one `pg` client in one transaction. Needs `LIUSHOU_TEST_PG_URL`.
 * - "overdue home visits of one mentor" and "monthly compliance of one school": read from
 *   SQLite at scale through the port (the mentor's active pairings; the school's children by
 *   `files.streamIds`, which reads ids from an index and parses no file; `countContacts`
 *   answered by SQL `GROUP BY`), against the same answer computed in memory over every record
 *   with `countContactRecords`. The `plan` column is SQLite's `EXPLAIN QUERY PLAN` of every
 *   statement the run issued: `index` when each one reads through an index (naming any small
 *   table the planner chose to scan though an index could serve); a statement that no index
 *   can serve fails the case.
 * - "one school's compliance read from SQLite by its children": what `liushou`'s `compliance`
 *   reads for one school (its children, their pairings by `scope`, their records by
 *   `contacts.stream({ childIds, at })`), then every preset over a month, against the same with
 *   every record since the look-back streamed and filtered in JS (what it did before). The plan
 *   column checks that every statement reads through an index.
 * - "county compliance read from SQLite / PostgreSQL": stream every child, mentor, pairing and
 *   record out of the database, then `prepareComplianceData` and `evaluateCompliance` with all
 *   presets, against the same evaluation of the same data already in memory (time and peak
 *   memory).
 *
 * The population is generated once and the loaded SQLite file built once, then both are read
 * from the bench cache (`cache.ts`) by every process that needs them: at county scale each
 * takes minutes.
 * @module
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  ALL_PRESETS,
  EXAMPLE_CALENDAR_2025_26,
  countContactRecords,
  evaluateCompliance,
  prepareComplianceData,
  type ChildFile,
  type ContactRecord,
  type Mentor,
  type Pairing,
  type StorageAdapter,
  type StorageContactCountQuery,
} from "@liushou/core";
import {
  PRESETS,
  generatePopulation,
  type Population,
  type PopulationPreset,
} from "@liushou/fixtures";
import { createPostgresStorage } from "@liushou/storage-postgres";
import { createSqlStorage, type SqlStorage } from "@liushou/storage-sql";
import {
  createSqliteStorage,
  openSqliteDatabase,
  reusingStatements,
} from "@liushou/storage-sqlite";
import Database from "better-sqlite3";
import { Kysely, SqliteDialect, sql } from "kysely";
import pg from "pg";
import { cachedFile, cachedValue, cachePath, sourceKey } from "./cache";
import { defineCase, isFull } from "./harness";

const PRESET: PopulationPreset = isFull() ? "county" : "township";
const SIZE = PRESETS[PRESET].children;
const AS_OF = "2026-06-30" as const;
const AT = "2026-06-30T20:00:00+08:00";
const PERIOD = { from: "2025-07-01", to: "2026-06-30" } as const;
const MONTH = { from: "2026-06-01T00:00:00+08:00", to: "2026-07-01T00:00:00+08:00" } as const;
const REGION = "430102";
const PG_URL = process.env.LIUSHOU_TEST_PG_URL;
/**
 * Imports and whole-county reads take minutes at county scale: no warm-up run there (the
 * harness times at least 5 runs).
 */
const SLOW_RUNS = isFull() ? { warmup: 0 } : {};

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const POPULATION = { preset: PRESET, seed: "storage", asOf: AS_OF } as const;
/** The key of this population in the cache: its options and the generator's sources. */
const POPULATION_KEY = sourceKey([POPULATION], ["fixtures/src"]);
/** The population, generated once and then read from the bench cache (generating a county takes minutes). */
const population = (): Promise<Population> =>
  cachedValue(`population-${PRESET}-${POPULATION_KEY}.v8`, () => generatePopulation(POPULATION));
/** A temporary directory for this process's database files, removed when the process exits. */
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "liushou-bench-"));
  process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
let runNumber = 0;

// ---------------------------------------------------------------------------------------------
// Imports

async function importThroughPort(storage: StorageAdapter, pop: Population): Promise<void> {
  await storage.transaction(async (tx) => {
    await tx.files.upsertMany(pop.files, { at: AT });
    await tx.contacts.upsertMany(pop.records, { at: AT });
  });
}

/** The rows of each table, as the adapter writes them, for the raw baselines. */
function rawRows(pop: Population) {
  const files = pop.files.map((f) => [
    REGION,
    f.id,
    1,
    AT,
    f.child.regionCode,
    f.child.schoolId ?? null,
    f.child.classId ?? null,
    f.keyCase ? 1 : 0,
    f.riskLevel ?? null,
    f.child.schooling.status,
    JSON.stringify(f),
  ]);
  const people = pop.files.flatMap((f) =>
    (["guardians", "parents"] as const).flatMap((register) =>
      f[register].map((p) => [REGION, register, f.id, p.id, p.phone ?? null, JSON.stringify(p)]),
    ),
  );
  const contacts: unknown[][] = [];
  const links: unknown[][] = [];
  for (const r of pop.records) {
    const ms = Date.parse(r.at);
    contacts.push([
      REGION,
      r.id,
      1,
      AT,
      ms,
      r.mentorId ?? null,
      r.kind,
      r.initiator,
      JSON.stringify(r),
    ]);
    for (const c of r.childIds) links.push([REGION, r.id, c, ms, r.kind, r.initiator]);
  }
  return { files, people, contacts, links };
}

const RAW_TABLES = {
  files:
    "ls_file (region, id, version, updated_at, area_code, school_id, class_id, key_case, risk_level, schooling, data)",
  people: "ls_person (region, register, file_id, person_id, phone, data)",
  contacts: "ls_contact (region, id, version, updated_at, at_ms, mentor_id, kind, initiator, data)",
  links: "ls_contact_child (region, entity_id, child_id, at_ms, kind, initiator)",
} as const;

async function rawSqliteImport(filename: string, pop: Population): Promise<void> {
  await (await createSqliteStorage({ filename, region: REGION })).close(); // the same tables
  const db = new Database(filename);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  const rows = rawRows(pop);
  db.transaction(() => {
    for (const key of ["files", "people", "contacts", "links"] as const) {
      const width = rows[key][0]?.length ?? 0;
      const insert = db.prepare(
        `insert into ${RAW_TABLES[key]} values (${Array(width).fill("?").join(", ")})`,
      );
      for (const row of rows[key]) insert.run(...row);
    }
  })();
  db.close();
}

async function rawPgImport(schema: string, pop: Population): Promise<void> {
  await (await createPostgresStorage({ connectionString: PG_URL, schema, region: REGION })).close();
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(`set search_path to "${schema}"`);
    await client.query("begin");
    const rows = rawRows(pop);
    for (const key of ["files", "people", "contacts", "links"] as const) {
      const width = rows[key][0]?.length ?? 1;
      const per = Math.floor(60_000 / width);
      for (let i = 0; i < rows[key].length; i += per) {
        const batch = rows[key].slice(i, i + per);
        const values = batch
          .map(
            (_, r) =>
              `(${Array.from({ length: width }, (_, c) => `$${r * width + c + 1}`).join(", ")})`,
          )
          .join(", ");
        await client.query(`insert into ${RAW_TABLES[key]} values ${values}`, batch.flat());
      }
    }
    await client.query("commit");
  } finally {
    await client.end();
  }
}

async function dropPgSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  await client.query(`drop schema if exists "${schema}" cascade`);
  await client.end();
}

/** Rows in the entity and link tables after an import: both sides must write the same. */
async function countRows(db: Kysely<any>): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of ["ls_file", "ls_person", "ls_contact", "ls_contact_child"]) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  return out;
}

const importMetrics = (_: unknown, s: { pop: Population }) => ({
  files: s.pop.files.length,
  records: s.pop.records.length,
});

// ---------------------------------------------------------------------------------------------
// Queries at scale, read from SQLite

interface QueryState {
  storage: SqlStorage;
  /** CPU milliseconds (user + system) of each timed call, for {@link cpuMetric}. */
  cpuMs: number[];
  database: Database.Database;
  statements: { sql: string; parameters: readonly unknown[] }[];
  mentorId: string;
  schoolId: string;
}

interface MemoryState {
  pop: Population;
  mentorId: string;
  schoolId: string;
}

/** The mentor with the most pairings and the school with the most children: the worst cases. */
function busiest(pop: Population): { mentorId: string; schoolId: string } {
  const most = (ids: (string | undefined)[]) => {
    const n = new Map<string, number>();
    for (const id of ids) if (id) n.set(id, (n.get(id) ?? 0) + 1);
    return [...n].sort((a, b) => b[1] - a[1])[0]![0];
  };
  return {
    mentorId: most(pop.pairings.map((p) => p.mentorId)),
    schoolId: most(pop.files.map((f) => f.child.schoolId)),
  };
}

/** Imports the population into a new SQLite file through the port, and analyzes it. */
async function loadSqlite(filename: string, pop: Population): Promise<void> {
  const loader = await createSqliteStorage({ filename, region: REGION });
  await importThroughPort(loader, pop);
  await loader.mentors.upsertMany(pop.mentors, { at: AT });
  await loader.pairings.upsertMany(pop.pairings, { at: AT });
  await loader.schools.upsertMany(pop.schools, { at: AT });
  await loader.close();
  const database = new Database(filename);
  database.exec("analyze");
  database.close();
}

/**
 * A SQLite file with the population (imported once, then taken from the bench cache), opened
 * with a log of the statements issued.
 */
async function loadedSqlite(): Promise<QueryState> {
  const pop = await population();
  const ids = busiest(pop);
  // The file's content follows from the population, the tables and the migrations.
  const key = sourceKey([POPULATION_KEY], ["storage-sql/src/tables", "storage-sql/src/migrations"]);
  const filename = await cachedFile(cachePath(`storage-${PRESET}-${key}.db`), (temporary) =>
    loadSqlite(temporary, pop),
  );
  const database = openSqliteDatabase({ filename });
  const statements: QueryState["statements"] = [];
  const db = new Kysely<any>({
    dialect: new SqliteDialect({ database: reusingStatements(database) }),
    log: (e) => {
      if (e.level === "query") statements.push(e.query);
    },
  });
  const storage = createSqlStorage({ db, flavor: "sqlite", region: REGION });
  gc();
  return { storage, database, statements, cpuMs: [], ...ids };
}

/**
 * Runs a query case and keeps the CPU time it took: on a shared, loaded machine the wall time
 * of a few milliseconds of work is mostly waiting for a core, the CPU time is the work itself.
 */
function withCpu<S extends { cpuMs: number[] }, R>(
  run: (s: S) => Promise<R>,
): (s: S) => Promise<R> {
  return async (s) => {
    const before = process.cpuUsage();
    const result = await run(s);
    const used = process.cpuUsage(before);
    s.cpuMs.push((used.user + used.system) / 1000);
    return result;
  };
}

/** The least and the median CPU time of the calls so far, in milliseconds. */
function cpuMetric(s: { cpuMs: number[] }): { "cpu min ms": number; "cpu median ms": number } {
  const sorted = [...s.cpuMs].sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    "cpu min ms": round(sorted[0] ?? 0),
    "cpu median ms": round(sorted[Math.floor(sorted.length / 2)] ?? 0),
  };
}

async function memoryState(): Promise<MemoryState> {
  const pop = await population();
  return { pop, ...busiest(pop) };
}

/** The table scans in SQLite's plan of each statement. */
function scansOf(database: Database.Database, statements: QueryState["statements"]): string[] {
  return statements.flatMap((st) =>
    (
      database.prepare(`explain query plan ${st.sql}`).all(...st.parameters) as {
        detail: string;
      }[]
    )
      .map((p) => p.detail)
      .filter((d) => /^SCAN /.test(d) && !/USING (COVERING )?INDEX/.test(d)),
  );
}

/** An empty database with the same tables and indexes, and no statistics. */
function schemaOnly(database: Database.Database): Database.Database {
  const empty = new Database(":memory:");
  const ddl = database
    .prepare("select sql from sqlite_master where sql is not null and name not like 'sqlite_%'")
    .all() as { sql: string }[];
  for (const { sql: statement } of ddl) empty.exec(statement);
  return empty;
}

/**
 * `index` when every statement of the last run reads its tables through an index. Where the
 * planner scans a table though an index could serve (it does for a few hundred rows, read in
 * bulk), the statement is planned again on the bare schema, whose tables the planner takes for
 * large: `index` and the tables it chose to scan. A statement that no index can serve fails
 * the case, naming the scan.
 */
function planOf(s: QueryState): string {
  const scans = scansOf(s.database, s.statements);
  if (scans.length === 0) return "index";
  const bare = schemaOnly(s.database);
  try {
    const unserved = scansOf(bare, s.statements);
    if (unserved.length > 0) throw new Error(`a query scans a table: ${unserved.join("; ")}`);
  } finally {
    bare.close();
  }
  return `index (small tables scanned: ${[...new Set(scans.map((d) => d.slice(5)))].join(", ")})`;
}

const homeVisits = (subjectIds: string[]): StorageContactCountQuery => ({
  groupBy: "child",
  kinds: ["home-visit"],
  at: MONTH,
  subjectIds,
});
const parentContacts = (subjectIds: string[]): StorageContactCountQuery => ({
  groupBy: "child",
  kinds: ["parent-call", "family-call", "video-call"],
  at: MONTH,
  subjectIds,
});
const activeOn = (p: Pairing) => p.start <= AS_OF && (p.end === undefined || p.end >= AS_OF);

/** Children of the mentor's active pairings with no home visit this month. */
async function overdueFromStorage(s: QueryState): Promise<string[]> {
  s.statements.length = 0;
  const children: string[] = [];
  for await (const r of s.storage.pairings.stream({ mentorId: s.mentorId, activeOn: AS_OF })) {
    children.push(r.value.childId);
  }
  const visited = new Set(
    (await s.storage.countContacts!(homeVisits(children))).map((c) => c.subjectId),
  );
  return children.filter((c) => !visited.has(c));
}

function overdueInMemory(s: MemoryState): string[] {
  const children = s.pop.pairings
    .filter((p) => p.mentorId === s.mentorId && activeOn(p))
    .map((p) => p.childId);
  const visited = new Set(
    countContactRecords(s.pop.records, homeVisits(children)).map((c) => c.subjectId),
  );
  return children.filter((c) => !visited.has(c));
}

/** Per child of the school: a home visit and a parent contact this month (met when both). */
function monthly(
  children: string[],
  visits: readonly { subjectId: string }[],
  calls: readonly { subjectId: string }[],
): { children: number; met: number } {
  const v = new Set(visits.map((c) => c.subjectId));
  const c = new Set(calls.map((x) => x.subjectId));
  return { children: children.length, met: children.filter((id) => v.has(id) && c.has(id)).length };
}

async function schoolMonthFromStorage(s: QueryState) {
  s.statements.length = 0;
  const children: string[] = [];
  for await (const id of s.storage.files.streamIds({ schoolId: s.schoolId })) children.push(id);
  const [visits, calls] = await Promise.all([
    s.storage.countContacts!(homeVisits(children)),
    s.storage.countContacts!(parentContacts(children)),
  ]);
  return monthly(children, visits, calls);
}

function schoolMonthInMemory(s: MemoryState) {
  const children = s.pop.files.filter((f) => f.child.schoolId === s.schoolId).map((f) => f.id);
  return monthly(
    children,
    countContactRecords(s.pop.records, homeVisits(children)),
    countContactRecords(s.pop.records, parentContacts(children)),
  );
}

// ---------------------------------------------------------------------------------------------
// One school's compliance, every preset, over a month: what `createLiushou`'s `compliance`
// reads for `scope: { schoolId }`

const SCHOOL_LOOK_BACK = "2025-05-01T00:00:00+08:00";

/**
 * Reads a school's compliance data: its children, their pairings and mentors, and the records
 * `records` returns (each kept only for the school's children), then evaluates the month.
 */
async function schoolCompliance(
  s: QueryState,
  read: (children: Set<string>) => {
    pairings: AsyncIterable<{ value: Pairing }>;
    records: AsyncIterable<{ value: ContactRecord }>;
  },
): Promise<{ rows: number; done: number; records: number }> {
  s.statements.length = 0;
  const children: ChildFile[] = [];
  for await (const r of s.storage.files.stream({ schoolId: s.schoolId })) children.push(r.value);
  const inSchool = new Set(children.map((c) => c.id));
  const { pairings: pairingRows, records: recordRows } = read(inSchool);
  const pairings: Pairing[] = [];
  for await (const r of pairingRows) if (inSchool.has(r.value.childId)) pairings.push(r.value);
  const mentors: Mentor[] = [];
  const mentorIds = [...new Set(pairings.map((p) => p.mentorId))];
  for await (const r of s.storage.mentors.stream({ ids: mentorIds })) mentors.push(r.value);
  const records: ContactRecord[] = [];
  for await (const { value: r } of recordRows) {
    const ids = r.childIds.filter((id) => inSchool.has(id));
    if (ids.length > 0)
      records.push(ids.length === r.childIds.length ? r : { ...r, childIds: ids });
  }
  const prepared = prepareComplianceData({
    children,
    mentors,
    pairings,
    records,
    calendar: EXAMPLE_CALENDAR_2025_26,
  });
  const report = evaluateCompliance({
    data: prepared,
    policies: ALL_PRESETS,
    period: { from: "2026-06-01", to: "2026-06-30" },
    asOf: AS_OF,
  });
  let done = 0;
  for (const row of report) done += row.done;
  return { rows: report.length, done, records: records.length };
}

/** The adapter is asked for the school's children's records and pairings only. */
const schoolComplianceByChildren = (s: QueryState) =>
  schoolCompliance(s, (children) => ({
    pairings: s.storage.pairings.stream({ scope: { schoolIds: [s.schoolId] } }),
    records: s.storage.contacts.stream({ childIds: [...children], at: { from: SCHOOL_LOOK_BACK } }),
  }));

/** Every record and pairing of the storage read and filtered in JS (what was done before). */
const schoolComplianceFilteredInJs = (s: QueryState) =>
  schoolCompliance(s, () => ({
    pairings: s.storage.pairings.stream({}),
    records: s.storage.contacts.stream({ at: { from: SCHOOL_LOOK_BACK } }),
  }));

// ---------------------------------------------------------------------------------------------
// A county's full compliance

interface Everything {
  children: ChildFile[];
  mentors: Mentor[];
  pairings: Pairing[];
  records: ContactRecord[];
}

/** Streams every entity out of the adapter, batch by batch. */
async function readAll(storage: StorageAdapter): Promise<Everything> {
  const all = async <T>(it: AsyncIterable<{ value: T }>) => {
    const out: T[] = [];
    for await (const r of it) out.push(r.value);
    return out;
  };
  return {
    children: await all(storage.files.stream({})),
    mentors: await all(storage.mentors.stream({})),
    pairings: await all(storage.pairings.stream({})),
    records: await all(storage.contacts.stream({})),
  };
}

function evaluateAll(data: Everything): number {
  const prepared = prepareComplianceData({ ...data, calendar: EXAMPLE_CALENDAR_2025_26 });
  return evaluateCompliance({ data: prepared, policies: ALL_PRESETS, period: PERIOD, asOf: AS_OF })
    .length;
}

const inMemory = {
  name: "the same evaluation, data already in memory",
  setup: async () => {
    const pop = await population();
    return { pop, records: pop.records.length };
  },
  run: (s: { pop: Population }) =>
    evaluateAll({
      children: s.pop.files,
      mentors: s.pop.mentors,
      pairings: s.pop.pairings,
      records: s.pop.records,
    }),
};

async function loadedPostgres(): Promise<SqlStorage> {
  const schema = "liushou_bench_compliance";
  await dropPgSchema(schema);
  const pop = await population();
  const storage = await createPostgresStorage({ connectionString: PG_URL, schema, region: REGION });
  await importThroughPort(storage, pop);
  await storage.mentors.upsertMany(pop.mentors, { at: AT });
  await storage.pairings.upsertMany(pop.pairings, { at: AT });
  // Statistics, as for SQLite: without them PostgreSQL plans each keyset page of a stream as a
  // bitmap scan of every row after the cursor and a sort, so a county's stream is quadratic.
  await sql`analyze`.execute(storage.db);
  gc();
  return storage;
}

const complianceMetrics = (rows: unknown) => ({ rows: rows as number });

export default [
  defineCase({
    name: `import ${SIZE.toLocaleString("en")} children and their records into SQLite`,
    size: SIZE,
    ...SLOW_RUNS,
    setup: async () => ({ pop: await population(), dir: tempDir(), cpuMs: [] as number[] }),
    run: withCpu(async (s) => {
      const storage = await createSqliteStorage({
        filename: join(s.dir, `ours-${runNumber++}.db`),
        region: REGION,
      });
      await importThroughPort(storage, s.pop);
      const rows = await countRows(storage.db);
      await storage.close();
      return rows;
    }),
    // SQLite works in the case's own process: its CPU time is the import's whole cost, which
    // the load of a shared machine disturbs less than the wall time.
    metrics: (rows, s) => ({ ...importMetrics(rows, s), ...cpuMetric(s) }),
    answer: (rows) => rows,
    baseline: {
      name: "raw better-sqlite3 prepared-statement loop, one transaction",
      run: withCpu(async (s) => {
        const filename = join(s.dir, `raw-${runNumber++}.db`);
        await rawSqliteImport(filename, s.pop);
        const storage = await createSqliteStorage({ filename, region: REGION });
        const rows = await countRows(storage.db);
        await storage.close();
        return rows;
      }),
    },
    timeoutMs: 60 * 60_000,
  }),
  ...(PG_URL
    ? [
        defineCase({
          name: `import ${SIZE.toLocaleString("en")} children and their records into PostgreSQL`,
          size: SIZE,
          ...SLOW_RUNS,
          setup: async () => ({ pop: await population() }),
          run: async (s) => {
            const schema = `liushou_bench_ours_${process.pid}_${runNumber++}`;
            const storage = await createPostgresStorage({
              connectionString: PG_URL,
              schema,
              region: REGION,
            });
            await importThroughPort(storage, s.pop);
            const rows = await countRows(storage.db);
            await storage.close();
            await dropPgSchema(schema);
            return rows;
          },
          metrics: importMetrics,
          answer: (rows) => rows,
          baseline: {
            name: "raw multi-row INSERTs through pg, one transaction",
            run: async (s) => {
              const schema = `liushou_bench_raw_${process.pid}_${runNumber++}`;
              await rawPgImport(schema, s.pop);
              const storage = await createPostgresStorage({ connectionString: PG_URL, schema });
              const rows = await countRows(storage.db);
              await storage.close();
              await dropPgSchema(schema);
              return rows;
            },
          },
          timeoutMs: 60 * 60_000,
        }),
      ]
    : []),
  defineCase<any>({
    name: "overdue home visits of one mentor, from SQLite",
    size: SIZE,
    items: 1,
    runs: 20,
    setup: loadedSqlite,
    run: withCpu(overdueFromStorage),
    metrics: (overdue, s) => ({
      overdue: (overdue as string[]).length,
      plan: planOf(s),
      ...cpuMetric(s),
    }),
    answer: (overdue) => [...(overdue as string[])].sort(),
    baseline: {
      name: "countContactRecords over every record in memory",
      setup: memoryState,
      run: overdueInMemory,
      metrics: (overdue) => ({ overdue: (overdue as string[]).length }),
    },
    timeoutMs: 30 * 60_000,
  }),
  defineCase<any>({
    name: "monthly compliance of one school, from SQLite",
    size: SIZE,
    items: 1,
    runs: 20,
    setup: loadedSqlite,
    run: withCpu(schoolMonthFromStorage),
    metrics: (r, s) => ({
      ...(r as { children: number; met: number }),
      plan: planOf(s),
      ...cpuMetric(s),
    }),
    answer: (r) => r,
    baseline: {
      name: "countContactRecords over every record in memory",
      setup: memoryState,
      run: schoolMonthInMemory,
      metrics: (r) => r as { children: number; met: number },
    },
    timeoutMs: 30 * 60_000,
  }),
  defineCase<any>({
    name: "county compliance (all presets) read from SQLite",
    size: SIZE,
    ...SLOW_RUNS,
    setup: loadedSqlite,
    run: async (s) => evaluateAll(await readAll(s.storage)),
    metrics: complianceMetrics,
    answer: (rows) => rows,
    baseline: inMemory,
    timeoutMs: 60 * 60_000,
  }),
  ...(PG_URL
    ? [
        defineCase<any>({
          name: "county compliance (all presets) read from PostgreSQL",
          size: SIZE,
          ...SLOW_RUNS,
          setup: loadedPostgres,
          run: async (storage) => evaluateAll(await readAll(storage)),
          metrics: complianceMetrics,
          answer: (rows) => rows,
          baseline: inMemory,
          timeoutMs: 60 * 60_000,
        }),
      ]
    : []),
  defineCase<any>({
    name: "one school's compliance (all presets, a month) read from SQLite by its children",
    size: SIZE,
    items: 1,
    runs: 10,
    setup: loadedSqlite,
    run: withCpu(schoolComplianceByChildren),
    metrics: (r, s) => ({
      ...(r as { rows: number; records: number }),
      plan: planOf(s),
      ...cpuMetric(s),
    }),
    answer: (r) => r,
    baseline: {
      name: "every record since the look-back read and filtered in JS",
      setup: loadedSqlite,
      run: withCpu(schoolComplianceFilteredInJs),
      metrics: (r, s) => ({ ...(r as { rows: number; records: number }), ...cpuMetric(s) }),
    },
    timeoutMs: 30 * 60_000,
  }),
];
