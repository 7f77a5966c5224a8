import { renderReport, type Report, type Table } from "@liushou/report";
import { hugeNumbersTable, sampleReport } from "../../../report/src/_lib/sample.test-helper";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { convertToPdf, needs, SOFFICE } from "../../../../vitest.programs";
import {
  HOSTILE,
  kitchenSinkReport,
  sampleReports,
} from "../../../report-html/src/_lib/sample.test-helper";
import { looksLikeFormula } from "../_lib/guard";
import { HEADER_ROWS, writeTableSheet } from "./table-sheet";
import { renderXlsx, xlsxRenderer } from "./render";

/** The tables of a report in document order (charts as their data are checked by the golden file). */
function tables(report: Report): Table[] {
  const out: Table[] = [];
  const walk = (blocks: Report["body"]) => {
    for (const b of blocks) {
      if (b.type === "table") out.push(b);
      if (b.type === "section") walk(b.blocks);
    }
  };
  walk(report.body);
  return out;
}

/** What the spreadsheet should hold for a model cell: yuan for fen, a UTC date for a date. */
function expected(
  value: Table["rows"][number]["cells"][number],
  type: Table["columns"][number]["type"],
) {
  if (value === null) return null;
  if (type === "money-fen" && typeof value === "number") return value / 100;
  if (type === "date" && typeof value === "string") return new Date(`${value}T00:00:00Z`);
  return value;
}

/** A plain-text dump of every sheet (values; formulas as `=F → result`), for the golden files. */
function dump(wb: ExcelJS.Workbook): string {
  const lines: string[] = [];
  wb.eachSheet((ws) => {
    lines.push(`# ${ws.name}`);
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        if (cell.isMerged && cell.master !== cell) return;
        const v = cell.value;
        const shown =
          v === null || v === undefined
            ? ""
            : v instanceof Date
              ? v.toISOString().slice(0, 10)
              : typeof v === "object" && "formula" in v
                ? `=${v.formula} → ${String(v.result)}`
                : JSON.stringify(v);
        cells[c - 1] = shown;
      });
      lines.push(`${r}: ${cells.join(" | ")}`);
    });
  });
  return `${lines.join("\n")}\n`;
}

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

