import type { KeysetPage } from "./codec";

const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * One keyset page from the pages of several parts of a filter, each read after the same keys
 * with the same `limit`: their items in key order, each key once, the first `limit` of them.
 * A further page follows when the parts held more than `limit` distinct items.
 */
export function mergePages<I>(
  pages: readonly KeysetPage<I>[],
  limit: number,
  key: (item: I) => string,
): KeysetPage<I> {
  const byId = new Map<string, I>();
  for (const page of pages) for (const item of page.items) byId.set(key(item), item);
  const sorted = [...byId.keys()].sort(byKey);
  const items = sorted.slice(0, limit).map((k) => byId.get(k)!);
  const more = sorted.length > limit || pages.some((p) => p.next !== null);
  const last = items[items.length - 1];
  return { items, next: more && last !== undefined ? [key(last)] : null };
}

/** The ids of several lists once each, in ascending order. */
export function sortedUnion(lists: readonly (readonly string[])[]): string[] {
  const ids = new Set<string>();
  for (const list of lists) for (const id of list) ids.add(id);
  return [...ids].sort(byKey);
}
