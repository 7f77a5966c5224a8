import { IdStore } from "./id-store";
import { IdTable } from "./id-table";
import { IntList } from "./int-list";

/**
 * A map from millions of ids to small whole numbers (which partition gave an id, say), kept
 * outside the JavaScript heap: the ids in an {@link IdStore}, found through an {@link IdTable},
 * the numbers in a typed array. Unlike a `Map`, it has no cap of 2^24 entries, and the garbage
 * collector neither copies nor marks its ids.
 * @internal
 */
export class IdIndex {
  private readonly ids: IdStore;
  private readonly table: IdTable;
  private readonly values = new IntList();

  constructor(expected = 1024) {
    this.ids = new IdStore(expected);
    this.table = new IdTable(this.ids, expected);
  }

  /** How many ids are held. */
  get size(): number {
    return this.values.n;
  }

  /**
   * Adds `id` with `value` (0 or more) unless it is held already.
   * @returns The value the id was added with before, or -1 when it is new.
   */
  add(id: string, value: number): number {
    const i = this.ids.add(id);
    const earlier = this.table.add(i, this.ids.lastHash);
    if (earlier < 0) {
      this.values.push(value);
      return -1;
    }
    this.ids.pop();
    return this.values.get(earlier);
  }

  /** The value `id` was added with, or -1 when it is not held. */
  get(id: string): number {
    const found = this.table.find(id);
    return found < 0 ? -1 : this.values.get(found);
  }
}
