import { produce } from "immer";
import * as z from "zod";
import { builtinChecklistRegistry } from "../checklists/builtin";
import { scoreChecklist, type ChecklistScore, type ChecklistSource } from "../checklists/engine";
import { LocalizedTextSchema } from "../checklists/text";
import { ValidationError } from "../errors/errors";
import { invalidArgument, validate } from "../errors/validate";
import { validateList } from "../errors/validate-list";
import { text, type LocalizedText } from "../i18n";
import { LegalSeveritySchema, type LegalSeverity } from "../legal/types";
import {
  ChildFileSchema,
  RiskLevelSchema,
  type ChildFile,
  type ChildFileInput,
  type RiskLevel,
} from "../model/child-file";
import { AsOfSchema, InstantSchema } from "../model/primitives";
import { AssessmentSchema, type Assessment, type AssessmentInput } from "../model/records";
import { resolveAsOf } from "../time/convert";
import { daysBetween } from "../time/calendar-date";
import { DEFAULT_TIME_ZONE, type AsOf, type CalendarDate, type TimeZone } from "../time/types";
import { dateInZone } from "../time/zone";
import { TimeZoneSchema } from "../model/primitives";
import {
  DEFAULT_RISK_MODEL,
  RISK_LEVEL_RANK,
  RiskModelSchema,
  type RiskModel,
  type RiskModelInput,
} from "./model";

/**
 * A finding as risk reads it: a legal finding, or any rule's finding with a severity.
 * @example
 * RiskFindingSchema.parse({ code: "mpl23.no-written-notice", severity: "medium" }).mandatoryReport //=> false
 * @category Risk
 */
export const RiskFindingSchema = z.looseObject({
  code: z.string().min(1),
  severity: LegalSeveritySchema,
  message: LocalizedTextSchema.optional(),
  mandatoryReport: z.boolean().default(false),
});
/** @category Risk */
export interface RiskFinding {
  readonly code: string;
  readonly severity: LegalSeverity;
  readonly message?: LocalizedText;
  readonly mandatoryReport?: boolean;
}

/**
 * Visit and contact compliance, in one of two simple shapes: a summary
 * (`{ missedContacts, overdueContacts?, overdueDays? }`) or a list of statuses (rows of a
 * compliance report; `missed` and `overdue` rows count, `overdueDays` is added up).
 * @example
 * RiskComplianceSchema.parse({ missedContacts: 2 }) //=> { missedContacts: 2, overdueContacts: 0, overdueDays: 0 }
 * @category Risk
 */
export const RiskComplianceSchema = z.union([
  z.object({
    missedContacts: z.number().int().nonnegative(),
    overdueContacts: z.number().int().nonnegative().default(0),
    overdueDays: z.number().nonnegative().default(0),
  }),
  z.array(z.looseObject({ status: z.string(), overdueDays: z.number().nonnegative().optional() })),
]);
/** @category Risk */
export type RiskCompliance = z.input<typeof RiskComplianceSchema>;

/** A scored assessment as risk reads it. */
const ScoreSchema = z.looseObject({
  assessmentId: z.string(),
  childId: z.string(),
  checklistId: z.string(),
  checklistVersion: z.string(),
  takenAt: InstantSchema,
  riskFactors: z.array(
    z.object({ code: z.string(), label: LocalizedTextSchema, weight: z.number().nonnegative() }),
  ),
});

const InputSchema = z.object({
  asOf: AsOfSchema,
  assessments: z.array(z.unknown()).default([]),
  findings: z.array(RiskFindingSchema).default([]),
  compliance: RiskComplianceSchema.optional(),
  timeZone: TimeZoneSchema.default(DEFAULT_TIME_ZONE),
  population: z.string().optional(),
});

/**
 * Inputs of {@link assessRisk}.
 * @category Risk
 */
export interface AssessRiskOptions {
  /** The day the risk is assessed on (an instant or `Date` is read in `timeZone`). */
  asOf: AsOf;
  /** Assessments of this child: stored (scored here with `registry`) or already scored. */
  assessments?: readonly (AssessmentInput | Assessment | ChecklistScore)[];
  /** Findings of the legal checks (or any rule with a severity). */
  findings?: readonly RiskFinding[];
  /** Visit and contact compliance. */
  compliance?: RiskCompliance;
  /** The model; default {@link DEFAULT_RISK_MODEL}. */
  model?: RiskModelInput;
  /** Checklist versions for stored assessments; default the built-in checklists. */
  registry?: ChecklistSource;
  /** Population for band norms when scoring stored assessments. */
  population?: string;
  /** Zone for the date an assessment was taken. Default `Asia/Shanghai`. */
  timeZone?: TimeZone;
}

