/**
 * A calendar date without time or zone, `YYYY-MM-DD` (a birth date, a term start).
 * @example
 * const d: CalendarDate = "2026-09-01";
 * @category Time
 */
export type CalendarDate = `${number}-${number}-${number}`;

/**
 * An instant: an ISO 8601 date-time with an offset or `Z` (when a visit happened).
 * @example
 * const t: Instant = "2026-03-01T01:00:00+08:00";
 * @category Time
 */
export type Instant = `${number}-${number}-${number}T${string}`;

/**
 * An IANA time-zone name such as `Asia/Shanghai`.
 * @category Time
 */
export type TimeZone = string;

/**
 * The zone used when none is given: China Standard Time.
 * @category Time
 */
export const DEFAULT_TIME_ZONE: TimeZone = "Asia/Shanghai";
