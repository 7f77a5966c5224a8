import { UsageError } from "./exit";
import type { Session } from "./io";

/** A whole number option, or a usage error naming the option. @internal */
export function wholeNumber(
  session: Session,
  name: string,
  value: string | undefined,
  fallback: number,
): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    throw new UsageError(
      session.t(
        `${name} 应为非负整数（收到：${value}）`,
        `${name} must be a whole number ≥ 0 (received: ${value})`,
      ),
    );
  }
  return n;
}
