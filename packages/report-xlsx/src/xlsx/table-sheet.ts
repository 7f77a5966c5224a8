import { formatValue, type Table } from "@liushou/report";
import type { Borders, Style, Workbook, Worksheet } from "exceljs";
import { looksLikeFormula } from "../_lib/guard";
import { sheetName } from "../_lib/sheet-name";
import { displayWidth } from "../_lib/width";
import { numberFormat, sheetValue } from "./cells";
import { requireSheetFits } from "./limits";

/**
 * What every sheet of one workbook shares.
 * @example
 * const ctx: SheetContext = { names: new Set(), subtitle: "青山小学 · 2026-02-20 — 2026-06-30", landscape: false };
 */
export interface SheetContext {
  /** Names already given (lower case), to keep them unique. */
  readonly names: Set<string>;
  /** The line under each sheet's title: subject, period, date. */
  readonly subtitle: string;
  readonly landscape: boolean;
}

/**
 * Rows above the data: the title, the subtitle, the column headers.
 * @example
 * ws.getRow(HEADER_ROWS + 1) // the first data row
 */
export const HEADER_ROWS = 3;

/** Column widths are measured on the header and this many rows (enough for any register's shape). */
const MEASURED_ROWS = 500;

const THIN = { style: "thin" } as const;
const BORDER: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/**
 * Writes one table as a worksheet: a merged title row and subtitle row, a header row frozen with
 * the first column and repeated on every printed page, typed cells with number formats, a totals
 * row whose summed columns are `SUM` formulas (with the model's figure as cached result), and
 * the notes under it. Text is always a text cell: a value like `=1+1` is never a formula. A
 * table Excel could not hold whole is refused with a `ValidationError` (`too_big`).
 * @example
 * const ws = writeTableSheet(new ExcelJS.Workbook(), table, ctx);
 * ws.getCell(HEADER_ROWS, 1).value //=> table.columns[0].header
 */
export function writeTableSheet(wb: Workbook, table: Table, ctx: SheetContext): Worksheet {
  const n = table.columns.length;
  const noteRows = table.notes.length ? table.notes.length + 1 : 0;
  const rows = HEADER_ROWS + table.rows.length + (table.totals ? 1 : 0) + noteRows;
  requireSheetFits(table, rows, [ctx.subtitle]);
  const ws = wb.addWorksheet(sheetName(table.title ?? table.id, ctx.names), {
    views: [{ state: "frozen", ySplit: HEADER_ROWS, xSplit: n > 1 ? 1 : 0 }],
    pageSetup: {
      paperSize: 9,
      orientation: ctx.landscape ? "landscape" : "portrait",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      showGridLines: true,
      printTitlesRow: `${HEADER_ROWS}:${HEADER_ROWS}`,
    },
  });
  // Column styles are inherited by every cell added below them, so data cells need no style of
  // their own. Only numeric and date columns carry one (exceljs pays for every styled cell); the
  // grid is printed as gridlines rather than a border on each cell.
  ws.columns = table.columns.map((c, i) => ({
    key: c.key,
    width: c.width ?? columnWidth(table, i),
    ...(c.type === "text" ? {} : { style: { numFmt: numberFormat(c) } }),
  }));

  titleRow(ws, 1, table.title ?? table.id, n, { bold: true, size: 14 });
  titleRow(ws, 2, ctx.subtitle, n, { size: 10 });
  const header = ws.getRow(HEADER_ROWS);
  table.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.style = {
      font: { bold: true },
      alignment: { horizontal: "center", vertical: "middle", wrapText: true },
      fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFE7E6E6" } },
      border: BORDER,
      numFmt: "@",
    };
  });

  // One style object per column, shared by all its data cells, and one for guarded text: exceljs
  // renders a cell's style to XML to find its format record unless it has met that very object
  // before, so shared objects spare that render per cell. The file is the same.
  const styles = table.columns.map((c): Partial<Style> =>
    c.type === "text" ? {} : { numFmt: numberFormat(c) },
  );
  const asText: Partial<Style> = { numFmt: "@" };
  for (const row of table.rows) {
    const added = ws.addRow(row.cells.map((v, i) => sheetValue(v, table.columns[i]!)));
    row.cells.forEach((v, i) => {
      added.getCell(i + 1).style =
        typeof v === "string" && looksLikeFormula(v) ? asText : styles[i]!;
    });
  }

  if (table.totals) {
    const first = HEADER_ROWS + 1;
    const last = HEADER_ROWS + table.rows.length;
    const totals = ws.addRow(
      table.totals.cells.map((v, i) => {
        const column = table.columns[i]!;
        const value = sheetValue(v, column);
        if (column.total !== "sum" || typeof value !== "number" || table.rows.length === 0)
          return value;
        const letter = ws.getColumn(i + 1).letter;
        return { formula: `SUM(${letter}${first}:${letter}${last})`, result: value };
      }),
    );
    totals.font = { bold: true };
    guardText(totals, table.totals.cells);
  }

  if (table.notes.length) {
    let r = ws.rowCount + 2;
    for (const note of table.notes) {
      titleRow(ws, r, note, n, { size: 9 }, "left");
      const perLine = Math.max(
        10,
        ws.columns.reduce((w, c) => w + (c.width ?? 10), 0),
      );
      ws.getRow(r).height = 15 * Math.ceil(displayWidth(note) / perLine);
      r++;
    }
  }
  return ws;
}

