import { UsageError } from "./exit";
import type { Session } from "./io";

/**
 * The most days `--within` looks ahead: what core's work list takes (`withinDays` at most 366).
 * @internal
 */
export const MAX_WITHIN_DAYS = 366;

/**
 * A whole number option from `min` to `max` (default no upper bound but the 15 digits read), or
 * a usage error naming the option. @internal
 */
export function wholeNumber(
  session: Session,
  name: string,
  value: string | undefined,
  fallback: number,
  min = 0,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (value === undefined) return fallback;
  // Digits only: Number() would also take "", " ", "0x10" and "1e2".
  const n = /^\d{1,15}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    const received = JSON.stringify(value);
    throw new UsageError(
      max === Number.MAX_SAFE_INTEGER
        ? session.t(
            `${name} 应为不小于 ${min} 的整数（收到：${received}）`,
            `${name} must be a whole number ≥ ${min} (received: ${received})`,
          )
        : session.t(
            `${name} 应为 ${min} 到 ${max} 之间的整数（收到：${received}）`,
            `${name} must be a whole number from ${min} to ${max} (received: ${received})`,
          ),
    );
  }
  return n;
}
