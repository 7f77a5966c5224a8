/**
 * Report rendering at county scale (40,000 children from `@liushou/fixtures`). The reports are
 * built in setup (not timed; once, then read from `bench/results/cache/`); the cases time the
 * renderers alone. Setup ends with `settled`, so each side's peak RSS is what holding its input
 * and rendering take, not what building the county's data took.
 *
 * - "statistics tables to XLSX": the statistics table (a row per school) and the three
 *   registers (children, temporary guardians, parents: one row per left-behind child each)
 *   through `renderXlsx`, against exceljs writing the same rows into plain sheets with no
 *   titles, formats, widths or formulas (what a host would write by hand), both through
 *   exceljs's `Workbook` and `writeBuffer`. Target ratio ≤ 1.3.
 *   Both files are read back: every table must hold the same numbers on both sides. A township
 *   (2,000 children) by default; the county (40,000) with `--full`, as exceljs takes tens of
 *   seconds per county workbook on either side.
 * - "work summary to HTML" (target under 1 s) and "to DOCX" (target under 5 s; its charts are
 *   rasterised to PNG). No baseline: no other tool writes these documents.
 *
 * - "legal checks and risk per left-behind child": what a work summary runs for every left-behind
 *   child, `checkLegalDutiesAll` and `assessRiskAll` (files, records and options validated once)
 *   against `checkLegalDuties` and `assessRisk` called per child with the records grouped once
 *   (how the summary was built before). Both sides must give the same findings and levels. A
 *   township by default, the county with `--full`.
 *
 * `LIUSHOU_BENCH_PRESET=township` runs the work summary cases on 2,000 children.
 * @module
 */
import {
  registersReport,
  statisticsReport,
  workSummaryReport,
  type Report,
  type Table,
} from "@liushou/report";
import { renderDocx } from "@liushou/report-docx";
import { renderHtml } from "@liushou/report-html";
import { renderXlsx } from "@liushou/report-xlsx";
import {
  assessRisk,
  assessRiskAll,
  checkLegalDuties,
  checkLegalDutiesAll,
  groupRecordsByChild,
  type ChildFile,
  type ContactRecord,
} from "@liushou/core";
import { PRESETS, generatePopulation, type PopulationPreset } from "@liushou/fixtures";
import ExcelJS from "exceljs";
import { cachedValue, sourceKey } from "./cache";
import { defineCase, settled } from "./harness";

const PRESET = (process.env.LIUSHOU_BENCH_PRESET ?? "county") as PopulationPreset;
const SIZE = PRESETS[PRESET].children;
const AS_OF = "2026-06-30" as const;
const GENERATED_AT = "2026-07-01T09:00:00+08:00" as const;
const SEMESTER = { from: "2026-02-20", to: AS_OF } as const;

/** What shapes the built reports: a changed generator, core or builder never reads a stale entry. */
const REPORTS_KEY = sourceKey(
  [AS_OF, GENERATED_AT, SEMESTER],
  ["fixtures/src", "core/src", "report/src"],
);

/**
 * The statistics report (a row per school) and the registers report of a population, built once
 * and kept in `bench/results/cache/`.
 */
function statisticsReports(preset: PopulationPreset): Promise<Report[]> {
  return cachedValue(`statistics-reports-${preset}-${REPORTS_KEY}.v8`, () =>
    buildStatisticsReports(preset),
  );
}

function buildStatisticsReports(preset: PopulationPreset): Report[] {
  const pop = generatePopulation({ preset, asOf: AS_OF, records: false });
  const roster = {
    files: pop.files,
    schools: pop.schools,
    classes: pop.classes,
    asOf: AS_OF,
    generatedAt: GENERATED_AT,
  };
  return [
    statisticsReport({ ...roster, areas: pop.areas, rowsBy: "school" }),
    registersReport(roster),
  ];
}

