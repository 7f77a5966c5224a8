import { idHash, type IdStore } from "./id-store";

/**
 * Finds repeated ids among millions without a `Set` (V8 caps a `Set` at 2^24 entries and grows
 * it with large rehash copies): an open-addressing table of indices into the caller's own
 * {@link IdStore}, doubled when 3/4 full. Each slot holds the id's hash beside its index
 * (8 bytes a slot), so a probe reads one place in memory, and growing never reads the ids
 * again.
 * @internal
 */
export class IdTable {
  /** Pairs `[hash, index + 1]`; an index of 0 marks an empty slot. */
  private slots: Int32Array;
  /** Slots − 1 (the number of slots is a power of two). */
  private mask: number;
  private size = 0;

  /**
   * @param ids - The store the indices refer to; the caller adds to it before `add`.
   * @param expected - How many ids are expected (the table is sized for them at once).
   */
  constructor(
    private readonly ids: IdStore,
    expected = 1 << 14,
  ) {
    let slots = 1 << 16;
    while (slots * 3 < expected * 4) slots *= 2;
    this.slots = new Int32Array(slots * 2);
    this.mask = slots - 1;
  }

  /**
   * Adds id `i` of the store.
   * @param h - Its hash, when known ({@link IdStore.lastHash} right after adding it).
   * @returns The index of an earlier equal id, or -1 when id `i` is new.
   */
  add(i: number, h = this.ids.hash(i)): number {
    if ((this.size + 1) * 4 > (this.mask + 1) * 3) this.grow();
    const ids = this.ids;
    const slots = this.slots;
    let s = h & this.mask;
    for (;;) {
      const at = slots[2 * s + 1]!;
      if (at === 0) break;
      if (slots[2 * s] === h && ids.equals(at - 1, i)) return at - 1;
      s = (s + 1) & this.mask;
    }
    slots[2 * s] = h;
    slots[2 * s + 1] = i + 1;
    this.size++;
    return -1;
  }

  /**
   * Finds `id` among the store's ids in the table, without adding anything.
   * @param h - Its hash ({@link idHash}), when known.
   * @returns The index of the equal id, or -1.
   */
  find(id: string, h = idHash(id)): number {
    const ids = this.ids;
    const slots = this.slots;
    for (let s = h & this.mask; ; s = (s + 1) & this.mask) {
      const at = slots[2 * s + 1]!;
      if (at === 0) return -1;
      if (slots[2 * s] === h && ids.compare(at - 1, id) === 0) return at - 1;
    }
  }

  private grow(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const mask = (this.mask = (slots.length >> 1) - 1);
    for (let k = 0; k < old.length; k += 2) {
      const at = old[k + 1]!;
      if (at === 0) continue;
      const h = old[k]!;
      let s = h & mask;
      while (slots[2 * s + 1] !== 0) s = (s + 1) & mask;
      slots[2 * s] = h;
      slots[2 * s + 1] = at;
    }
    this.slots = slots;
  }
}
