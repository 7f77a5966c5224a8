import { checkRegionCode, type AreaLevel } from "@liushou/core";
import { UsageError } from "./exit";
import type { Session } from "./io";

/**
 * A region-code flag (`--region`, `--area`): a valid region code (6, 9 or 12 digits, a real
 * province prefix) of one of `levels`, `undefined` when not given, or a usage error naming the
 * flag, with core's reason. @internal
 */
export function regionFlag(
  session: Session,
  name: string,
  value: string | undefined,
  levels: readonly AreaLevel[],
): string | undefined {
  if (value === undefined) return undefined;
  const r = checkRegionCode(value);
  if (r.valid && levels.includes(r.level)) return value;
  const received = JSON.stringify(value);
  const reason = r.valid
    ? session.t(`应为${levels.join("、")}级代码`, `expected a ${levels.join(", ")} code`)
    : session.t(r.issue.message["zh-CN"], r.issue.message.en);
  throw new UsageError(
    session.t(
      `${name} 不是可用的行政区划代码：${reason}（收到：${received}）`,
      `${name} is not a usable region code: ${reason} (received: ${received})`,
    ),
  );
}