/**
 * One reason for a child's risk and its weight.
 * @category Risk
 */
export interface RiskFactor {
  readonly source: "finding" | "assessment" | "compliance";
  /** The finding code, the checklist factor code, or `compliance.*`. */
  readonly code: string;
  readonly label: LocalizedText;
  readonly weight: number;
  /** The assessment id, for an assessment factor. */
  readonly assessmentId?: string;
}

/**
 * A lower bound on the level set by a finding (a mandatory report, a critical finding).
 * @category Risk
 */
export interface RiskFloor {
  readonly level: RiskLevel;
  readonly code: string;
  readonly reason: LocalizedText;
}

/**
 * The result of {@link assessRisk}: the level, the score and every factor, so a person can see
 * why.
 * @category Risk
 */
export interface RiskAssessment {
  readonly childId: string;
  readonly asOf: CalendarDate;
  readonly level: RiskLevel;
  /** Sum of the factors' weights. */
  readonly score: number;
  /** The level from the score alone, before floors. */
  readonly scoreLevel: RiskLevel;
  /** Every factor, heaviest first. */
  readonly factors: readonly RiskFactor[];
  /** Floors that applied (a level the result cannot go below). */
  readonly floors: readonly RiskFloor[];
  readonly modelVersion: string;
  /** Assessments left out, with the reason (stale, after `asOf`, superseded by a newer one). */
  readonly skippedAssessments: readonly {
    readonly assessmentId: string;
    readonly reason: "after-as-of" | "stale" | "superseded";
  }[];
}

function levelOf(score: number, model: RiskModel): RiskLevel {
  const t = model.thresholds;
  return score >= t.critical
    ? "critical"
    : score >= t.high
      ? "high"
      : score >= t.medium
        ? "medium"
        : "low";
}

function maxLevel(a: RiskLevel, b: RiskLevel): RiskLevel {
  return RISK_LEVEL_RANK[a] >= RISK_LEVEL_RANK[b] ? a : b;
}

/**
 * Assesses a child's risk level from the latest assessments (their band and flag weights),
 * the legal findings (weights by severity or code, floors for mandatory reports) and visit
 * compliance, with every factor listed. The level feeds the visit policies' risk selectors
 * (write it back with {@link withRiskLevel}) and the pairing priorities. Adding a finding
 * never lowers the level.
 * @param file - the child file
 * @param options - `asOf`, assessments, findings, compliance, model
 * @returns the level, score, factors and floors
 * @throws ValidationError naming the faulty field (`assessments[2].childId`, `model.thresholds`)
 * @example
 * const findings = checkLegalDuties(file, { asOf: "2026-03-01" });
 * const risk = assessRisk(file, { asOf: "2026-03-01", assessments: [needsAssessment], findings });
 * risk.level //=> "critical"
 * risk.factors[0] //=> { source: "finding", code: "mpl21.under-16-living-alone", weight: 30, … }
 * @category Risk
 */
export function assessRisk(
  file: ChildFileInput | ChildFile,
  options: AssessRiskOptions,
): RiskAssessment {
  const f = validate(ChildFileSchema, file, { subject: text("儿童档案", "child file") });
  const { model, registry, ...rest } = options ?? ({} as AssessRiskOptions);
  return riskOf(f, rest, modelOf(model), registry);
}

/**
 * Inputs of {@link assessRiskAll}: those of {@link AssessRiskOptions} for many children, with
 * the findings by child and one list of every child's assessments.
 * @category Risk
 */
export interface AssessRiskAllOptions extends Omit<
  AssessRiskOptions,
  "assessments" | "findings" | "compliance"
> {
  /** Assessments of any of the children (each counts for its `childId`). */
  assessments?: readonly (AssessmentInput | Assessment | ChecklistScore)[];
  /** Findings by child id (such as {@link checkLegalDutiesAll} gives). */
  findings?: ReadonlyMap<string, readonly RiskFinding[]>;
  /** Visit and contact compliance by child id. */
  compliance?: ReadonlyMap<string, RiskCompliance>;
}

/**
 * Assesses the risk of many children, as {@link assessRisk} does for one, validating the files
 * and the model once for all of them instead of once per child.
 * @param files - the child files (ids must be unique)
 * @param options - `asOf`, every child's assessments, findings and compliance by child, model
 * @returns each child's assessment by file id, in the order of `files`, exactly as
 * {@link assessRisk} gives it
 * @throws ValidationError naming every faulty file, repeated id, assessment or option
 * @example
 * const findings = checkLegalDutiesAll(files, { asOf: "2026-03-01", records });
 * assessRiskAll(files, { asOf: "2026-03-01", findings, assessments }).get("c1")?.level //=> "critical"
 * @category Risk
 */
