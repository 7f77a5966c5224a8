import { invalidArgument, text, type LocalizedText, type ValidationError } from "@liushou/core";

/**
 * The largest roster file read, in bytes (64 MiB: a county's roster of 40,000 pupils is about
 * 6 MB as CSV). A larger file is refused before it is parsed.
 * @example
 * bytes.length > MAX_ROSTER_BYTES // readRoster refuses it with a ValidationError (`too_big`)
 * @category Roster
 */
export const MAX_ROSTER_BYTES = 64 * 1024 * 1024;

/**
 * The most an `.xlsx` may unpack to, in bytes, as its ZIP directory declares (512 MiB). Checked
 * before the workbook is unpacked, so a small file that would inflate to gigabytes is refused.
 * @example
 * // a 40 kB "zip bomb" declaring 4 GB of sheet XML: ValidationError (`too_big`), nothing unpacked
 * @category Roster
 */
export const MAX_ROSTER_UNPACKED_BYTES = 512 * 1024 * 1024;

/**
 * The most data rows a roster may hold (200,000: a whole county at once; import a province
 * county by county).
 * @example
 * MAX_ROSTER_ROWS //=> 200000
 * @category Roster
 */
export const MAX_ROSTER_ROWS = 200_000;

/**
 * The most columns a roster may have (256).
 * @example
 * MAX_ROSTER_COLUMNS //=> 256
 * @category Roster
 */
export const MAX_ROSTER_COLUMNS = 256;

/**
 * Code of a file that is not a readable roster: a damaged `.xlsx`, or a ZIP that is no workbook.
 * @example
 * (error as ValidationError).issues[0].code === UNREADABLE_FILE
 * @category Roster
 */
export const UNREADABLE_FILE = "unreadable_file" as const;

/** The error for a file over one of the limits above. @internal */
export function tooBig(what: LocalizedText, limit: number, received: number): ValidationError {
  return invalidArgument(
    "bytes",
    "too_big",
    text(
      `花名册的${what["zh-CN"]}（${received}）超过上限 ${limit}`,
      `the roster's ${what.en} (${received}) exceed the limit of ${limit}`,
    ),
    received,
  );
}

/** The error for a file that cannot be read as a roster. @internal */
export function unreadable(why: string): ValidationError {
  return invalidArgument(
    "bytes",
    UNREADABLE_FILE,
    text(`无法读取 Excel 文件（${why}）`, `cannot read the Excel file (${why})`),
    undefined,
  );
}
