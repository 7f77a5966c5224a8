import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  addDays,
  addMonths,
  ageOn,
  birthdayOfAge,
  dayNumber,
  daysBetween,
  fromDayNumber,
  isCalendarDate,
  makeDate,
} from "./calendar-date";

const dateArb = fc
  .date({
    min: new Date("1950-01-01T00:00:00Z"),
    max: new Date("2100-12-31T00:00:00Z"),
    noInvalidDate: true,
  })
  .map((d) => makeDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()));

describe("calendar dates", () => {
  test("accepts real dates and rejects impossible ones", () => {
    expect(isCalendarDate("2024-02-29")).toBe(true);
    expect(isCalendarDate("2025-02-29")).toBe(false);
    expect(isCalendarDate("2026-04-31")).toBe(false);
    expect(isCalendarDate("2026-13-01")).toBe(false);
    expect(isCalendarDate("2026-1-01")).toBe(false);
    expect(isCalendarDate(20260101)).toBe(false);
  });

  test("month ends and leap days", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2025-02-28", 1)).toBe("2025-03-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2026-03-31", -1)).toBe("2026-02-28");
    expect(daysBetween("2026-02-28", "2026-03-01")).toBe(1);
  });

  test("a sum past a four-digit year names days or months, not an internal name", () => {
    for (const [call, path] of [
      [() => addDays("9999-12-31", 7), "days"],
      [() => addDays("0000-01-01", -1), "days"],
      [() => addMonths("9999-12-31", 1), "months"],
      [() => addMonths("0000-01-31", -1), "months"],
    ] as const) {
      expect(call).toThrow(
        expect.objectContaining({ issues: [expect.objectContaining({ path })] }),
      );
    }
    expect(addDays("9999-12-24", 7)).toBe("9999-12-31");
    expect(addMonths("9999-11-30", 1)).toBe("9999-12-30");
    expect(addMonths("0000-02-29", -1)).toBe("0000-01-29");
  });

  test("day numbers round-trip", () => {
    fc.assert(fc.property(dateArb, (d) => fromDayNumber(dayNumber(d)) === d));
    fc.assert(
      fc.property(
        dateArb,
        fc.integer({ min: -5000, max: 5000 }),
        (d, n) => daysBetween(d, addDays(d, n)) === n,
      ),
    );
  });

  test("age changes exactly on the birthday, leap-day births on 1 March", () => {
    expect(ageOn("2010-06-01", "2026-05-31")).toBe(15);
    expect(ageOn("2010-06-01", "2026-06-01")).toBe(16);
    expect(birthdayOfAge("2008-02-29", 16)).toBe("2024-02-29");
    expect(birthdayOfAge("2008-02-29", 17)).toBe("2025-03-01");
    expect(ageOn("2008-02-29", "2025-02-28")).toBe(16);
    expect(ageOn("2008-02-29", "2025-03-01")).toBe(17);
  });

  test("ageOn agrees with birthdayOfAge for every birth date", () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 30 }), (birth, years) => {
        const day = birthdayOfAge(birth, years);
        return ageOn(birth, day) === years && ageOn(birth, addDays(day, -1)) === years - 1;
      }),
    );
  });
});
