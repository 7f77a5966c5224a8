import {
  TEACHER_PAIRING_PRESET,
  type AppliedPairingPlan,
  type Liushou,
  type PairingPlan,
} from "liushou";
import type { Say } from "./say";
import { storedValues } from "./stored";

/** The pairing of the term: the plan, and what applying it stored. */
export interface PairingStep {
  readonly plan: PairingPlan;
  readonly applied: AppliedPairingPlan;
}

const DEFINITION = "state-council-2016" as const;

/**
 * Pairs the county's left-behind children with their teachers (结对帮扶): plans from what is
 * stored (only children left behind under the State Council's 2016 definition are paired,
 * the others' pairs end), explains the first pair and a refusal, then applies the plan.
 * @param app - The use cases.
 * @param say - Where the story goes.
 * @returns The plan and what was stored.
 */
export async function pairMentors(app: Liushou, say: Say): Promise<PairingStep> {
  const options = { rules: TEACHER_PAIRING_PRESET, definition: DEFINITION };
  const plan = await app.planPairings(options);
  const { diff, stats } = plan;
  const noLonger = diff.ended.filter((e) => e.pairing.endReason === "no-longer-left-behind").length;
  say.line(
    say.t(
      `结对 ${plan.pairs.length} 对（保留 ${diff.kept.length}，新增 ${diff.added.length}，结束 ${diff.ended.length}，其中 ${noLonger} 对因儿童不再留守而结束），未结对 ${plan.unmatched.length} 名；重点对象 ${stats.priorityMatched}/${stats.priorityChildren} 已结对。`,
      `${plan.pairs.length} pairs (kept ${diff.kept.length}, added ${diff.added.length}, ended ${diff.ended.length}, ${noLonger} of them because the child is no longer left behind), ${plan.unmatched.length} children unmatched; key cases paired: ${stats.priorityMatched}/${stats.priorityChildren}.`,
    ),
  );
  const pair = plan.pairs[0];
  if (pair) {
    say.line(
      say.t(
        `第一对的得分构成（共 ${pair.score} 分）：`,
        `Score of the first pair (${pair.score} points):`,
      ),
    );
    for (const term of pair.breakdown)
      say.line(`  - ${term.rule}: ${term.points} (${say.l(term.explanation)})`);
    const mentors = await storedValues(app.storage.mentors.stream({}));
    const other = mentors.find((m) => m.kind === "class-teacher" && m.id !== pair.pairing.mentorId);
    if (other) {
      // Explained by the library on the stored input the plan was made from.
      const why = await app.explainWhyNot(plan, pair.pairing.childId, other.id, options);
      say.line(
        `${say.t(`为什么不与 ${other.name} 结对：`, `Why not ${other.name}:`)} ${say.l(why.message)}`,
      );
    }
  }
  const unmatched = plan.unmatched[0];
  if (unmatched)
    say.line(`${say.t("未结对原因：", "Why a child got nobody:")} ${say.l(unmatched.message)}`);
  const applied = await app.applyPairingPlan(plan, {
    reason: say.t("本学期结对帮扶方案", "this term's pairing plan"),
  });
  say.line(
    say.t(
      `方案已保存：新增 ${applied.added.length}，结束 ${applied.ended.length}，未变 ${applied.unchanged}。`,
      `Plan stored: ${applied.added.length} added, ${applied.ended.length} ended, ${applied.unchanged} unchanged.`,
    ),
  );
  return { plan, applied };
}
