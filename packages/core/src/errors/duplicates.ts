import { IssueCode } from "./codes";
import { text, type LocalizedText } from "../i18n/locale";
import type { FieldIssue } from "./issues";
import { invalidArgument } from "./validate";

/**
 * A repeated key in a list: where it stands again and where it was first seen.
 * @category Errors
 */
export interface Repeat {
  readonly index: number;
  readonly first: number;
  readonly key: string;
}

/**
 * The entries of a list whose key was already seen, in list order.
 * @example
 * repeats(["a", "b", "a"], (x) => x) //=> [{ index: 2, first: 0, key: "a" }]
 * @category Errors
 */
export function repeats<T>(list: readonly T[], key: (item: T) => string): Repeat[] {
  if (!Array.isArray(list) || typeof key !== "function") {
    const listOk = Array.isArray(list);
    throw invalidArgument(
      listOk ? "key" : "list",
      "invalid_type",
      listOk
        ? { "zh-CN": "应为取键函数", en: "expected a key function" }
        : { "zh-CN": "应为数组", en: "expected an array" },
      listOk ? key : list,
    );
  }
  const firstAt = new Map<string, number>();
  const out: Repeat[] = [];
  list.forEach((item, index) => {
    const k = key(item);
    const first = firstAt.get(k);
    if (first === undefined) firstAt.set(k, index);
    else out.push({ index, first, key: k });
  });
  return out;
}

/** Whether a string `id` appears twice in a list. */
function hasRepeatedId(list: readonly unknown[]): boolean {
  const seen = new Set<string>();
  for (let i = 0; i < list.length; i++) {
    const id = (list[i] as { id?: unknown } | null | undefined)?.id;
    if (typeof id !== "string") continue;
    if (seen.has(id)) return true;
    seen.add(id);
  }
  return false;
}

/**
 * One `duplicate_id` issue per repeated `id` in a list, at `field[i].id`, naming where the id
 * was first seen.
 * @param noun - What the ids identify ("child"), in both languages.
 * @example
 * duplicateIdIssues([{ id: "c1" }, { id: "c1" }], "children", { "zh-CN": "儿童", en: "child" })[0].path //=> "children[1].id"
 * @category Errors
 */
export function duplicateIdIssues(
  list: readonly ({ readonly id: string } | null | undefined)[],
  field: string,
  noun: LocalizedText,
): FieldIssue[] {
  if (!Array.isArray(list)) {
    throw invalidArgument("list", "invalid_type", text("应为数组", "expected an array"), list);
  }
  const name = typeof field === "string" ? field : "";
  const what = typeof noun?.en === "string" ? noun : text("", "");
  // Rows without a string id (rows that failed validation) take no part. Most lists have no
  // repeat: one pass over a set says so before any issue is built.
  if (!hasRepeatedId(list)) return [];
  const rows: { index: number; id: string }[] = [];
  list.forEach((x, index) => {
    const id = (x as { id?: unknown } | null | undefined)?.id;
    if (typeof id === "string") rows.push({ index, id });
  });
  return repeats(rows, (r) => r.id).map(({ index: at, first: firstAt, key }) => {
    const index = rows[at]!.index;
    const first = rows[firstAt]!.index;
    const path = `${name}[${index}].id`;
    return {
      path,
      code: IssueCode.DUPLICATE_ID,
      received: JSON.stringify(key),
      message: {
        "zh-CN": `字段 ${path}：${what["zh-CN"]}编号 ${key} 重复（已见于 ${name}[${first}]）`,
        en: `${path}: ${what.en} id ${key} is listed twice (first at ${name}[${first}])`,
      },
    };
  });
}
