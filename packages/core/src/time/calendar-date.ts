import { IssueCode } from "../errors/codes";
import { invalidArgument } from "../errors/validate";
import { text } from "../i18n/locale";
import { civilDayNumber, monthLength } from "./civil-day";
import type { CalendarDate } from "./types";

/** Day numbers of 0000-01-01 and 9999-12-31, the range of four-digit years. */
const FIRST_DAY = -719_528;
const LAST_DAY = 2_932_896;

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : NaN;
}

/** The parts of a real `YYYY-MM-DD` date, or `undefined`. */
function parse(value: unknown): { year: number; month: number; day: number } | undefined {
  if (typeof value !== "string" || value.length !== 10) return undefined;
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return undefined;
  const year =
    digit(value, 0) * 1000 + digit(value, 1) * 100 + digit(value, 2) * 10 + digit(value, 3);
  const month = digit(value, 5) * 10 + digit(value, 6);
  const day = digit(value, 8) * 10 + digit(value, 9);
  // NaN fails every comparison, so a non-digit anywhere ends here.
  if (!(month >= 1 && month <= 12 && day >= 1 && year >= 0)) return undefined;
  return day <= monthLength(year, month) ? { year, month, day } : undefined;
}

/**
 * Whether a string is a real calendar date in `YYYY-MM-DD` form (leap days included).
 * @param value - Anything.
 * @returns `true` for a real date such as `2024-02-29`.
 * @example
 * isCalendarDate("2024-02-29") //=> true
 * isCalendarDate("2025-02-29") //=> false
 * @category Time
 */
export function isCalendarDate(value: unknown): value is CalendarDate {
  return parse(value) !== undefined;
}

function requireInteger(n: unknown, path: string, min: number, max: number): void {
  if (!Number.isInteger(n)) {
    throw invalidArgument(path, "invalid_type", text("应为整数", "expected an integer"), n);
  }
  if ((n as number) < min || (n as number) > max) {
    throw invalidArgument(
      path,
      (n as number) < min ? "too_small" : "too_big",
      text(`应在 ${min} 到 ${max} 之间`, `expected ${min} to ${max}`),
      n,
    );
  }
}

/**
 * Number of days in a month (1–12) of a year (0–9999, proleptic Gregorian).
 * @param year - The year.
 * @param month - The month, 1–12.
 * @returns 28 to 31.
 * @throws ValidationError for a year or month out of range or not an integer.
 * @example
 * daysInMonth(2024, 2) //=> 29
 * @category Time
 */
export function daysInMonth(year: number, month: number): number {
  requireInteger(year, "year", 0, 9999);
  requireInteger(month, "month", 1, 12);
  return monthLength(year, month);
}

/**
 * Splits a calendar date into numbers.
 * @param date - A real `YYYY-MM-DD` date.
 * @param path - The argument's name, for the error.
 * @returns Year, month (1–12) and day.
 * @throws ValidationError for anything but a real date (`2026-02-30` included).
 * @example
 * dateParts("2026-09-01") //=> { year: 2026, month: 9, day: 1 }
 * @category Time
 */
export function dateParts(
  date: CalendarDate,
  path = "date",
): { year: number; month: number; day: number } {
  const parts = parse(date);
  if (!parts) throw invalidDate(date, path);
  return parts;
}

function invalidDate(date: unknown, path: string): Error {
  return invalidArgument(
    path,
    IssueCode.CALENDAR_DATE,
    text("应为真实存在的日期，格式 YYYY-MM-DD", "expected a real date as YYYY-MM-DD"),
    date,
  );
}

/**
 * Builds a calendar date from numbers.
 * @param year - 0–9999.
 * @param month - 1–12.
 * @param day - 1 to the month's last day.
 * @returns The date as `YYYY-MM-DD`.
 * @throws ValidationError for numbers that make no real date (`makeDate(2026, 2, 30)`).
 * @example
 * makeDate(2026, 9, 1) //=> "2026-09-01"
 * @category Time
 */
