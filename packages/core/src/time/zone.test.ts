import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { propertyRuns } from "../_lib/fuzz.test-helper";
import { dateInZone, instantMs, isInstant, isTimeZone, startOfDateInZone } from "./zone";

describe("zones", () => {
  test("01:00 Beijing time on 1 March is March in Shanghai, February in UTC", () => {
    expect(dateInZone("2026-03-01T01:00:00+08:00", "Asia/Shanghai")).toBe("2026-03-01");
    expect(dateInZone("2026-03-01T01:00:00+08:00", "UTC")).toBe("2026-02-28");
  });

  test("midnight edges and leap days", () => {
    expect(dateInZone("2024-02-28T16:00:00Z", "Asia/Shanghai")).toBe("2024-02-29");
    expect(dateInZone("2024-02-28T15:59:59.999Z", "Asia/Shanghai")).toBe("2024-02-28");
    expect(startOfDateInZone("2026-03-01", "Asia/Shanghai")).toBe("2026-02-28T16:00:00.000Z");
  });

  test("the fast Shanghai path agrees with Intl for any instant", () => {
    const intl = new Intl.DateTimeFormat("en-CA", {
      timeZone: "Asia/Shanghai",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 700_000_000_000, max: 4_000_000_000_000 }),
        (ms) => dateInZone(ms, "Asia/Shanghai") === intl.format(new Date(ms)),
      ),
    );
  });

  test("other zones go through Intl, including DST", () => {
    expect(dateInZone("2026-03-08T07:30:00Z", "America/New_York")).toBe("2026-03-08");
    expect(dateInZone("2026-03-08T04:30:00Z", "America/New_York")).toBe("2026-03-07");
  });

  test("instant and zone checks", () => {
    expect(isInstant("2026-03-01T01:00:00+08:00")).toBe(true);
    expect(isInstant("2026-03-01T01:00:00Z")).toBe(true);
    expect(isInstant("2026-03-01T01:00:00")).toBe(false);
    expect(isInstant("2026-03-01")).toBe(false);
    expect(isInstant("2026-02-30T01:00:00+08:00")).toBe(false);
    expect(isInstant("2026-03-01T24:00:00+08:00")).toBe(false);
    expect(isTimeZone("Asia/Shanghai")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(isTimeZone(42)).toBe(false);
  });
});

describe("bad arguments", () => {
  test("an unknown zone or a malformed instant is a ValidationError, not a RangeError", async () => {
    const { ValidationError } = await import("../errors/errors");
    expect(() => dateInZone("2026-03-01T01:00:00+08:00", "Mars/Olympus")).toThrow(ValidationError);
    expect(() => dateInZone("not a date" as never, "Asia/Shanghai")).toThrow(ValidationError);
    // Date.parse would read these as 2 March and as local time: both are refused.
    expect(() => dateInZone("2026-02-30T10:00:00+08:00", "Asia/Shanghai")).toThrow(ValidationError);
    expect(() => instantMs("2026-02-30T10:00:00+08:00")).toThrow(ValidationError);
    expect(() => instantMs("2026-03-01T10:00:00")).toThrow(ValidationError);
    expect(instantMs("2026-03-01T10:00:00.250+08:00")).toBe(Date.parse("2026-03-01T02:00:00.25Z"));
    expect(() => startOfDateInZone("2026-03-01", "Nowhere/Here")).toThrow(ValidationError);
  });
});

describe("dateInZone before the year 1000", () => {
  const year1 = "0001-03-10T10:00:00+08:00";
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");

  test("writes the year with four digits, in every zone", () => {
    expect(dateInZone(year1, "Asia/Shanghai")).toBe("0001-03-10");
    expect(dateInZone(year1, "UTC")).toBe("0001-03-10");
    expect(dateInZone(year1, "America/New_York")).toBe("0001-03-09");
    expect(dateInZone("0999-12-31T20:00:00Z", "Asia/Tokyo")).toBe("1000-01-01");
    expect(dateInZone("0000-06-01T12:00:00Z", "Europe/Paris")).toBe("0000-06-01");
    // London's local mean time is 1 min 15 s behind UTC.
    expect(dateInZone("0500-06-01T00:00:30Z", "Europe/London")).toBe("0500-05-31");
  });

  test("agrees with Intl, its era taken into account, for years 0–1000", () => {
    const zones = ["America/New_York", "Asia/Manila", "Europe/London", "Asia/Kolkata", "UTC"];
    const eraFormat = new Map(
      zones.map((zone) => [
        zone,
        new Intl.DateTimeFormat("en-US", {
          timeZone: zone,
          era: "short",
          year: "numeric",
          month: "numeric",
          day: "numeric",
        }),
      ]),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse("0000-01-02T00:00:00Z"), max: Date.parse("1001-01-01Z") }),
        fc.constantFrom(...zones),
        (ms, zone) => {
          const parts = eraFormat.get(zone)!.formatToParts(new Date(ms));
          const part = (type: string) => parts.find((p) => p.type === type)!.value;
          const y = Number(part("year"));
          const year = part("era") === "BC" ? 1 - y : y;
          const expected = `${pad(year, 4)}-${pad(Number(part("month")))}-${pad(Number(part("day")))}`;
          expect(dateInZone(ms, zone)).toBe(expected);
        },
      ),
      { numRuns: propertyRuns(2000) },
    );
  });
});
