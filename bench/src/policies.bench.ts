/**
 * Visit-frequency compliance at county scale: 40,000 children, 5,000 mentors and one year of
 * contact records (about 1.5 million) from `@liushou/fixtures`.
 *
 * - "all presets": every preset policy, then roll-ups by school and the work list. Time and peak
 *   memory; no baseline (no other tool computes these rules).
 * - "monthly home visits": a teacher mentor's monthly home visit to each paired child
 *   (`TEACHER_HOME_VISITS`, pairing level, counted by the paired mentor), answered by one SQL
 *   query in SQLite (better-sqlite3, in memory, indexed). Loading is excluded from both timings and reported
 *   as metrics: ours validates and indexes the records (`prepareComplianceData`), SQLite inserts
 *   them and builds its index; both turn each instant into a Beijing day at load. The harness
 *   fails the case unless every month's required and met counts agree on both sides.
 * @module
 */
import {
  ALL_PRESETS,
  EXAMPLE_CALENDAR_2025_26,
  definePolicy,
  evaluateCompliance,
  prepareComplianceData,
  rollUpCompliance,
  workList,
  type ComplianceData,
  type ComplianceReport,
} from "@liushou/core";
import { generatePopulation, streamContactRecords, type Population } from "@liushou/fixtures";
import Database from "better-sqlite3";
import { performance } from "node:perf_hooks";
import { defineCase } from "./harness";
import { PRESET, SIZE } from "./preset";

const PERIOD = { from: "2025-07-01", to: "2026-06-30" } as const;
const AS_OF = "2026-06-30" as const;
const DAY_MS = 86_400_000;

interface OursState {
  pop: Population;
  data: ComplianceData;
  prepareMs: number;
  firstRunMs: number;
  records: number;
  /** Live heap after preparing, after a full GC: the memory the prepared data really holds. */
  heapMB: number;
}

/**
 * The home-visit cadence the SQL query computes: each pairing with a teacher mentor owes one
 * home visit by that mentor per month, prorated half up over the days the pairing is active.
 * (The `homeVisitMonthly` preset asks it of the school for each left-behind child instead,
 * which needs the children's left-behind ranges: not one SQL query.)
 */
const TEACHER_HOME_VISITS = definePolicy({
  id: "teacher-home-visit-monthly",
  name: { "zh-CN": "帮扶教师每月家访一次", en: "Teacher mentor visits the home monthly" },
  level: "pairing",
  selector: { mentorKinds: ["class-teacher", "subject-teacher"] },
  counts: { contactKinds: ["home-visit"], by: "paired-mentor" },
  requirement: { type: "count", min: 1, per: "month" },
  graceDays: 3,
});

/** A full GC when the harness exposes it (`--expose-gc`). */
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

function prepared(firstRun: (data: ComplianceData) => unknown, children = SIZE): OursState {
  const pop = generatePopulation({ preset: PRESET, children, records: false });
  let records = 0;
  // Collect the validation garbage as we go, so that the peak RSS reflects live data rather
  // than how lazily V8 collects (prepare time includes these collections).
  const counted = (function* () {
    for (const r of streamContactRecords(pop)) {
      if (++records % 250_000 === 0) gc();
      yield r;
    }
  })();
  const t0 = performance.now();
  const data = prepareComplianceData({
    children: pop.files,
    mentors: pop.mentors,
    pairings: pop.pairings,
    schools: pop.schools,
    records: counted,
    calendar: EXAMPLE_CALENDAR_2025_26,
  });
  const prepareMs = performance.now() - t0;
  gc();
  const heapMB = process.memoryUsage().heapUsed / 2 ** 20;
  const t1 = performance.now();
  firstRun(data);
  return { pop, data, prepareMs, firstRunMs: performance.now() - t1, records, heapMB };
}

function allPresets(data: ComplianceData) {
  const report = evaluateCompliance({ data, policies: ALL_PRESETS, period: PERIOD, asOf: AS_OF });
  const schools = rollUpCompliance(report, { by: "school" });
  const list = workList(report, { withinDays: 7 });
  return { rows: report.length, schools: schools.length, overdue: list.overdue.length };
}

