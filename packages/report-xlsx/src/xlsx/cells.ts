import type { CellValue, TableColumn } from "@liushou/report";

/**
 * The Excel number format of a column: counts grouped, ratios as percents, fen as yuan.
 * @example
 * numberFormat({ key: "aid", header: "金额", type: "money-fen" }) //=> '"¥"#,##0.00'
 */
export function numberFormat(column: TableColumn): string {
  const digits = (n: number) => (n > 0 ? `.${"0".repeat(n)}` : "");
  switch (column.type) {
    case "integer":
      return "#,##0";
    case "decimal":
      return `#,##0${digits(column.decimals ?? 2)}`;
    case "percent":
      return `0${digits(column.decimals ?? 1)}%`;
    case "money-fen":
      return '"¥"#,##0.00';
    case "date":
      return "yyyy-mm-dd";
    case "text":
      return "@";
  }
}

/**
 * A model cell as the spreadsheet stores it: money in yuan (the model counts fen), dates as
 * Excel dates (UTC midnight, so the serial never depends on the machine's zone), text as text.
 * @example
 * sheetValue(12345, { key: "aid", header: "金额", type: "money-fen" }) //=> 123.45
 */
export function sheetValue(value: CellValue, column: TableColumn): string | number | Date | null {
  if (value === null || typeof value === "string") {
    if (column.type === "date" && typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
      return new Date(`${value}T00:00:00Z`);
    }
    return value;
  }
  return column.type === "money-fen" ? value / 100 : value;
}
