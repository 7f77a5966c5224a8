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

/**
 * Merges streams that each yield items in ascending key order into one ascending stream with
 * each key once. Holds one item (and its stream's current page) per stream; reads the streams
 * one after another, never two queries at once on one connection.
 */
export async function* mergeAscending<I>(
  streams: readonly AsyncIterable<I>[],
  key: (item: I) => string,
): AsyncIterable<I> {
  const iterators = streams.map((s) => s[Symbol.asyncIterator]());
  const heads: ({ item: I; key: string } | null)[] = [];
  const advance = async (i: number) => {
    const r = await iterators[i]!.next();
    heads[i] = r.done ? null : { item: r.value, key: key(r.value) };
  };
  try {
    for (let i = 0; i < iterators.length; i++) await advance(i);
    let last: string | undefined;
    for (;;) {
      let min = -1;
      for (let i = 0; i < heads.length; i++) {
        const h = heads[i];
        if (h && (min < 0 || h.key < heads[min]!.key)) min = i;
      }
      if (min < 0) return;
      const head = heads[min]!;
      if (head.key !== last) yield head.item;
      last = head.key;
      await advance(min);
    }
  } finally {
    await Promise.all(iterators.map((it) => it.return?.()));
  }
}
