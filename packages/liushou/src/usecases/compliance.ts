import {
  addDays,
  complianceCountRequests,
  complianceCounts,
  ContactKindSchema,
  countContactRecords,
  evaluateCompliance,
  IdSchema,
  InitiatorSchema,
  InstantSchema,
  intersectStorageScopes,
  RegionCodeSchema,
  prepareComplianceData,
  startOfDateInZone,
  text,
  workList,
  type Activity,
  type CalendarDate,
  type ChildFile,
  type ComplianceCountOptions,
  type ComplianceCounts,
  type ComplianceData,
  type ComplianceReport,
  type ContactRecord,
  type Pairing,
  type School,
  type StorageContactCount,
  type StorageContactCountQuery,
  type StorageSession,
  type WorkList,
} from "@liushou/core";
import * as z from "zod";
import type { Context } from "../context";
import { drain, loadScopePeople, ScopeSchema, type LiushouScope } from "./scope";
import {
  checkArgument,
  checkStrict,
  DayPeriodSchema,
  DaySchema,
  requireArgument,
} from "../_lib/arguments";
import { storedById } from "../_lib/write";
import { unscoped } from "../access/scoped";

/** Records reach back this far before a period: a year bucket or a long interval may start then. */
const LOOK_BACK_DAYS = 400;

/**
 * Reads what compliance needs for a scope, streaming the contact records of the children in
 * scope (asked of the adapter by `childIds`) straight into `prepareComplianceData`. @internal
 */
export async function loadComplianceData(
  ctx: Context,
  s: StorageSession,
  scope: LiushouScope,
  from: CalendarDate,
): Promise<ComplianceData> {
  const { children, pairings, mentors } = await loadScopePeople(s, scope);
  const inScope = new Set(children.map((c) => c.id));
  const since = startOfDateInZone(addDays(from, -LOOK_BACK_DAYS), ctx.timeZone);
  // A scope reads only its children's records (through the adapter's child index); a record
  // naming children outside the scope as well keeps only those inside.
  const everyChild = scope.schoolId === undefined && scope.regionCode === undefined;
  const childFilter = everyChild ? {} : { childIds: [...inScope] };
  const records = await drain(
    s.contacts.stream({ at: { from: since }, ...childFilter }),
    (r): ContactRecord | undefined => {
      const ids = r.value.childIds.filter((id) => inScope.has(id));
      if (ids.length === 0) return undefined;
      return ids.length === r.value.childIds.length ? r.value : { ...r.value, childIds: ids };
    },
  );
  const activityFilter = { date: { from: addDays(from, -LOOK_BACK_DAYS) }, ...scope };
  const activities: Activity[] = await drain(s.activities.stream(activityFilter), (r) => r.value);
  const schoolFilter = scope.schoolId
    ? { ids: [scope.schoolId] }
    : { regionCode: scope.regionCode };
  const schools: School[] = await drain(s.schools.stream(schoolFilter), (r) => r.value);
  return prepareComplianceData({
    children: children as ChildFile[],
    mentors: [...mentors.values()],
    pairings: pairings.filter((p: Pairing) => mentors.has(p.mentorId)),
    records,
    activities,
    schools,
    ...(ctx.calendar ? { calendar: ctx.calendar } : {}),
    timeZone: ctx.timeZone,
  });
}

const ComplianceOptionsSchema = z.object({
  period: DayPeriodSchema,
  asOf: DaySchema.optional(),
  scope: ScopeSchema.optional(),
  recordIds: z.boolean().default(false),
});

/**
 * Options of `compliance`: the period reported on, the day it is judged on (default today)
 * and the scope.
 * @category Composition
 */
export interface ComplianceOptions {
  period: { from: CalendarDate; to: CalendarDate };
  asOf?: CalendarDate;
  scope?: LiushouScope;
  /**
   * Count every row from the records, so each row lists its `recordIds`. Default `false`:
   * when the adapter counts (`capabilities.contactCounts`), rows of policies that only need
   * a count per child and bucket take the adapter's counts and list no record ids.
   */
  recordIds?: boolean;
}

/**
 * The adapter's contact counts for an evaluation (`complianceCountRequests`, asked in the
 * same transaction as the data is read), or `undefined` when it does not count. @internal
 */
export async function loadPushedCounts(
  s: StorageSession,
  canCount: boolean,
  options: ComplianceCountOptions,
): Promise<ComplianceCounts | undefined> {
  if (!canCount || !s.countContacts) return undefined;
  const requests = complianceCountRequests(options);
  if (requests.length === 0) return undefined;
  const answers: (readonly StorageContactCount[])[] = [];
  for (const r of requests) answers.push(await s.countContacts(r.query));
  return complianceCounts(options, requests, answers);
}

/** Reads the data (and the adapter's counts, unless `recordIds`) and evaluates it. */
async function evaluateStored(
  ctx: Context,
  o: {
    period: { from: CalendarDate; to: CalendarDate };
    asOf: CalendarDate;
    scope?: LiushouScope | undefined;
    recordIds: boolean;
  },
): Promise<ComplianceReport> {
  const options = {
    policies: ctx.policies,
    period: o.period,
    asOf: o.asOf,
    timeZone: ctx.timeZone,
  };
  const canCount = !o.recordIds && ctx.storage.capabilities.contactCounts;
  // One transaction: every list and count is read from the same state of the storage.
  const { data, counts } = await ctx.storage.transaction(async (tx) => ({
    data: await loadComplianceData(ctx, tx, o.scope ?? {}, o.period.from),
    counts: await loadPushedCounts(tx, canCount, options),
  }));
  return evaluateCompliance({ ...options, data, ...(counts ? { counts } : {}) });
}

