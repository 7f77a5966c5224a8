import { describe, expect, it } from "vitest";
import { instantMsOrNaN, isInstantMsInRange, plainInstantMs } from "./instant-ms";

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

const FORM =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|([+-])(\d{2}):?(\d{2}))$/;

/**
 * The answer by another road: the pattern, then `Date.parse`, kept only if the date and time
 * written are the ones `Date.parse` read (it rolls 30 February over to March and 24:00 over to
 * the next day; it refuses minute or second 60 and offsets beyond ±23:59 itself) and the instant
 * is in range.
 */
function reference(value: string): number {
  const m = FORM.exec(value);
  if (!m) return NaN;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return NaN;
  const offset = m[7] === "Z" ? 0 : (Number(m[9]) * 60 + Number(m[10])) * (m[8] === "+" ? 1 : -1);
  const wall = new Date(ms + offset * 60_000).toISOString();
  const written = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? "00"}`;
  return wall.slice(0, 19) === written && isInstantMsInRange(ms) ? ms : NaN;
}

describe("instantMsOrNaN", () => {
  it("agrees with Date.parse on plain instants that exist, and refuses the rest", () => {
    let seed = 12345;
    const rnd = (n: number) => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n;
    const tails = ["Z", "+08:00", "-05:30", "+00:00", "-00:00", "+23:59", "+24:00", "+08:60"];
    for (let k = 0; k < 20_000; k++) {
      const year = [0, 1, 99, 1900, 1970, 2000, 2024, 2026, 2100, 9999][rnd(10)]!;
      const s =
        `${pad(year, 4)}-${pad(rnd(14))}-${pad(rnd(33))}T${pad(rnd(26))}:${pad(rnd(62))}` +
        `:${pad(rnd(62))}${tails[rnd(tails.length)]}`;
      expect(Object.is(instantMsOrNaN(s), reference(s)), s).toBe(true);
      const plain = plainInstantMs(s);
      if (plain === plain) expect(plain, s).toBe(instantMsOrNaN(s));
    }
  });

  it("parses the other forms generally, with the same checks", () => {
    for (const s of [
      "2026-03-01T09:00+08:00",
      "2026-03-01T09:00:00.5Z",
      "2026-03-01T09:00:00.123456789-03:30",
      "2026-03-01T09:00:00+0800",
      "2026-03-01 09:00:00Z",
      "2026-03-01T09:00:00z",
      "2026-03-0aT09:00:00Z",
      "2026-02-29T09:00:00Z",
      "2024-02-29T09:00:00+08:00",
      "2026-03-01T09:00:00",
      "2026-02-30T09:00+08:00",
      "2026-02-30T09:00:00.000Z",
      "2026-04-31T09:00:00+0800",
      "2026-03-01T24:00+08:00",
      "2026-03-01T24:00:00.000Z",
      "2026-03-01T23:60Z",
      "2026-03-01T23:59:60.5Z",
      "2026-03-01T09:00:00.5+2400",
      "2026-03-01T09:00:00.5+0860",
      "2026-03-01T09:00:00.5+2359",
    ])
      expect(Object.is(instantMsOrNaN(s), reference(s)), s).toBe(true);
    expect(instantMsOrNaN(20260301)).toBeNaN();
  });

  it("refuses an impossible date or time, in every form, instead of rolling it over", () => {
    for (const s of [
      "2026-02-30T10:00:00+08:00",
      "2026-04-31T10:00:00+08:00",
      "2026-02-29T10:00:00Z",
      "1900-02-29T10:00:00Z",
      "2026-02-30T10:00+08:00",
      "2026-02-30T10:00:00.5+08:00",
      "2026-04-31T10:00:00+0800",
      "2026-03-01T24:00:00Z",
      "2026-03-01T24:00+08:00",
      "2026-03-01T23:60:00Z",
      "2026-03-01T23:59:60Z",
      "2026-03-01T10:00:00+24:00",
      "2026-03-01T10:00:00+08:60",
    ]) {
      expect(instantMsOrNaN(s), s).toBeNaN();
      expect(plainInstantMs(s), s).toBeNaN();
    }
    expect(instantMsOrNaN("2024-02-29T10:00:00+08:00")).toBe(Date.parse("2024-02-29T02:00:00Z"));
    expect(instantMsOrNaN("2000-02-29T10:00+08:00")).toBe(Date.parse("2000-02-29T02:00:00Z"));
    expect(instantMsOrNaN("2026-03-01T10:00:00+23:59")).toBe(Date.parse("2026-02-28T10:01:00Z"));
  });

  it("takes years 0000–9999 while the date has four digits in every zone", () => {
    expect(instantMsOrNaN("0001-03-10T10:00:00+08:00")).toBe(Date.parse("0001-03-10T02:00:00Z"));
    expect(instantMsOrNaN("0000-01-02T00:00:00Z")).toBe(Date.parse("0000-01-02T00:00:00Z"));
    expect(instantMsOrNaN("9999-12-29T00:00:00Z")).toBe(Date.parse("9999-12-29T00:00:00Z"));
    for (const s of [
      "0000-01-01T10:00:00+08:00",
      "0000-01-01T23:59:59.999Z",
      "9999-12-31T23:59:59+08:00",
      "9999-12-29T00:00:00.001Z",
    ])
      expect(instantMsOrNaN(s), s).toBeNaN();
  });
});
