/**
 * Report rendering at county scale (40,000 children from `@liushou/fixtures`). The reports are
 * built in setup (not timed); the cases time the renderers alone.
 *
 * - "statistics tables to XLSX": the county statistics table (a row per school) and the three
 *   registers (children, temporary guardians, parents: one row per left-behind child each)
 *   through `renderXlsx`, against exceljs writing the same rows into plain sheets with no
 *   titles, formats, widths or formulas (what a host would write by hand). Target ratio ≤ 1.3.
 * - "work summary to HTML" (target under 1 s) and "to DOCX" (target under 5 s; its charts are
 *   rasterised to PNG). No baseline: no other tool writes these documents.
 *
 * `LIUSHOU_BENCH_PRESET=township` runs a quick check on 2,000 children.
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
import { PRESETS, generatePopulation, type PopulationPreset } from "@liushou/fixtures";
import ExcelJS from "exceljs";
import { defineCase } from "./harness";

const PRESET = (process.env.LIUSHOU_BENCH_PRESET ?? "county") as PopulationPreset;
const SIZE = PRESETS[PRESET].children;
const AS_OF = "2026-06-30" as const;
const GENERATED_AT = "2026-07-01T09:00:00+08:00" as const;
const SEMESTER = { from: "2026-02-20", to: AS_OF } as const;

/** The statistics report (a row per school) and the registers report of the county. */
function statisticsReports(): Report[] {
  const pop = generatePopulation({ preset: PRESET, asOf: AS_OF, records: false });
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

/** The county's semester work summary, from a semester of contact records. */
function workSummary(): Report {
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

export default [
  defineCase({
    name: `statistics tables to XLSX (${PRESET})`,
    size: SIZE,
    // exceljs takes tens of seconds per county workbook on both sides: one run each, no warm-up
    // (JIT warm-up is noise at that length).
    runs: 1,
    warmup: 0,
    timeoutMs: 20 * 60_000,
    setup: statisticsReports,
    run: async (reports: Report[]) => {
      let bytes = 0;
      for (const r of reports) bytes += (await renderXlsx(r)).byteLength;
      return bytes;
    },
    metrics: (bytes, reports: Report[]) => ({
      rows: rowsOf(reports),
      "xlsx KB": Math.round((bytes as number) / 1024),
    }),
    baseline: {
      name: "exceljs writing the same rows into plain sheets",
      // The same cells, as a host would hand them to exceljs (printed dates and money left as numbers).
      setup: () =>
        tablesOf(statisticsReports()).map((t) => ({
          name: (t.title ?? t.id).slice(0, 31),
          header: t.columns.map((c) => c.header),
          rows: [...t.rows, ...(t.totals ? [t.totals] : [])].map((r) => [...r.cells]),
          dataRows: t.rows.length,
        })) as unknown as Report[],
      run: async (state) => {
        const sheets = state as unknown as { name: string; header: string[]; rows: unknown[][] }[];
        const wb = new ExcelJS.Workbook();
        sheets.forEach((s, i) => {
          const ws = wb.addWorksheet(`${i + 1} ${s.name}`.slice(0, 31));
          ws.addRow(s.header);
          ws.addRows(s.rows);
        });
        return (await wb.xlsx.writeBuffer()).byteLength;
      },
      metrics: (bytes, state) => ({
        rows: (state as unknown as { dataRows: number }[]).reduce((n, s) => n + s.dataRows, 0),
        "xlsx KB": Math.round((bytes as number) / 1024),
      }),
    },
  }),
  defineCase({
    name: `work summary to HTML (${PRESET}, target < 1 s)`,
    size: SIZE,
    runs: 5,
    warmup: 1,
    setup: workSummary,
    run: (report: Report) => renderHtml(report).length,
    metrics: (chars) => ({ "html KB": Math.round((chars as number) / 1024) }),
  }),
  defineCase({
    name: `work summary to DOCX (${PRESET}, target < 5 s)`,
    size: SIZE,
    runs: 3,
    warmup: 1,
    setup: workSummary,
    run: async (report: Report) => (await renderDocx(report)).byteLength,
    metrics: (bytes) => ({ "docx KB": Math.round((bytes as number) / 1024) }),
  }),
];
