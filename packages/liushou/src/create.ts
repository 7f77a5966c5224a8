import type {
  AssistancePlan,
  CalendarDate,
  ChildFile,
  ComplianceReport,
  ConsentPurpose,
  ConsentRecord,
  ConsentStatus,
  ContactRecord,
  FileChange,
  FileRecipe,
  Instant,
  PairingPlan,
  ProgressEntry,
  StorageAdapter,
  StorageContactCount,
  StorageContactCountQuery,
  StorageRecord,
  WhyNot,
  WorkList,
} from "@liushou/core";
import {
  AssessmentSchema,
  AssistancePlanSchema,
  ChildFileSchema,
  ConsentRecordSchema,
  ContactRecordSchema,
  IdSchema,
  maskFields,
  text,
  createAuditVerifier,
  type ActorInput,
  type AuditVerification,
  type CompletenessReport,
  type EnrolmentStatistics,
  type FieldClass,
  type LeftBehindStatistics,
} from "@liushou/core";
import * as z from "zod";
import { makeContext, withActor, type Context, type LiushouOptions } from "./context";
import { checkArgument } from "./_lib/arguments";
import { inLocaleMethods } from "./_lib/localized";
import { reveal, type RevealResult } from "./usecases/reveal";
import {
  consentStatusNow,
  recordConsent,
  withdrawConsent,
  type RecordConsentInput,
} from "./usecases/consent";
import { maskChange, maskReport } from "./access/masked";
import { assessChild, type AssessChildInput, type AssessChildResult } from "./usecases/assessment";
import {
  lateAssistanceItems,
  proposeAssistancePlan,
  trackAssistancePlan,
  type LatePlanItem,
  type ProposePlanInput,
} from "./usecases/assistance";
import {
  compliance,
  contactCounts,
  listDue,
  type ComplianceOptions,
  type DueOptions,
} from "./usecases/compliance";
import { recordContact, type RecordContactInput } from "./usecases/contacts";
import { fileAsOf, importFiles, updateFile, type FileUpdateResult } from "./usecases/files";
import { importEntities, type ImportableKind, type ImportResult } from "./usecases/import";
import {
  applyPairingPlan,
  explainWhyNot,
  planPairings,
  type AppliedPairingPlan,
  type PlanPairingsOptions,
} from "./usecases/pairing";
import { buildReport } from "./usecases/reports";
import {
  assessRisks,
  completeness,
  enrolment,
  statistics,
  type EnrolmentOptions,
  type AnalysisCompletenessOptions,
  type AnalysisStatisticsOptions,
  type AssessRisksOptions,
  type ChildRisk,
} from "./usecases/analysis";
import {
  applyRetention,
  type ApplyRetentionOptions,
  type RetentionReport,
} from "./usecases/retention";

/**
 * The use cases of Liushou over one storage adapter. Each validates its input, runs in one
 * transaction, takes its time from the clock and returns plain data; a driver failure
 * surfaces as `StorageError { adapterId, operation, cause }`.
 * @category Composition
 */
