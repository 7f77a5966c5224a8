import { Command } from "commander";
import { PAIRING_PRESETS } from "@liushou/core";
import { UsageError } from "../_lib/exit";
import type { Session } from "../_lib/io";
import { withApp, type DbOptions } from "../_lib/open";
import { loadCareData, namesOf } from "../_lib/data";
import { progress } from "../_lib/progress";
import { regionFlag } from "../_lib/region";
import { examples } from "./help";

interface PairOptions extends DbOptions {
  rules: string;
  apply?: boolean;
  school?: string;
  area?: string;
}

/** `liushou pair`: plans pairings, shows the diff, and stores it with `--apply`. @internal */
export function pairCommand(session: Session): Command {
  const { t } = session;
  const presets = Object.keys(PAIRING_PRESETS);
  return new Command("pair")
    .description(
      t(
        "规划结对帮扶：列出新增和结束的结对；加 --apply 才写入",
        "plan pairings: show the pairs added and ended; --apply stores them",
      ),
    )
    .option(
      "--rules <preset>",
      t(`规则预设：${presets.join("、")}`, `rule preset: ${presets.join(", ")}`),
      "teacher-mentors",
    )
    .option("--school <id>", t("只规划一所学校", "plan one school only"))
    .option(
      "--area <code>",
      t("只规划一个区划（县、乡镇或村）", "plan one area only (county, township or village)"),
    )
    .option("--apply", t("写入方案（默认只显示）", "store the plan (default: show only)"))
    .addHelpText(
      "after",
      examples(session, [
        ["liushou pair", t("显示方案与差异，不写入", "show the plan and its diff, write nothing")],
        ["liushou pair --apply", t("写入方案", "store the plan")],
        [
          "liushou pair --rules caring-mothers --school s-1 --json",
          t("按“爱心妈妈”规则，输出 JSON", "caring-mothers rules, JSON output"),
        ],
      ]),
    )
    .action(async (_o, cmd: Command) => {
      const o = cmd.optsWithGlobals<PairOptions>();
      const rules = PAIRING_PRESETS[o.rules as keyof typeof PAIRING_PRESETS];
      if (!rules)
        throw new UsageError(
          t(
            `未知规则预设 ${o.rules}（可用：${presets.join("、")}）`,
            `unknown rule preset ${o.rules} (known: ${presets.join(", ")})`,
          ),
        );
      const area = regionFlag(session, "--area", o.area, ["county", "township", "village"]);
      await withApp(session, o, async ({ app, storage, today }) => {
        const bar = progress(session);
        bar.update(t("规划结对", "planning"), 0, 1);
        const scope = o.school ? { schoolId: o.school } : area ? { regionCode: area } : {};
        const plan = await app.planPairings({ rules, asOf: today, scope });
        bar.update(t("规划结对", "planning"), 1, 1);
        let applied;
        if (o.apply) {
          bar.update(t("写入", "writing"), 0, 1);
          applied = await app.applyPairingPlan(plan);
          bar.update(t("写入", "writing"), 1, 1);
        }
        bar.done();
        const names = await namesOf(await loadCareData(storage));
        const added = plan.diff.added.map((p) => ({
          childId: p.childId,
          child: names.child(p.childId),
          mentorId: p.mentorId,
          mentor: names.mentor(p.mentorId),
          score: plan.pairs.find((x) => x.pairing.id === p.id)?.score,
        }));
        const ended = plan.diff.ended.map((e) => ({
          childId: e.pairing.childId,
          child: names.child(e.pairing.childId),
          mentor: names.mentor(e.pairing.mentorId),
          why: e.explanation[session.locale],
        }));
        const unmatched = plan.unmatched.map((u) => ({
          childId: u.childId,
          child: names.child(u.childId),
          why: u.message[session.locale],
        }));
        session.result(
          {
            asOf: plan.asOf,
            ruleSet: plan.ruleSet,
            applied: o.apply === true,
            added,
            ended,
            kept: plan.diff.kept.length,
            unmatched,
            stats: plan.stats,
            ...(applied
              ? {
                  stored: {
                    added: applied.added.length,
                    ended: applied.ended.length,
                    unchanged: applied.unchanged,
                  },
                }
              : {}),
          },
          () => [
            t(
              `结对方案（${plan.ruleSet}，${plan.asOf}）：新增 ${added.length}，结束 ${ended.length}，保持 ${plan.diff.kept.length}，未结对 ${unmatched.length}`,
              `Pairing plan (${plan.ruleSet}, ${plan.asOf}): ${added.length} added, ${ended.length} ended, ${plan.diff.kept.length} kept, ${unmatched.length} unmatched`,
            ),
            ...added.map(
              (a) =>
                `  + ${a.child} ← ${a.mentor}${a.score === undefined ? "" : t(`（${a.score} 分）`, ` (${a.score} points)`)}`,
            ),
            ...ended.map((e) => `  - ${e.child} ✕ ${e.mentor}: ${e.why}`),
            ...unmatched.map((u) => `  ? ${u.child}: ${u.why}`),
            o.apply
              ? t("方案已写入。", "The plan is stored.")
              : t("仅为预览；加 --apply 写入。", "Preview only; add --apply to store it."),
          ],
        );
      });
    });
}
