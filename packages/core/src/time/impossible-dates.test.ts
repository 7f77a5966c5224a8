import { describe, expect, it } from "vitest";
import { isParentAway } from "../classification";
import { ValidationError } from "../errors";
import type { Parent } from "../model";
import {
  addDays,
  addMonths,
  ageOn,
  birthdayOfAge,
  dayNumber,
  daysInMonth,
  fromDayNumber,
  makeDate,
  type CalendarDate,
} from "./index";

const d = (s: string) => s as CalendarDate;

function fails(run: () => unknown, path: string): void {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).issues[0]!.path).toBe(path);
    return;
  }
  throw new Error(`expected a ValidationError naming ${path}`);
}

const parent = {
  deceased: false,
  awayPeriods: [{ from: d("2024-02-20"), city: "深圳" }],
} as Pick<Parent, "awayPeriods" | "deceased">;

describe("impossible dates are refused, not rolled over", () => {
  it("addDays", () => {
    fails(() => addDays(d("2026-02-30"), 1), "date");
    fails(() => addDays(d("2026-13-01"), 1), "date");
    fails(() => addDays(d("+026-01-01"), 1), "date");
    fails(() => addDays(d("2026-01-01"), 1e12), "days");
    expect(addDays(d("2024-02-28"), 1)).toBe("2024-02-29");
  });

  it("ageOn names the argument at fault", () => {
    fails(() => ageOn(d("2014-04-02"), d("2026-02-30")), "asOf");
    fails(() => ageOn(d("2014-02-29"), d("2026-03-01")), "birthDate");
    expect(ageOn(d("2012-02-29"), d("2026-03-01"))).toBe(14);
  });

  it("isParentAway refuses an impossible or missing date", () => {
    fails(() => isParentAway(parent, d("2026-13-01")), "date");
    fails(() => isParentAway(parent, null as never), "date");
    fails(
      () => isParentAway({ deceased: false, awayPeriods: [null] } as never, d("2026-01-01")),
      "parent.awayPeriods",
    );
    expect(isParentAway(parent, d("2026-01-01"))).toBe(true);
  });

  it("makeDate and daysInMonth refuse numbers that make no date", () => {
    fails(() => makeDate(2026, 2, 30), "day");
    fails(() => makeDate(2026, 0, 1), "month");
    fails(() => makeDate(1e5, 1, 1), "year");
    fails(() => makeDate(NaN, 1, 1), "year");
    fails(() => daysInMonth(2026, 13), "month");
    fails(() => daysInMonth(2026.5, 1), "year");
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(makeDate(5, 3, 1)).toBe("0005-03-01");
  });

  it("day numbers cover the four-digit years exactly, years before 100 included", () => {
    expect(fromDayNumber(dayNumber(d("0000-01-01")))).toBe("0000-01-01");
    expect(fromDayNumber(dayNumber(d("9999-12-31")))).toBe("9999-12-31");
    expect(dayNumber(d("0004-03-01")) - dayNumber(d("0004-02-28"))).toBe(2);
    fails(() => fromDayNumber(dayNumber(d("9999-12-31")) + 1), "dayNumber");
    fails(() => addMonths(d("9999-12-01"), 1), "months");
    fails(() => addDays(d("9999-12-01"), 31), "days");
    fails(() => birthdayOfAge(d("2008-02-29"), 1e9), "years");
  });
});