export interface Liushou {
  /**
   * The adapter as the actor sees it: reads filtered by its scope and masked for its role,
   * writes outside the scope refused (`ForbiddenError`), driver errors as `StorageError`.
   */
  readonly storage: StorageAdapter;
  /**
   * The field classes the actor's role sees in full; other classed fields come back masked. A
   * frozen array: changing it cannot unmask anything.
   */
  readonly visibleClasses: readonly FieldClass[];
  /** The same use cases acting as another user (a host passes the signed-in user per request). */
  as(actor: ActorInput | string): Liushou;
  /**
   * Shows fields of a child's file in full (paths such as `child.idNumber`,
   * `guardians.0.phone`) for a stated purpose, and records the reveal in the audit log.
   * @throws ForbiddenError when the child is outside the actor's scope or not on file.
   */
  reveal(childId: string, fields: readonly string[], purpose: string): Promise<RevealResult>;
  /**
   * Checks the whole hash-chained audit log (administrators only): the first entry edited,
   * deleted or moved, or `ok` with the last hash (keep it to detect entries cut from the end).
   * The log is streamed from storage entry by entry: memory does not grow with its length.
   * `expectedHead` must be a hash as `head` gives it (64 lower-case hex digits), and no other
   * option is taken: a malformed one is a ValidationError, not a broken chain.
   */
  verifyAuditLog(options?: { expectedHead?: string }): Promise<AuditVerification>;
  /**
   * Records a guardian's consent (PIPL Art. 31) for a child on file in the actor's scope; the
   * guardian or parent must be one of the file's. Audited.
   * @throws ForbiddenError when the child is outside the actor's scope.
   */
  recordConsent(input: RecordConsentInput): Promise<StorageRecord<ConsentRecord>>;
  /** Withdraws a consent now (or at `at`): the record keeps `withdrawnAt`. Audited. */
  withdrawConsent(
    id: string,
    options?: { at?: string; reason?: string },
  ): Promise<StorageRecord<ConsentRecord>>;
  /** Whether consent for a purpose is in force now for a child in the actor's scope. */
  consentStatus(childId: string, purpose: ConsentPurpose): Promise<ConsentStatus>;
  /**
   * Applies a retention policy (administrators only) to the files in the actor's scope: each
   * file kept `policy.years` after its child left scope is anonymised (`anonymiseChildFile`)
   * or erased with the records about the child alone, its history and the values in its audit
   * entries redacted, one transaction per file and one `anonymise` or `erase` audit entry each.
   * The audit log still verifies. `dryRun: true` writes nothing and returns the same report;
   * only a dry run may look at an `asOf` later than today. Each file is judged again in its own
   * transaction: one changed meanwhile so that it no longer expires is skipped (`changed`).
   * @example
   * const preview = await admin.applyRetention({ policy: { years: 3, action: "anonymise" }, dryRun: true });
   * preview.counts //=> { anonymised: 12, erased: 0, skipped: 1, kept: 4310 }
   * @throws ForbiddenError for an actor who is not an administrator.
   */
  applyRetention(options: ApplyRetentionOptions): Promise<RetentionReport>;
  /** Imports child files: all rows validated first (every bad row reported), then one transaction. */
  importFiles(rows: readonly unknown[], options?: { reason?: string }): Promise<ImportResult>;
  /** Imports entities of another kind (mentors, pairings, contacts, schools…) the same way. */
  importEntities(
    kind: ImportableKind,
    rows: readonly unknown[],
    options?: { reason?: string },
  ): Promise<ImportResult>;
  /** A stored file, or `null`. */
  getFile(id: string): Promise<StorageRecord<ChildFile> | null>;
  /**
   * Changes a file with an immer recipe; file, history and audit written together. The recipe
   * must be synchronous and either change the draft or return a file: another is refused with a
   * ValidationError on `recipe` (what it throws itself is passed on).
   */
  updateFile(
    id: string,
    recipe: FileRecipe,
    options: { reason: string; expectedVersion?: number },
  ): Promise<FileUpdateResult>;
  /** The change history of a file, oldest first. */
  fileHistory(id: string): Promise<readonly FileChange[]>;
  /** A file as it was at a date or instant, rebuilt from its history; `null` if unknown. */
  fileAsOf(id: string, asOf: CalendarDate | Instant): Promise<ChildFile | null>;
  /**
   * Records a contact (every child and the mentor must be on file, every child in the actor's
   * scope: a `ForbiddenError` otherwise).
   */
  recordContact(input: RecordContactInput): Promise<StorageRecord<ContactRecord>>;
  /** Contact counts per child or mentor (answered by the adapter when it can). */
  contactCounts(query: StorageContactCountQuery): Promise<readonly StorageContactCount[]>;
  /** Plans pairings for a scope from the stored data (reads only). */
  planPairings(options: PlanPairingsOptions): Promise<PairingPlan>;
  /**
   * Why a child was not paired with a mentor in a plan made with the same options (core's
   * `explainWhyNot` on the stored data, read inside the library).
   * @example
   * const plan = await app.planPairings(options);
   * (await app.explainWhyNot(plan, "c7", "t2", options)).message.en //=> "forcing this pair would lower…"
   */
  explainWhyNot(
    plan: PairingPlan,
    childId: string,
    mentorId: string,
    options: PlanPairingsOptions,
  ): Promise<WhyNot>;
  /** Stores a plan's history (new and ended pairings), refusing pairings changed since. */
  applyPairingPlan(plan: PairingPlan, options?: { reason?: string }): Promise<AppliedPairingPlan>;
  /** Visit compliance over a period under the configured policies. */
  compliance(options: ComplianceOptions): Promise<ComplianceReport>;
  /** What is overdue and what falls due soon, highest risk first. */
  listDue(options?: DueOptions): Promise<WorkList>;
  /**
   * Left-behind counts of the children in scope (core's `leftBehindStatistics`), counted inside
   * the library on the stored data, whatever the role may see; `statisticsTableOf` makes the
   * county table of them.
   * @example
   * const s = await teacher.statistics({ groupBy: "class", definition: "school" });
   * statisticsTableOf(s).total.values[1] //=> left-behind children of the teacher's classes
   */
  statistics(options?: AnalysisStatisticsOptions): Promise<LeftBehindStatistics>;
  /**
   * File completeness of the children in scope (core's `completenessReport`), counted inside
   * the library; `details` lists missing fields by path, never a value.
   * @example
   * (await teacher.completeness({ details: false })).total.completeRate //=> 0.82
   */
  completeness(options?: AnalysisCompletenessOptions): Promise<CompletenessReport>;
  /**
   * Enrolment and retention of the left-behind children in scope (core's
   * `enrolmentStatistics`), counted inside the library: counts, rates and dropouts by id.
   * @example
   * (await principal.enrolment({ from: "2025-09-01" })).retentionRate //=> 0.98
   */
  enrolment(options: EnrolmentOptions): Promise<EnrolmentStatistics>;
  /**
   * Every child in scope classified (left behind or not, and why), checked against the legal
   * duties (with its stored contact records) and assessed for risk (with its stored
   * assessments), inside the library: ids, codes, levels and dates come out, no field value.
   * @example
   * const reviews = await teacher.assessRisks({ leftBehindOnly: true });
   * reviews.filter((r) => r.risk.level === "critical").map((r) => r.childId) //=> ["c7"]
   */
  assessRisks(options?: AssessRisksOptions): Promise<ChildRisk[]>;
  /** Scores and stores an assessment, reassesses the child's risk and records a change of level. */
  assessChild(input: AssessChildInput): Promise<AssessChildResult>;
  /** Proposes and stores an assistance plan from the latest needs assessment and the legal findings. */
  proposeAssistancePlan(input: ProposePlanInput): Promise<StorageRecord<AssistancePlan>>;
  /** Adds progress to an item of a stored plan. */
  trackAssistancePlan(
    planId: string,
    itemId: string,
    entry: ProgressEntry,
    options?: { expectedVersion?: number },
  ): Promise<StorageRecord<AssistancePlan>>;
  /** Late items of the stored plans. */
  lateAssistanceItems(options?: { childId?: string; asOf?: CalendarDate }): Promise<LatePlanItem[]>;
  /** Builds a report with a renderer given in `renderers`. */
  buildReport(name: string, options?: unknown): Promise<unknown>;
}

