import * as z from "zod";
import { validate } from "../errors/validate";
import { text } from "../i18n";
import type { ChildFile, ChildFileInput, RiskLevel } from "../model/child-file";
import { PairingChildSchema } from "./stages/input";
import { PairingCapacitySchema, type PairingRuleSetInput } from "./rules";

const RISK_RANK: Record<RiskLevel, number> = { critical: 4, high: 3, medium: 2, low: 1 };

/**
 * One class's recommendation: the children put forward (most in need first), the others, and
 * whether the class has fewer children than the quota's minimum.
 * @category Pairing
 */
export interface ClassRecommendation {
  readonly classId: string;
  readonly recommended: readonly string[];
  readonly notRecommended: readonly string[];
  /** The class has fewer left-behind children than `quota.min`: all of them are recommended. */
  readonly short: boolean;
}

/**
 * Result of {@link recommendPerClass}.
 * @category Pairing
 */
export interface PerClassRecommendation<C> {
  /** The children recommended, as given (with those without a class), in input order. */
  readonly recommended: readonly C[];
  readonly byClass: readonly ClassRecommendation[];
  /** Children without a class on file: recommended, since no class can weigh them. */
  readonly withoutClass: readonly string[];
}

const OptionsSchema = z.object({
  classQuota: PairingCapacitySchema,
  priority: z
    .object({
      keyCase: z.boolean().default(true),
      riskLevels: z
        .array(z.enum(["low", "medium", "high", "critical"]))
        .default(["high", "critical"]),
    })
    .prefault({}),
});

/**
 * Each class recommends its typical children for a pairing (“每班推荐4—5名典型留守儿童” (school
 * summary, L106)): at most `classQuota.max` children per class, the most in need first (key
 * cases, then by risk level, then by id), all of them when the class has no more than that.
 * Give the `recommended` children to `planPairings`.
 * @param children - The left-behind children (child files).
 * @param rules - A rule set with `classQuota` (e.g. `TEACHER_PAIRING_PRESET`), or just the quota.
 * @returns The recommended children and the choice per class.
 * @throws ValidationError when a child file or the quota is malformed.
 * @example
 * const r = recommendPerClass(children, TEACHER_PAIRING_PRESET);
 * r.byClass[0] //=> { classId: "k1", recommended: ["c3", "c1", "c2", "c4", "c5"], notRecommended: ["c6"], short: false }
 * @category Pairing
 */
export function recommendPerClass<C extends ChildFileInput | ChildFile>(
  children: readonly C[],
  rules: Pick<PairingRuleSetInput, "classQuota" | "priority">,
): PerClassRecommendation<C> {
  const subject = text("每班推荐名额", "per-class quota");
  const o = validate(OptionsSchema, rules, { subject });
  const files = validate(z.array(PairingChildSchema), children, {
    subject: text("儿童档案", "child files"),
    path: ["children"],
  }) as ChildFile[];
  const need = (c: ChildFile) =>
    (o.priority.keyCase && c.keyCase ? 10 : 0) +
    (c.riskLevel
      ? RISK_RANK[c.riskLevel] + (o.priority.riskLevels.includes(c.riskLevel) ? 5 : 0)
      : 0);
  const classes = new Map<string, ChildFile[]>();
  const withoutClass: string[] = [];
  for (const c of files) {
    const k = c.child.classId;
    if (k === undefined) withoutClass.push(c.id);
    else classes.set(k, [...(classes.get(k) ?? []), c]);
  }
  const chosen = new Set(withoutClass);
  const byClass: ClassRecommendation[] = [...classes.keys()].sort().map((classId) => {
    const list = [...classes.get(classId)!].sort(
      (a, b) => need(b) - need(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    const take = list.slice(0, o.classQuota.max).map((c) => c.id);
    for (const id of take) chosen.add(id);
    return {
      classId,
      recommended: take,
      notRecommended: list.slice(o.classQuota.max).map((c) => c.id),
      short: list.length < o.classQuota.min,
    };
  });
  return {
    recommended: children.filter((_, i) => chosen.has(files[i]!.id)),
    byClass,
    withoutClass,
  };
}