export function assessRiskAll(
  files: readonly (ChildFileInput | ChildFile)[],
  options: AssessRiskAllOptions,
): Map<string, RiskAssessment> {
  const valid = validateList(ChildFileSchema, files, {
    path: ["files"],
    subject: text("儿童档案", "child file"),
    idNoun: text("儿童", "child"),
  });
  const { model, registry, assessments, findings, compliance, ...rest } =
    options ?? ({} as AssessRiskAllOptions);
  const resolved = modelOf(model);
  if (assessments !== undefined && !Array.isArray(assessments))
    throw invalidArgument(
      "assessments",
      "invalid_type",
      text("应为评估数组", "expected an array of assessments"),
      assessments,
    );
  type Input = NonNullable<AssessRiskOptions["assessments"]>[number];
  const byChild = new Map<string, Input[]>();
  for (const [i, a] of (assessments ?? []).entries()) {
    const id = (a as { childId?: unknown } | null)?.childId;
    if (typeof id !== "string")
      throw invalidArgument(
        `assessments[${i}].childId`,
        "invalid_type",
        text("应为儿童编号", "expected a child id"),
        id,
      );
    const list = byChild.get(id);
    if (list) list.push(a);
    else byChild.set(id, [a]);
  }
  const mapOf = <V>(name: string, m: ReadonlyMap<string, V> | undefined) => {
    if (m !== undefined && !(m instanceof Map))
      throw invalidArgument(
        name,
        "invalid_type",
        text("应为按儿童编号的 Map", "expected a Map by child id"),
        m,
      );
    return m;
  };
  const findingsBy = mapOf("findings", findings);
  const complianceBy = mapOf("compliance", compliance);
  return new Map(
    valid.map((f) => {
      const c = complianceBy?.get(f.id);
      const input = {
        ...rest,
        assessments: byChild.get(f.id) ?? [],
        findings: findingsBy?.get(f.id) ?? [],
        ...(c !== undefined ? { compliance: c } : {}),
      };
      return [f.id, riskOf(f, input, resolved, registry)];
    }),
  );
}

function modelOf(modelInput: RiskModelInput | undefined): RiskModel {
  return modelInput === undefined
    ? DEFAULT_RISK_MODEL
    : validate(RiskModelSchema, modelInput, {
        subject: text("风险模型", "risk model"),
        path: ["model"],
      });
}