/** Visit compliance of the stored data under the configured policies. @internal */
export async function compliance(
  ctx: Context,
  options: ComplianceOptions,
): Promise<ComplianceReport> {
  const o = checkArgument(
    ctx,
    "options",
    options,
    ComplianceOptionsSchema,
    text("合规评估选项", "compliance options"),
  );
  return evaluateStored(ctx, { ...o, asOf: o.asOf ?? ctx.today() });
}

const DueOptionsSchema = z.object({
  asOf: DaySchema.optional(),
  scope: ScopeSchema.optional(),
  withinDays: z.number().int().min(0).max(366).default(7),
  includeMissed: z.boolean().default(false),
  limit: z.number().int().positive().optional(),
});

/**
 * Options of `listDue`.
 * @category Composition
 */
export interface DueOptions {
  /** The day judged on. Default today (from the clock, in the configured zone). */
  asOf?: CalendarDate;
  scope?: LiushouScope;
  /** How far ahead "due soon" looks. Default 7 days. */
  withinDays?: number;
  includeMissed?: boolean;
  limit?: number;
}

/**
 * What is due: overdue work and what falls due within `withinDays`, highest risk first. The
 * month before `asOf` and the days ahead are evaluated. @internal
 */
export async function listDue(ctx: Context, options?: DueOptions): Promise<WorkList> {
  const o = checkArgument(
    ctx,
    "options",
    options,
    DueOptionsSchema,
    text("待办选项", "due-list options"),
    { optional: true },
  );
  const asOf = o.asOf ?? ctx.today();
  const period = { from: addDays(asOf, -31), to: addDays(asOf, o.withinDays) };
  const report = await evaluateStored(ctx, { period, asOf, scope: o.scope, recordIds: false });
  return workList(report, {
    withinDays: o.withinDays,
    includeMissed: o.includeMissed,
    ...(o.limit === undefined ? {} : { limit: o.limit }),
  });
}

const ids = z.array(IdSchema).max(100_000);
const CountQuerySchema = z.object({
  groupBy: z.enum(["child", "mentor"]),
  at: z.object({ from: InstantSchema.optional(), to: InstantSchema.optional() }).optional(),
  kinds: z.array(ContactKindSchema).optional(),
  initiators: z.array(InitiatorSchema).optional(),
  subjectIds: ids.optional(),
  scope: z
    .object({
      regionCode: RegionCodeSchema.optional(),
      schoolIds: ids.optional(),
      classIds: ids.optional(),
      childIds: ids.optional(),
    })
    .optional(),
});

/** How many contact records the fallback counts at a time. */
const COUNT_BATCH = 10_000;

/**
 * Contact counts per child or mentor: answered by the adapter when it can (`contactCounts`),
 * otherwise by streaming the records through the pure `countContactRecords`, with the same
 * meaning: the query's `scope` narrowed to the actor's, a per-child count keeping the children
 * in it (never a child outside the actor's scope named by the same record), a per-mentor count
 * the records naming one. The query is checked first (a key it does not take is refused).
 * @internal
 */
export async function contactCounts(
  ctx: Context,
  query: StorageContactCountQuery,
): Promise<readonly StorageContactCount[]> {
  // Named as before: the query's fields by themselves (`groupBy`), the query as `query`.
  requireArgument(ctx, "query", query);
  const q = checkStrict(ctx.locale, CountQuerySchema, query, text("计数查询", "count query"));
  const s = ctx.storage;
  if (s.capabilities.contactCounts && s.countContacts) return s.countContacts(q);
  const actorScope = await ctx.access.scopeIn(unscoped(s));
  const scope = actorScope === undefined ? q.scope : intersectStorageScopes(q.scope, actorScope);
  const filter = {
    ...(q.at ? { at: q.at } : {}),
    ...(q.kinds ? { kinds: q.kinds } : {}),
    ...(scope ? { scope } : {}),
  };
  const counted = { ...q, ...(scope ? { scope } : {}) };
  // Count a batch at a time and add the batches up: never every record in memory at once.
  const totals = new Map<string, number>();
  let batch: ContactRecord[] = [];
  const flush = async (): Promise<void> => {
    // The files of the batch's children, read unscoped, for the scope's judgement of each.
    const files =
      scope === undefined
        ? new Map<string, { value: ChildFile }>()
        : await storedById(unscoped(s), "files", [...new Set(batch.flatMap((r) => r.childIds))]);
    const rows = countContactRecords(batch, counted, (id) => files.get(id)?.value);
    for (const row of rows) {
      totals.set(row.subjectId, (totals.get(row.subjectId) ?? 0) + row.contacts);
    }
    batch = [];
  };
  for await (const r of s.contacts.stream(filter)) {
    batch.push(r.value);
    if (batch.length === COUNT_BATCH) await flush();
  }
  await flush();
  return [...totals]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([subjectId, contacts]) => ({ subjectId, contacts }));
}