/** Per month (first day): rows with something required, and rows met. */
type MonthlyCounts = Map<string, { required: number; met: number }>;

function homeVisitsOurs(data: ComplianceData): MonthlyCounts {
  const report: ComplianceReport = evaluateCompliance({
    data,
    policies: [TEACHER_HOME_VISITS],
    period: PERIOD,
    asOf: AS_OF,
  });
  // Columnar roll-up by bucket: no row object is built.
  const out: MonthlyCounts = new Map();
  for (const r of rollUpCompliance(report, { by: "bucket" })) {
    const required = r.met + r.missed + r.overdue + r.due + r.upcoming;
    if (required > 0) out.set(r.key, { required, met: r.met });
  }
  return out;
}

/** Loads pairings, mentors and one row per (record, child) into an in-memory SQLite database. */
function loadSqlite(pop: Population, onlyKind?: string): { db: Database.Database; rows: number } {
  const db = new Database(":memory:");
  db.exec(`
    CREATE TABLE mentors (id TEXT PRIMARY KEY, kind TEXT NOT NULL);
    CREATE TABLE pairings (id TEXT PRIMARY KEY, child_id TEXT NOT NULL, mentor_id TEXT NOT NULL, start_day INTEGER NOT NULL, end_day INTEGER NOT NULL);
    CREATE TABLE record_children (record_id TEXT NOT NULL, child_id TEXT NOT NULL, mentor_id TEXT, kind TEXT NOT NULL, day INTEGER NOT NULL);
  `);
  const day = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
  const insM = db.prepare("INSERT INTO mentors VALUES (?, ?)");
  const insP = db.prepare("INSERT INTO pairings VALUES (?, ?, ?, ?, ?)");
  const insR = db.prepare("INSERT INTO record_children VALUES (?, ?, ?, ?, ?)");
  let rows = 0;
  db.transaction(() => {
    for (const m of pop.mentors) insM.run(m.id, m.kind);
    for (const p of pop.pairings)
      insP.run(p.id, p.childId, p.mentorId, day(p.start), p.end ? day(p.end) : 10_000_000);
    for (const r of streamContactRecords(pop)) {
      if (onlyKind && r.kind !== onlyKind) continue;
      // The Beijing calendar day of the instant (UTC+8, no daylight saving since 1991).
      const d = Math.floor((Date.parse(r.at) + 8 * 3_600_000) / DAY_MS);
      for (const c of r.childIds) {
        insR.run(r.id, c, r.mentorId ?? null, r.kind, d);
        rows++;
      }
    }
  })();
  db.exec("CREATE INDEX record_children_idx ON record_children (child_id, mentor_id, kind, day)");
  return { db, rows };
}

/**
 * Monthly home-visit compliance of teacher mentors' pairings, with the same rules as the
 * preset: months overlapping the period; a pairing in scope for part of a month owes
 * round(active days / days in month), half up; visits by the pairing's mentor, on days the
 * pairing is active and not after asOf.
 */
const HOME_VISIT_SQL = `
WITH RECURSIVE months(m) AS (
  SELECT date(:from, 'start of month')
  UNION ALL SELECT date(m, '+1 month') FROM months WHERE date(m, '+1 month') <= :to
),
mb AS (
  SELECT m, CAST(julianday(m) - 2440587.5 AS INTEGER) AS f,
         CAST(julianday(date(m, '+1 month')) - 2440587.5 AS INTEGER) - 1 AS t
  FROM months
),
req AS (
  SELECT p.id AS pid, p.child_id, p.mentor_id, p.start_day, p.end_day, mb.m, mb.f, mb.t,
         MAX(0, MIN(p.end_day, mb.t) - MAX(p.start_day, mb.f) + 1) AS active,
         mb.t - mb.f + 1 AS nominal
  FROM pairings p JOIN mentors mt ON mt.id = p.mentor_id AND mt.kind IN ('class-teacher', 'subject-teacher')
  CROSS JOIN mb
),
scored AS (
  SELECT req.m,
         CASE WHEN active >= nominal THEN 1 ELSE MIN(1, CAST(1.0 * active / nominal + 0.5 AS INTEGER)) END AS required,
         (SELECT COUNT(*) FROM record_children rc
           WHERE rc.child_id = req.child_id AND rc.mentor_id = req.mentor_id AND rc.kind = 'home-visit'
             AND rc.day BETWEEN MAX(req.f, req.start_day) AND MIN(req.t, req.end_day, :asOf)) AS done
  FROM req WHERE req.active > 0
)
SELECT m, SUM(required > 0) AS required, SUM(required > 0 AND done >= required) AS met
FROM scored GROUP BY m ORDER BY m`;

