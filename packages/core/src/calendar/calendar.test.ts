import { thrown } from "../_lib/throws.test-helper";
import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors";
import {
  createSchoolCalendar,
  EXAMPLE_CALENDAR_2025_26,
  EXAMPLE_CALENDAR_2026_27,
  holidayOn,
  isSchoolDay,
  schoolDaysBetween,
  termOn,
} from "./index";

describe("school calendar", () => {
  it("marks the examples as examples", () => {
    expect(EXAMPLE_CALENDAR_2025_26.example).toBe(true);
    expect(EXAMPLE_CALENDAR_2026_27.example).toBe(true);
    expect(EXAMPLE_CALENDAR_2026_27.note).toMatch(/必须替换/);
    expect(Object.isFrozen(EXAMPLE_CALENDAR_2026_27.terms)).toBe(true);
  });

  it("knows holidays, make-up days, weekends and vacations", () => {
    const cal = EXAMPLE_CALENDAR_2026_27;
    expect(isSchoolDay(cal, "2026-09-01")).toBe(true); // Tuesday, first day
    expect(isSchoolDay(cal, "2026-10-02")).toBe(false); // National Day
    expect(isSchoolDay(cal, "2026-10-10")).toBe(true); // make-up Saturday
    expect(isSchoolDay(cal, "2026-09-20")).toBe(true); // make-up Sunday
    expect(isSchoolDay(cal, "2026-09-19")).toBe(false); // ordinary Saturday
    expect(isSchoolDay(cal, "2026-08-15")).toBe(false); // before the term
    expect(isSchoolDay(cal, "2027-02-10")).toBe(false); // winter vacation
    expect(isSchoolDay(EXAMPLE_CALENDAR_2025_26, "2025-10-08")).toBe(false); // Mid-Autumn merged with National Day
    expect(isSchoolDay(EXAMPLE_CALENDAR_2025_26, "2025-09-28")).toBe(true);
  });

  it("counts school days and finds terms and holidays", () => {
    expect(schoolDaysBetween(EXAMPLE_CALENDAR_2026_27, "2026-09-28", "2026-10-04")).toBe(3);
    expect(schoolDaysBetween(EXAMPLE_CALENDAR_2026_27, "2026-10-05", "2026-10-11")).toBe(3);
    expect(schoolDaysBetween(EXAMPLE_CALENDAR_2026_27, "2026-07-01", "2026-08-31")).toBe(0);
    expect(termOn(EXAMPLE_CALENDAR_2026_27, "2026-09-15")?.id).toBe("2026-27-autumn");
    expect(termOn(EXAMPLE_CALENDAR_2026_27, "2027-03-01")?.id).toBe("2026-27-spring");
    expect(termOn(EXAMPLE_CALENDAR_2026_27, "2026-08-15")).toBeUndefined();
    expect(holidayOn(EXAMPLE_CALENDAR_2026_27, "2026-10-01")?.name).toBe("国庆节");
    expect(holidayOn(EXAMPLE_CALENDAR_2026_27, "2026-10-09")).toBeUndefined();
  });

  it("rejects contradictory calendars with bilingual field paths", () => {
    const bad = () =>
      createSchoolCalendar({
        id: "x",
        name: "坏校历",
        terms: [
          { id: "a", name: "上", start: "2026-09-01", end: "2027-01-20" },
          { id: "b", name: "下", start: "2027-01-10", end: "2026-12-01" },
        ],
        makeUpDays: ["2026-08-01"],
      });
    expect(bad).toThrow(ValidationError);
    {
      const err = thrown(bad) as ValidationError;
      const paths = err.issues.map((i) => i.path);
      expect(paths).toContain("terms[1].end");
      expect(paths).toContain("makeUpDays[0]");
      expect(err.issues[0]!.message["zh-CN"]).toMatch(/学期/);
      expect(err.issues[0]!.message.en).toMatch(/term/);
    }
  });
});
