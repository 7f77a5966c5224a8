import { TZDate } from "@date-fns/tz";
import { IssueCode } from "../errors/codes";
import { invalidArgument } from "../errors/validate";
import { text } from "../i18n/locale";
import { dateParts, makeDate } from "./calendar-date";
import { instantMsOrNaN } from "./instant-ms";
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
 * Whether a string is an ISO 8601 instant with an explicit offset or `Z`.
 * @example
 * isInstant("2026-03-01T01:00:00+08:00") //=> true
 * isInstant("2026-03-01T01:00:00") //=> false (no offset: ambiguous)
 * @category Time
 */
export function isInstant(value: unknown): value is Instant {
  return !Number.isNaN(instantMsOrNaN(value));
}

/**
 * Milliseconds since the epoch of an instant.
 * @param instant - An ISO 8601 date-time with an offset.
 * @returns Milliseconds since 1970-01-01T00:00:00Z.
 * @throws ValidationError for anything that is not a date-time.
 * @example
 * instantMs("1970-01-01T00:00:01Z") //=> 1000
 * @category Time
 */
export function instantMs(instant: Instant): number {
  const ms = typeof instant === "string" ? Date.parse(instant) : NaN;
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

/** 0000-01-02 and 9999-12-29 (UTC): a day inside the four-digit years in every zone. */
const FIRST_MS = -62_167_132_800_000;
const LAST_MS = 253_402_041_600_000;

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
 * @category Time
 */
export function dateInZone(instant: Instant | number, zone: TimeZone): CalendarDate {
  const ms =
    typeof instant === "number" ? instant : typeof instant === "string" ? Date.parse(instant) : NaN;
  // Dates outside four-digit years have no YYYY-MM-DD form.
  if (!(ms >= FIRST_MS && ms <= LAST_MS)) {
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
  return formatterFor(zone).format(new Date(ms)) as CalendarDate;
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