const VERIFY = text("审计日志校验选项", "audit log verification options");
const VerifyOptionsSchema = z.object({
  expectedHead: z
    .string()
    .regex(/^[0-9a-f]{64}$/, {
      params: { text: text("应为 64 位十六进制哈希", "expected a 64-digit hex hash") },
    } as never)
    .optional(),
});

function liushouOf(ctx: Context): Liushou {
  const fileId = (id: string) => ctx.check(IdSchema, id, text("档案编号", "file id"), ["id"]);
  const masked = <T>(schema: Parameters<typeof maskFields>[0], value: T): T =>
    maskFields(schema, value, ctx.access.visible);
  // Every error reads in the app's locale, whatever built it.
  return inLocaleMethods<Liushou>(
    {
      storage: ctx.view,
      visibleClasses: ctx.access.visible,
      as: (actor) => liushouOf(withActor(ctx, actor)),
      reveal: (childId, fields, purpose) => reveal(ctx, childId, fields, purpose),
      verifyAuditLog: async (options) => {
        const o = checkArgument(ctx, "options", options, VerifyOptionsSchema, VERIFY, {
          optional: true,
        });
        // Streamed through the verifier: one entry in memory at a time, whatever the log's length.
        const verifier = createAuditVerifier(o);
        for await (const e of ctx.storage.audit.stream({})) if (verifier.push(e)) break;
        return verifier.finish();
      },
      recordConsent: async (input) => {
        const r = await recordConsent(ctx, input);
        return { ...r, value: masked(ConsentRecordSchema, r.value) };
      },
      withdrawConsent: async (id, options) => {
        const r = await withdrawConsent(ctx, id, options);
        return { ...r, value: masked(ConsentRecordSchema, r.value) };
      },
      consentStatus: async (childId, purpose) => {
        const s = await consentStatusNow(ctx, childId, purpose);
        return s.record ? { ...s, record: masked(ConsentRecordSchema, s.record) } : s;
      },
      applyRetention: (options) => applyRetention(ctx, options),
      importFiles: (rows, options) => importFiles(ctx, rows, options),
      importEntities: (kind, rows, options) => importEntities(ctx, kind, rows, options),
      getFile: (id) => ctx.view.files.get(fileId(id)),
      updateFile: async (id, recipe, options) => {
        const r = await updateFile(ctx, id, recipe, options);
        const file = { ...r.file, value: masked(ChildFileSchema, r.file.value) };
        return { file, change: maskChange(r.change, ctx.access.visible) };
      },
      fileHistory: (id) => ctx.view.fileChanges.list(fileId(id)),
      fileAsOf: async (id, asOf) => {
        const file = await fileAsOf(ctx, id, asOf);
        return file && masked(ChildFileSchema, file);
      },
      recordContact: async (input) => {
        const r = await recordContact(ctx, input);
        return { ...r, value: masked(ContactRecordSchema, r.value) };
      },
      contactCounts: (query) => contactCounts(ctx, query),
      planPairings: (options) => planPairings(ctx, options),
      explainWhyNot: (plan, childId, mentorId, options) =>
        explainWhyNot(ctx, plan, childId, mentorId, options),
      applyPairingPlan: (plan, options) => applyPairingPlan(ctx, plan, options),
      compliance: async (options) => maskReport(await compliance(ctx, options), ctx.access.visible),
      listDue: (options) => listDue(ctx, options),
      statistics: (options) => statistics(ctx, options),
      completeness: (options) => completeness(ctx, options),
      enrolment: (options) => enrolment(ctx, options),
      assessRisks: (options) => assessRisks(ctx, options),
      assessChild: async (input) => {
        const r = await assessChild(ctx, input);
        return {
          ...r,
          assessment: { ...r.assessment, value: masked(AssessmentSchema, r.assessment.value) },
          file: { ...r.file, value: masked(ChildFileSchema, r.file.value) },
        };
      },
      proposeAssistancePlan: async (input) => {
        const r = await proposeAssistancePlan(ctx, input);
        return { ...r, value: masked(AssistancePlanSchema, r.value) };
      },
      trackAssistancePlan: async (planId, itemId, entry, options) => {
        const r = await trackAssistancePlan(ctx, planId, itemId, entry, options);
        return { ...r, value: masked(AssistancePlanSchema, r.value) };
      },
      lateAssistanceItems: (options) => lateAssistanceItems(ctx, options),
      buildReport: (name, options) => buildReport(ctx, name, options),
    },
    ctx.locale,
  );
}

