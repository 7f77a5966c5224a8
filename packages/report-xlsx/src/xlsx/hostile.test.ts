/**
 * Hostile text in every text field of a report comes out inert in XLSX: read back with exceljs
 * and with SheetJS, the only formulas are the totals' `SUM`s, every text that a spreadsheet would
 * take for a formula is a text cell formatted `@`, and every text is there verbatim.
 */
import { ValidationError } from "@liushou/core";
import type { Report, Table } from "@liushou/report";
import { describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import {
  CONTROL_STRING,
  HOSTILE_STRINGS,
  hostileReport,
} from "../../../report/src/_lib/hostile.test-helper";
import { sampleReport } from "../../../report/src/_lib/sample.test-helper";
import { readBack } from "../_lib/read-back.test-helper";
import { MAX_XLSX_CELL_TEXT, MAX_XLSX_COLUMNS, MAX_XLSX_ROWS } from "./limits";
import { renderXlsx } from "./render";

describe.each(HOSTILE_STRINGS.map((s) => [JSON.stringify(s.slice(0, 40)), s] as const))(
  "hostile text %s",
  (_, s) => {
    it("no formula from data, formula-looking text formatted as text, text verbatim", async () => {
      const bytes = await renderXlsx(hostileReport(s));
      const book = await readBack(bytes);
      expect(book.formulas.every((f) => /^SUM\([A-Z]+\d+:[A-Z]+\d+\)$/.test(f))).toBe(true);
      expect(book.formulas.length).toBeGreaterThan(0);
      for (const cell of book.texts)
        if (/^[=+\-@\t\r]/.test(cell.value)) expect(cell.numFmt).toBe("@");
      // XML readers read a carriage return as a line feed.
      const expected = s.replace(/\r\n?/g, "\n");
      expect(book.texts.map((t) => t.value)).toContain(expected);
      // An independent reader opens the file and sees the same text, not a formula.
      const sheets = XLSX.read(bytes, { type: "buffer", cellFormula: true });
      const cells = sheets.SheetNames.flatMap((n) => Object.values(sheets.Sheets[n]!));
      const formulas = cells.flatMap((c) => (c && typeof c === "object" && "f" in c ? [c.f] : []));
      expect(formulas.every((f) => /^SUM\(/.test(String(f)))).toBe(true);
      const values = cells.flatMap((c) => (c && typeof c === "object" && "v" in c ? [c.v] : []));
      expect(values.includes(s) || values.includes(expected)).toBe(true);
    });
  },
);

describe("sheet names from titles", () => {
  it("never start or end with an apostrophe, never split a character, and stay unique", async () => {
    const titles = [
      "!   {{constructor.constructor('alert(1)')()}}!   ",
      " 'quoted' ",
      "''''",
      "😀".repeat(20),
      `${"a".repeat(30)}😀`,
      "a/b:c*d?e[f]g\\h",
    ];
    const report: Report = {
      ...sampleReport(),
      body: titles.map((title, i): Table => ({
        type: "table",
        id: `t${i}`,
        title,
        columns: [{ key: "k", header: "k", type: "text" }],
        rows: [{ cells: ["x"] }],
        notes: [],
      })),
    };
    const bytes = await renderXlsx(report);
    const names = XLSX.read(bytes, { type: "buffer" }).SheetNames;
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/^'|'$|[[\]:*?/\\]/);
      expect(name).not.toMatch(/[\uD800-\uDBFF]$/);
    }
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    expect(names).toContain("quoted");
  });
});

describe("control characters", () => {
  it("become U+FFFD (XML 1.0 cannot carry them) and the file opens", async () => {
    const bytes = await renderXlsx(hostileReport(CONTROL_STRING));
    const book = await readBack(bytes);
    expect(book.texts.map((t) => t.value)).toContain(
      "a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFDg\uFFFDh",
    );
    expect(() => XLSX.read(bytes, { type: "buffer" })).not.toThrow();
  });
});

describe("tables beyond what Excel holds", () => {
  /** The sample report with one table of `columns` text columns, `rows` rows and one text. */
  function wide(columns: number, rows: number, text = "x"): Report {
    const table: Table = {
      type: "table",
      id: "wide",
      title: "宽表",
      columns: Array.from({ length: columns }, (_, i) => ({
        key: `k${i}`,
        header: `h${i}`,
        type: "text" as const,
      })),
      rows: Array.from({ length: rows }, () => ({
        cells: Array.from({ length: columns }, () => text),
      })),
      notes: [],
    };
    return { ...sampleReport(), body: [table] };
  }

  async function refusal(report: Report): Promise<ValidationError> {
    const error = await renderXlsx(report).then(
      () => expect.unreachable("the workbook was written"),
      (e: unknown) => e,
    );
    expect(error, String(error)).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }

  it("refuses more columns than a sheet has, naming the table", async () => {
    const issue = (await refusal(wide(MAX_XLSX_COLUMNS + 1, 1))).issues[0]!;
    expect(issue.code).toBe("too_big");
    expect(issue.message.en).toContain("宽表");
    expect(issue.message.en).toContain(String(MAX_XLSX_COLUMNS));
  });

  it("refuses more rows than a sheet has", async () => {
    const issue = (await refusal(wide(1, MAX_XLSX_ROWS))).issues[0]!;
    expect(issue.code).toBe("too_big");
    expect(issue.message.en).toContain(String(MAX_XLSX_ROWS));
  }, 60_000);

  it("refuses a text longer than a cell holds, and writes one at the limit", async () => {
    const issue = (await refusal(wide(2, 1, "长".repeat(MAX_XLSX_CELL_TEXT + 1)))).issues[0]!;
    expect(issue.code).toBe("too_big");
    expect(issue.message["zh-CN"]).toContain(String(MAX_XLSX_CELL_TEXT));
    const bytes = await renderXlsx(wide(2, 1, "长".repeat(MAX_XLSX_CELL_TEXT)));
    expect((await readBack(bytes)).texts.some((t) => t.value.length === MAX_XLSX_CELL_TEXT)).toBe(
      true,
    );
  });
});
