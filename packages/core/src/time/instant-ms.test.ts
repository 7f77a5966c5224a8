import { describe, expect, it } from "vitest";
import { instantMsOrNaN } from "./instant-ms";

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** The answer before the arithmetic fast path: the pattern, then `Date.parse`. */
function reference(value: string): number {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/.test(value)
    ? Date.parse(value)
    : NaN;
}

describe("instantMsOrNaN", () => {
  it("agrees with Date.parse on plain instants, in range or not", () => {
    let seed = 12345;
    const rnd = (n: number) => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n;
    const tails = ["Z", "+08:00", "-05:30", "+00:00", "-00:00", "+23:59", "+24:00", "+08:60"];
    for (let k = 0; k < 20_000; k++) {
      const year = [0, 1, 99, 1900, 1970, 2000, 2024, 2026, 2100, 9999][rnd(10)]!;
      const s =
        `${pad(year, 4)}-${pad(rnd(14))}-${pad(rnd(33))}T${pad(rnd(26))}:${pad(rnd(62))}` +
        `:${pad(rnd(62))}${tails[rnd(tails.length)]}`;
      expect(Object.is(instantMsOrNaN(s), reference(s)), s).toBe(true);
    }
  });

  it("leaves other forms to the general parse", () => {
    for (const s of [
      "2026-03-01T09:00+08:00",
      "2026-03-01T09:00:00.5Z",
      "2026-03-01T09:00:00+0800",
      "2026-03-01 09:00:00Z",
      "2026-03-01T09:00:00z",
      "2026-03-0aT09:00:00Z",
      "2026-02-29T09:00:00Z",
      "2024-02-29T09:00:00+08:00",
      "2026-03-01T09:00:00",
    ])
      expect(Object.is(instantMsOrNaN(s), reference(s)), s).toBe(true);
    expect(instantMsOrNaN(20260301)).toBeNaN();
  });
});
