import { labelOf, parseLabel, type ContactKind } from "@liushou/core";
import { Command } from "commander";
import { UsageError } from "../_lib/exit";
import type { Session } from "../_lib/io";
import { withApp, type DbOptions } from "../_lib/open";
import { instantFlag } from "../_lib/dates";
import { wholeNumber } from "../_lib/numbers";
import { examples } from "./help";

interface RecordOptions extends DbOptions {
  child: string[];
  kind: string;
  mentor?: string;
  at?: string;
  minutes?: string;
  summary?: string;
  place?: string;
  byParent?: boolean;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** `liushou record`: adds a visit, call or talk. @internal */
export function recordCommand(session: Session): Command {
  const { t } = session;
  return new Command("record")
    .description(t("记录一次走访、通话或谈心", "record a visit, call or talk"))
    .requiredOption(
      "--child <id>",
      t("儿童档案编号（可重复，多名儿童一次记录）", "child file id (repeat for several children)"),
      collect,
    )
    .requiredOption(
      "--kind <kind>",
      t(
        "类型：家访、与监护人通话、亲情电话、谈心… 或英文值 home-visit、guardian-call…",
        "kind: home-visit, guardian-call, family-call, talk… or the Chinese label",
      ),
    )
    .option("--mentor <id>", t("帮扶人编号", "mentor id"))
    .option(
      "--at <time>",
      t(
        "时间：2026-03-05 16:30 或 2026-03-05（默认现在）",
        "when: 2026-03-05 16:30 or 2026-03-05 (default now)",
      ),
    )
    .option("--minutes <n>", t("时长（分钟）", "duration in minutes"))
    .option("--summary <text>", t("情况摘要", "summary"))
    .option("--place <text>", t("地点", "place"))
    .option(
      "--by-parent",
      t("由家长发起（默认帮扶人发起）", "initiated by the parent (default the mentor)"),
    )
    .addHelpText(
      "after",
      examples(session, [
        [
          'liushou record --child c-1 --mentor t-1 --kind 家访 --at "2026-03-05 16:30"',
          t("记录一次家访", "record a home visit"),
        ],
        [
          "liushou record --child c-1 --child c-2 --kind family-call --json",
          t("两名儿童的亲情电话", "a family call for two children"),
        ],
      ]),
    )
    .action(async (_o, cmd: Command) => {
      const o = cmd.optsWithGlobals<RecordOptions>();
      const kind = parseLabel("contactKind", o.kind) as ContactKind | undefined;
      if (!kind) throw new UsageError(t(`未知的记录类型：${o.kind}`, `unknown kind: ${o.kind}`));
      const minutes =
        o.minutes === undefined ? undefined : wholeNumber(session, "--minutes", o.minutes, 1, 1);
      const at = instantFlag(session, "--at", o.at);
      await withApp(session, o, async ({ app, now }) => {
        const stored = await app.recordContact({
          kind,
          childIds: o.child,
          at: at ?? now(),
          initiator: o.byParent ? "parent" : "mentor",
          ...(o.mentor ? { mentorId: o.mentor } : {}),
          ...(minutes ? { durationMinutes: minutes } : {}),
          ...(o.summary ? { summary: o.summary } : {}),
          ...(o.place ? { place: o.place } : {}),
        });
        session.result(stored, () => [
          t(
            `已记录：${labelOf("contactKind", kind, "zh-CN")}，${stored.value.at}，编号 ${stored.id}`,
            `Recorded: ${labelOf("contactKind", kind, "en")}, ${stored.value.at}, id ${stored.id}`,
          ),
        ]);
      });
    });
}
