import type { z } from "zod";
import {
  DEFAULT_LOCALE,
  isLocalizedText,
  LOCALES,
  type Locale,
  type LocalizedText,
} from "../i18n/locale";
import { maskLongNumbers } from "../privacy/mask";
import { ErrorCode, IssueCode } from "./codes";
import { describeValue, fieldIssue, type FieldIssue } from "./issues";

/**
 * Options common to every error.
 * @category Errors
 */
export interface LiushouErrorOptions {
  /** Locale of `message`; both texts stay available in `messages`. Default zh-CN. */
  locale?: Locale;
  /** The underlying error, if any. */
  cause?: unknown;
}

/** A copy of plain data (texts, issues) with every long number in its strings masked. */
function maskTexts<T>(value: T, depth = 0): T {
  if (typeof value === "string") return maskLongNumbers(value) as T;
  if (value === null || typeof value !== "object" || depth > 16) return value;
  if (Array.isArray(value)) return value.map((v) => maskTexts(v, depth + 1)) as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = maskTexts(v, depth + 1);
  return out as T;
}

/** The options as given, or none when they are not an object; an unknown locale reads as zh-CN. */
function optionsOf(options: unknown): { locale: Locale; cause?: unknown } {
  if (typeof options !== "object" || options === null) return { locale: DEFAULT_LOCALE };
  const { locale, cause } = options as LiushouErrorOptions;
  return { locale: LOCALES.includes(locale as Locale) ? locale! : DEFAULT_LOCALE, cause };
}

/** The messages as given, a string as the text of both locales, anything else a generic text. */
function messagesOf(messages: unknown, code: string): LocalizedText {
  if (isLocalizedText(messages)) return messages;
  if (typeof messages === "string") return { "zh-CN": messages, en: messages };
  return { "zh-CN": `错误（${code}）`, en: `error (${code})` };
}

/** A string argument as given; anything else described in words. */
const nameOf = (value: unknown): string =>
  typeof value === "string" ? value : describeValue(value);

/** The issues as given; an entry that is not a field issue is kept as an issue describing it. */
function issuesOf(issues: unknown): FieldIssue[] {
  if (!Array.isArray(issues)) return [];
  return issues.map((i: unknown) =>
    typeof (i as FieldIssue | null)?.path === "string" && isLocalizedText((i as FieldIssue).message)
      ? (i as FieldIssue)
      : fieldIssue("", IssueCode.OTHER, UNRECOGNISED_ISSUE, i),
  );
}

const UNRECOGNISED_ISSUE: LocalizedText = { "zh-CN": "无法识别的问题", en: "unrecognised issue" };

/**
 * The brand every Liushou error carries, shared by every copy of the package (ESM and CJS, or two
 * versions) through the global symbol registry.
 */
const BRAND: unique symbol = Symbol.for("@liushou/core.error") as never;

/**
 * Whether a value is an error thrown by Liushou, from any copy of the package: a host that
 * loads both the ESM and the CJS build (or two versions) gets two `LiushouError` classes, and
 * `instanceof` on a subclass only knows its own copy.
 * @param value - Anything caught.
 * @param code - Only errors with this {@link ErrorCode}.
 * @returns Whether `value` is a Liushou error (with that code).
 * @example
 * try { validate(ChildFileSchema, raw) } catch (e) { if (isLiushouError(e, ErrorCode.VALIDATION)) show(e.messages) }
 * @category Errors
 */
export function isLiushouError(value: unknown, code?: ErrorCode): value is LiushouError {
  if (typeof value !== "object" || value === null) return false;
  const v = value as { [BRAND]?: unknown; code?: unknown };
  return v[BRAND] === true && (code === undefined || v.code === code);
}

/**
 * The base of every error Liushou throws. `code` is stable; `messages` holds zh-CN and English.
 * `instanceof LiushouError` holds for errors from any copy of the package (see
 * {@link isLiushouError}); `instanceof` on a subclass checks the copy it comes from.
 * Building an error never throws: a code that is not a string reads as `ErrorCode.ERROR`, a
 * string message serves both locales, other malformed messages give a generic text, and options
 * that are not an object are ignored.
 * @example
 * try { validateChildFile(raw) } catch (e) { if (e instanceof LiushouError) console.log(e.code) }
 * @category Errors
 */
export class LiushouError extends Error {
  /** Recognises errors from any copy of the package; subclasses keep the usual check. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return this === LiushouError
      ? isLiushouError(value)
      : Function.prototype[Symbol.hasInstance].call(this, value);
  }

  /** The brand {@link isLiushouError} checks. */
  get [BRAND](): true {
    return true;
  }

  /** Stable code to switch on. */
  readonly code: ErrorCode;
  /** The message in every locale. */
  readonly messages: LocalizedText;

