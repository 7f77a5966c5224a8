import {
  addDays,
  assessRiskAll,
  checkLegalDutiesAll,
  classifyLeftBehind,
  completenessReportPartitioned,
  enrolmentStatistics,
  DefinitionChoiceSchema,
  leftBehindStatisticsPartitioned,
  startOfDateInZone,
  text,
  type CalendarDate,
  type ChildFile,
  type CompletenessReport,
  type CompletenessReportOptions,
  type DefinitionChoice,
  type EnrolmentStatistics,
  type LeftBehindClassification,
  type LeftBehindStatistics,
  type LegalFinding,
  type LocalizedText,
  type RiskAssessment,
  type School,
  type SchoolClass,
  type StatisticsOptions,
  type StorageSession,
  type TimeZone,
} from "@liushou/core";
import * as z from "zod";
import type { Context } from "../context";
import { drain, ScopeSchema, type LiushouScope } from "./scope";
import { checkArgument, DaySchema } from "../_lib/arguments";

/** Files held at once by an analysis: one batch of the children in scope. */
const BATCH = 1000;
/** Contact records reach back this far before `asOf` for the weekly-contact rule. */
const LOOK_BACK_DAYS = 400;

/** The files of a scope, a batch at a time, as the actor's scope filters them. */
async function* fileBatches(s: StorageSession, scope: LiushouScope): AsyncIterable<ChildFile[]> {
  let batch: ChildFile[] = [];
  for await (const r of s.files.stream(scope)) {
    batch.push(r.value);
    if (batch.length === BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** The schools and classes of a scope, for the names of rows. */
async function organisation(s: StorageSession, scope: LiushouScope) {
  const schoolFilter = scope.schoolId
    ? { ids: [scope.schoolId] }
    : { regionCode: scope.regionCode };
  const schools: School[] = await drain(s.schools.stream(schoolFilter), (r) => r.value);
  const ids = new Set(schools.map((x) => x.id));
  const classes: SchoolClass[] = await drain(s.classes.stream({}), (r) =>
    ids.has(r.value.schoolId) ? r.value : undefined,
  );
  return { schools, classes };
}

const ScopeOption = z.object({ scope: ScopeSchema });

/** The options of core's counters that `statistics` and `completeness` pass on. */
const COUNTING_KEYS = [
  "asOf",
  "zone",
  "definition",
  "groupBy",
  "areaBy",
  "schools",
  "classes",
  "validation",
] as const satisfies readonly (keyof AnalysisStatisticsOptions &
  keyof AnalysisCompletenessOptions)[];
const STATISTICS_KEYS = [
  ...COUNTING_KEYS,
  "convention",
] as const satisfies readonly (keyof AnalysisStatisticsOptions)[];
const COMPLETENESS_KEYS = [
  ...COUNTING_KEYS,
  "fields",
  "fileOpenedBy",
  "details",
] as const satisfies readonly (keyof AnalysisCompletenessOptions)[];

/**
 * Splits the validated `scope` off the options (no option besides `known` and `scope` taken);
 * core validates the rest.
 */
function split<O extends { scope?: LiushouScope }>(
  ctx: Context,
  options: O | undefined,
  subject: LocalizedText,
  known: readonly string[],
): { scope: LiushouScope; rest: Omit<O, "scope"> } {
  const { scope } = checkArgument(ctx, "options", options, ScopeOption, subject, {
    optional: true,
    known,
  });
  const { scope: _given, ...rest } = options ?? ({} as O);
  return { scope, rest };
}

/**
 * Runs one of core's partitioned counters over the stored, unmasked files of the scope, a batch
 * at a time, in one transaction; `asOf` defaults to today and the rows' names to the schools and
 * classes stored in the scope.
 */
async function countInScope<
  O extends { scope?: LiushouScope; schools?: unknown; classes?: unknown },
  R,
>(
  ctx: Context,
  options: O | undefined,
  subject: LocalizedText,
  known: readonly string[],
  count: (
    batches: AsyncIterable<ChildFile[]>,
    options: Omit<O, "scope"> & { asOf: CalendarDate; zone: TimeZone },
  ) => Promise<R>,
): Promise<R> {
  const { scope, rest } = split(ctx, options, subject, known);
  return ctx.storage.transaction(async (tx) => {
    const names = rest.schools && rest.classes ? {} : await organisation(tx, scope);
    return count(fileBatches(tx, scope), {
      asOf: ctx.today(),
      zone: ctx.timeZone,
      ...names,
      ...rest,
    });
  });
}

/**
 * Options of `statistics`: those of core's `leftBehindStatistics` (`asOf` defaults to today;
 * `schools` and `classes`, for the rows' names, default to those stored in the scope), and
 * which children.
 * @category Composition
 */
export interface AnalysisStatisticsOptions extends Omit<StatisticsOptions, "asOf"> {
  asOf?: StatisticsOptions["asOf"];
  scope?: LiushouScope;
}

/**
 * Left-behind counts of the children in the actor's scope (and `scope`), counted inside the
 * library on the stored, unmasked files a batch at a time. @internal
 */
export function statistics(
  ctx: Context,
  options?: AnalysisStatisticsOptions,
): Promise<LeftBehindStatistics> {
  return countInScope(
    ctx,
    options,
    text("统计选项", "statistics options"),
    STATISTICS_KEYS,
    leftBehindStatisticsPartitioned,
  );
}

/**
 * Options of `completeness`: those of core's `completenessReport` (`asOf` defaults to today),
 * and which children.
 * @category Composition
 */
export interface AnalysisCompletenessOptions extends Omit<CompletenessReportOptions, "asOf"> {
  asOf?: CompletenessReportOptions["asOf"];
  scope?: LiushouScope;
}

/**
 * File completeness of the children in scope, counted inside the library a batch at a time.
 * @internal
 */
export function completeness(
  ctx: Context,
  options?: AnalysisCompletenessOptions,
): Promise<CompletenessReport> {
  return countInScope(
    ctx,
    options,
    text("建档率选项", "completeness options"),
    COMPLETENESS_KEYS,
    completenessReportPartitioned,
  );
}

const EnrolmentOptionsSchema = z.object({
  from: DaySchema,
  asOf: DaySchema.optional(),
  scope: ScopeSchema.optional(),
  schoolAge: z.object({ from: z.number(), to: z.number() }).optional(),
});

/**
 * Options of `enrolment`: those of core's `enrolmentStatistics` (`asOf` defaults to today), and
 * which children.
 * @category Composition
 */
export interface EnrolmentOptions {
  /** The start of the period (the school year's first day, say). */
  from: CalendarDate;
  asOf?: CalendarDate;
  scope?: LiushouScope;
  /** Ages of compulsory schooling. Default 6–15. */
  schoolAge?: { from: number; to: number };
}

/** Enrolment and retention of the left-behind children in scope, counted inside the library. @internal */
export async function enrolment(
  ctx: Context,
  options: EnrolmentOptions,
): Promise<EnrolmentStatistics> {
  const o = checkArgument(
    ctx,
    "options",
    options,
    EnrolmentOptionsSchema,
    text("入学统计选项", "enrolment options"),
  );
  const files = await ctx.storage.transaction((tx) =>
    drain(tx.files.stream(o.scope ?? {}), (r) => r.value),
  );
  return enrolmentStatistics({
    files,
    from: o.from,
    asOf: o.asOf ?? ctx.today(),
    ...(o.schoolAge ? { schoolAge: o.schoolAge } : {}),
  });
}

const RiskOptionsSchema = z.object({
  asOf: DaySchema.optional(),
  scope: ScopeSchema.optional(),
  definition: DefinitionChoiceSchema.optional(),
  leftBehindOnly: z.boolean().default(false),
});

/**
 * Options of `assessRisks`: the day judged (default today), which children, the definition of
 * left-behind (default `"state-council-2016"`) and whether to keep only the left-behind.
 * @category Composition
 */
export interface AssessRisksOptions {
  asOf?: CalendarDate;
  scope?: LiushouScope;
  definition?: DefinitionChoice;
  /** Only the children left behind under `definition`. Default `false`. */
  leftBehindOnly?: boolean;
}

/**
 * One child's review: whether it is left behind (and why), its legal findings and its risk.
 * Ids, codes, levels and dates: no value of the child's file.
 * @category Composition
 */
export interface ChildRisk {
  readonly childId: string;
  readonly classification: LeftBehindClassification;
  readonly findings: readonly LegalFinding[];
  readonly risk: RiskAssessment;
}

/**
 * Classifies every child in scope, checks its legal duties against its stored contact records
 * and assesses its risk from them and its stored assessments, inside the library on unmasked
 * data, a batch of children at a time. @internal
 */
export async function assessRisks(
  ctx: Context,
  options?: AssessRisksOptions,
): Promise<ChildRisk[]> {
  const o = checkArgument(
    ctx,
    "options",
    options,
    RiskOptionsSchema,
    text("风险评估选项", "risk options"),
    { optional: true },
  );
  const asOf = o.asOf ?? ctx.today();
  const scope = o.scope ?? {};
  const definition = options?.definition;
  const since = startOfDateInZone(addDays(asOf, -LOOK_BACK_DAYS), ctx.timeZone);
  return ctx.storage.transaction(async (tx) => {
    const out: ChildRisk[] = [];
    for await (const all of fileBatches(tx, scope)) {
      const classified = all.map((file) => ({
        file,
        classification: classifyLeftBehind(file, {
          asOf,
          zone: ctx.timeZone,
          ...(definition === undefined ? {} : { definition }),
        }),
      }));
      const kept = o.leftBehindOnly
        ? classified.filter((c) => c.classification.leftBehind)
        : classified;
      if (kept.length === 0) continue;
      const files = kept.map((c) => c.file);
      const childIds = files.map((f) => f.id);
      const inBatch = new Set(childIds);
      const records = await drain(tx.contacts.stream({ childIds, at: { from: since } }), (r) =>
        r.value.childIds.some((id) => inBatch.has(id)) ? r.value : undefined,
      );
      // Assessments taken after `asOf` are skipped by the risk model itself.
      const assessments = await drain(
        tx.assessments.stream({ scope: { childIds } }),
        (r) => r.value,
      );
      const findings = checkLegalDutiesAll(files, { asOf, records, timeZone: ctx.timeZone });
      const risks = assessRiskAll(files, {
        asOf,
        findings,
        assessments,
        registry: ctx.checklists,
        timeZone: ctx.timeZone,
      });
      for (const { file, classification } of kept) {
        out.push({
          childId: file.id,
          classification,
          findings: findings.get(file.id) ?? [],
          risk: risks.get(file.id)!,
        });
      }
    }
    return out;
  });
}
