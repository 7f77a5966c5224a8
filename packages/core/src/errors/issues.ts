import type * as z from "zod";
import { en as enLocale, zhCN as zhCNLocale } from "zod/locales";
import type { LocalizedText } from "../i18n/locale";
import { IssueCode } from "./codes";

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

/** Field names whose values are personal information and are masked in messages (PIPL Art. 28). */
const SENSITIVE_KEYS = new Set(["idNumber", "phone", "address", "health", "mobile"]);

/**
 * Formats a path such as `["parents", 0, "phone"]` as `parents[0].phone`.
 * @example
 * formatPath(["parents", 0, "phone"]) //=> "parents[0].phone"
 * @category Errors
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}

function isSensitive(path: readonly PropertyKey[]): boolean {
  return path.some((k) => typeof k === "string" && SENSITIVE_KEYS.has(k));
}

/**
 * Describes a received value for a message: short, and masked when the field is sensitive.
 * @example
 * describeValue("abc", ["name"]) //=> '"abc"'
 * describeValue("110101200001011234", ["idNumber"]) //=> '"11**************34" (18 chars)'
 * @category Errors
 */
export function describeValue(value: unknown, path: readonly PropertyKey[] = []): string {
  if (value === undefined) return "undefined";
  if (value === null) return "null";
  if (typeof value === "string") {
    if (isSensitive(path) && value.length > 4) {
      return `"${value.slice(0, 2)}${"*".repeat(value.length - 4)}${value.slice(-2)}" (${value.length} chars)`;
    }
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  }
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") {
    return String(value);
  }
  if (Array.isArray(value)) return `array(${value.length})`;
  if (typeof value === "object") return "object";
  return typeof value;
}

/** Parameters a Liushou refinement attaches to a zod custom issue. */
export interface LiushouIssueParams {
  liushou: IssueCode;
  text: LocalizedText;
  expected?: string;
}

/**
 * Adds a bilingual custom issue to a zod refinement context.
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

const en = /*#__PURE__*/ enLocale().localeError;
const zhCN = /*#__PURE__*/ zhCNLocale().localeError;

function localeText(fn: typeof en, issue: z.core.$ZodIssue): string {
  const r = fn(issue as unknown as z.core.$ZodRawIssue);
  return typeof r === "string" ? r : (r?.message ?? issue.message);
}

/**
 * Turns one zod issue into a {@link FieldIssue} with zh-CN and English messages.
 * @example
 * const r = z.number().safeParse("7", { reportInput: true });
 * if (!r.success) toFieldIssue(r.error.issues[0], ["age"]).path //=> "age"
 * @category Errors
 */
export function toFieldIssue(
  issue: z.core.$ZodIssue,
  basePath: readonly PropertyKey[] = [],
): FieldIssue {
  const fullPath = [...basePath, ...issue.path];
  const path = formatPath(fullPath);
  const input = (issue as { input?: unknown }).input;
  const received = describeValue(input, fullPath);
  const params = (issue as { params?: Partial<LiushouIssueParams> }).params;
  const where = path === "" ? "" : path;
  if (issue.code === "custom" && params?.liushou && params.text) {
    return {
      path,
      code: params.liushou,
      ...(params.expected ? { expected: params.expected } : {}),
      received,
      message: {
        "zh-CN": `${where ? `字段 ${where}：` : ""}${params.text["zh-CN"]}（收到：${received}）`,
        en: `${where ? `${where}: ` : ""}${params.text.en} (received: ${received})`,
      },
    };
  }
  const expected =
    "expected" in issue && typeof issue.expected === "string" ? issue.expected : undefined;
  return {
    path,
    code: issue.code ?? IssueCode.OTHER,
    ...(expected ? { expected } : {}),
    received,
    message: {
      "zh-CN": `${where ? `字段 ${where}：` : ""}${localeText(zhCN, issue)}（收到：${received}）`,
      en: `${where ? `${where}: ` : ""}${localeText(en, issue)} (received: ${received})`,
    },
  };
}
