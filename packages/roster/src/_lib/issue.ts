import {
  describeValue,
  FieldClass,
  ValidationError,
  text,
  type FieldIssue,
  type Locale,
  type LocalizedText,
} from "@liushou/core";
import type { RosterField } from "../columns";

/**
 * One problem in a roster: the row (as numbered in the spreadsheet, the header being row 1),
 * the column as headed in the file, the value (masked for identifying columns) and why.
 * @category Roster
 */
export interface RosterIssue {
  /** Row number in the file; 1 is the header row, and 0 stands for the file as a whole. */
  readonly row: number;
  /** The column's header as written in the file (or the field name for a missing column). */
  readonly column: string;
  /** The field the column holds, when known. */
  readonly field?: RosterField;
  /** The value received, shown safely. */
  readonly value: string;
  /** A stable code: one of core's `IssueCode` values, zod's, `unknown_region` or `missing_key`. */
  readonly code: string;
  /** Why, in zh-CN and English, without row or column. */
  readonly reason: LocalizedText;
  /** The whole message: row, column, reason and value. */
  readonly message: LocalizedText;
}

/** Fields whose values are shown masked in issues. */
const IDENTIFYING: ReadonlySet<RosterField> = new Set([
  "idNumber",
  "studentNumber",
  "phone",
  "fatherPhone",
  "motherPhone",
  "address",
]);

/** Builds a {@link RosterIssue}; `shown` replaces the description of `value` when it was made already. @internal */
export function rosterIssue(
  row: number,
  column: string,
  field: RosterField | undefined,
  value: unknown,
  code: string,
  reason: LocalizedText,
  shown: string = describeValue(
    value,
    field && IDENTIFYING.has(field) ? FieldClass.IDENTIFYING : undefined,
  ),
): RosterIssue {
  const where = row === 0 ? text("文件", "file") : text(`第 ${row} 行`, `row ${row}`);
  return {
    row,
    column,
    ...(field ? { field } : {}),
    value: shown,
    code,
    reason,
    message: {
      "zh-CN": `${where["zh-CN"]}，列“${column}”：${reason["zh-CN"]}（收到：${shown}）`,
      en: `${where.en}, column "${column}": ${reason.en} (received: ${shown})`,
    },
  };
}

/**
 * The error of a roster with bad rows: a `ValidationError` whose `issues` name each row and
 * column (`rows[5].出生日期`), with the same problems as {@link RosterIssue}s in `rosterIssues`.
 * Nothing was written.
 * @example
 * try { await importRoster(app, bytes) } catch (e) { if (e instanceof RosterError) e.rosterIssues[0].row //=> 5 }
 * @category Roster
 */
export class RosterError extends ValidationError {
  /** Every problem, in row order. */
  readonly rosterIssues: readonly RosterIssue[];

  constructor(issues: readonly RosterIssue[], options: { locale?: Locale } = {}) {
    const fieldIssues: FieldIssue[] = issues.map((i) => ({
      path: `rows[${i.row}].${i.column}`,
      code: i.code,
      received: i.value,
      message: i.message,
    }));
    super(fieldIssues, { ...options, subject: text("花名册", "roster") });
    this.name = "RosterError";
    this.rosterIssues = issues;
  }
}

/**
 * Code of a region code that is well formed but names no division.
 * @example
 * e.rosterIssues.filter((i) => i.code === UNKNOWN_REGION) // rows whose region does not exist
 * @category Roster
 */
export const UNKNOWN_REGION = "unknown_region" as const;
/**
 * Code of a row without a student number or ID number (it could not be matched again).
 * @example
 * e.rosterIssues.some((i) => i.code === MISSING_KEY) // some row has neither number
 * @category Roster
 */
export const MISSING_KEY = "missing_key" as const;
