import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { dateInZone, isInstant, isTimeZone, startOfDateInZone } from "./zone";

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
    expect(() => startOfDateInZone("2026-03-01", "Nowhere/Here")).toThrow(ValidationError);
  });
});