  constructor(code: ErrorCode, messages: LocalizedText, options: LiushouErrorOptions = {}) {
    const { locale, cause } = optionsOf(options);
    const stableCode = typeof code === "string" ? code : ErrorCode.ERROR;
    const texts = maskTexts(messagesOf(messages, stableCode));
    super(texts[locale], cause === undefined ? undefined : { cause });
    this.name = "LiushouError";
    this.code = stableCode;
    this.messages = texts;
  }

  /** The message in another locale (zh-CN for a locale Liushou does not have). */
  messageIn(locale: Locale): string {
    return this.messages[LOCALES.includes(locale) ? locale : DEFAULT_LOCALE];
  }
}

/**
 * Input failed validation. `issues` name each field (`path`), what was expected and what was
 * received, in both languages; `zodIssues` keeps zod's raw issues when zod found them. Issues
 * that are not an array read as none; an entry that is not a field issue is kept as an
 * "unrecognised issue" describing it.
 * @example
 * const r = safeValidate(ChildFileSchema, raw);
 * if (!r.success) console.log(r.error.issues[0].path, r.error.issues[0].message.en);
 * @category Errors
 */
export class ValidationError extends LiushouError {
  /** One entry per problem, in input order. */
  readonly issues: readonly FieldIssue[];
  /** zod's own issues, when the problems came from a schema. */
  readonly zodIssues: readonly z.core.$ZodIssue[];

  constructor(
    issues: readonly FieldIssue[],
    options: LiushouErrorOptions & {
      subject?: LocalizedText;
      zodIssues?: readonly z.core.$ZodIssue[];
    } = {},
  ) {
    const list = issuesOf(issues);
    const head = list.slice(0, 5);
    const more = list.length - head.length;
    const given = (typeof options === "object" && options !== null ? options : {}) as {
      subject?: unknown;
      zodIssues?: unknown;
    };
    const subject = isLocalizedText(given.subject) ? given.subject : undefined;
    const zh =
      `${subject ? subject["zh-CN"] : "输入"}校验失败（${list.length} 处）：` +
      head.map((i) => i.message["zh-CN"]).join("；") +
      (more > 0 ? `；另有 ${more} 处` : "");
    const en =
      `Invalid ${subject ? subject.en : "input"} (${list.length} issue${list.length === 1 ? "" : "s"}): ` +
      head.map((i) => i.message.en).join("; ") +
      (more > 0 ? `; and ${more} more` : "");
    super(ErrorCode.VALIDATION, { "zh-CN": zh, en }, options);
    this.name = "ValidationError";
    this.issues = maskTexts(list);
    this.zodIssues = maskTexts(Array.isArray(given.zodIssues) ? given.zodIssues : []);
  }
}

/**
 * The operation conflicts with the current state: an illegal status transition, a duplicate.
 * @example
 * try { transitionWish(wish, "thanked", { at }) } catch (e) { if (e instanceof ConflictError) console.log(e.messages.en) }
 * @category Errors
 */
export class ConflictError extends LiushouError {
  constructor(messages: LocalizedText, options: LiushouErrorOptions = {}) {
    super(ErrorCode.CONFLICT, messages, options);
    this.name = "ConflictError";
  }
}

/**
 * A storage adapter failed; `adapterId` and `operation` say where (an argument that is not a
 * string is described in words).
 * @example
 * throw new StorageError("sqlite", "saveFile", { cause: driverError });
 * @category Errors
 */
export class StorageError extends LiushouError {
  readonly adapterId: string;
  readonly operation: string;
  constructor(adapterId: string, operation: string, options: LiushouErrorOptions = {}) {
    adapterId = nameOf(adapterId);
    operation = nameOf(operation);
    super(
      ErrorCode.STORAGE,
      {
        "zh-CN": `存储适配器 ${adapterId} 执行 ${operation} 失败`,
        en: `Storage adapter ${adapterId} failed in ${operation}`,
      },
      options,
    );
    this.name = "StorageError";
    this.adapterId = adapterId;
    this.operation = operation;
  }
}

/**
 * A report could not be rendered.
 * @example
 * throw new RenderError(text("缺少模板", "template missing"));
 * @category Errors
 */
export class RenderError extends LiushouError {
  constructor(messages: LocalizedText, options: LiushouErrorOptions = {}) {
    super(ErrorCode.RENDER, messages, options);
    this.name = "RenderError";
  }
}

/**
 * The actor may not do this: the child is outside its access scope, or its role may not. Nothing
 * was read or written.
 * @example
 * throw new ForbiddenError(text("c9 不在访问范围内", "c9 is outside the access scope"));
 * @category Errors
 */
export class ForbiddenError extends LiushouError {
  constructor(messages: LocalizedText, options: LiushouErrorOptions = {}) {
    super(ErrorCode.FORBIDDEN, messages, options);
    this.name = "ForbiddenError";
  }
}
