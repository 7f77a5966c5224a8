import {
  dayNumber,
  isCalendarDate,
  toInstant,
  type CalendarDate,
  type Instant,
} from "@liushou/core";
import { UsageError } from "./exit";
import type { Session } from "./io";

/**
 * The first and last day a date flag takes. Core takes any four-digit year, but its work lists
 * and reports look a year or more around the day and fail near year 0000 or 9999; no care work
 * is dated outside these, so a date beyond them is a typo. @internal
 */
export const DATE_RANGE = { first: "1900-01-01", last: "2199-12-31" } as const;

/**
 * The longest period `--from` to `--to` spans, in days: what core's `PeriodSchema` takes (ten
 * years). @internal
 */
export const MAX_PERIOD_DAYS = 3660;

/** Whether a real date lies in {@link DATE_RANGE}. */
const inRange = (date: string): boolean => date >= DATE_RANGE.first && date <= DATE_RANGE.last;

/**
 * A date flag (`--today`, `--from`, `--to`): a real date `YYYY-MM-DD` in {@link DATE_RANGE},
 * `undefined` when not given, or a usage error naming the flag. @internal
 */
export function dateFlag(
  session: Session,
  name: string,
  value: string | undefined,
): CalendarDate | undefined {
  if (value === undefined) return undefined;
  if (isCalendarDate(value) && inRange(value)) return value;
  const received = JSON.stringify(value);
  throw new UsageError(
    session.t(
      `${name} 应为 ${DATE_RANGE.first} 到 ${DATE_RANGE.last} 之间真实存在的日期，格式 YYYY-MM-DD（收到：${received}）`,
      `${name} must be a real date as YYYY-MM-DD from ${DATE_RANGE.first} to ${DATE_RANGE.last} (received: ${received})`,
    ),
  );
}

/**
 * A month flag (`--month`): `YYYY-MM` in {@link DATE_RANGE}, `undefined` when not given, or a
 * usage error naming the flag. @internal
 */
export function monthFlag(
  session: Session,
  name: string,
  value: string | undefined,
): string | undefined {
  if (value === undefined) return undefined;
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(value) && inRange(`${value}-01`)) return value;
  const received = JSON.stringify(value);
  throw new UsageError(
    session.t(
      `${name} 应为 ${DATE_RANGE.first.slice(0, 7)} 到 ${DATE_RANGE.last.slice(0, 7)} 之间的月份，格式 YYYY-MM（收到：${received}）`,
      `${name} must be a month as YYYY-MM from ${DATE_RANGE.first.slice(0, 7)} to ${DATE_RANGE.last.slice(0, 7)} (received: ${received})`,
    ),
  );
}

/**
 * A time flag (`--at`): `2026-03-05 16:30`, a date (the start of the day) or an ISO 8601 instant
 * with an offset, read in Beijing time, on a day in {@link DATE_RANGE}; `undefined` when not
 * given, or a usage error naming the flag. @internal
 */
export function instantFlag(
  session: Session,
  name: string,
  value: string | undefined,
): Instant | undefined {
  if (value === undefined) return undefined;
  let at: Instant | undefined;
  try {
    at = toInstant(value, "Asia/Shanghai");
  } catch {
    at = undefined;
  }
  if (at !== undefined && inRange(at.slice(0, 10))) return at;
  const received = JSON.stringify(value);
  throw new UsageError(
    session.t(
      `${name} 应为 ${DATE_RANGE.first} 到 ${DATE_RANGE.last} 之间真实存在的时间，如 2026-03-05 16:30、2026-03-05 或带时区偏移的 ISO 8601 时间（收到：${received}）`,
      `${name} must be a real time from ${DATE_RANGE.first} to ${DATE_RANGE.last}, such as 2026-03-05 16:30, 2026-03-05 or an ISO 8601 time with an offset (received: ${received})`,
    ),
  );
}

/**
 * Checks a period given by flags: `from` not after `to` and at most {@link MAX_PERIOD_DAYS}
 * apart, or a usage error naming both flags (`toName` says where the end came from when `--to`
 * was not given, e.g. "today"). @internal
 */
export function checkPeriod(
  session: Session,
  from: CalendarDate,
  to: CalendarDate,
  toName: string,
): void {
  if (from > to) {
    throw new UsageError(
      session.t(
        `--from（${from}）不能晚于 ${toName}（${to}）`,
        `--from (${from}) must not be after ${toName} (${to})`,
      ),
    );
  }
  if (dayNumber(to) - dayNumber(from) > MAX_PERIOD_DAYS) {
    throw new UsageError(
      session.t(
        `--from（${from}）到 ${toName}（${to}）最长十年（${MAX_PERIOD_DAYS} 天）`,
        `--from (${from}) to ${toName} (${to}) spans at most ten years (${MAX_PERIOD_DAYS} days)`,
      ),
    );
  }
}
