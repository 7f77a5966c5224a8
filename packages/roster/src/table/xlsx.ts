import type { CellValue, Workbook } from "exceljs";

/** The text of a cell as a school typed it: dates as `YYYY-MM-DD`, rich text joined, formulas by result. */
function cellText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) {
    // Excel stores a date as a day number; exceljs gives it as midnight UTC of that day. A day
    // number no calendar holds stays "Invalid Date", for the row to report.
    return Number.isNaN(value.getTime()) ? String(value) : value.toISOString().slice(0, 10);
  }
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("result" in value) return cellText(value.result as CellValue);
    if ("text" in value) return String(value.text);
    if ("error" in value) return "";
    return "";
  }
  return String(value);
}

/**
 * Reads the first worksheet of an Excel workbook (`.xlsx`) into rows of cell texts, with empty
 * cells as `""`.
 * @internal
 */
export async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  const { default: ExcelJS } = (await import("exceljs")) as unknown as {
    default: { Workbook: new () => Workbook };
  };
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as never);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    rows[number - 1] = Array.from(cells, (c) => c ?? "");
  });
  return Array.from(rows, (r) => r ?? []);
}