/** The risk of a validated file, with the options other than the model checked here. */
function riskOf(
  f: ChildFile,
  rest: Omit<AssessRiskOptions, "model" | "registry">,
  model: RiskModel,
  registry: ChecklistSource | undefined,
): RiskAssessment {
  const subject = text("风险评估输入", "risk assessment input");
  const valid = validate(InputSchema, rest, { subject });
  const o = { ...valid, asOf: resolveAsOf(valid.asOf, valid.timeZone) };
  // A stored assessment has `responses`; anything else must be a scored one.
  const assessments = o.assessments.map((a, i) => {
    if (typeof a === "object" && a !== null && "responses" in a) {
      const stored = validate(AssessmentSchema, a, { subject, path: ["assessments", i] });
      return {
        id: stored.id,
        childId: stored.childId,
        checklistId: stored.checklistId,
        takenAt: stored.takenAt,
        stored,
      };
    }
    const scored = validate(ScoreSchema, a, { subject, path: ["assessments", i] });
    return {
      id: scored.assessmentId,
      childId: scored.childId,
      checklistId: scored.checklistId,
      takenAt: scored.takenAt,
      scored,
    };
  });
  const factors: RiskFactor[] = [];
  const floors: RiskFloor[] = [];

  // Assessments: this child's, taken by asOf, not stale; the latest per checklist.
  const source = registry ?? builtinChecklistRegistry();
  const wrongChild = assessments.findIndex((a) => a.childId !== f.id);
  if (wrongChild >= 0) {
    const got = assessments[wrongChild]!.childId;
    throw new ValidationError(
      [
        {
          path: `assessments[${wrongChild}].childId`,
          code: "risk_wrong_child",
          received: JSON.stringify(got),
          message: text(
            `字段 assessments[${wrongChild}].childId：评估属于其他儿童，应为 ${f.id}（收到："${got}"）`,
            `assessments[${wrongChild}].childId: the assessment is of another child; expected ${f.id} (received: "${got}")`,
          ),
        },
      ],
      { subject },
    );
  }
  const skipped: { assessmentId: string; reason: "after-as-of" | "stale" | "superseded" }[] = [];
  const latest = new Map<string, (typeof assessments)[number]>();
  for (const a of assessments) {
    const day = dateInZone(a.takenAt, o.timeZone);
    if (day > o.asOf) {
      skipped.push({ assessmentId: a.id, reason: "after-as-of" });
      continue;
    }
    if (daysBetween(day, o.asOf) > model.assessmentMaxAgeDays) {
      skipped.push({ assessmentId: a.id, reason: "stale" });
      continue;
    }
    const prev = latest.get(a.checklistId);
    const newer = !prev || Date.parse(a.takenAt) > Date.parse(prev.takenAt);
    if (prev && newer) skipped.push({ assessmentId: prev.id, reason: "superseded" });
    if (newer) latest.set(a.checklistId, a);
    else skipped.push({ assessmentId: a.id, reason: "superseded" });
  }
  for (const a of latest.values()) {
    const riskFactors = a.stored
      ? scoreChecklist(
          source,
          a.stored,
          o.population === undefined ? {} : { population: o.population },
        ).riskFactors
      : a.scored!.riskFactors;
    for (const r of riskFactors) {
      const weight = r.weight * model.assessmentWeight;
      if (weight > 0)
        factors.push({
          source: "assessment",
          code: r.code,
          label: r.label,
          weight,
          assessmentId: a.id,
        });
    }
  }

  // Findings.
  for (const finding of o.findings) {
    const weight = model.codeWeights[finding.code] ?? model.findingWeights[finding.severity];
    const label = finding.message ?? text(finding.code, finding.code);
    if (weight > 0) factors.push({ source: "finding", code: finding.code, label, weight });
    if (finding.mandatoryReport)
      floors.push({
        level: model.mandatoryReportFloor,
        code: finding.code,
        reason: text(`须强制报告：${label["zh-CN"]}`, `mandatory report: ${label.en}`),
      });
    const sf = model.severityFloors[finding.severity];
    if (sf)
      floors.push({
        level: sf,
        code: finding.code,
        reason: text(
          `存在${finding.severity}级别的发现：${label["zh-CN"]}`,
          `a ${finding.severity} finding: ${label.en}`,
        ),
      });
  }

  // Compliance.
  if (o.compliance !== undefined) {
    let missed = 0;
    let overdue = 0;
    let overdueDays = 0;
    if (Array.isArray(o.compliance)) {
      for (const row of o.compliance) {
        if (row.status === "missed") missed++;
        if (row.status === "overdue") overdue++;
        overdueDays += row.overdueDays ?? 0;
      }
    } else {
      missed = o.compliance.missedContacts;
      overdue = o.compliance.overdueContacts;
      overdueDays = o.compliance.overdueDays;
    }
    const c = model.compliance;
    const raw = missed * c.perMissed + overdue * c.perOverdue + overdueDays * c.perOverdueDay;
    const weight = Math.min(raw, c.max);
    if (weight > 0)
      factors.push({
        source: "compliance",
        code: "compliance.contacts",
        weight,
        label: text(
          `走访/联系未按要求完成：缺 ${missed} 次，逾期 ${overdue} 次，共逾期 ${overdueDays} 天`,
          `visits and contacts short: ${missed} missed, ${overdue} overdue, ${overdueDays} days overdue in all`,
        ),
      });
  }

  factors.sort((a, b) => b.weight - a.weight || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  let score = 0;
  for (const x of factors) score += x.weight;
  const scoreLevel = levelOf(score, model);
  let level = scoreLevel;
  for (const fl of floors) level = maxLevel(level, fl.level);
  return {
    childId: f.id,
    asOf: o.asOf,
    level,
    score,
    scoreLevel,
    factors,
    floors,
    modelVersion: model.version,
    skippedAssessments: skipped,
  };
}

/**
 * Writes an assessed risk level back into a child file (a new, frozen file; the input is not
 * changed), so the visit policies' risk selectors and the pairing priorities read it from
 * `file.riskLevel`.
 * @param file - the child file
 * @param result - a {@link RiskAssessment} (or just `{ level }`)
 * @returns the file with `riskLevel` set
 * @example
 * const updated = withRiskLevel(file, assessRisk(file, { asOf: "2026-03-01", findings }));
 * updated.riskLevel //=> "critical"
 * @category Risk
 */
export function withRiskLevel(
  file: ChildFileInput | ChildFile,
  result: Pick<RiskAssessment, "level">,
): ChildFile {
  const f = validate(ChildFileSchema, file, { subject: text("儿童档案", "child file") });
  const level = validate(RiskLevelSchema, result?.level, {
    subject: text("风险等级", "risk level"),
    path: ["level"],
  });
  return produce(f, (draft) => {
    draft.riskLevel = level;
  });
}
