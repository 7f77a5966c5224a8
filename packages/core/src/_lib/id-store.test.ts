import { describe, expect, it } from "vitest";
import { IdStore } from "./id-store";

describe("IdStore", () => {
  it("gives back every id as given, across growths and a switch to two-byte characters", () => {
    const given: string[] = [];
    const store = new IdStore(4);
    for (let i = 0; i < 5000; i++) {
      const id =
        i === 3000 ? "记录-é-" + i : i % 7 === 0 ? "" : `r-${i.toString(36)}-${"x".repeat(i % 70)}`;
      given.push(id);
      expect(store.add(id)).toBe(i);
    }
    expect(store.n).toBe(5000);
    expect(given.every((id, i) => store.get(i) === id)).toBe(true);
    // The hash found while copying is the hash of the stored characters.
    expect(store.lastHash).toBe(store.hash(4999));
    store.trim();
    expect(given.every((id, i) => store.get(i) === id)).toBe(true);
    expect(store.add("ÿĀ")).toBe(5000);
    expect(store.get(5000)).toBe("ÿĀ");
  });

  it("switches to two bytes in the middle of an id without losing its first characters", () => {
    const store = new IdStore(1);
    store.add("ab");
    store.add("cd王e");
    expect(store.lastHash).toBe(store.hash(1));
    expect([store.get(0), store.get(1)]).toEqual(["ab", "cd王e"]);
  });

  it("sizes for the expected count at the ids' mean length once they outgrow the first guess", () => {
    const store = new IdStore(10_000);
    const chars = () => (store as unknown as { chars: Uint8Array | Uint16Array }).chars;
    const ids = Array.from({ length: 10_000 }, (_, i) => `county-0042-record-${i}`.padEnd(30, "x"));
    ids[8_000] = "记录-" + ids[8_000];
    let resized = 0;
    let last = chars();
    for (const id of ids) {
      store.add(id);
      if (chars() !== last) resized++;
      last = chars();
    }
    // One growth to the projected size (30 characters an id), one to two-byte characters.
    expect(resized).toBe(2);
    expect(ids.every((id, i) => store.get(i) === id)).toBe(true);
    expect(store.lastHash).toBe(store.hash(9_999));
    // Sized from the expected count, the store is not copied to trim an eighth of slack …
    const full = chars();
    store.trim();
    expect(chars()).toBe(full);
    // … but it is when more than a quarter is empty, and adding after a trim still works.
    const sparse = new IdStore(4_000);
    for (const id of ids.slice(0, 1_000)) sparse.add(id);
    const before = (sparse as unknown as { chars: Uint8Array }).chars.length;
    sparse.trim();
    const after = (sparse as unknown as { chars: Uint8Array }).chars.length;
    expect([before, after]).toEqual([4_000 * 16, 1_000 * 30]);
    expect(sparse.add("after-trim")).toBe(1_000);
    expect(ids.slice(0, 1_000).every((id, i) => sparse.get(i) === id)).toBe(true);
    expect(sparse.get(1_000)).toBe("after-trim");
  });

  it("compares and hashes as the strings would", () => {
    const ids = ["b", "a", "ab", "", "b", "aé", "a王", "a\u00ff", "A"];
    const store = new IdStore();
    for (const id of ids) store.add(id);
    const sign = (x: number) => Math.sign(x);
    for (let i = 0; i < ids.length; i++) {
      for (let j = 0; j < ids.length; j++) {
        const want = ids[i]! < ids[j]! ? -1 : ids[i]! > ids[j]! ? 1 : 0;
        expect(sign(store.compare(i, j))).toBe(want);
        expect(sign(store.compare(i, ids[j]!))).toBe(want);
        expect(store.equals(i, j)).toBe(want === 0);
        if (want === 0) expect(store.hash(i)).toBe(store.hash(j));
      }
    }
  });
});
