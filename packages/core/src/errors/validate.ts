import type { z } from "zod";
import { text, type Locale, type LocalizedText } from "../i18n/locale";
import { ValidationError } from "./errors";
import type { IssueCode } from "./codes";
import type { FieldClass } from "../privacy/field-class";
import { MAX_ISSUES } from "../model/limits";
import { fieldIssue, moreIssues, toFieldIssue, type FieldIssue, type IssueSource } from "./issues";

/**
 * Options for {@link validate} and {@link safeValidate}.
 * @category Errors
 */
export interface ValidateOptions {
  /** Locale of the thrown error's `message`. Default zh-CN. */
  locale?: Locale;
  /** What is being validated, for the error's headline ("child file"). */
  subject?: LocalizedText;
  /** Prefix for every issue path, when validating part of a larger input. */
  path?: readonly PropertyKey[];
}

/**
 * Result of {@link safeValidate}.
 * @category Errors
 */
export type ValidateResult<T> =
  { success: true; data: T } | { success: false; error: ValidationError };

/**
 * Parses input with a zod schema; on failure returns a {@link ValidationError} naming each field.
 * Never throws on malformed input.
 * @example
 * const r = safeValidate(MobileSchema, "123");
 * r.success //=> false
 * @category Errors
 */
export function safeValidate<S extends z.ZodType>(
  schema: S,
  input: unknown,
  options: ValidateOptions = {},
): ValidateResult<z.output<S>> {
  requireSchema(schema, "schema");
  const r = schema.safeParse(input);
  if (r.success) return { success: true, data: r.data };
  // The received values come from the input, masked by the field classes of the schema; the
  // zod issues kept on the error carry no input at all.
  const opts: ValidateOptions = options ?? {};
  const source = { schema, input };
  const base = Array.isArray(opts.path) ? opts.path : [];
  const issues = toFieldIssues(r.error.issues, base, source);
  return {
    success: false,
    error: new ValidationError(issues, {
      zodIssues: r.error.issues.slice(0, MAX_ISSUES),
      ...(opts.locale ? { locale: opts.locale } : {}),
      ...(opts.subject ? { subject: opts.subject } : {}),
    }),
  };
}

/**
 * Parses input with a zod schema and returns the parsed value, or throws a {@link ValidationError}.
 * @example
 * validate(CalendarDateSchema, "2026-09-01") //=> "2026-09-01"
 * validate(CalendarDateSchema, "2026-02-30") // throws ValidationError
 * @category Errors
 */
export function validate<S extends z.ZodType>(
  schema: S,
  input: unknown,
  options: ValidateOptions = {},
): z.output<S> {
  const r = safeValidate(schema, input, options);
  if (!r.success) throw r.error;
  return r.data;
}

/**
 * Builds a {@link ValidationError} for one field outside a zod schema (a bad argument).
 * @param path - The argument's path, such as `options.zone`.
 * @param code - A stable {@link IssueCode} or zod code.
 * @param message - What was expected, in both languages.
 * @param received - The value received; shown short, and masked when `fieldClass` is given.
 * @param options - Locale of the message, and the field class of the argument.
 * @returns The error, to throw.
 * @example
 * throw invalidArgument("timeZone", IssueCode.TIME_ZONE, text("未知时区", "unknown time zone"), "Mars/Base");
 * @category Errors
 */
export function invalidArgument(
  path: string,
  code: IssueCode,
  message: LocalizedText,
  received: unknown,
  options: { locale?: Locale; fieldClass?: FieldClass } = {},
): ValidationError {
  const issue = fieldIssue(path, code, message, received, options.fieldClass);
  return new ValidationError([issue], options.locale ? { locale: options.locale } : {});
}

/**
 * Checks that an argument is an object (an input or options object) before anything reads it,
 * so `undefined` or a number gives a {@link ValidationError} rather than a `TypeError`.
 * @example
 * requireObject(options, "options"); // throws ValidationError when options is not an object
 * @category Errors
 */
export function requireObject(
  value: unknown,
  path: string,
): asserts value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw invalidArgument(
      path,
      "invalid_type",
      { "zh-CN": "应为对象", en: "expected an object" },
      value,
    );
  }
}

/**
 * Checks that an argument is a zod schema before anything parses with it.
 * @param value - The argument.
 * @param path - Its name, for the error.
 * @returns Nothing; throws a {@link ValidationError} when `value` has no `safeParse`.
 * @example
 * requireSchema(ChildFileSchema, "schema"); // passes
 * @category Errors
 */
export function requireSchema(value: unknown, path: string): asserts value is z.ZodType {
  if (typeof (value as { safeParse?: unknown } | null)?.safeParse !== "function") {
    throw invalidArgument(
      path,
      "invalid_type",
      text("应为 zod 模式", "expected a zod schema"),
      value,
    );
  }
}

/** {@link toFieldIssue} for at most {@link MAX_ISSUES} issues; the rest are counted in a last one. */
function toFieldIssues(
  issues: readonly z.core.$ZodIssue[],
  basePath: readonly PropertyKey[],
  source: IssueSource,
): FieldIssue[] {
  const out = issues.slice(0, MAX_ISSUES).map((i) => toFieldIssue(i, basePath, source));
  if (issues.length > out.length) out.push(moreIssues(issues.length - out.length));
  return out;
}
