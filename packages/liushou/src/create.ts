import type {
  AssistancePlan,
  CalendarDate,
  ChildFile,
  ComplianceReport,
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
  WorkList,
} from "@liushou/core";
import { IdSchema, text } from "@liushou/core";
import { makeContext, type Context, type LiushouOptions } from "./context";
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
  planPairings,
  type AppliedPairingPlan,
  type PlanPairingsOptions,
} from "./usecases/pairing";
import { buildReport } from "./usecases/reports";

/**
 * The use cases of Liushou over one storage adapter. Each validates its input, runs in one
 * transaction, takes its time from the clock and returns plain data; a driver failure
 * surfaces as `StorageError { adapterId, operation, cause }`.
 * @category Composition
 */
export interface Liushou {
  /** The adapter, every call wrapped (driver errors become `StorageError`). */
  readonly storage: StorageAdapter;
  /** The same use cases acting as another user (a host passes the signed-in user per request). */
  as(actor: string): Liushou;
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
  /** Changes a file with an immer recipe; file, history and audit written together. */
  updateFile(
    id: string,
    recipe: FileRecipe,
    options: { reason: string; expectedVersion?: number },
  ): Promise<FileUpdateResult>;
  /** The change history of a file, oldest first. */
  fileHistory(id: string): Promise<readonly FileChange[]>;
  /** A file as it was at a date or instant, rebuilt from its history; `null` if unknown. */
  fileAsOf(id: string, asOf: CalendarDate | Instant): Promise<ChildFile | null>;
  /** Records a contact (every child and the mentor must be on file). */
  recordContact(input: RecordContactInput): Promise<StorageRecord<ContactRecord>>;
  /** Contact counts per child or mentor (answered by the adapter when it can). */
  contactCounts(query: StorageContactCountQuery): Promise<readonly StorageContactCount[]>;
  /** Plans pairings for a scope from the stored data (reads only). */
  planPairings(options: PlanPairingsOptions): Promise<PairingPlan>;
  /** Stores a plan's history (new and ended pairings), refusing pairings changed since. */
  applyPairingPlan(plan: PairingPlan, options?: { reason?: string }): Promise<AppliedPairingPlan>;
  /** Visit compliance over a period under the configured policies. */
  compliance(options: ComplianceOptions): Promise<ComplianceReport>;
  /** What is overdue and what falls due soon, highest risk first. */
  listDue(options?: DueOptions): Promise<WorkList>;
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

function liushouOf(ctx: Context): Liushou {
  return {
    storage: ctx.storage,
    as: (actor) =>
      liushouOf({ ...ctx, actor: ctx.check(IdSchema, actor, text("操作人", "actor")) }),
    importFiles: (rows, options) => importFiles(ctx, rows, options),
    importEntities: (kind, rows, options) => importEntities(ctx, kind, rows, options),
    getFile: (id) => ctx.storage.files.get(ctx.check(IdSchema, id, text("档案编号", "file id"))),
    updateFile: (id, recipe, options) => updateFile(ctx, id, recipe, options),
    fileHistory: (id) =>
      ctx.storage.fileChanges.list(ctx.check(IdSchema, id, text("档案编号", "file id"))),
    fileAsOf: (id, asOf) => fileAsOf(ctx, id, asOf),
    recordContact: (input) => recordContact(ctx, input),
    contactCounts: (query) => contactCounts(ctx, query),
    planPairings: (options) => planPairings(ctx, options),
    applyPairingPlan: (plan, options) => applyPairingPlan(ctx, plan, options),
    compliance: (options) => compliance(ctx, options),
    listDue: (options) => listDue(ctx, options),
    assessChild: (input) => assessChild(ctx, input),
    proposeAssistancePlan: (input) => proposeAssistancePlan(ctx, input),
    trackAssistancePlan: (planId, itemId, entry, options) =>
      trackAssistancePlan(ctx, planId, itemId, entry, options),
    lateAssistanceItems: (options) => lateAssistanceItems(ctx, options),
    buildReport: (name, options) => buildReport(ctx, name, options),
  };
}

/**
 * Wires a storage adapter and the rules into Liushou's use cases, so a host app does not write
 * them itself. The options are validated; time comes from `clock`, days are read in
 * `timeZone` (default `Asia/Shanghai`).
 * @param options - `storage`, `actor`, and optionally `clock`, `locale`, `timeZone`,
 * `policies`, `checklists`, `renderers`, `ids`.
 * @returns The use cases.
 * @throws ValidationError for invalid options.
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
