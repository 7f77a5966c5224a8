import type { Locale } from "@liushou/core";

/** The text of a locale, written side by side. @internal */
export function tr(l: Locale, zh: string, en: string): string {
  return l === "zh-CN" ? zh : en;
}

/** Joins a list the way the locale does ("甲、乙" / "a, b"). @internal */
export function joinList(l: Locale, items: readonly string[]): string {
  return items.join(l === "zh-CN" ? "、" : ", ");
}

/** Counts items by a key, keeping first-seen order. @internal */
export function countBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const item of items) {
    const k = key(item);
    out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
}
