import { TZDate } from "@date-fns/tz";
import { IssueCode } from "../errors/codes";
import { invalidArgument } from "../errors/validate";
import { text } from "../i18n/locale";
import { dateParts, makeDate } from "./calendar-date";
import { instantMsOrNaN, isInstantMsInRange } from "./instant-ms";
import type { CalendarDate, Instant, TimeZone } from "./types";

const zoneCache = new Map<string, boolean>();

/**
 * Whether a string names a time zone this runtime knows (IANA names such as `Asia/Shanghai`).
 * @example
 * isTimeZone("Asia/Shanghai") //=> true
 * isTimeZone("Mars/Olympus") //=> false
 * @category Time
 */
export function isTimeZone(zone: unknown): zone is TimeZone {
  if (typeof zone !== "string" || zone.length === 0) return false;
  const known = zoneCache.get(zone);
  if (known !== undefined) return known;
  let ok = true;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
  } catch {
    ok = false;
  }
  zoneCache.set(zone, ok);
  return ok;
}

/**
 * Whether a string is an ISO 8601 instant with an explicit offset or `Z` that exists: a real
 * date (no 30 February), hours 00–23, minutes and seconds 00–59, an offset up to `±23:59`, and a
 * date with a four-digit year in every zone (0000-01-02 to 9999-12-29 UTC).
 * @example
 * isInstant("2026-03-01T01:00:00+08:00") //=> true
 * isInstant("2026-03-01T01:00:00") //=> false (no offset: ambiguous)
 * isInstant("2026-02-30T01:00:00+08:00") //=> false (no such date)
 * @category Time
 */
export function isInstant(value: unknown): value is Instant {
  return !Number.isNaN(instantMsOrNaN(value));
}

/**
 * Milliseconds since the epoch of an instant.
 * @param instant - An ISO 8601 date-time with an offset.
 * @returns Milliseconds since 1970-01-01T00:00:00Z.
 * @throws ValidationError for anything that is not an instant ({@link isInstant}): no offset, or
 * a date or time that does not exist.
 * @example
 * instantMs("1970-01-01T00:00:01Z") //=> 1000
 * @category Time
 */
export function instantMs(instant: Instant): number {
  const ms = instantMsOrNaN(instant);
  if (Number.isNaN(ms)) {
    throw invalidArgument(
      "instant",
      IssueCode.INSTANT,
      text("应为带时区偏移的 ISO 8601 时间", "expected an ISO 8601 date-time with an offset"),
      instant,
    );
  }
  return ms;
}

/** 400 Gregorian years, after which the calendar repeats. */
const CYCLE_MS = 146_097 * 86_400_000;

const formatterCache = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: TimeZone): Intl.DateTimeFormat {
  let f = formatterCache.get(zone);
  if (!f) {
    if (!isTimeZone(zone)) {
      throw invalidArgument(
        "timeZone",
        IssueCode.TIME_ZONE,
        text(
          "应为 IANA 时区名，如 Asia/Shanghai",
          "expected an IANA time-zone name such as Asia/Shanghai",
        ),
        zone,
      );
    }
    f = new Intl.DateTimeFormat("en-CA", {
      timeZone: zone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    formatterCache.set(zone, f);
  }
  return f;
}

/**
 * The calendar date on which an instant falls in a zone: a visit at 01:00 Beijing time on
 * 1 March is on 1 March, although it is still 28 February in UTC.
 * @example
 * dateInZone("2026-02-28T17:00:00Z", "Asia/Shanghai") //=> "2026-03-01"
 * dateInZone("2026-02-28T17:00:00Z", "UTC") //=> "2026-02-28"
 * dateInZone("0001-03-10T10:00:00+08:00", "Asia/Shanghai") //=> "0001-03-10"
 * @param instant - An instant ({@link isInstant}) or milliseconds since the epoch.
 * @param zone - An IANA time-zone name.
 * @returns The date as `YYYY-MM-DD`, the year zero-padded to four digits.
 * @throws ValidationError for a string that is not an instant, milliseconds outside the range of
 * instants (0000-01-02 to 9999-12-29 UTC), or an unknown zone.
 * @category Time
 */
export function dateInZone(instant: Instant | number, zone: TimeZone): CalendarDate {
  const ms = typeof instant === "number" ? instant : instantMsOrNaN(instant);
  // Dates outside four-digit years have no YYYY-MM-DD form.
  if (!isInstantMsInRange(ms)) {
    throw invalidArgument(
      "instant",
      IssueCode.INSTANT,
      text("应为带时区偏移的 ISO 8601 时间", "expected an ISO 8601 date-time with an offset"),
      instant,
    );
  }
  if (zone === "Asia/Shanghai") {
    // China has had no daylight-saving time since 1991: a fixed +08:00 offset is exact.
    if (ms >= 700_000_000_000) {
      const d = new Date(ms + 8 * 3_600_000);
      return makeDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
    }
  }
  if (zone === "UTC" || zone === "Etc/UTC") {
    const d = new Date(ms);
    return makeDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  const f = formatterFor(zone);
  const date = f.format(new Date(ms));
  if (date.length === 10) return date;
  // Intl writes a year before 1000 without its leading zeros ("1-03-10") and the year 0 as 1
  // (1 BC, its era left out). The Gregorian calendar repeats every 400 years (146,097 days) and
  // every zone kept local mean time until the 19th century, so the same instant 400·k years
  // later, in the years 1000–1400, falls on the same month and day.
  const cycles = Math.ceil((1001 - new Date(ms).getUTCFullYear()) / 400);
  const later = f.format(new Date(ms + cycles * CYCLE_MS));
  const year = Number(later.slice(0, 4)) - cycles * 400;
  return makeDate(year, Number(later.slice(5, 7)), Number(later.slice(8, 10)));
}

/**
 * The instant at which a calendar date starts (local midnight) in a zone.
 * @example
 * startOfDateInZone("2026-03-01", "Asia/Shanghai") //=> "2026-02-28T16:00:00.000Z"
 * @category Time
 */
export function startOfDateInZone(date: CalendarDate, zone: TimeZone): Instant {
  const { year: y, month: m, day: d } = dateParts(date);
  formatterFor(zone);
  return new Date(new TZDate(y, m - 1, d, zone).getTime()).toISOString() as Instant;
}
