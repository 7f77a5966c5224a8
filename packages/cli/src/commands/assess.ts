import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { BUILTIN_CHECKLISTS, labelOf, parseLabel, type Informant } from "@liushou/core";
import { Command } from "commander";
import { UsageError } from "../_lib/exit";
import type { Session } from "../_lib/io";
import { withApp, type DbOptions } from "../_lib/open";
import { examples } from "./help";

interface AssessOptions extends DbOptions {
  child: string;
  checklist: string;
  answers: string;
  informant: string;
}

/** `liushou assess`: scores a checklist for a child and updates the child's risk level. @internal */
export function assessCommand(session: Session): Command {
  const { t } = session;
  const ids = BUILTIN_CHECKLISTS.map((c) => c.id);
  return new Command("assess")
    .description(
      t(
        "为儿童填写评估量表：计分、重新评定风险等级（变化记入档案历史）",
        "assess a child with a checklist: score it and reassess the risk level (a change goes into the file history)",
      ),
    )
    .requiredOption("--child <id>", t("儿童档案编号", "child file id"))
    .requiredOption(
      "--checklist <id>",
      t(`量表：${ids.join("、")}`, `checklist: ${ids.join(", ")}`),
    )
    .requiredOption(
      "--answers <file>",
      t("答案（JSON 对象：题目编号 → 答案）", "answers (a JSON object: item id → answer)"),
    )
    .option(
      "--informant <who>",
      t("填答人：教师、监护人、家长、儿童本人…", "informant: teacher, guardian, parent, child…"),
      "teacher",
    )
    .addHelpText(
      "after",
      examples(session, [
        [
          "liushou assess --child c-1 --checklist liushou.needs --answers needs.json",
          t("需求评估", "a needs assessment"),
        ],
        [
          "liushou assess --child c-1 --checklist liushou.child-safety --answers s.json --informant 监护人 --json",
          t("安全评估，监护人填答", "a safety check answered by the guardian"),
        ],
      ]),
    )
    .action(async (_o, cmd: Command) => {
      const o = cmd.optsWithGlobals<AssessOptions>();
      const informant = parseLabel("informant", o.informant) as Informant | undefined;
      if (!informant)
        throw new UsageError(
          t(`未知的填答人：${o.informant}`, `unknown informant: ${o.informant}`),
        );
      let responses: unknown;
      try {
        responses = JSON.parse(await readFile(resolve(session.io.cwd, o.answers), "utf8"));
      } catch (error) {
        if ((error as { code?: string }).code) throw error;
        throw new UsageError(t(`${o.answers} 不是有效的 JSON`, `${o.answers} is not valid JSON`));
      }
      await withApp(session, o, async ({ app }) => {
        const r = await app.assessChild({
          childId: o.child,
          checklistId: o.checklist,
          informant,
          responses: responses as never,
        });
        session.result(
          {
            assessmentId: r.assessment.id,
            childId: o.child,
            checklistId: o.checklist,
            risk: { level: r.risk.level, score: r.risk.score },
            flags: r.score.flags.map((f) => ({ id: f.id, label: f.label[session.locale] })),
          },
          () => [
            t(
              `评估已保存（${r.assessment.id}）：风险等级 ${labelOf("riskLevel", r.risk.level, "zh-CN")}（${r.risk.score} 分）`,
              `Assessment stored (${r.assessment.id}): risk ${labelOf("riskLevel", r.risk.level, "en")} (score ${r.risk.score})`,
            ),
            ...r.score.flags.map((f) => `  ! ${f.label[session.locale]}`),
          ],
        );
      });
    });
}