function tablesOf(reports: readonly Report[]): Table[] {
  const out: Table[] = [];
  const walk = (blocks: Report["body"]) => {
    for (const b of blocks) {
      if (b.type === "table") out.push(b);
      else if (b.type === "section") walk(b.blocks);
    }
  };
  for (const r of reports) walk(r.body);
  return out;
}

/** The county's semester work summary, from a semester of contact records (built once, cached). */
function workSummary(): Promise<Report> {
  return cachedValue(`work-summary-${PRESET}-${REPORTS_KEY}.v8`, buildWorkSummary);
}

function buildWorkSummary(): Report {
  const pop = generatePopulation({ preset: PRESET, asOf: AS_OF, records: SEMESTER });
  return workSummaryReport({
    asOf: AS_OF,
    generatedAt: GENERATED_AT,
    period: SEMESTER,
    scope: { level: "county", code: pop.areas[0]!.code },
    files: pop.files,
    mentors: pop.mentors,
    pairings: pop.pairings,
    records: pop.records,
    schools: pop.schools,
    classes: pop.classes,
    areas: pop.areas,
  });
}

function rowsOf(reports: readonly Report[]): number {
  return tablesOf(reports).reduce((n, t) => n + t.rows.length, 0);
}

/** The numbers of one table as a spreadsheet holds them: how many numeric cells, and their sum. */
interface TableNumbers {
  cells: number;
  sum: number;
}

