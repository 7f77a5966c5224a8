import type * as z from "zod";
import { isLocalizedText, type LocalizedText } from "../i18n/locale";
import { fieldClassAt, isMaskedClass, type FieldClass } from "../privacy/field-class";
import { maskLongNumbers, maskValue } from "../privacy/mask";
import { MAX_ISSUES } from "../model/limits";
import { IssueCode } from "./codes";
import { issueText } from "./zod-text";
import { invalidArgument } from "./validate";

/**
 * One problem with one field of an input.
 * @category Errors
 */
export interface FieldIssue {
  /** Dotted path of the field, `parents[0].phone`; empty for the input itself. */
  readonly path: string;
  /** Stable issue code ({@link IssueCode} or zod's). */
  readonly code: IssueCode;
  /** What was expected, in words. */
  readonly expected?: string;
  /** What was received, shown safely (sensitive values masked). */
  readonly received?: string;
  /** The full message naming field, expectation and received value. */
  readonly message: LocalizedText;
}

/**
 * Formats a path such as `["parents", 0, "phone"]` as `parents[0].phone`.
 * @param path - Keys and indexes, as in a zod issue.
 * @returns The dotted path.
 * @example
 * formatPath(["parents", 0, "phone"]) //=> "parents[0].phone"
 * @category Errors
 */
export function formatPath(path: readonly PropertyKey[]): string {
  if (!Array.isArray(path)) return "";
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else {
      const name =
        typeof key === "string" || typeof key === "symbol" ? String(key) : describeValue(key);
      out += out === "" ? name : `.${name}`;
    }
  }
  return out;
}

/**
 * Describes a received value for a message: short, masked when its field has a class (see
 * {@link fieldClassOf}), and with any long run of digits in free text masked too.
 * @param value - The value received.
 * @param fieldClass - The class of the field it came from, if any.
 * @returns A short, safe description.
 * @example
 * describeValue("abc") //=> '"abc"'
 * describeValue("110105194912310021", "identifying") //=> '"11**************21" (18 chars)'
 * @category Errors
 */
export function describeValue(value: unknown, fieldClass?: FieldClass): string {
  if (value === undefined) return "undefined";
  if (value === null) return "null";
  const masked = isMaskedClass(fieldClass);
  if (typeof value === "string") {
    if (masked) return `"${maskValue(value)}" (${value.length} chars)`;
    // Mask before cutting, so a number across the cut is not shown in part.
    const head = maskLongNumbers(value.slice(0, 60));
    return JSON.stringify(value.length > 40 ? `${head.slice(0, 40)}…` : head);
  }
  if (masked) return typeof value === "object" ? "object" : typeof value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "bigint") return maskLongNumbers(String(value));
  if (Array.isArray(value)) return `array(${value.length})`;
  if (typeof value === "object") return "object";
  return typeof value;
}

const INVALID: LocalizedText = { "zh-CN": "不符合要求", en: "is not valid" };

/** What an argument of the helpers below should have been. */
const EXPECTED = {
  string: { "zh-CN": "应为字符串", en: "expected a string" },
  object: { "zh-CN": "应为对象", en: "expected an object" },
  array: { "zh-CN": "应为数组", en: "expected an array" },
  context: { "zh-CN": "应为 zod 校验上下文", en: "expected a zod refinement context" },
  text: { "zh-CN": "应为中英文文本", en: "expected a text in zh-CN and en" },
  issue: { "zh-CN": "应为 zod 问题（含 path 数组）", en: "expected a zod issue with a path array" },
  source: { "zh-CN": "应为 { schema, input }", en: "expected { schema, input }" },
} satisfies Record<string, LocalizedText>;

/**
 * Builds one {@link FieldIssue} by hand, in the same form as the issues of a schema: the message
 * names the field, says what is wrong, and shows the received value (masked for a classed field).
 * @param path - The field's path, such as `history[2].patches`.
 * @param code - A stable {@link IssueCode} or zod code.
 * @param message - What is wrong, in both languages, without field name or value.
 * @param received - The value received.
 * @param fieldClass - The field's class, if any.
 * @returns The issue.
 * @example
 * fieldIssue("asOf", "calendar_date", text("应为日期", "expected a date"), "x").message.en //=> 'asOf: expected a date (received: "x")'
 * @category Errors
 */
export function fieldIssue(
  path: string,
  code: IssueCode,
  message: LocalizedText,
  received: unknown,
  fieldClass?: FieldClass,
): FieldIssue {
  const shown = describeValue(received, fieldClass);
  // A path is built by code from keys it was given; a huge one is cut so the message stays small.
  const where = typeof path !== "string" ? "" : path.length > 200 ? `${path.slice(0, 200)}…` : path;
  const t = isLocalizedText(message) ? message : INVALID;
  return {
    path: where,
    code: typeof code === "string" ? code : IssueCode.OTHER,
    received: shown,
    message: {
      "zh-CN": `${where ? `字段 ${where}：` : ""}${t["zh-CN"]}（收到：${shown}）`,
      en: `${where ? `${where}: ` : ""}${t.en} (received: ${shown})`,
    },
  };
}

/** The value at `path` inside `root`, reading own properties only. */
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    try {
      const d = Object.getOwnPropertyDescriptor(node, key);
      node = d && "value" in d ? d.value : undefined;
    } catch {
      return undefined;
    }
  }
  return node;
}

/**
 * Where an issue came from: the schema parsed and the input given to it. The schema decides
 * which fields are masked ({@link fieldClassAt}); the input supplies the received values.
 * @category Errors
 */
