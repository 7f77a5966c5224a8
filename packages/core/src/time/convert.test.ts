import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { ValidationError } from "../errors/errors";
import { toCalendarDate, toInstant } from "./convert";
import { dateInZone, isInstant } from "./zone";

describe("toCalendarDate", () => {
  test("reads the date forms schools export", () => {
    for (const text of [
      "2015-03-02",
      "2015-3-2",
      "2015/03/02",
      "2015.3.2",
      "2015年3月2日",
      "20150302",
    ]) {
      expect(toCalendarDate(text, "Asia/Shanghai")).toBe("2015-03-02");
    }
    expect(toCalendarDate(" 2024-02-29 ", "Asia/Shanghai")).toBe("2024-02-29");
  });

  test("a DATETIME is already wall time: its date part, whatever the zone", () => {
    expect(toCalendarDate("2026-03-01 00:30:00", "Asia/Shanghai")).toBe("2026-03-01");
    expect(toCalendarDate("2026-03-01 00:30:00", "America/New_York")).toBe("2026-03-01");
  });

  test("a Date or an instant is read in the zone given", () => {
    const d = new Date("2026-02-28T17:00:00Z");
    expect(toCalendarDate(d, "Asia/Shanghai")).toBe("2026-03-01");
    expect(toCalendarDate(d, "UTC")).toBe("2026-02-28");
    expect(toCalendarDate("2026-02-28T17:00:00Z", "Asia/Shanghai")).toBe("2026-03-01");
  });

  test("a date that does not exist, other text, a bad Date or zone is a ValidationError", () => {
    for (const bad of ["2025-02-29", "2026-13-01", "yesterday", "", "2026-03-01 25:00:00"]) {
      expect(() => toCalendarDate(bad, "Asia/Shanghai")).toThrow(ValidationError);
    }
    expect(() => toCalendarDate(new Date(Number.NaN), "Asia/Shanghai")).toThrow(ValidationError);
    expect(() => toCalendarDate(42 as never, "Asia/Shanghai")).toThrow(ValidationError);
    expect(() => toCalendarDate("2026-03-01", "Mars/Olympus")).toThrow(ValidationError);
    try {
      toCalendarDate("2025-02-29", "Asia/Shanghai");
    } catch (e) {
      expect((e as ValidationError).issues[0]?.path).toBe("date");
      expect((e as ValidationError).issues[0]?.message["zh-CN"]).toContain("应为日期");
    }
  });

  test("any Date's calendar date in Shanghai agrees with dateInZone", () => {
    fc.assert(
      fc.property(fc.integer({ min: 700_000_000_000, max: 4_000_000_000_000 }), (ms) => {
        return toCalendarDate(new Date(ms), "Asia/Shanghai") === dateInZone(ms, "Asia/Shanghai");
      }),
    );
  });
});

describe("toInstant", () => {
  test("an instant that does not exist is refused, not rolled over", async () => {
    const { ValidationError } = await import("../errors/errors");
    for (const s of ["2026-02-30T10:00:00+08:00", "2026-04-31T10:00:00Z", "2026-03-01T24:00:00Z"]) {
      expect(() => toInstant(s, "Asia/Shanghai"), s).toThrow(ValidationError);
      expect(() => toCalendarDate(s, "Asia/Shanghai"), s).toThrow(ValidationError);
    }
    expect(() => toInstant(new Date(8.64e15), "Asia/Shanghai")).toThrow(ValidationError);
    expect(() => toInstant("0000-01-01 00:00:00", "Asia/Shanghai")).toThrow(ValidationError);
    expect(toInstant("2024-02-29T10:00:00Z", "Asia/Shanghai")).toBe("2024-02-29T10:00:00Z");
    // Years below 100 are not read as 19xx; Shanghai kept local mean time then.
    expect(toInstant("0001-03-10 10:00:00", "Asia/Shanghai")).toBe("0001-03-10T10:00:00+08:05");
    expect(toInstant("0099-12-31", "UTC")).toBe("0099-12-31T00:00:00+00:00");
  });

  test("DATETIME text is wall time in the zone given", () => {
    expect(toInstant("2026-03-01 09:30:00", "Asia/Shanghai")).toBe("2026-03-01T09:30:00+08:00");
    expect(toInstant("2026-03-01 09:30", "UTC")).toBe("2026-03-01T09:30:00+00:00");
    expect(toInstant("2026-07-01 09:30:00.25", "America/New_York")).toBe(
      "2026-07-01T09:30:00.250-04:00",
    );
    expect(toInstant("2026-03-01", "Asia/Shanghai")).toBe("2026-03-01T00:00:00+08:00");
  });

  test("a Date keeps its moment, written with the zone's offset", () => {
    expect(toInstant(new Date("2026-03-01T01:30:00Z"), "Asia/Shanghai")).toBe(
      "2026-03-01T09:30:00+08:00",
    );
  });

  test("an instant with an offset is kept as it is", () => {
    expect(toInstant("2026-03-01T09:30:00Z", "Asia/Shanghai")).toBe("2026-03-01T09:30:00Z");
  });

  test("a wall time skipped by daylight saving, or other text, is a ValidationError", () => {
    try {
      toInstant("2026-03-08 02:30:00", "America/New_York");
      expect.unreachable();
    } catch (e) {
      expect((e as ValidationError).issues[0]?.message.en).toContain("does not exist");
    }
    expect(() => toInstant("09:30", "Asia/Shanghai")).toThrow(ValidationError);
    expect(() => toInstant("2026-03-01 09:30:00", "Nowhere/Here")).toThrow(ValidationError);
  });

  test("round trip: any moment, written in any of these zones, is the same moment", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 700_000_000_000, max: 4_000_000_000_000 }),
        fc.constantFrom("Asia/Shanghai", "UTC", "America/New_York", "Asia/Kolkata"),
        (ms, zone) => {
          const instant = toInstant(new Date(ms), zone);
          return isInstant(instant) && Date.parse(instant) === ms;
        },
      ),
    );
  });
});