/** Reads numeric cells (formula results included) of a sheet from row `from` on. */
function numbersOf(ws: ExcelJS.Worksheet, from: number): TableNumbers {
  const out = { cells: 0, sum: 0 };
  ws.eachRow((row, r) => {
    if (r < from) return;
    row.eachCell((cell) => {
      const v = cell.value;
      const n =
        typeof v === "number"
          ? v
          : v && typeof v === "object" && "result" in v
            ? v.result
            : undefined;
      if (typeof n === "number") (out.cells++, (out.sum += n));
    });
  });
  return out;
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

/** The plain sheets of the baseline: each table's header and rows (totals last). */
interface PlainSheet {
  name: string;
  header: string[];
  rows: unknown[][];
  dataRows: number;
}

/**
 * The statistics tables to XLSX, ours against exceljs writing the same rows. Both answers are
 * read back from the files with exceljs: per table, the count and sum of its numeric cells.
 */
function xlsxCase(preset: PopulationPreset, full: boolean) {
  const reports = () => statisticsReports(preset);
  return defineCase({
    name: `statistics tables to XLSX (${preset})`,
    size: PRESETS[preset].children,
    full,
    // A county workbook takes long on either side: no warm-up run, only the 5 timed ones.
    ...(full ? { warmup: 0 } : {}),
    timeoutMs: 60 * 60_000,
    setup: async () => settled(await reports()),
    // One workbook after the other, as a host writing both files would.
    run: async (rs: Report[]) => {
      const files: Uint8Array[] = [];
      for (const r of rs) files.push(await renderXlsx(r));
      return files;
    },
    answer: async (files, rs: Report[]) => {
      const books = await Promise.all((files as Uint8Array[]).map(load));
      return tablesOf(rs).map((t) => {
        const ws = books
          .flatMap((b) => b.worksheets)
          .find((w) => w.getCell(1, 1).value === (t.title ?? t.id));
        // Data starts under the title, subtitle and header rows.
        return ws ? numbersOf(ws, 4) : { cells: -1, sum: 0 };
      });
    },
    metrics: (files, rs: Report[]) => ({
      rows: rowsOf(rs),
      "xlsx KB": Math.round((files as Uint8Array[]).reduce((n, f) => n + f.byteLength, 0) / 1024),
    }),
    baseline: {
      name: "exceljs writing the same rows into plain sheets",
      // The same cells, as a host would hand them to exceljs.
      setup: async () =>
        settled(
          tablesOf(await reports()).map((t): PlainSheet => ({
            name: (t.title ?? t.id).slice(0, 28),
            header: t.columns.map((c) => c.header),
            rows: [...t.rows, ...(t.totals ? [t.totals] : [])].map((r) => [...r.cells]),
            dataRows: t.rows.length,
          })),
        ) as unknown as Report[],
      run: async (state) => {
        const wb = new ExcelJS.Workbook();
        (state as unknown as PlainSheet[]).forEach((s, i) => {
          const ws = wb.addWorksheet(`${i + 1} ${s.name}`);
          ws.addRow(s.header);
          ws.addRows(s.rows);
        });
        return [new Uint8Array(await wb.xlsx.writeBuffer())];
      },
      answer: async (files) => {
        const [book] = await Promise.all((files as Uint8Array[]).map(load));
        return book!.worksheets.map((ws) => numbersOf(ws, 2));
      },
      metrics: (files, state) => ({
        rows: (state as unknown as PlainSheet[]).reduce((n, s) => n + s.dataRows, 0),
        "xlsx KB": Math.round((files as Uint8Array[]).reduce((n, f) => n + f.byteLength, 0) / 1024),
      }),
    },
  });
}

/** Findings and levels of every child, in file order, as both sides of the legal case give them. */
function legalAnswer(result: unknown) {
  const rows = result as readonly { findings: readonly { code: string }[]; level: string }[];
  return rows.map((r) => `${r.level}:${r.findings.map((f) => f.code).join(",")}`);
}

const LEGAL_OPTIONS = { asOf: AS_OF, timeZone: "Asia/Shanghai" } as const;

/**
 * The legal checks and risk of every child, at once against per child. A township by default;
 * the county with `--full` (the per-child side takes minutes there).
 */
function legalCase(preset: PopulationPreset, full: boolean) {
  return defineCase({
    name: `legal checks and risk per left-behind child (${preset})`,
    size: PRESETS[preset].children,
    full,
    ...(full ? { warmup: 0, timeoutMs: 60 * 60_000 } : {}),
    setup: (): { files: ChildFile[]; records: ContactRecord[] } => {
      const pop = generatePopulation({ preset, asOf: AS_OF, records: SEMESTER });
      return { files: pop.files, records: pop.records };
    },
    run: ({ files, records }) => {
      const findings = checkLegalDutiesAll(files, { ...LEGAL_OPTIONS, records });
      const risk = assessRiskAll(files, { ...LEGAL_OPTIONS, findings });
      return files.map((f) => ({ findings: findings.get(f.id)!, level: risk.get(f.id)!.level }));
    },
    answer: legalAnswer,
    baseline: {
      name: "checkLegalDuties and assessRisk per child",
      run: ({ files, records }) => {
        const byChild = groupRecordsByChild(records);
        return files.map((f) => {
          const findings = checkLegalDuties(f, {
            ...LEGAL_OPTIONS,
            records: byChild.get(f.id) ?? [],
          });
          return { findings, level: assessRisk(f, { ...LEGAL_OPTIONS, findings }).level };
        });
      },
    },
  });
}

export default [
  // exceljs takes tens of seconds per county workbook on either side; `--full` runs the county.
  xlsxCase("township", false),
  xlsxCase("county", true),
  legalCase("township", false),
  defineCase({
    name: `work summary to HTML (${PRESET}, target < 1 s)`,
    size: SIZE,
    // Building a county's summary (setup, not timed) takes minutes on a loaded machine.
    timeoutMs: 60 * 60_000,
    runs: 5,
    warmup: 1,
    setup: async () => settled(await workSummary()),
    run: (report: Report) => renderHtml(report).length,
    metrics: (chars) => ({ "html KB": Math.round((chars as number) / 1024) }),
  }),
  defineCase({
    name: `work summary to DOCX (${PRESET}, target < 5 s)`,
    size: SIZE,
    timeoutMs: 60 * 60_000,
    runs: 3,
    warmup: 1,
    setup: async () => settled(await workSummary()),
    run: async (report: Report) => (await renderDocx(report)).byteLength,
    metrics: (bytes) => ({ "docx KB": Math.round((bytes as number) / 1024) }),
  }),
  legalCase("county", true),
];