/**
 * Wires a storage adapter and the rules into Liushou's use cases, so a host app does not write
 * them itself. The options are validated here, every problem at once, each named by its option:
 * an option it does not take (`polices`), a storage adapter lacking a method
 * (`storage.audit.redact`), an actor's bad role or scope (`actor.scope.classIds`), a clock that
 * throws or returns no instant (it is read once). Time comes from `clock`, days are read in
 * `timeZone` (default `Asia/Shanghai`), errors in `locale`.
 * @param options - `storage`, `actor`, and optionally `clock`, `locale`, `timeZone`,
 * `policies`, `checklists`, `renderers`, `ids`.
 * @returns The use cases.
 * @throws ValidationError for invalid options, in `locale` (zh-CN by default).
 * @example
 * import { createLiushou } from "liushou";
 * import { createMemoryStorage } from "@liushou/storage-memory";
 *
 * const app = createLiushou({ storage: createMemoryStorage(), actor: "teacher-7" });
 * await app.importFiles(rows);                    // { created: 40, updated: 0, unchanged: 0 }
 * await app.updateFile("c1", (d) => { d.child.boarding = true }, { reason: "住校" });
 * (await app.listDue()).overdue[0]                // the most urgent visit
 * @category Composition
 */
export function createLiushou(options: LiushouOptions): Liushou {
  return liushouOf(makeContext(options));
}
