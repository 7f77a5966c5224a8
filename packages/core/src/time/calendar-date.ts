import { IssueCode } from "../errors/codes";
import { invalidArgument } from "../errors/validate";
import { text } from "../i18n/locale";
import type { CalendarDate } from "./types";

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/**
 * Whether a string is a real calendar date in `YYYY-MM-DD` form (leap days included).
 * @example
 * isCalendarDate("2024-02-29") //=> true
 * isCalendarDate("2025-02-29") //=> false
 * @category Time
 */
export function isCalendarDate(value: unknown): value is CalendarDate {
  if (typeof value !== "string") return false;
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

/**
 * Number of days in a month (1–12) of a year.
 * @example
 * daysInMonth(2024, 2) //=> 29
 * @category Time
 */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Splits a calendar date into numbers.
 * @example
 * dateParts("2026-09-01") //=> { year: 2026, month: 9, day: 1 }
 * @category Time
 */
export function dateParts(date: CalendarDate): { year: number; month: number; day: number } {
  if (typeof date !== "string" || date.length !== 10 || date[4] !== "-" || date[7] !== "-") {
    throw invalidDate(date);
  }
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  if (!(year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= 31)) throw invalidDate(date);
  return { year, month, day };
}

function invalidDate(date: unknown): Error {
  return invalidArgument(
    "date",
    IssueCode.CALENDAR_DATE,
    text("应为 YYYY-MM-DD 格式的日期", "expected a date as YYYY-MM-DD"),
    date,
  );
}

function requireInteger(n: number, path: string): void {
  if (!Number.isInteger(n)) {
    throw invalidArgument(path, "invalid_type", text("应为整数", "expected an integer"), n);
  }
}

/**
 * Builds a calendar date from numbers (month 1–12).
 * @example
 * makeDate(2026, 9, 1) //=> "2026-09-01"
 * @category Time
 */
export function makeDate(year: number, month: number, day: number): CalendarDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}` as CalendarDate;
}

/**
 * Days since 1970-01-01 for a calendar date: a zone-free ordinal for date arithmetic.
 * @example
 * dayNumber("1970-01-02") //=> 1
 * @category Time
 */
export function dayNumber(date: CalendarDate): number {
  const { year, month, day } = dateParts(date);
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

/**
 * The calendar date of a day number (inverse of {@link dayNumber}).
 * @example
 * fromDayNumber(1) //=> "1970-01-02"
 * @category Time
 */
export function fromDayNumber(n: number): CalendarDate {
  requireInteger(n, "dayNumber");
  const d = new Date(n * DAY_MS);
  return makeDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * Adds (or subtracts) whole days to a calendar date.
 * @example
 * addDays("2024-02-28", 1) //=> "2024-02-29"
 * @category Time
 */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  requireInteger(days, "days");
  return fromDayNumber(dayNumber(date) + days);
}

/**
 * Adds months, clamping to the month's last day.
 * @example
 * addMonths("2024-01-31", 1) //=> "2024-02-29"
 * @category Time
 */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  requireInteger(months, "months");
  const { year, month, day } = dateParts(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return makeDate(y, m, Math.min(day, daysInMonth(y, m)));
}

/**
 * Days from `a` to `b` (`b - a`).
 * @example
 * daysBetween("2026-02-28", "2026-03-01") //=> 1
 * @category Time
 */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return dayNumber(b) - dayNumber(a);
}

/**
 * Compares two calendar dates for sorting: negative, zero or positive.
 * @example
 * compareDates("2026-01-01", "2026-01-02") //=> -1
 * @category Time
 */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Completed years of age on a date. A child born on 29 February turns a year older on
 * 1 March in common years.
 * @example
 * ageOn("2010-06-01", "2026-05-31") //=> 15
 * ageOn("2010-06-01", "2026-06-01") //=> 16
 * @category Time
 */
export function ageOn(birthDate: CalendarDate, asOf: CalendarDate): number {
  const b = dateParts(birthDate);
  const a = dateParts(asOf);
  let age = a.year - b.year;
  if (a.month < b.month || (a.month === b.month && a.day < b.day)) age -= 1;
  return age;
}

/**
 * The date on which someone born on `birthDate` reaches `years` of age.
 * @example
 * birthdayOfAge("2008-02-29", 16) //=> "2024-02-29"
 * birthdayOfAge("2008-02-29", 17) //=> "2025-03-01"
 * @category Time
 */
export function birthdayOfAge(birthDate: CalendarDate, years: number): CalendarDate {
  requireInteger(years, "years");
  const { year, month, day } = dateParts(birthDate);
  const y = year + years;
  if (month === 2 && day === 29 && daysInMonth(y, 2) === 28) return makeDate(y, 3, 1);
  return makeDate(y, month, day);
}

/**
 * Whether `date` lies in the closed range `[from, to]`; an absent `to` means open-ended.
 * @example
 * inRange("2026-03-01", "2026-01-01", undefined) //=> true
 * @category Time
 */
export function inRange(
  date: CalendarDate,
  from: CalendarDate,
  to: CalendarDate | undefined,
): boolean {
  return date >= from && (to === undefined || date <= to);
}
