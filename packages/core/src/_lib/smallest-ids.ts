import type { IdStore } from "./id-store";

/**
 * The smallest distinct ids of a stream, sorted as `Array.prototype.sort` sorts strings, in
 * bounded memory: what a finding names of millions of records, without holding them all.
 * @internal
 */
export class SmallestDistinctIds {
  /** The kept ids, ascending. */
  readonly ids: string[] = [];

  /** @param max - How many ids are kept (default 20: what a finding names). */
  constructor(private readonly max = 20) {}

  /** Offers an id: kept if it is among the `max` smallest distinct ids seen. */
  add(id: string): void {
    const ids = this.ids;
    if (ids.length === this.max && id >= ids[ids.length - 1]!) return;
    let i = ids.length;
    while (i > 0 && ids[i - 1]! > id) i--;
    if (i > 0 && ids[i - 1] === id) return;
    ids.splice(i, 0, id);
    if (ids.length > this.max) ids.pop();
  }

  /** Offers id `i` of a store, built as a string only if it is kept. */
  addFrom(store: IdStore, i: number): void {
    const ids = this.ids;
    if (ids.length < this.max || store.compare(i, ids[ids.length - 1]!) < 0) this.add(store.get(i));
  }
}
