import { validate } from "../errors/validate";
import { text } from "../i18n";
import { CalendarDateSchema } from "../model/primitives";
import { dayNumber } from "../time/calendar-date";
import type { CalendarDate } from "../time/types";
import {
  SchoolCalendarSchema,
  weekdayOfDay,
  type Holiday,
  type SchoolCalendar,
  type SchoolCalendarInput,
  type Term,
} from "./schema";
import { deepFreeze } from "../_lib/freeze";

const SUBJECT = text("校历", "school calendar");

/**
 * Validates a school calendar and returns it frozen, with defaults applied.
 * @param input - Terms, holidays and make-up days as the host supplies them.
 * @returns The validated calendar.
 * @throws ValidationError naming the field (overlapping terms, end before start…).
 * @example
 * const cal = createSchoolCalendar({ id: "c", name: "校历", terms: [{ id: "t", name: "秋季学期", start: "2026-09-01", end: "2027-01-22" }] });
 * cal.holidays //=> []
 * @category Calendar
 */
export function createSchoolCalendar(input: SchoolCalendarInput | SchoolCalendar): SchoolCalendar {
  const cal = validate(SchoolCalendarSchema, input, { subject: SUBJECT });
  return deepFreeze(cal);
}

/**
 * A school-day lookup over a range of day numbers, built once and read in O(1).
 * @internal
 */
export interface SchoolDayIndex {
  readonly first: number;
  readonly last: number;
  /** 1 where the day is a school day. Index `day - first`. */
  readonly mask: Uint8Array;
  /** Prefix sums: `prefix[i]` = school days in `[first, first + i)`. */
  readonly prefix: Int32Array;
}

/**
 * Builds a {@link SchoolDayIndex} for `[first, last]` (day numbers). Days outside every term are
 * not school days.
 * @internal
 */
export function buildSchoolDayIndex(
  cal: SchoolCalendar,
  first: number,
  last: number,
): SchoolDayIndex {
  const n = Math.max(0, last - first + 1);
  const mask = new Uint8Array(n);
  for (const t of cal.terms) {
    const a = Math.max(first, dayNumber(t.start));
    const b = Math.min(last, dayNumber(t.end));
    for (let d = a; d <= b; d++) if (weekdayOfDay(d) <= 5) mask[d - first] = 1;
  }
  for (const h of cal.holidays) {
    const a = Math.max(first, dayNumber(h.from));
    const b = Math.min(last, dayNumber(h.to));
    for (let d = a; d <= b; d++) mask[d - first] = 0;
  }
  for (const m of cal.makeUpDays) {
    const d = dayNumber(m);
    if (d >= first && d <= last) mask[d - first] = 1;
  }
  const prefix = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i]! + mask[i]!;
  return { first, last, mask, prefix };
}

/**
 * Whether a date is a school day: in a term, and a weekday that is not a holiday, or a make-up
 * school day (调休上课).
 * @param calendar - A school calendar.
 * @param date - The date asked about.
 * @example
 * isSchoolDay(EXAMPLE_CALENDAR_2026_27, "2026-10-02") //=> false (National Day)
 * isSchoolDay(EXAMPLE_CALENDAR_2026_27, "2026-09-01") //=> true
 * @category Calendar
 */
export function isSchoolDay(
  calendar: SchoolCalendarInput | SchoolCalendar,
  date: CalendarDate,
): boolean {
  const cal = validate(SchoolCalendarSchema, calendar, { subject: SUBJECT });
  const d = dayNumber(validate(CalendarDateSchema, date, { path: ["date"] }));
  return buildSchoolDayIndex(cal, d, d).mask[0] === 1;
}

/**
 * Number of school days in `[from, to]` (inclusive).
 * @example
 * schoolDaysBetween(EXAMPLE_CALENDAR_2026_27, "2026-09-28", "2026-10-04") //=> 3
 * @category Calendar
 */
export function schoolDaysBetween(
  calendar: SchoolCalendarInput | SchoolCalendar,
  from: CalendarDate,
  to: CalendarDate,
): number {
  const cal = validate(SchoolCalendarSchema, calendar, { subject: SUBJECT });
  const a = dayNumber(validate(CalendarDateSchema, from, { path: ["from"] }));
  const b = dayNumber(validate(CalendarDateSchema, to, { path: ["to"] }));
  if (b < a) return 0;
  const idx = buildSchoolDayIndex(cal, a, b);
  return idx.prefix[idx.prefix.length - 1]!;
}

/**
 * The term a date falls in, or `undefined` during a vacation.
 * @example
 * termOn(EXAMPLE_CALENDAR_2026_27, "2026-08-15") //=> undefined (summer holiday)
 * termOn(EXAMPLE_CALENDAR_2026_27, "2026-09-15")?.id //=> "2026-27-autumn"
 * @category Calendar
 */
export function termOn(
  calendar: SchoolCalendarInput | SchoolCalendar,
  date: CalendarDate,
): Term | undefined {
  const cal = validate(SchoolCalendarSchema, calendar, { subject: SUBJECT });
  const d = validate(CalendarDateSchema, date, { path: ["date"] });
  return cal.terms.find((t) => d >= t.start && d <= t.end);
}

/**
 * The holiday listed on a date, if any: a public holiday, a school day off, or a vacation the
 * calendar names (`kind: "vacation"`). Days outside every term that no holiday lists are still
 * no school days; this returns `undefined` for them.
 * @param calendar - A school calendar.
 * @param date - The day asked about.
 * @returns The first listed holiday holding the date, or `undefined`.
 * @example
 * holidayOn(EXAMPLE_CALENDAR_2026_27, "2026-10-01")?.name //=> "国庆节"
 * holidayOn(EXAMPLE_CALENDAR_2026_27, "2027-08-01")?.kind //=> "vacation" (暑假)
 * @category Calendar
 */
export function holidayOn(
  calendar: SchoolCalendarInput | SchoolCalendar,
  date: CalendarDate,
): Holiday | undefined {
  const cal = validate(SchoolCalendarSchema, calendar, { subject: SUBJECT });
  const d = validate(CalendarDateSchema, date, { path: ["date"] });
  return cal.holidays.find((h) => d >= h.from && d <= h.to);
}
