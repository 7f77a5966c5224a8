import { labelOf } from "@liushou/core";
import { Command } from "commander";
import type { Session } from "../_lib/io";
import { withApp, type DbOptions } from "../_lib/open";
import { MAX_WITHIN_DAYS, wholeNumber } from "../_lib/numbers";
import { describedWorkList, type DescribedItem } from "../_lib/worklist";
import { examples } from "./help";

interface DueCliOptions extends DbOptions {
  within?: string;
  limit?: string;
  school?: string;
}

/** `liushou due`: the work list (overdue first, then due soon, highest risk first). @internal */
export function dueCommand(session: Session): Command {
  const { t } = session;
  return new Command("due")
    .description(
      t(
        "待办清单：逾期和即将到期的走访、通话，风险高的在前",
        "the work list: overdue and soon-due visits and calls, highest risk first",
      ),
    )
    .option(
      "--within <days>",
      t(
        `往后看多少天（0–${MAX_WITHIN_DAYS}，默认 7）`,
        `days ahead to include (0–${MAX_WITHIN_DAYS}, default 7)`,
      ),
    )
    .option("--limit <n>", t("每类最多列出几项", "most items per list"))
    .option("--school <id>", t("只看一所学校", "one school only"))
    .addHelpText(
      "after",
      examples(session, [
        ["liushou due", t("今天的待办", "today's work list")],
        ["liushou due --within 30 --json", t("未来 30 天，JSON 输出", "the next 30 days, as JSON")],
        ["liushou due --today 2026-10-08", t("按某一天计算", "as on a given day")],
      ]),
    )
    .action(async (_o, cmd: Command) => {
      const o = cmd.optsWithGlobals<DueCliOptions>();
      const withinDays = wholeNumber(session, "--within", o.within, 7, 0, MAX_WITHIN_DAYS);
      const limit =
        o.limit === undefined ? undefined : wholeNumber(session, "--limit", o.limit, 1, 1);
      await withApp(session, o, async (open) => {
        const today = open.today;
        const { overdue, dueSoon } = await describedWorkList(session, open, {
          withinDays,
          ...(limit ? { limit } : {}),
          ...(o.school ? { school: o.school } : {}),
        });
        const json = (list: readonly DescribedItem[]) =>
          list.map(({ item: _item, ...rest }) => rest);
        const line = (i: (typeof overdue)[number]) =>
          `  ${i.due}  ${i.policy}  ${i.child}${i.mentor ? ` / ${i.mentor}` : ""}  ${i.region}` +
          `${i.risk ? `  [${labelOf("riskLevel", i.risk, session.locale)}]` : ""}${i.keyCase ? t("  [重点]", "  [key case]") : ""}` +
          (i.daysLate > 0
            ? t(`  逾期 ${i.daysLate} 天`, `  ${i.daysLate} days late`)
            : t(`  还剩 ${-i.daysLate} 天`, `  ${-i.daysLate} days left`));
        session.result(
          { asOf: today, withinDays, overdue: json(overdue), dueSoon: json(dueSoon) },
          () => [
            t(
              `待办（${today}）：逾期 ${overdue.length} 项，${withinDays} 天内到期 ${dueSoon.length} 项`,
              `Work list (${today}): ${overdue.length} overdue, ${dueSoon.length} due within ${withinDays} days`,
            ),
            ...(overdue.length ? [t("逾期：", "Overdue:"), ...overdue.map(line)] : []),
            ...(dueSoon.length ? [t("即将到期：", "Due soon:"), ...dueSoon.map(line)] : []),
          ],
        );
      });
    });
}
