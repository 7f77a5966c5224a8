import { TZDate } from "@date-fns/tz";
import { IssueCode } from "../errors/codes";
import { invalidArgument } from "../errors/validate";
import { text } from "../i18n/locale";
import { isCalendarDate, makeDate } from "./calendar-date";
import { DEFAULT_TIME_ZONE, type CalendarDate, type Instant, type TimeZone } from "./types";
import { isInstantMsInRange } from "./instant-ms";
import { dateInZone, isInstant, isTimeZone } from "./zone";

/** `2015-03-02`, `2015-3-2`, `2015/03/02`, `2015.3.2`, `2015年3月2日`. */
const DATE_TEXT = /^(\d{4})(?:[-/.](\d{1,2})[-/.](\d{1,2})|年(\d{1,2})月(\d{1,2})日)$/;
/** `20150302`, as in an ID number or a compact export. */
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
/** MySQL `DATETIME` / PostgreSQL `timestamp without time zone` text: wall time, no offset. */
const DATETIME_TEXT = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?$/;

function requireZone(zone: unknown): TimeZone {
  if (!isTimeZone(zone)) {
    throw invalidArgument(
      "zone",
      IssueCode.TIME_ZONE,
      text(
        "应为 IANA 时区名，如 Asia/Shanghai",
        "expected an IANA time-zone name such as Asia/Shanghai",
      ),
      zone,
    );
  }
  return zone;
}

function dateFromText(value: string): CalendarDate | undefined {
  const m = DATE_TEXT.exec(value) ?? COMPACT_DATE.exec(value);
  if (!m) return undefined;
  const month = Number(m[2] ?? m[4]);
  const day = Number(m[3] ?? m[5]);
  return realDate(Number(m[1]), month, day);
}

/** The date of these numbers, or `undefined` when they make none (`2026-02-30`). */
function realDate(year: number, month: number, day: number): CalendarDate | undefined {
  const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  return isCalendarDate(date) ? date : undefined;
}

interface WallTime {
  readonly date: CalendarDate;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly ms: number;
}

function wallTimeFromText(value: string): WallTime | undefined {
  const m = DATETIME_TEXT.exec(value);
  if (!m) return undefined;
  const date = realDate(Number(m[1]), Number(m[2]), Number(m[3]));
  const [hour, minute, second] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  if (date === undefined || hour > 23 || minute > 59 || second > 59) return undefined;
  return { date, hour, minute, second, ms: Number((m[7] ?? "0").padEnd(3, "0").slice(0, 3)) };
}

