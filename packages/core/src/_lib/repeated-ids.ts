import type { IdStore } from "./id-store";

/** Bits of the hash sorted in each pass of the radix sort (three passes cover 32 bits). */
const RADIX_BITS = 11;
const RADIX = 1 << RADIX_BITS;

/**
 * The ids of a store that repeat an earlier one, found once every id is added: the ids' hashes
 * are sorted with their indices by a radix sort, which reads and writes memory in order, and
 * only ids of equal hash are compared. A hash table probed as the ids come would read memory at
 * random for each of a county's millions of ids, a cache miss each.
 * @param ids - The store.
 * @param hashes - Hash of each of the store's first `hashes.length` ids, as
 * {@link IdStore.lastHash} gave it when the id was added; the sort writes over them.
 * @returns The index of every id equal to one of smaller index, ascending.
 * @internal
 */
export function repeatedIds(ids: IdStore, hashes: Int32Array): Int32Array {
  const n = hashes.length;
  let keys = hashes;
  let order = new Int32Array(n);
  let nextKeys: Int32Array = new Int32Array(n);
  let nextOrder = new Int32Array(n);
  const counts = new Int32Array(RADIX);
  for (let shift = 0; shift < 32; shift += RADIX_BITS) {
    // The first pass reads the hashes in index order; each pass is stable, so equal hashes
    // end in ascending index order.
    const first = shift === 0;
    counts.fill(0);
    for (let k = 0; k < n; k++) counts[(keys[k]! >>> shift) & (RADIX - 1)]!++;
    for (let b = 0, at = 0; b < RADIX; b++) {
      const c = counts[b]!;
      counts[b] = at;
      at += c;
    }
    for (let k = 0; k < n; k++) {
      const h = keys[k]!;
      const to = counts[(h >>> shift) & (RADIX - 1)]!++;
      nextKeys[to] = h;
      nextOrder[to] = first ? k : order[k]!;
    }
    [keys, nextKeys] = [nextKeys, keys];
    [order, nextOrder] = [nextOrder, order];
  }
  const repeated: number[] = [];
  for (let a = 0; a < n;) {
    let b = a + 1;
    while (b < n && keys[b] === keys[a]) b++;
    if (b - a > 1) {
      // Ids of one hash, sorted by id then index: each id equal to the one before repeats it.
      const run = Array.from(order.subarray(a, b)).sort((x, y) => ids.compare(x, y) || x - y);
      for (let k = 1; k < run.length; k++)
        if (ids.equals(run[k - 1]!, run[k]!)) repeated.push(run[k]!);
    }
    a = b;
  }
  return Int32Array.from(repeated).sort();
}
