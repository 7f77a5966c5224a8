import { resolve } from "node:path";
import { Command } from "commander";
import type { Session } from "../_lib/io";
import { withApp, type DbOptions } from "../_lib/open";
import { checkOutputPath, writeOutput } from "../_lib/output";
import { MAX_WITHIN_DAYS, wholeNumber } from "../_lib/numbers";
import { describedWorkList } from "../_lib/worklist";
import { toIcs, type CalendarEntry } from "../ics/calendar";
import { examples } from "./help";

interface IcsOptions extends DbOptions {
  out: string;
  within?: string;
  school?: string;
}

/** `liushou export-ics`: the due work as a calendar file. @internal */
export function icsCommand(session: Session): Command {
  const { t } = session;
  return new Command("export-ics")
    .description(
      t(
        "把待办导出为日历文件（.ics），可导入手机或电脑日历",
        "export the work list as a calendar file (.ics) for phone and desktop calendars",
      ),
    )
    .option("--out <file>", t("输出文件", "output file"), "liushou-due.ics")
    .option(
      "--within <days>",
      t(
        `往后看多少天（0–${MAX_WITHIN_DAYS}，默认 30）`,
        `days ahead to include (0–${MAX_WITHIN_DAYS}, default 30)`,
      ),
    )
    .option("--school <id>", t("只看一所学校", "one school only"))
    .addHelpText(
      "after",
      examples(session, [
        [
          "liushou export-ics",
          t("未来 30 天的待办写入 liushou-due.ics", "the next 30 days into liushou-due.ics"),
        ],
        ["liushou export-ics --within 90 --out 本学期.ics", t("未来 90 天", "the next 90 days")],
      ]),
    )
    .action(async (_o, cmd: Command) => {
      const o = cmd.optsWithGlobals<IcsOptions>();
      const withinDays = wholeNumber(session, "--within", o.within, 30, 0, MAX_WITHIN_DAYS);
      const out = resolve(session.io.cwd, o.out);
      await checkOutputPath(session, "--out", out, o);
      await withApp(session, o, async (open) => {
        const list = await describedWorkList(session, open, {
          withinDays,
          ...(o.school ? { school: o.school } : {}),
        });
        const entries: CalendarEntry[] = [...list.overdue, ...list.dueSoon].map((d) => ({
          uid: `${d.policyId}.${d.item.subjectId}.${d.item.from}@liushou`,
          // Overdue work goes on today, so it is not hidden in the past.
          date: d.daysLate > 0 ? open.today : d.due,
          summary: `${d.policy} · ${d.child || d.mentor}`,
          description: [
            d.mentor && t(`帮扶人：${d.mentor}`, `Mentor: ${d.mentor}`),
            d.region,
            t(
              `应完成 ${d.required} 次，已完成 ${d.done} 次，截止 ${d.due}`,
              `${d.done} of ${d.required} done, due ${d.due}`,
            ),
            d.daysLate > 0 ? t(`已逾期 ${d.daysLate} 天`, `${d.daysLate} days late`) : "",
          ]
            .filter(Boolean)
            .join("\n"),
        }));
        await writeOutput(
          session,
          "--out",
          out,
          toIcs(entries, { name: t("留守儿童关爱待办", "Liushou work list"), now: open.now() }),
        );
        session.result(
          {
            out,
            events: entries.length,
            overdue: list.overdue.length,
            dueSoon: list.dueSoon.length,
          },
          () => [
            t(
              `已写入 ${out}：${entries.length} 项（逾期 ${list.overdue.length}，即将到期 ${list.dueSoon.length}）`,
              `Written ${out}: ${entries.length} events (${list.overdue.length} overdue, ${list.dueSoon.length} due soon)`,
            ),
          ],
        );
      });
    });
}