/** One merged row across the table's width with a single text. */
function titleRow(
  ws: Worksheet,
  r: number,
  value: string,
  columns: number,
  font: { bold?: boolean; size: number },
  horizontal: "center" | "left" = "center",
): void {
  if (columns > 1) ws.mergeCells(r, 1, r, columns);
  const cell = ws.getCell(r, 1);
  cell.value = value;
  cell.style = {
    font,
    alignment: { horizontal, vertical: "middle", wrapText: true },
    numFmt: "@",
  };
  if (font.size > 12) ws.getRow(r).height = 24;
}

/** Formats formula-looking text as text (`@`), so even an edit never turns it into a formula. */
function guardText(row: ReturnType<Worksheet["addRow"]>, cells: readonly unknown[]): void {
  cells.forEach((v, i) => {
    if (typeof v === "string" && looksLikeFormula(v)) row.getCell(i + 1).numFmt = "@";
  });
}

/** A column's width in characters: its widest printed cell among the header and the first rows. */
function columnWidth(table: Table, i: number): number {
  const column = table.columns[i]!;
  let widest = displayWidth(column.header);
  const rows = table.rows.length > MEASURED_ROWS ? table.rows.slice(0, MEASURED_ROWS) : table.rows;
  for (const row of [...rows, ...(table.totals ? [table.totals] : [])]) {
    const v = row.cells[i];
    if (v === null || v === undefined) continue;
    widest = Math.max(
      widest,
      typeof v === "string" ? displayWidth(v) : numberWidth(v, column.type),
    );
  }
  return Math.min(60, Math.max(6, widest + 2));
}

/**
 * Characters a formatted number takes: its digits and group separators as the report prints
 * them (`formatValue`, plain digits however large: 1e21 takes 29, not the 5 of `1e+21`), decimals
 * and a sign or symbol.
 */
function numberWidth(v: number, type: Table["columns"][number]["type"]): number {
  const scaled = Math.abs(type === "money-fen" ? v / 100 : type === "percent" ? v * 100 : v);
  // A percent of a huge ratio overflows: the widest a column gets.
  if (!Number.isFinite(scaled)) return Number.MAX_SAFE_INTEGER;
  const grouped = formatValue(Math.trunc(scaled), "integer").length;
  return grouped + (type === "integer" ? 0 : 4) + (v < 0 ? 1 : 0);
}