describe("renderXlsx", () => {
  for (const { key, report } of sampleReports()) {
    it(`${key}: matches its golden cells; exceljs reads back every number of every table`, async () => {
      const bytes = await renderReport(xlsxRenderer, report);
      const wb = await readBack(bytes);
      await expect(dump(wb)).toMatchFileSnapshot(`__golden__/${key}.xlsx.txt`);
      for (const t of tables(report)) {
        const ws = wb.worksheets.find((s) => s.getCell(1, 1).value === (t.title ?? t.id))!;
        expect(ws, `sheet of table ${t.id}`).toBeDefined();
        // Frozen header, merged title, repeated header row on print, A4.
        expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: HEADER_ROWS });
        expect(ws.getCell(1, t.columns.length).isMerged).toBe(t.columns.length > 1);
        expect(ws.pageSetup).toMatchObject({
          paperSize: 9,
          printTitlesRow: `${HEADER_ROWS}:${HEADER_ROWS}`,
        });
        t.columns.forEach((c, i) => expect(ws.getCell(HEADER_ROWS, i + 1).value).toBe(c.header));
        t.rows.forEach((row, r) =>
          row.cells.forEach((v, i) => {
            const cell = ws.getCell(HEADER_ROWS + 1 + r, i + 1);
            // exceljs's XML parser reads a carriage return as a line feed (XML end-of-line handling).
            const type = t.columns[i]!.type;
            const want =
              typeof v === "string" && type === "text" ? v.replace(/\r/g, "\n") : expected(v, type);
            expect(cell.value ?? null, `${t.id} row ${r} column ${i}`).toEqual(want);
          }),
        );
        if (t.totals) {
          const r = HEADER_ROWS + 1 + t.rows.length;
          t.totals.cells.forEach((v, i) => {
            const column = t.columns[i]!;
            const cell = ws.getCell(r, i + 1);
            if (column.total === "sum" && typeof v === "number" && t.rows.length) {
              const letter = ws.getColumn(i + 1).letter;
              expect(cell.formula).toBe(`SUM(${letter}${HEADER_ROWS + 1}:${letter}${r - 1})`);
              expect(cell.result).toBeCloseTo(expected(v, column.type) as number, 9);
              // The formula adds up to the model's total.
              const sum = t.rows.reduce(
                (s, row) => s + ((expected(row.cells[i]!, column.type) as number) ?? 0),
                0,
              );
              expect(sum).toBeCloseTo(cell.result as number, 9);
            } else expect(cell.value ?? null).toEqual(expected(v, column.type));
          });
        }
      }
    });

    it(`${key}: SheetJS, an independent reader, finds the same numbers`, async () => {
      const bytes = await renderXlsx(report);
      const book = XLSX.read(bytes, { type: "array", cellFormula: true, cellDates: false });
      for (const t of tables(report)) {
        const name = book.SheetNames.find((n) => book.Sheets[n]!.A1?.v === (t.title ?? t.id))!;
        const sheet = book.Sheets[name]!;
        const at = (r: number, c: number) => sheet[XLSX.utils.encode_cell({ r: r - 1, c: c - 1 })];
        t.rows.forEach((row, r) =>
          row.cells.forEach((v, i) => {
            const cell = at(HEADER_ROWS + 1 + r, i + 1);
            const type = t.columns[i]!.type;
            if (v === null) expect(cell?.v ?? null).toBe(null);
            else if (typeof v === "number")
              expect(cell.v).toBeCloseTo(expected(v, type) as number, 9);
            else if (type === "date")
              expect(cell.v).toBe(Date.parse(`${v}T00:00:00Z`) / 86_400_000 + 25_569);
            else {
              expect(cell.t).toBe("s");
              expect(cell.v).toBe(v);
              expect(cell.f).toBeUndefined();
            }
          }),
        );
        if (t.totals) {
          t.totals.cells.forEach((v, i) => {
            const cell = at(HEADER_ROWS + 1 + t.rows.length, i + 1);
            if (typeof v === "number")
              expect(cell.v).toBeCloseTo(expected(v, t.columns[i]!.type) as number, 9);
            if (t.columns[i]!.total === "sum" && typeof v === "number")
              expect(cell.f).toMatch(/^SUM\(/);
          });
        }
      }
    });
  }

  it("never writes text as a formula: hostile cells are text cells formatted as text", async () => {
    const bytes = await renderXlsx(kitchenSinkReport());
    const book = XLSX.read(bytes, { type: "array", cellFormula: true, cellStyles: true });
    let hostile = 0;
    for (const name of book.SheetNames) {
      const sheet = book.Sheets[name]!;
      for (const [ref, cell] of Object.entries(sheet)) {
        if (ref.startsWith("!")) continue;
        const c = cell as XLSX.CellObject;
        if (c.f !== undefined)
          expect(c.f, `${name}!${ref}`).toMatch(/^SUM\([A-Z]+\d+:[A-Z]+\d+\)$/);
        if (typeof c.v === "string" && looksLikeFormula(c.v)) {
          hostile++;
          expect(c.t).toBe("s");
          expect(c.z ?? "@").toBe("@");
        }
      }
    }
    expect(hostile).toBeGreaterThanOrEqual(HOSTILE.length - 2);
    const wb = await readBack(bytes);
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          // A merged cell's value and format are its master's.
          if (cell.isMerged && cell.master !== cell) return;
          if (typeof cell.value === "string" && looksLikeFormula(cell.value))
            expect(cell.numFmt).toBe("@");
        }),
      ),
    );
  });

  it("sizes columns to their content and formats numbers by type", async () => {
    const wb = await readBack(await renderXlsx(kitchenSinkReport()));
    const ws = wb.worksheets[0]!;
    expect(ws.getColumn(1).width).toBeGreaterThan(20); // the long hostile names
    expect(ws.getColumn(2).width).toBeGreaterThanOrEqual(10); // a date
    expect([3, 4, 5, 6].map((c) => ws.getCell(HEADER_ROWS + 1, c).numFmt)).toEqual([
      "#,##0",
      "0.0%",
      '"¥"#,##0.00',
      "#,##0.00",
    ]);
    expect(ws.getCell(HEADER_ROWS + 1, 2).numFmt).toBe("yyyy-mm-dd");
  });

  it("prints huge numbers in plain digits on the About sheet and sizes their columns for them", async () => {
    const report = sampleReport({
      body: [
        hugeNumbersTable("大数"),
        {
          type: "key-figures",
          items: [
            { label: "大", value: 1e21, valueType: "integer" },
            { label: "小", value: 1e-7, valueType: "text" },
          ],
        },
      ],
      footnotes: [],
    });
    const wb = await readBack(await renderXlsx(report));
    const ws = wb.getWorksheet("大数")!;
    // The cells are numbers (Excel formats them); the column is as wide as the printed digits.
    expect(ws.getCell(HEADER_ROWS + 1, 1).value).toBe(1e21);
    expect(ws.getColumn(1).width).toBeGreaterThanOrEqual("1,000,000,000,000,000,000,000".length);
    const about = wb.getWorksheet("说明")!;
    const texts: string[] = [];
    about.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
    expect(texts).toContain("1,000,000,000,000,000,000,000");
    expect(texts).toContain("0.0000001");
    expect(texts.join("\n")).not.toMatch(/\de[+-]\d/);
  });

  it("gives unique, valid sheet names and one sheet per table and chart, then cards and about", async () => {
    const wb = await readBack(await renderXlsx(kitchenSinkReport()));
    expect(wb.worksheets.map((s) => s.name)).toEqual([
      "登记表 =1+1",
      "生活方式",
      "占比",
      "月度走访",
      "卡片",
      "说明",
    ]);
  });
});