/** 400 Gregorian years, after which the calendar repeats. */
const CYCLE_MS = 146_097 * 86_400_000;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/** An instant written with the offset `zone` has at that moment: `2026-03-01T09:00:00+08:00`. */
function formatInZone(ms: number, zone: TimeZone): Instant {
  const t = new TZDate(ms, zone);
  const offset = -t.getTimezoneOffset();
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  const fraction = t.getMilliseconds() === 0 ? "" : `.${pad(t.getMilliseconds(), 3)}`;
  return (
    `${makeDate(t.getFullYear(), t.getMonth() + 1, t.getDate())}` +
    `T${pad(t.getHours())}:${pad(t.getMinutes())}:${pad(t.getSeconds())}${fraction}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/**
 * A calendar date from what a database or a spreadsheet gives: a `Date` (a `DATE` or
 * `TIMESTAMP` column) is read in `zone`; text may be `2015-03-02`, `2015-3-2`, `2015/03/02`,
 * `2015年3月2日`, `20150302`, `DATETIME` text (its date part, already wall time) or an instant
 * with an offset (read in `zone`).
 * @param value - The value from the row.
 * @param zone - The zone dates are kept in, e.g. `Asia/Shanghai`.
 * @returns The date as `YYYY-MM-DD`.
 * @throws ValidationError for text in none of these forms, a date that does not exist, an
 * invalid `Date` or an unknown zone.
 * @example
 * toCalendarDate("2015/3/2", "Asia/Shanghai") //=> "2015-03-02"
 * toCalendarDate(new Date("2026-02-28T17:00:00Z"), "Asia/Shanghai") //=> "2026-03-01"
 * toCalendarDate("2026-03-01 08:30:00", "Asia/Shanghai") //=> "2026-03-01"
 * @category Time
 */
export function toCalendarDate(value: Date | string, zone: TimeZone): CalendarDate {
  requireZone(zone);
  if (value instanceof Date && isInstantMsInRange(value.getTime())) {
    return dateInZone(value.getTime(), zone);
  }
  if (typeof value === "string") {
    const s = value.trim();
    const date = dateFromText(s) ?? wallTimeFromText(s)?.date;
    if (date !== undefined) return date;
    if (isInstant(s)) return dateInZone(s, zone);
  }
  throw invalidArgument(
    "date",
    IssueCode.CALENDAR_DATE,
    text(
      "应为日期：YYYY-MM-DD、YYYY/M/D、YYYY年M月D日、YYYYMMDD、DATETIME 文本、带偏移的时间或 Date",
      "expected a date: YYYY-MM-DD, YYYY/M/D, YYYY年M月D日, YYYYMMDD, DATETIME text, an instant with an offset or a Date",
    ),
    value,
  );
}

/**
 * An instant from what a database gives: a `Date` (a `TIMESTAMP` column); `DATETIME` text without
 * an offset (`2026-03-01 09:30:00`, as MySQL writes it), read as wall time in `zone`; a date alone,
 * read as the start of that day in `zone`; or an ISO 8601 instant with an offset, kept as it is.
 * The result carries the offset `zone` has at that moment.
 * @param value - The value from the row.
 * @param zone - The zone the database writes wall times in, e.g. `Asia/Shanghai`.
 * @returns An ISO 8601 instant with an offset.
 * @throws ValidationError for text in none of these forms, a date or time that does not exist
 * (`2026-02-30T10:00:00+08:00`, `24:00`), a wall time that does not exist in `zone` (skipped by a
 * daylight-saving change), an invalid `Date`, one outside the range of instants (0000-01-02 to
 * 9999-12-29 UTC) or an unknown zone.
 * @example
 * toInstant("2026-03-01 09:30:00", "Asia/Shanghai") //=> "2026-03-01T09:30:00+08:00"
 * toInstant(new Date("2026-03-01T01:30:00Z"), "Asia/Shanghai") //=> "2026-03-01T09:30:00+08:00"
 * toInstant("2026-03-01", "Asia/Shanghai") //=> "2026-03-01T00:00:00+08:00"
 * @category Time
 */
export function toInstant(value: Date | string, zone: TimeZone): Instant {
  requireZone(zone);
  if (value instanceof Date && isInstantMsInRange(value.getTime())) {
    return formatInZone(value.getTime(), zone);
  }
  if (typeof value === "string") {
    const s = value.trim();
    if (isInstant(s)) return s;
    const date = dateFromText(s);
    const wall = wallTimeFromText(s) ?? (date && { date, hour: 0, minute: 0, second: 0, ms: 0 });
    if (wall) {
      const [y, m, d] = wall.date.split("-").map(Number) as [number, number, number];
      // Date reads a year below 100 as 19xx: build the wall time one Gregorian cycle (400 years,
      // still local mean time in every zone) later and move back.
      const cycles = y < 100 ? 1 : 0;
      const t = new TZDate(
        y + 400 * cycles,
        m - 1,
        d,
        wall.hour,
        wall.minute,
        wall.second,
        wall.ms,
        zone,
      );
      const ms = t.getTime() - cycles * CYCLE_MS;
      if (!isInstantMsInRange(ms)) return invalidInstantText(value);
      const instant = formatInZone(ms, zone);
      const expected = `${wall.date}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}`;
      if (instant.startsWith(expected)) return instant;
      throw invalidArgument(
        "date",
        IssueCode.INSTANT,
        text(
          `${expected.replace("T", " ")} 在时区 ${zone} 不存在（夏令时调整跳过）`,
          `${expected.replace("T", " ")} does not exist in ${zone} (skipped by a daylight-saving change)`,
        ),
        value,
      );
    }
  }
  return invalidInstantText(value);
}

function invalidInstantText(value: unknown): never {
  throw invalidArgument(
    "date",
    IssueCode.INSTANT,
    text(
      "应为时间：DATETIME 文本（YYYY-MM-DD HH:mm:ss）、日期、带偏移的 ISO 8601 时间或 Date",
      "expected a time: DATETIME text (YYYY-MM-DD HH:mm:ss), a date, an ISO 8601 instant with an offset or a Date",
    ),
    value,
  );
}

/**
 * @internal The calendar date an {@link AsOf} that passed `AsOfSchema` stands for: a calendar
 * date as it is, an instant read in `zone` (default `Asia/Shanghai`).
 */
export function resolveAsOf(
  asOf: CalendarDate | Instant,
  zone: TimeZone | undefined,
): CalendarDate {
  return isCalendarDate(asOf) ? asOf : dateInZone(asOf, zone ?? DEFAULT_TIME_ZONE);
}
