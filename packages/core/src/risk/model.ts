import * as z from "zod";
import { IssueCode } from "../errors/codes";
import { addIssue } from "../errors/issues";
import { invalidArgument } from "../errors/validate";
import { text } from "../i18n";
import { RiskLevelSchema, type RiskLevel } from "../model/child-file";

/**
 * Order of the risk levels: low 0, medium 1, high 2, critical 3. Use it to sort children by
 * risk (pairing priorities, work lists).
 * @example
 * RISK_LEVEL_RANK.high //=> 2
 * @category Risk
 */
export const RISK_LEVEL_RANK: Readonly<Record<RiskLevel, number>> = /*#__PURE__*/ Object.freeze({
  low: 0,
  medium: 1,
  high: 2,
  critical: 3,
});

/**
 * Compares two risk levels for sorting (negative when `a` is lower).
 * @param a - A risk level.
 * @param b - Another.
 * @returns Negative, zero or positive.
 * @example
 * ["high", "low", "critical"].sort(compareRiskLevels) //=> ["low", "high", "critical"]
 * @throws ValidationError naming `a` or `b` when it is not a risk level.
 * @category Risk
 */
export function compareRiskLevels(a: RiskLevel, b: RiskLevel): number {
  return rankOf(a, "a") - rankOf(b, "b");
}

function rankOf(level: unknown, path: string): number {
  if (typeof level === "string" && Object.hasOwn(RISK_LEVEL_RANK, level)) {
    return RISK_LEVEL_RANK[level as RiskLevel];
  }
  throw invalidArgument(
    path,
    "invalid_value",
    text("应为 low、medium、high、critical 之一", "expected one of low, medium, high, critical"),
    level,
  );
}

const Weight = z.number().nonnegative().finite();

/**
 * The risk model: how much each kind of evidence weighs and where the levels start. All
 * weights are non-negative, so adding evidence never lowers the level. Thresholds are
 * inclusive lower bounds of the score.
 * @example
 * RiskModelSchema.parse({}).thresholds //=> { medium: 5, high: 15, critical: 30 }
 * @category Risk
 */
export const RiskModelSchema = z
  .object({
    /** Version of the model, kept in every result. */
    version: z.string().min(1).default("1"),
    /** Scores at which medium, high and critical begin. */
    thresholds: z
      .object({ medium: Weight, high: Weight, critical: Weight })
      .default({ medium: 5, high: 15, critical: 30 }),
    /** Weight of a finding by severity. */
    findingWeights: z
      .object({ critical: Weight, high: Weight, medium: Weight, low: Weight })
      .default({ critical: 30, high: 15, medium: 6, low: 2 }),
    /** Weights for particular finding codes, replacing the severity weight. */
    codeWeights: z.record(z.string(), Weight).default({}),
    /** Lowest level when any finding requires a mandatory report (Art. 11). */
    mandatoryReportFloor: RiskLevelSchema.default("critical"),
    /** Lowest level when a finding of a severity is present. */
    severityFloors: z
      .object({
        critical: RiskLevelSchema.optional(),
        high: RiskLevelSchema.optional(),
        medium: RiskLevelSchema.optional(),
        low: RiskLevelSchema.optional(),
      })
      .default({ critical: "high", high: "medium" }),
    /** Factor applied to the risk contribution of each assessment. */
    assessmentWeight: Weight.default(1),
    /** Assessments older than this (days before `asOf`) are ignored. */
    assessmentMaxAgeDays: z.number().int().positive().default(365),
    /** Weights of visit and contact compliance. */
    compliance: z
      .object({
        perMissed: Weight.default(2),
        perOverdue: Weight.default(1),
        perOverdueDay: Weight.default(0.2),
        /** Cap on the compliance contribution. */
        max: Weight.default(20),
      })
      .default({ perMissed: 2, perOverdue: 1, perOverdueDay: 0.2, max: 20 }),
  })
  .superRefine((m, ctx) => {
    const t = m.thresholds;
    if (!(t.medium <= t.high && t.high <= t.critical)) {
      addIssue(
        ctx,
        IssueCode.OTHER,
        text(
          "阈值须满足 medium ≤ high ≤ critical",
          "thresholds must satisfy medium ≤ high ≤ critical",
        ),
        {
          path: ["thresholds"],
          input: t,
        },
      );
    }
  });
/** A validated risk model. @category Risk */
export type RiskModel = z.infer<typeof RiskModelSchema>;
/** A risk model as a host writes it (every field optional). @category Risk */
export type RiskModelInput = z.input<typeof RiskModelSchema>;

/**
 * The default risk model: medium from 5, high from 15, critical from 30; a critical finding
 * weighs 30, high 15, medium 6, low 2; a mandatory report makes the level critical.
 * @example
 * DEFAULT_RISK_MODEL.mandatoryReportFloor //=> "critical"
 * @category Risk
 */
export const DEFAULT_RISK_MODEL: RiskModel = /*#__PURE__*/ Object.freeze(
  RiskModelSchema.parse({}),
) as RiskModel;
