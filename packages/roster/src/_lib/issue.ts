import {
  describeValue,
  FieldClass,
  isLocalizedText,
  IssueCode,
  ValidationError,
  text,
  type FieldIssue,
  type Locale,
  type LocalizedText,
} from "@liushou/core";
import { RosterFieldSchema, type RosterField } from "../columns";

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

/** The text of an entry given to {@link RosterError} that is not a roster issue. */
const UNRECOGNISED_ISSUE: LocalizedText = { "zh-CN": "无法识别的问题", en: "unrecognised issue" };

/** Stands for an entry whose reading threw. */
const UNREADABLE: unique symbol = Symbol("unreadable");

/** A copy of a localized text when it is one; `undefined` otherwise. */
function localizedCopy(value: unknown): LocalizedText | undefined {
  return isLocalizedText(value) ? { "zh-CN": value["zh-CN"], en: value.en } : undefined;
}

/**
 * A copy of one entry given to {@link RosterError}: fields read once, so a getter cannot answer
 * differently later; an entry that is not a roster issue (or whose reading throws) is kept as a
 * file-level issue describing it.
 */
function rosterIssueOf(entry: unknown): RosterIssue {
  try {
    if (typeof entry === "object" && entry !== null) {
      const { row, column, field, value, code, reason, message } = entry as Record<string, unknown>;
      const texts = [localizedCopy(reason), localizedCopy(message)] as const;
      if (
        Number.isSafeInteger(row) &&
        (row as number) >= 0 &&
        typeof column === "string" &&
        typeof value === "string" &&
        typeof code === "string" &&
        texts[0] &&
        texts[1]
      ) {
        const known = RosterFieldSchema.safeParse(field);
        return {
          row: row as number,
          column,
          ...(known.success ? { field: known.data } : {}),
          value,
          code,
          reason: texts[0],
          message: texts[1],
        };
      }
    }
    const shown = entry === UNREADABLE ? "unreadable" : undefined;
    return rosterIssue(0, "", undefined, entry, IssueCode.OTHER, UNRECOGNISED_ISSUE, shown);
  } catch {
    // A getter or proxy trap threw: describe the entry by its type alone.
    return rosterIssue(0, "", undefined, entry, IssueCode.OTHER, UNRECOGNISED_ISSUE, "object");
  }
}

/**
 * The entries of `issues` as roster issues; anything but an array (or an array whose length
 * cannot be read, such as a revoked proxy) reads as none.
 */
function rosterIssuesOf(issues: unknown): RosterIssue[] {
  let length: number;
  try {
    if (!Array.isArray(issues)) return [];
    length = issues.length;
  } catch {
    return [];
  }
  const out: RosterIssue[] = [];
  // Indexes, not the iterator: a host's array may carry its own `Symbol.iterator`; holes read as
  // `undefined` and are kept as unrecognised issues.
  for (let k = 0; k < length; k++) out.push(rosterIssueOf(readEntry(issues as unknown[], k)));
  return out;
}

/** `list[k]`, or a marker that it could not be read (a throwing getter or proxy trap). */
function readEntry(list: readonly unknown[], k: number): unknown {
  try {
    return list[k];
  } catch {
    return UNREADABLE;
  }
}

/** The locale and cause of options given to {@link RosterError}; none when they are not an object. */
function errorOptionsOf(options: unknown): { locale?: Locale; cause?: unknown } {
  if (typeof options !== "object" || options === null) return {};
  try {
    const { locale, cause } = options as { locale?: unknown; cause?: unknown };
    // core reads an unknown locale as zh-CN.
    return {
      ...(typeof locale === "string" ? { locale: locale as Locale } : {}),
      ...(cause === undefined ? {} : { cause }),
    };
  } catch {
    return {};
  }
}

/**
 * The error of a roster with bad rows: a `ValidationError` whose `issues` name each row and
 * column (`rows[5].出生日期`), with the same problems as {@link RosterIssue}s in `rosterIssues`.
 * Nothing was written.
 *
 * Building one never throws, as with core's errors: `issues` that are not an array read as none,
 * an entry that is not a {@link RosterIssue} is kept as a file-level issue (row 0, code `other`,
 * "unrecognised issue") describing it, and `options` that are not an object are ignored.
 * @example
 * try { await importRoster(app, bytes) } catch (e) { if (e instanceof RosterError) e.rosterIssues[0].row //=> 5 }
 * @category Roster
 */
export class RosterError extends ValidationError {
  /** Every problem, in row order. */
  readonly rosterIssues: readonly RosterIssue[];

  constructor(issues: readonly RosterIssue[], options: { locale?: Locale; cause?: unknown } = {}) {
    const list = rosterIssuesOf(issues);
    const fieldIssues: FieldIssue[] = list.map((i) => ({
      path: `rows[${i.row}].${i.column}`,
      code: i.code,
      received: i.value,
      message: i.message,
    }));
    super(fieldIssues, { ...errorOptionsOf(options), subject: text("花名册", "roster") });
    this.name = "RosterError";
    this.rosterIssues = list;
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
