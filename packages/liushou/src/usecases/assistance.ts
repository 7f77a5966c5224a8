import {
  addProgress,
  AssistanceOwnerSchema,
  IdSchema,
  IssueCode,
  lateItems,
  NEEDS_CHECKLIST,
  needsProfile,
  ProgressEntrySchema,
  proposeAssistancePlan as proposePure,
  scoreChecklist,
  storageVersionConflict,
  text,
  ValidationError,
  type AssistancePlan,
  type AssistanceRole,
  type CalendarDate,
  type LateItem,
  type ProgressEntry,
  type StorageRecord,
} from "@liushou/core";
import * as z from "zod";
import type { Context } from "../context";
import { requireEntity, saveEntity, validationIssue } from "../_lib/write";
import { legalFindings } from "./assessment";
import {
  checkArgument,
  checkStrict,
  DaySchema,
  ExpectedVersionSchema,
  requireArgument,
  unknownKeyIssues,
} from "../_lib/arguments";
import { unscoped } from "../access/scoped";
import { momentIssues } from "./checks";
import { drain } from "./scope";

/**
 * Input of `proposeAssistancePlan`.
 * @category Composition
 */
export interface ProposePlanInput {
  childId: string;
  /** The plan id. Default a new id. */
  planId?: string;
  /** The first day of the plan. Default today. */
  startOn?: CalendarDate;
  /** The person for each role, e.g. `{ "class-teacher": "m1" }`. */
  owners?: Partial<Record<AssistanceRole, string>>;
  reviewOn?: CalendarDate;
}

const ProposeSchema = z.object({
  childId: IdSchema,
  planId: IdSchema.optional(),
  startOn: DaySchema.optional(),
  // Keyed by the roles of plan items: an owner for a role no item has would be dropped.
  owners: z.partialRecord(AssistanceOwnerSchema.shape.role, IdSchema).optional(),
  reviewOn: DaySchema.optional(),
});

/**
 * Proposes and stores an assistance plan for a child: from the latest needs assessment on file
 * (if any) and the legal findings of the child's file and contact records. It only creates: a
 * `planId` already stored is refused (`duplicate_id` on `planId`), as is an owner for a role
 * that is not a plan item's, a key the input does not take, and a day outside 1900–2199.
 * @internal
 */
export async function proposeAssistancePlan(
  ctx: Context,
  input: ProposePlanInput,
): Promise<StorageRecord<AssistancePlan>> {
  requireArgument(ctx, "input", input);
  const o = checkStrict(ctx.locale, ProposeSchema, input, text("帮扶计划", "assistance plan"));
  const at = ctx.now();
  return ctx.storage.transaction(async (tx) => {
    const file = await requireEntity(ctx, tx, "files", o.childId, "childId");
    // Looked up unscoped: a plan the actor cannot see is not overwritten, nor its id revealed.
    if (o.planId !== undefined && (await unscoped(tx).assistancePlans.get(o.planId))) {
      throw validationIssue(
        ctx,
        "planId",
        IssueCode.DUPLICATE_ID,
        o.planId,
        "已有此编号的帮扶计划",
        "an assistance plan with this id exists",
      );
    }
    const needs = await drain(
      tx.assessments.stream({ childId: o.childId, checklistId: NEEDS_CHECKLIST.id }),
      (r) => r.value,
    );
    const latest = needs.sort((a, b) => Date.parse(a.takenAt) - Date.parse(b.takenAt)).at(-1);
    const plan = proposePure({
      planId: o.planId ?? ctx.newId(),
      startOn: o.startOn ?? ctx.today(),
      childId: o.childId,
      findings: await legalFindings(ctx, tx, file.value),
      ...(latest ? { profile: needsProfile(scoreChecklist(ctx.checklists, latest)) } : {}),
      ...(o.owners ? { owners: o.owners } : {}),
      ...(o.reviewOn ? { reviewOn: o.reviewOn } : {}),
    });
    return saveEntity(ctx, tx, "assistancePlans", plan, { at, reason: "proposed" });
  });
}

const TrackOptionsSchema = z.object({ expectedVersion: ExpectedVersionSchema.optional() });
const PROGRESS = text("进展记录", "progress entry");

/**
 * Adds a progress entry to an item of a stored plan (`addProgress`), at the version read when
 * `expectedVersion` is given. An entry dated after today is refused, naming `entry.on`.
 * @internal
 */
export async function trackAssistancePlan(
  ctx: Context,
  planId: string,
  itemId: string,
  entry: ProgressEntry,
  options?: { expectedVersion?: number },
): Promise<StorageRecord<AssistancePlan>> {
  const id = ctx.check(IdSchema, planId, text("计划编号", "plan id"), ["planId"]);
  const o = checkArgument(
    ctx,
    "options",
    options,
    TrackOptionsSchema,
    text("进展记录选项", "progress options"),
    { optional: true },
  );
  // A key the entry does not take (a typo such as `stauts`) is refused, not dropped.
  const unknown = unknownKeyIssues(ProgressEntrySchema, entry, { path: ["entry"] });
  if (unknown.length > 0)
    throw new ValidationError(unknown, { subject: PROGRESS, locale: ctx.locale });
  const at = ctx.now();
  return ctx.storage.transaction(async (tx) => {
    const before = await requireEntity(ctx, tx, "assistancePlans", id, "planId");
    if (o.expectedVersion !== undefined && o.expectedVersion !== before.version) {
      throw storageVersionConflict("assistancePlans", id, o.expectedVersion, before.version);
    }
    const next = addProgress(before.value, itemId, entry);
    // The entry as addProgress parsed it: the last of its item's progress.
    const on = next.items.find((i) => i.id === itemId)!.progress.at(-1)!.on;
    const issues = momentIssues(ctx, ["entry", "on"], on);
    if (issues.length > 0)
      throw new ValidationError(issues, { subject: PROGRESS, locale: ctx.locale });
    return saveEntity(ctx, tx, "assistancePlans", next, {
      at,
      before,
      reason: `progress ${itemId}`,
    });
  });
}

/**
 * A late item of a stored plan, with the plan and child it belongs to.
 * @category Composition
 */
export interface LatePlanItem extends LateItem {
  readonly planId: string;
  readonly childId: string;
}

/** What is late in the stored plans (of one child, or all) on a day (default today). @internal */
export async function lateAssistanceItems(
  ctx: Context,
  options?: { childId?: string; asOf?: CalendarDate },
): Promise<LatePlanItem[]> {
  const o = checkArgument(
    ctx,
    "options",
    options,
    z.object({ childId: IdSchema.optional(), asOf: DaySchema.optional() }),
    text("逾期查询", "late-items query"),
    { optional: true },
  );
  const asOf = o.asOf ?? ctx.today();
  const filter = o.childId === undefined ? {} : { childId: o.childId };
  const out: LatePlanItem[] = [];
  for await (const r of ctx.storage.assistancePlans.stream(filter)) {
    for (const item of lateItems(r.value, asOf))
      out.push({ ...item, planId: r.id, childId: r.value.childId });
  }
  return out;
}