function homeVisitsSql(db: Database.Database): MonthlyCounts {
  const asOf = Math.round(Date.parse(`${AS_OF}T00:00:00Z`) / DAY_MS);
  const rows = db.prepare(HOME_VISIT_SQL).all({ from: PERIOD.from, to: PERIOD.to, asOf }) as {
    m: string;
    required: number;
    met: number;
  }[];
  return new Map(
    rows.filter((r) => r.required > 0).map((r) => [r.m, { required: r.required, met: r.met }]),
  );
}

export default [
  defineCase({
    name: `compliance, all presets + roll-up + work list (${PRESET}, 1 year)`,
    size: SIZE,
    runs: 5,
    warmup: 2,
    timeoutMs: 20 * 60_000,
    growthSizes: [SIZE / 8, SIZE / 4, SIZE / 2, SIZE],
    setup: ({ size }) => prepared(allPresets, size),
    run: (s: OursState) => allPresets(s.data),
    metrics: (r, s: OursState) => {
      const res = r as ReturnType<typeof allPresets>;
      return {
        records: s.records,
        rows: res.rows,
        "prepare s": Number((s.prepareMs / 1000).toFixed(1)),
        "first run ms": Math.round(s.firstRunMs),
        "heap MB": Math.round(s.heapMB),
      };
    },
  }),
  defineCase({
    name: `monthly home-visit compliance (${PRESET}, 1 year)`,
    size: SIZE,
    runs: 5,
    warmup: 2,
    timeoutMs: 20 * 60_000,
    growthSizes: [SIZE / 8, SIZE / 4, SIZE / 2, SIZE],
    setup: ({ size }) => prepared(homeVisitsOurs, size),
    run: (s: OursState) => homeVisitsOurs(s.data),
    metrics: (r, s: OursState) => {
      let met = 0;
      let required = 0;
      for (const m of (r as MonthlyCounts).values()) {
        met += m.met;
        required += m.required;
      }
      return {
        "met/required": `${met}/${required}`,
        "prepare s": Number((s.prepareMs / 1000).toFixed(1)),
      };
    },
    // Every month's required and met counts, which SQLite must reproduce exactly.
    answer: (r) => [...(r as MonthlyCounts)].sort(([a], [b]) => a.localeCompare(b)),
    baseline: {
      name: "one SQL query, SQLite in memory (indexed)",
      setup: ({ size }) => {
        const pop = generatePopulation({ preset: PRESET, children: size, records: false });
        const t0 = performance.now();
        const { db, rows } = loadSqlite(pop);
        return { db, rows, loadMs: performance.now() - t0 } as unknown as OursState;
      },
      run: (s) => homeVisitsSql((s as unknown as { db: Database.Database }).db),
      metrics: (r, s) => {
        const st = s as unknown as { rows: number; loadMs: number };
        let met = 0;
        let required = 0;
        for (const m of (r as MonthlyCounts).values()) {
          met += m.met;
          required += m.required;
        }
        return {
          "met/required": `${met}/${required}`,
          "load s": Number((st.loadMs / 1000).toFixed(1)),
          "sql rows": st.rows,
        };
      },
    },
  }),
];