export function makeDate(year: number, month: number, day: number): CalendarDate {
  requireInteger(day, "day", 1, daysInMonth(year, month));
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}` as CalendarDate;
}

/**
 * Days since 1970-01-01 for a calendar date: a zone-free ordinal for date arithmetic
 * (proleptic Gregorian, years 0–9999).
 * @param date - A real `YYYY-MM-DD` date.
 * @returns The day number, negative before 1970.
 * @throws ValidationError for anything but a real date.
 * @example
 * dayNumber("1970-01-02") //=> 1
 * @category Time
 */
export function dayNumber(date: CalendarDate): number {
  const { year, month, day } = dateParts(date);
  return civilDayNumber(year, month, day);
}

/**
 * The calendar date of a day number (inverse of {@link dayNumber}).
 * @param n - An integer day number between those of 0000-01-01 and 9999-12-31.
 * @returns The date.
 * @throws ValidationError for a non-integer or a day outside four-digit years.
 * @example
 * fromDayNumber(1) //=> "1970-01-02"
 * @category Time
 */
export function fromDayNumber(n: number): CalendarDate {
  requireInteger(n, "dayNumber", FIRST_DAY, LAST_DAY);
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return makeDate(yoe + era * 400 + (month <= 2 ? 1 : 0), month, day);
}

/**
 * Adds (or subtracts) whole days to a calendar date.
 * @param date - A real `YYYY-MM-DD` date.
 * @param days - A whole number of days.
 * @returns The date `days` later.
 * @throws ValidationError for an impossible date (`2026-02-30`) or a non-integer.
 * @example
 * addDays("2024-02-28", 1) //=> "2024-02-29"
 * @category Time
 */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  requireInteger(days, "days", FIRST_DAY - LAST_DAY, LAST_DAY - FIRST_DAY);
  const n = dayNumber(date);
  // Named by the argument that takes the date past a four-digit year.
  requireInteger(days, "days", FIRST_DAY - n, LAST_DAY - n);
  return fromDayNumber(n + days);
}

/**
 * Adds months, clamping to the month's last day.
 * @example
 * addMonths("2024-01-31", 1) //=> "2024-02-29"
 * @category Time
 */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  requireInteger(months, "months", -120_000, 120_000);
  const { year, month, day } = dateParts(date);
  const index = year * 12 + (month - 1) + months;
  requireInteger(
    months,
    "months",
    -(year * 12 + month - 1),
    9999 * 12 + 11 - (year * 12 + month - 1),
  );
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
 * @param a - A real `YYYY-MM-DD` date.
 * @param b - Another.
 * @returns Negative when `a` is earlier, zero when equal, positive when later.
 * @throws ValidationError naming `a` or `b` when it is not a real date.
 * @example
 * compareDates("2026-01-01", "2026-01-02") //=> -1
 * @category Time
 */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  dateParts(a, "a");
  dateParts(b, "b");
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Completed years of age on a date. A child born on 29 February turns a year older on
 * 1 March in common years.
 * @param birthDate - A real `YYYY-MM-DD` date.
 * @param asOf - A real `YYYY-MM-DD` date.
 * @returns Whole years from `birthDate` to `asOf`.
 * @throws ValidationError naming `birthDate` or `asOf` when either is not a real date.
 * @example
 * ageOn("2010-06-01", "2026-05-31") //=> 15
 * ageOn("2010-06-01", "2026-06-01") //=> 16
 * @category Time
 */
export function ageOn(birthDate: CalendarDate, asOf: CalendarDate): number {
  const b = dateParts(birthDate, "birthDate");
  const a = dateParts(asOf, "asOf");
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
  requireInteger(years, "years", -9999, 9999);
  const { year, month, day } = dateParts(birthDate);
  const y = year + years;
  if (month === 2 && day === 29 && daysInMonth(y, 2) === 28) return makeDate(y, 3, 1);
  return makeDate(y, month, day);
}

/**
 * Whether `date` lies in the closed range `[from, to]`; an absent `to` means open-ended.
 * @param date - A real `YYYY-MM-DD` date.
 * @param from - First day of the range.
 * @param to - Last day, or `undefined` for open-ended.
 * @returns Whether `from ≤ date ≤ to`.
 * @throws ValidationError naming the argument that is not a real date.
 * @example
 * inRange("2026-03-01", "2026-01-01", undefined) //=> true
 * @category Time
 */
export function inRange(
  date: CalendarDate,
  from: CalendarDate,
  to: CalendarDate | undefined,
): boolean {
  dateParts(date);
  dateParts(from, "from");
  if (to !== undefined) dateParts(to, "to");
  return date >= from && (to === undefined || date <= to);
}
