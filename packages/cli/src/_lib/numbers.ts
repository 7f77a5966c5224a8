import { UsageError } from "./exit";
import type { Session } from "./io";

/** A whole number option, or a usage error naming the option. @internal */
export function wholeNumber(
  session: Session,
  name: string,
  value: string | undefined,
  fallback: number,
  min = 0,
): number {
  if (value === undefined) return fallback;
  // Digits only: Number() would also take "", " ", "0x10" and "1e2".
  const n = /^\d{1,15}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min) {
    throw new UsageError(
      session.t(
        `${name} 应为不小于 ${min} 的整数（收到：${JSON.stringify(value)}）`,
        `${name} must be a whole number ≥ ${min} (received: ${JSON.stringify(value)})`,
      ),
    );
  }
  return n;
}
