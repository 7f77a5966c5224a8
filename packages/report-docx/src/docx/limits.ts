import { invalidArgument, text, type LocalizedText } from "@liushou/core";
import { walkReport, type Report } from "@liushou/report";

/**
 * The most columns a Word table has (63): Word does not open a document with a wider table.
 * A report table (or a row of key figures) with more is refused rather than written.
 * @example
 * MAX_DOCX_COLUMNS //=> 63
 * @category DOCX
 */
export const MAX_DOCX_COLUMNS = 63;

/**
 * Refuses, before anything is drawn, a report whose tables Word could not open: a table with
 * more than {@link MAX_DOCX_COLUMNS} columns, or key figures (a one-row table, a column per
 * figure) with more than that many figures.
 * @param report - The report about to be written (already checked).
 * @throws ValidationError (`too_big`) naming the table and the limit.
 * @internal
 */
export function requireTablesFit(report: Report): void {
  let figures = 0;
  for (const block of walkReport(report)) {
    if (block.type === "table") {
      const n = block.columns.length;
      const name = block.title ?? block.id;
      if (n > MAX_DOCX_COLUMNS)
        throw tooWide(text(`表格“${name}”有 ${n} 列`, `table "${name}" has ${n} columns`), n);
    } else if (block.type === "key-figures") {
      const n = block.items.length;
      figures++;
      if (n > MAX_DOCX_COLUMNS) {
        const what = text(
          `第 ${figures} 组关键数字有 ${n} 项`,
          `key figures block ${figures} has ${n} figures`,
        );
        throw tooWide(what, n);
      }
    }
  }
}

/** The error for a table wider than Word's: `what` says how wide, `received` the count. */
function tooWide(what: LocalizedText, received: number) {
  return invalidArgument(
    "report",
    "too_big",
    text(
      `${what["zh-CN"]}，超过 Word 表格的上限 ${MAX_DOCX_COLUMNS} 列`,
      `${what.en}, beyond the ${MAX_DOCX_COLUMNS} columns of a Word table`,
    ),
    received,
  );
}
