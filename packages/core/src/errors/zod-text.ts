import type { z } from "zod";
import { text, type LocalizedText } from "../i18n/locale";
import type { LiushouIssueParams } from "./issues";

const TYPE_NAMES: Readonly<Record<string, LocalizedText>> = {
  string: text("文本", "text"),
  number: text("数字", "number"),
  int: text("整数", "integer"),
  bigint: text("大整数", "bigint"),
  boolean: text("是或否（布尔值）", "true or false"),
  object: text("对象", "object"),
  array: text("数组", "array"),
  date: text("日期", "date"),
  null: text("空值 null", "null"),
  undefined: text("不填", "nothing"),
  function: text("函数", "function"),
  map: text("映射", "map"),
  set: text("集合", "set"),
  symbol: text("符号", "symbol"),
  nan: text("NaN", "NaN"),
};

function typeName(t: unknown): LocalizedText {
  const s = String(t);
  return TYPE_NAMES[s] ?? text(s, s);
}

function list(values: readonly unknown[]): LocalizedText {
  const shown = values.slice(0, 12).map((v) => (typeof v === "string" ? v : String(v)));
  const more = values.length > shown.length ? ` …(${values.length})` : "";
  return text(shown.join("、") + more, shown.join(", ") + more);
}

type Sized = { origin?: string; maximum?: unknown; minimum?: unknown; inclusive?: boolean };

function tooBig(issue: Sized): LocalizedText {
  const n = String(issue.maximum);
  switch (issue.origin) {
    case "string":
      return text(
        `长度不能超过 ${n} 个字符（上限 ${n}）`,
        `must be at most ${n} characters long (limit ${n})`,
      );
    case "array":
    case "set":
      return text(`不能超过 ${n} 项（上限 ${n}）`, `must have at most ${n} items (limit ${n})`);
    default:
      return issue.inclusive === false
        ? text(`应小于 ${n}`, `must be less than ${n}`)
        : text(`不能大于 ${n}`, `must be at most ${n}`);
  }
}

function tooSmall(issue: Sized): LocalizedText {
  const n = String(issue.minimum);
  switch (issue.origin) {
    case "string":
      return n === "1"
        ? text("不能为空", "must not be empty")
        : text(`长度至少 ${n} 个字符`, `must be at least ${n} characters long`);
    case "array":
    case "set":
      return text(`至少需要 ${n} 项`, `must have at least ${n} items`);
    default:
      return issue.inclusive === false
        ? text(`应大于 ${n}`, `must be greater than ${n}`)
        : text(`不能小于 ${n}`, `must be at least ${n}`);
  }
}

function union(issue: { errors?: readonly (readonly z.core.$ZodIssue[])[] }): LocalizedText {
  const seen = new Set<string>();
  const zh: string[] = [];
  const en: string[] = [];
  for (const branch of issue.errors ?? []) {
    const first = branch[0];
    if (!first) continue;
    const t = issueText(first);
    if (seen.has(t.en)) continue;
    seen.add(t.en);
    zh.push(t["zh-CN"]);
    en.push(t.en);
  }
  if (en.length === 0) return text("不符合任何一种允许的形式", "matches none of the allowed forms");
  if (en.length === 1) return text(zh[0]!, en[0]!);
  return text(zh.join("；或"), en.join("; or "));
}

/**
 * The bilingual text of a zod issue, without the field name and the received value: the
 * library's own texts for its refinements, and plain words for zod's checks (limits named).
 * @internal
 */
export function issueText(issue: z.core.$ZodIssue): LocalizedText {
  const i = issue as z.core.$ZodIssue & Record<string, unknown>;
  switch (issue.code) {
    case "custom": {
      const params = i["params"] as Partial<LiushouIssueParams> | undefined;
      if (params?.text) return params.text;
      const own = issue.message && issue.message !== "Invalid input" ? issue.message : undefined;
      return own ? text(own, own) : text("不符合要求", "is not valid");
    }
    case "invalid_type": {
      const t = typeName(i["expected"]);
      return text(`应为${t["zh-CN"]}`, `expected ${t.en}`);
    }
    case "too_big":
      return tooBig(i as Sized);
    case "too_small":
      return tooSmall(i as Sized);
    case "invalid_value": {
      const l = list((i["values"] as unknown[] | undefined) ?? []);
      return text(`应为以下之一：${l["zh-CN"]}`, `expected one of: ${l.en}`);
    }
    case "invalid_format": {
      // A check's own message (`.regex(re, { message })`) says more than the format's name.
      const own = issue.message && !issue.message.startsWith("Invalid") ? issue.message : undefined;
      if (own) return text(own, own);
      const f = String(i["format"] ?? "");
      return text(`格式不正确（应为 ${f}）`, `has the wrong format (expected ${f})`);
    }
    case "not_multiple_of":
      return text(
        `应为 ${String(i["divisor"])} 的倍数`,
        `must be a multiple of ${String(i["divisor"])}`,
      );
    case "unrecognized_keys": {
      const l = list((i["keys"] as unknown[] | undefined) ?? []);
      return text(`含有不认识的字段：${l["zh-CN"]}`, `has unknown fields: ${l.en}`);
    }
    case "invalid_union":
      return union(i as { errors?: readonly (readonly z.core.$ZodIssue[])[] });
    case "invalid_key":
      return text("含有无效的键", "has an invalid key");
    case "invalid_element":
      return text("含有无效的元素", "has an invalid element");
    default:
      return text("不符合要求", "is not valid");
  }
}
