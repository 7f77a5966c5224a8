import * as z from "zod";
import { ValidationError } from "../errors/errors";
import { validate } from "../errors/validate";
import { text } from "../i18n";
import { IdSchema, InstantSchema } from "../model/primitives";
import type { ChecklistScore } from "./engine";
import { NEEDS_CHECKLIST } from "./builtin/needs";
import { ChecklistIssueCode } from "./schema";

/**
 * The five survey domains: study 学习, daily life 生活, psychology 心理, safety 安全,
 * health 健康.
 * @example
 * NeedDomainSchema.options //=> ["study", "daily-life", "psychology", "safety", "health"]
 * @category Checklists
 */
export const NeedDomainSchema = z.enum(["study", "daily-life", "psychology", "safety", "health"]);
/** @category Checklists */
export type NeedDomain = z.infer<typeof NeedDomainSchema>;

/**
 * The five lacks (五缺): care in daily life 生活上缺照顾, discipline in behaviour 行为上缺管教,
 * tutoring in study 学习上缺辅导, moral guidance 思想道德上缺约束, safety protection
 * 安全上缺保障.
 * @example
 * FiveLackSchema.parse("tutoring") //=> "tutoring"
 * @category Checklists
 */
export const FiveLackSchema = z.enum([
  "care",
  "discipline",
  "tutoring",
  "moral-guidance",
  "safety-protection",
]);
/** @category Checklists */
export type FiveLack = z.infer<typeof FiveLackSchema>;

/**
 * Level of need in a domain: the band of its scale, or `unknown` when too few items were
 * answered.
 * @example
 * NeedLevelSchema.options //=> ["low", "some", "high", "unknown"]
 * @category Checklists
 */
export const NeedLevelSchema = z.enum(["low", "some", "high", "unknown"]);
/** @category Checklists */
export type NeedLevel = z.infer<typeof NeedLevelSchema>;

/**
 * A child's needs profile: the level of need per domain and the five lacks found.
 * @example
 * NeedsProfileSchema.parse(needsProfile(score)).fiveLacks //=> ["tutoring"]
 * @category Checklists
 */
export const NeedsProfileSchema = z.object({
  childId: IdSchema,
  assessmentId: IdSchema,
  takenAt: InstantSchema,
  domains: z.record(
    NeedDomainSchema,
    z.object({ level: NeedLevelSchema, value: z.number().optional() }),
  ),
  fiveLacks: z.array(FiveLackSchema),
  /** Ids of the other flags raised (e.g. `dropout-risk`). */
  flags: z.array(z.string()).default([]),
});
/** @category Checklists */
export type NeedsProfile = z.infer<typeof NeedsProfileSchema>;

/** The parts of a checklist score a needs profile reads. */
const ScoreInputSchema = z.object({
  assessmentId: IdSchema,
  childId: IdSchema,
  checklistId: z.string(),
  takenAt: InstantSchema,
  scales: z.record(
    z.string(),
    z.object({ value: z.number().optional(), band: z.object({ id: z.string() }).optional() }),
  ),
  flags: z.array(z.object({ id: z.string(), tags: z.array(z.string()) })),
});

/**
 * Turns a scored needs assessment (`liushou.needs`, any version with the same scale and flag
 * ids) into a needs profile.
 * @param input - the result of `scoreChecklist` on a needs assessment
 * @throws ValidationError when the score is of another checklist
 * @example
 * const profile = needsProfile(scoreChecklist(builtinChecklistRegistry(), assessment));
 * profile.domains.study.level //=> "high"
 * profile.fiveLacks //=> ["tutoring"]
 * @category Checklists
 */
export function needsProfile(input: ChecklistScore): NeedsProfile {
  const score = validate(ScoreInputSchema, input, { subject: text("需求评估得分", "needs score") });
  if (score.checklistId !== NEEDS_CHECKLIST.id) {
    const shown = score.checklistId;
    throw new ValidationError([
      {
        path: "checklistId",
        code: ChecklistIssueCode.WRONG_CHECKLIST,
        received: JSON.stringify(shown),
        message: text(
          `字段 checklistId：需求画像须基于检查表 ${NEEDS_CHECKLIST.id}（收到："${shown}"）`,
          `checklistId: a needs profile is built from checklist ${NEEDS_CHECKLIST.id} (received: "${shown}")`,
        ),
      },
    ]);
  }
  const domains = {} as NeedsProfile["domains"];
  for (const d of NeedDomainSchema.options) {
    const s = score.scales[d];
    const band = s?.band?.id;
    const level = band === "low" || band === "some" || band === "high" ? band : "unknown";
    domains[d] = s?.value === undefined ? { level } : { level, value: s.value };
  }
  const fiveLacks: FiveLack[] = [];
  const flags: string[] = [];
  for (const f of score.flags) {
    const lack = f.tags.find((tag) => tag.startsWith("lack:"))?.slice(5);
    const parsed = FiveLackSchema.safeParse(lack);
    if (parsed.success) {
      if (!fiveLacks.includes(parsed.data)) fiveLacks.push(parsed.data);
    } else flags.push(f.id);
  }
  return {
    childId: score.childId,
    assessmentId: score.assessmentId,
    takenAt: score.takenAt,
    domains,
    fiveLacks,
    flags,
  };
}
