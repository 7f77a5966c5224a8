import type { z } from "zod";
import { text, type LocalizedText } from "../i18n/locale";
import { duplicateIdIssues } from "./duplicates";
import { ValidationError } from "./errors";
import { MAX_ISSUES } from "../model/limits";
import { fieldIssue, formatPath, moreIssues, toFieldIssue, type FieldIssue } from "./issues";
import { requireSchema, type ValidateOptions, type ValidateResult } from "./validate";

/**
 * Options of {@link validateList}.
 * @category Errors
 */
export interface ValidateListOptions<T> extends ValidateOptions {
  /** What the rows' `id`s identify ("child"); when given, repeated ids are reported too. */
  idNoun?: LocalizedText;
  /** A quick check that accepts a row as it is, skipping the schema (rows it rejects are parsed). */
  accept?: (row: unknown) => row is T;
}

/**
 * Validates a list row by row in one pass and reports every bad row and every repeated id
 * together, in one {@link ValidationError}, instead of stopping at the first.
 * @param schema - The schema of one row.
 * @param list - The list (anything: a non-array is reported as such).
 * @param options - Path of the list, subject, the noun of its ids, a quick accept check.
 * @returns The parsed rows, or the error.
 * @example
 * const r = safeValidateList(ChildFileSchema, [f1, bad, f1], { path: ["files"], idNoun: text("儿童", "child") });
 * r.success || r.error.issues.map((i) => i.path) //=> ["files[1].child", "files[2].id"]
 * @category Errors
 */
export function safeValidateList<S extends z.ZodType>(
  schema: S,
  list: unknown,
  options: ValidateListOptions<z.output<S>> = {},
): ValidateResult<z.output<S>[]> {
  requireSchema(schema, "schema");
  const opts: ValidateListOptions<z.output<S>> = options ?? {};
  const base = Array.isArray(opts.path) ? opts.path : [];
  const errorOptions = {
    ...(opts.locale ? { locale: opts.locale } : {}),
    ...(opts.subject ? { subject: opts.subject } : {}),
  };
  if (!Array.isArray(list)) {
    const issue = fieldIssue(
      formatPath(base),
      "invalid_type",
      text("应为数组", "expected an array"),
      list,
    );
    return { success: false, error: new ValidationError([issue], errorOptions) };
  }
  const rows = new Array<z.output<S> | undefined>(list.length);
  const issues: FieldIssue[] = [];
  let omitted = 0;
  for (let i = 0; i < list.length; i++) {
    const row: unknown = list[i];
    if (typeof opts.accept === "function" && opts.accept(row)) {
      rows[i] = row;
      continue;
    }
    const r = schema.safeParse(row);
    if (r.success) rows[i] = r.data;
    else if (issues.length >= MAX_ISSUES) omitted += r.error.issues.length;
    else {
      const source = { schema, input: row };
      const room = MAX_ISSUES - issues.length;
      for (const issue of r.error.issues.slice(0, room)) {
        issues.push(toFieldIssue(issue, [...base, i], source));
      }
      omitted += Math.max(0, r.error.issues.length - room);
    }
  }
  if (opts.idNoun) {
    const repeated = duplicateIdIssues(rows as { id: string }[], formatPath(base), opts.idNoun);
    const room = Math.max(0, MAX_ISSUES - issues.length);
    issues.push(...repeated.slice(0, room));
    omitted += Math.max(0, repeated.length - room);
  }
  if (omitted > 0) issues.push(moreIssues(omitted));
  if (issues.length > 0)
    return { success: false, error: new ValidationError(issues, errorOptions) };
  return { success: true, data: rows as z.output<S>[] };
}

/**
 * {@link safeValidateList}, throwing the {@link ValidationError} that lists every bad row and
 * every repeated id.
 * @param schema - The schema of one row.
 * @param list - The list.
 * @param options - Path of the list, subject, the noun of its ids, a quick accept check.
 * @returns The parsed rows.
 * @example
 * validateList(SchoolSchema, schools, { path: ["schools"], idNoun: text("学校", "school") })
 * @category Errors
 */
export function validateList<S extends z.ZodType>(
  schema: S,
  list: unknown,
  options: ValidateListOptions<z.output<S>> = {},
): z.output<S>[] {
  const r = safeValidateList(schema, list, options);
  if (!r.success) throw r.error;
  return r.data;
}
