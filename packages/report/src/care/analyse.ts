import {
  POLICY_PRESETS,
  assessRiskAll,
  checkLegalDutiesAll,
  completenessReport,
  evaluateCompliance,
  leftBehindStatistics,
  rollUpCompliance,
  workList,
  type BoardingConvention,
  type ChildFile,
  type CompletenessReport,
  type ComplianceReport,
  type DefinitionChoice,
  type LeftBehindStatistics,
  type LegalFinding,
  type Policy,
  type RiskAssessment,
  type RollUpBy,
  type RollUpRow,
  type WorkList,
} from "@liushou/core";
import type { ResolvedOptions } from "../reports/options";
import type { ReportScope, ScopedData } from "./scope";

/**
 * The visit policies a care report checks when the host names none: a monthly home visit by
 * the teacher mentor and a monthly call with the migrant parents (the cadences of the work
 * summaries).
 * @example
 * DEFAULT_REPORT_POLICIES.map((p) => p.id) //=> ["home-visit-monthly", "parent-call-monthly"]
 * @category Report builders
 */
export const DEFAULT_REPORT_POLICIES: readonly Policy[] = Object.freeze([
  POLICY_PRESETS.homeVisitMonthly,
  POLICY_PRESETS.parentCallMonthly,
]);

/** Everything core computes about one scope, computed once. @internal */
export interface CareAnalysis {
  readonly data: ScopedData;
  readonly stats: LeftBehindStatistics;
  readonly completeness: CompletenessReport;
  /** Left-behind children on `asOf` (those `completenessReport` checked), with assessed risk. */
  readonly leftBehind: readonly ChildFile[];
  readonly findings: ReadonlyMap<string, readonly LegalFinding[]>;
  readonly risk: ReadonlyMap<string, RiskAssessment>;
  readonly compliance: ComplianceReport;
  readonly policies: readonly Policy[];
  /** The scope's roll-up row per policy (`undefined` when the policy had no row there). */
  readonly byPolicy: readonly { readonly policy: Policy; readonly row: RollUpRow | undefined }[];
  /** The scope's roll-up row over every policy. */
  readonly overall: RollUpRow | undefined;
  readonly work: WorkList;
  /** Left-behind children without a pairing in force on `asOf`. */
  readonly unpaired: readonly ChildFile[];
}

/** Inputs of the analysis beyond the scoped data. @internal */
export interface AnalysisOptions {
  o: ResolvedOptions;
  scope: ReportScope;
  policies?: readonly Policy[] | undefined;
  definition?: DefinitionChoice | undefined;
  convention?: BoardingConvention | undefined;
  /** Days ahead for the due-soon list. */
  withinDays?: number | undefined;
}

/**
 * Runs core over one scope: statistics, completeness (which names the left-behind children),
 * legal checks and risk per child (the level written back into the file), compliance of the
 * visit policies on the risk-levelled files, the roll-ups of the scope and the work list.
 * @internal
 */
export function analyseCare(data: ScopedData, options: AnalysisOptions): CareAnalysis {
  const { o, scope, definition, convention } = options;
  const counting = {
    asOf: o.asOf,
    zone: o.timeZone,
    ...(definition !== undefined ? { definition } : {}),
    schools: data.schools,
    classes: data.classes,
  };
  const stats = leftBehindStatistics(data.files, {
    ...counting,
    ...(convention !== undefined ? { convention } : {}),
  });
  const completeness = completenessReport(data.files, counting);
  const ids = new Set(completeness.children.map((c) => c.fileId));
  // Legal checks and risk for every left-behind child at once: core validates the files, the
  // records and the assessments once, not once per child.
  const leftBehindFiles = data.files.filter((f) => ids.has(f.id));
  const checked = { asOf: o.asOf, timeZone: o.timeZone };
  const findings = checkLegalDutiesAll(leftBehindFiles, { ...checked, records: data.records });
  const risk = assessRiskAll(leftBehindFiles, {
    ...checked,
    findings,
    assessments: data.assessments,
  });
  // The files are validated by the checks above; copying each with its level is what
  // withRiskLevel does, without validating it a third time.
  const leveled = new Map(
    leftBehindFiles.map((file) => [file.id, { ...file, riskLevel: risk.get(file.id)!.level }]),
  );
  const files = data.files.map((f) => leveled.get(f.id) ?? f);
  const policies = options.policies ?? DEFAULT_REPORT_POLICIES;
  const compliance = evaluateCompliance({
    policies,
    children: files,
    mentors: data.mentors,
    pairings: data.pairings,
    records: data.records,
    activities: data.activities,
    schools: data.schools,
    ...(data.calendar !== undefined ? { calendar: data.calendar } : {}),
    timeZone: o.timeZone,
    period: o.period,
    asOf: o.asOf,
  });
  const by: RollUpBy = scope.level;
  const key = scope.level === "school" ? scope.id : scope.code;
  const rowOf = (policyIds?: string[]) =>
    rollUpCompliance(compliance, { by, ...(policyIds ? { policyIds } : {}) }).find(
      (r) => r.key === key,
    );
  const paired = new Set(
    data.pairings
      .filter((p) => p.start <= o.asOf && (p.end === undefined || p.end >= o.asOf))
      .map((p) => p.childId),
  );
  return {
    data,
    stats,
    completeness,
    leftBehind: files.filter((f) => ids.has(f.id)),
    findings,
    risk,
    compliance,
    policies,
    byPolicy: policies.map((policy) => ({ policy, row: rowOf([policy.id]) })),
    overall: rowOf(),
    work: workList(compliance, { withinDays: options.withinDays ?? 14 }),
    unpaired: files.filter((f) => ids.has(f.id) && !paired.has(f.id)),
  };
}
