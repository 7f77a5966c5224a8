import { invalidArgument, text, type LocalizedText } from "@liushou/core";
import type { Table } from "@liushou/report";

/**
 * The most columns an Excel worksheet has (16,384, column XFD).
 * @example
 * MAX_XLSX_COLUMNS //=> 16384
 * @category XLSX
 */
export const MAX_XLSX_COLUMNS = 16_384;

/**
 * The most rows an Excel worksheet has (1,048,576), title, header, totals and notes included.
 * @example
 * MAX_XLSX_ROWS //=> 1048576
 * @category XLSX
 */
export const MAX_XLSX_ROWS = 1_048_576;

/**
 * The most characters an Excel cell holds (32,767); a longer text makes Excel repair the file.
 * @example
 * MAX_XLSX_CELL_TEXT //=> 32767
 * @category XLSX
 */
export const MAX_XLSX_CELL_TEXT = 32_767;

/** The error for a table a worksheet cannot hold: `what` says how much of what, `limit` the most. */
function tooBig(table: Table, what: LocalizedText, limit: LocalizedText, received: number) {
  const name = table.title ?? table.id;
  return invalidArgument(
    "report",
    "too_big",
    text(
      `表格“${name}”${what["zh-CN"]}，超过${limit["zh-CN"]}`,
      `table "${name}" ${what.en}, beyond ${limit.en}`,
    ),
    received,
  );
}

/**
 * Refuses a table whose sheet Excel could not open whole: more columns or rows than a worksheet
 * has, or a text longer than a cell holds.
 * @param table - The table about to become a sheet.
 * @param rows - The sheet's rows in all (titles, header, totals and notes included).
 * @param texts - Texts written besides the table's own (the subtitle).
 * @internal
 */
export function requireSheetFits(table: Table, rows: number, texts: readonly string[]): void {
  const n = table.columns.length;
  if (n > MAX_XLSX_COLUMNS) {
    const limit = text(
      `工作表的上限 ${MAX_XLSX_COLUMNS} 列`,
      `the ${MAX_XLSX_COLUMNS} columns of a sheet`,
    );
    throw tooBig(table, text(`有 ${n} 列`, `has ${n} columns`), limit, n);
  }
  if (rows > MAX_XLSX_ROWS) {
    const limit = text(`工作表的上限 ${MAX_XLSX_ROWS} 行`, `the ${MAX_XLSX_ROWS} rows of a sheet`);
    throw tooBig(table, text(`需要 ${rows} 行`, `needs ${rows} rows`), limit, rows);
  }
  const fit = (values: Iterable<unknown>) => {
    for (const v of values) {
      if (typeof v === "string" && v.length > MAX_XLSX_CELL_TEXT) {
        throw tooBig(
          table,
          text(`中有一段文本长 ${v.length} 个字符`, `holds a text of ${v.length} characters`),
          text(
            `单元格的上限 ${MAX_XLSX_CELL_TEXT} 个字符`,
            `the ${MAX_XLSX_CELL_TEXT} characters of a cell`,
          ),
          v.length,
        );
      }
    }
  };
  fit([table.title, ...texts, ...table.notes]);
  fit(table.columns.map((c) => c.header));
  for (const row of table.rows) fit(row.cells);
  if (table.totals) fit(table.totals.cells);
}
