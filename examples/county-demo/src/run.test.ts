import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FORMATS, REPORT_KINDS } from "./reports";
import { runCountyDemo, type CountyDemoResult } from "./run";

const out = mkdtempSync(join(tmpdir(), "county-demo-"));
const lines: string[] = [];
let result: CountyDemoResult;

// A few seconds of CPU; the long limit is for a machine shared with other jobs.
beforeAll(async () => {
  result = await runCountyDemo({
    size: "tiny",
    locale: "en",
    outDir: out,
    write: (l) => lines.push(l),
  });
}, 600_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

const fileOf = (kind: string, extension: string) => join(out, "reports", `${kind}.${extension}`);

describe("the county demo on a tiny county", () => {
  it("writes every built-in report in every format", () => {
    expect(result.reports).toHaveLength(REPORT_KINDS.length * FORMATS.length);
    for (const kind of REPORT_KINDS)
      for (const { extension } of FORMATS) expect(existsSync(fileOf(kind, extension))).toBe(true);
  });

  it("prints each step with its time, and where the files are", () => {
    expect(result.steps.map((s) => s.step)).toEqual([
      "Generate the synthetic county",
      "Import the roster",
      "Pair mentors: plan and apply",
      "Play a semester: visits, calls, assessments",
      "End of term: statistics, compliance, legal checks",
      "The school's appraisal",
      "The dynamic file",
      "Render every report (md, csv, html, xlsx, docx)",
    ]);
    expect(lines.filter((l) => /✓ \d+\.\d s \(CPU \d+\.\d s\)/.test(l))).toHaveLength(
      result.steps.length,
    );
    expect(lines.some((l) => l.includes(join(out, "reports")))).toBe(true);
    expect(lines.some((l) => l.includes(result.database))).toBe(true);
  });

  it("leaves the term's work in the SQLite file", () => {
    const db = new Database(result.database, { readonly: true });
    try {
      const count = (table: string) =>
        (db.prepare(`SELECT count(*) AS n FROM ls_${table}`).get() as { n: number }).n;
      expect(count("file")).toBe(result.children);
      expect(count("contact")).toBeGreaterThan(result.children);
      expect(count("assessment")).toBeGreaterThan(0);
      expect(count("audit")).toBeGreaterThan(count("file"));
    } finally {
      db.close();
    }
  });

  it("writes Markdown and CSV that carry the report's title and data", () => {
    const md = readFileSync(fileOf("statistics", "md"), "utf8");
    expect(md).toMatch(/^# Left-behind children/);
    expect(md).toContain("| with grandparents |");
    const csv = readFileSync(fileOf("registers", "csv"), "utf8");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.split("\r\n").length).toBeGreaterThan(5);
  });

  it("writes HTML pages with the report's title", () => {
    for (const kind of REPORT_KINDS) {
      const html = readFileSync(fileOf(kind, "html"), "utf8");
      const title = /<title>([^<]+)<\/title>/.exec(html)?.[1];
      expect(title, kind).toBeTruthy();
      expect(html).toContain(`<h1`);
      expect(html).not.toContain("<script");
    }
  });

  it("writes workbooks that Excel readers open, with the numbers of the report", async () => {
    for (const kind of REPORT_KINDS) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(fileOf(kind, "xlsx")) as unknown as ArrayBuffer);
      expect(wb.worksheets.length, kind).toBeGreaterThan(0);
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(fileOf("statistics", "xlsx")) as unknown as ArrayBuffer);
    const numbers = wb.worksheets[0]!.getSheetValues()
      .flat()
      .filter((v) => typeof v === "number");
    expect(numbers.length).toBeGreaterThan(0);
  });

  it("writes Word documents with a body", async () => {
    for (const kind of REPORT_KINDS) {
      const zip = await JSZip.loadAsync(readFileSync(fileOf(kind, "docx")));
      const xml = await zip.file("word/document.xml")?.async("string");
      expect(xml, kind).toContain("<w:body>");
    }
  });
});