export interface IssueSource {
  readonly schema: z.ZodType;
  readonly input: unknown;
}

/** Parameters a Liushou refinement attaches to a zod custom issue. */
export interface LiushouIssueParams {
  liushou: IssueCode;
  text: LocalizedText;
  expected?: string;
}

/**
 * Adds a bilingual custom issue to a zod refinement context.
 * @param ctx - The refinement context.
 * @param code - A stable {@link IssueCode}.
 * @param message - The text, without field name or received value (they are added later).
 * @param extra - Path below the refined value, expected form, and the offending value.
 * @returns Nothing; the issue is added to `ctx`. A `ValidationError` naming the argument when
 * `ctx` has no `addIssue`, `code` is not a string, `message` is not a text in both locales or
 * `extra` is not an object.
 * @example
 * z.string().superRefine((v, ctx) => { if (!ok(v)) addIssue(ctx, IssueCode.OTHER, text("错", "wrong")) })
 * @category Errors
 */
export function addIssue(
  ctx: { addIssue: (issue: z.core.$ZodRawIssue) => void; value?: unknown },
  code: IssueCode,
  message: LocalizedText,
  extra: { path?: PropertyKey[]; expected?: string; input?: unknown } = {},
): void {
  if (typeof (ctx as { addIssue?: unknown } | null)?.addIssue !== "function") {
    throw invalidArgument("ctx", "invalid_type", EXPECTED.context, ctx);
  }
  if (typeof code !== "string")
    throw invalidArgument("code", "invalid_type", EXPECTED.string, code);
  if (!isLocalizedText(message)) {
    throw invalidArgument("message", "invalid_type", EXPECTED.text, message);
  }
  if (typeof extra !== "object" || extra === null) {
    throw invalidArgument("extra", "invalid_type", EXPECTED.object, extra);
  }
  const params: LiushouIssueParams = { liushou: code, text: message };
  if (extra.expected !== undefined) params.expected = extra.expected;
  ctx.addIssue({
    code: "custom",
    message: message.en,
    params,
    input: extra.input ?? ctx.value,
    ...(extra.path ? { path: extra.path } : {}),
  } as z.core.$ZodRawIssue);
}

/**
 * Turns a zod issue into a {@link FieldIssue}: path, code, and a message in both languages that
 * names the field, what was expected (any limit included) and what was received. Pass the
 * schema and input as `source` so values of classed fields are masked; without it the issue's
 * own `input` (from `reportInput`) is described, with long digit runs masked.
 * @param issue - An issue from `safeParse`.
 * @param basePath - Prefix for the path, when the schema was a part of a larger input.
 * @param source - The schema parsed and the input given to it.
 * @returns The field issue. A `ValidationError` naming the argument when `issue` is not an
 * issue with a `path` array, `basePath` is not an array or `source` has no schema.
 * @example
 * const r = IdNumberSchema.safeParse("110105194912310022");
 * if (!r.success) toFieldIssue(r.error.issues[0], ["idNumber"], { schema: IdNumberSchema, input: "110105194912310022" }).received //=> '"11**************22" (18 chars)'
 * @category Errors
 */
export function toFieldIssue(
  issue: z.core.$ZodIssue,
  basePath: readonly PropertyKey[] = [],
  source?: IssueSource,
): FieldIssue {
  if (!Array.isArray((issue as { path?: unknown } | null)?.path)) {
    throw invalidArgument("issue", "invalid_type", EXPECTED.issue, issue);
  }
  if (!Array.isArray(basePath))
    throw invalidArgument("basePath", "invalid_type", EXPECTED.array, basePath);
  if (source !== undefined && typeof (source as { schema?: unknown } | null)?.schema !== "object") {
    throw invalidArgument("source", "invalid_type", EXPECTED.source, source);
  }
  const value = source ? valueAt(source.input, issue.path) : (issue as { input?: unknown }).input;
  // Only a value that would be shown needs its field's class.
  const shown = typeof value === "string" || typeof value === "number" || typeof value === "bigint";
  const fieldClass = source && shown ? fieldClassAt(source.schema, issue.path) : undefined;
  const params = (issue as { params?: Partial<LiushouIssueParams> }).params;
  const own = issue.code === "custom" && params?.liushou !== undefined && params.text;
  const code = own ? params.liushou! : (issue.code ?? IssueCode.OTHER);
  const expected = own
    ? params.expected
    : "expected" in issue && typeof issue.expected === "string"
      ? issue.expected
      : undefined;
  const out = fieldIssue(
    formatPath([...basePath, ...issue.path]),
    code,
    issueText(issue),
    value,
    fieldClass,
  );
  return expected ? { ...out, expected } : out;
}

/**
 * The issue that stands for `count` further issues an error does not list (beyond
 * {@link MAX_ISSUES}).
 * @param count - How many were left out (anything but a positive number reads as 0).
 * @returns The issue, with an empty path.
 * @example
 * moreIssues(12).message.en //=> "and 12 more issues not listed (limit 200)"
 * @category Errors
 */
export function moreIssues(count: number): FieldIssue {
  const n = typeof count === "number" && count > 0 ? Math.floor(count) : 0;
  return {
    path: "",
    code: IssueCode.TOO_MANY_ISSUES,
    message: {
      "zh-CN": `另有 ${n} 处问题未列出（上限 ${MAX_ISSUES}）`,
      en: `and ${n} more issues not listed (limit ${MAX_ISSUES})`,
    },
  };
}