describe("writeTableSheet", () => {
  it("gives the data cells of a column one shared style object, and guarded text another", () => {
    const table = tables(kitchenSinkReport()).find((t) =>
      t.rows.some((r) => r.cells.some((v) => typeof v === "string" && looksLikeFormula(v))),
    )!;
    const ws = writeTableSheet(new ExcelJS.Workbook(), table, {
      names: new Set(),
      subtitle: "",
      landscape: false,
    });
    const rowOf = (i: number) => ws.getRow(HEADER_ROWS + 1 + i);
    expect(table.rows.length).toBeGreaterThan(1);
    table.columns.forEach((c, col) => {
      const plain = table.rows
        .map((r, i) => ({ v: r.cells[col], cell: rowOf(i).getCell(col + 1) }))
        .filter(({ v }) => !(typeof v === "string" && looksLikeFormula(v)));
      // exceljs caches a style's format record by object: one object per column, one render.
      expect(new Set(plain.map(({ cell }) => cell.style)).size, c.key).toBeLessThanOrEqual(1);
    });
    const guarded = table.rows.flatMap((r, i) =>
      r.cells.flatMap((v, col) =>
        typeof v === "string" && looksLikeFormula(v) ? [rowOf(i).getCell(col + 1)] : [],
      ),
    );
    expect(guarded.length).toBeGreaterThan(0);
    expect(new Set(guarded.map((cell) => cell.style)).size).toBe(1);
    expect(guarded[0]!.numFmt).toBe("@");
  });
});

describe.skipIf(!SOFFICE)(
  needs("LibreOffice converts every workbook to PDF", SOFFICE, "soffice"),
  () => {
    it("converts every zh-CN workbook without errors", async () => {
      for (const { report } of sampleReports().filter((s) => s.key.endsWith("zh-CN"))) {
        await convertToPdf(await renderXlsx(report), "xlsx");
      }
    }, 300_000);
  },
);
