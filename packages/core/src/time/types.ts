/**
 * A calendar date without time or zone, `YYYY-MM-DD` (a birth date, a term start). A plain
 * `string`, so a date from a request or a row needs no cast: functions check the format at run
 * time and answer a malformed one with a `ValidationError`.
 * @example
 * const d: CalendarDate = "2026-09-01";
 * @category Time
 */
export type CalendarDate = string;

/**
 * An instant: an ISO 8601 date-time with an offset or `Z` (when a visit happened). A plain
 * `string`, checked at run time like {@link CalendarDate}.
 * @example
 * const t: Instant = "2026-03-01T01:00:00+08:00";
 * @category Time
 */
export type Instant = string;

/**
 * The day a rule is applied on, the same type for every function that takes one: a calendar
 * date `YYYY-MM-DD`, an instant with an offset, or a `Date`. An instant or a `Date` is read as
 * the calendar date it falls on in the function's zone (`Asia/Shanghai` unless the function
 * takes a `zone` or `timeZone` option).
 * @example
 * const asOf: AsOf = "2026-09-01";
 * const alsoAsOf: AsOf = new Date("2026-09-01T08:00:00+08:00");
 * @category Time
 */
export type AsOf = CalendarDate | Instant | Date;

/**
 * An IANA time-zone name such as `Asia/Shanghai`.
 * @category Time
 */
export type TimeZone = string;

/**
 * The zone used when none is given: China Standard Time.
 * @example
 * DEFAULT_TIME_ZONE //=> "Asia/Shanghai"
 * @category Time
 */
export const DEFAULT_TIME_ZONE: TimeZone = "Asia/Shanghai";
