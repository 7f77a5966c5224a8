import {
  anonymiseChildFile,
  anonymiseFileChange,
  anonymiseFilePatches,
  erasePatchValues,
  IssueCode,
  ForbiddenError,
  isAnonymisedChildFile,
  planRetention,
  RetentionPolicySchema,
  storageAuditPatches,
  storageChildIdsOf,
  STORAGE_ENTITY_KINDS,
  text,
  type CalendarDate,
  type ChildFile,
  type FilePatch,
  type Instant,
  type RetentionItem,
  type RetentionPolicy,
  type StorageAuditRedaction,
  type StorageEntities,
  type StorageEntityKind,
  type StorageRecord,
  type StorageSession,
} from "@liushou/core";
import * as z from "zod";
import type { Context } from "../context";
import { auditEntry, saveEntity, validationIssue } from "../_lib/write";
import { checkArgument, DaySchema } from "../_lib/arguments";

/**
 * Options of `app.applyRetention`: the policy, the day it is applied on (default today), and
 * `dryRun` to write nothing and report what would be done.
 * @example
 * const options: ApplyRetentionOptions = { policy: { years: 3, action: "delete" }, dryRun: true };
 * @category Composition
 */
export interface ApplyRetentionOptions {
  readonly policy: RetentionPolicy;
  readonly asOf?: CalendarDate;
  readonly dryRun?: boolean;
}

/**
 * One file anonymised or erased (or that would be, in a dry run): when its child left scope,
 * when its retention expired, and how much was redacted or removed with it. Ids and counts only.
 * @category Composition
 */
export interface RetentionOutcome extends RetentionItem {
  /** Changes of the file's history redacted (anonymise) or erased (delete). */
  readonly changes: number;
  /** Audit entries whose patches were redacted. */
  readonly auditEntries: number;
  /** Records about the child alone removed with the file (delete only). */
  readonly recordsRemoved: number;
  /** Records about several children from which the child's id was removed (delete only). */
  readonly recordsDetached: number;
}

/**
 * Why an expired or out-of-scope file was not touched: `undated` (left scope without a
 * date: add `child.schooling.since`), `already-anonymised`, `gone` (removed meanwhile),
 * `changed` (changed meanwhile, so that it no longer expires on `asOf`: a child back in
 * school).
 * @category Composition
 */
export interface RetentionSkip {
  readonly childId: string;
  readonly reason: "undated" | "already-anonymised" | "gone" | "changed";
}

/**
 * What `app.applyRetention` did, or would do (`dryRun`): the files anonymised and erased, the
 * files skipped and why, and the counts. The same report either way; no personal data in it.
 * @example
 * const report = await admin.applyRetention({ policy: { years: 3, action: "anonymise" } });
 * report.anonymised.map((o) => o.childId) //=> ["c1"]
 * @category Composition
 */
export interface RetentionReport {
  readonly asOf: CalendarDate;
  readonly policy: RetentionPolicy;
  readonly dryRun: boolean;
  readonly anonymised: readonly RetentionOutcome[];
  readonly erased: readonly RetentionOutcome[];
  readonly skipped: readonly RetentionSkip[];
  readonly counts: {
    readonly anonymised: number;
    readonly erased: number;
    readonly skipped: number;
    /** Files in scope still kept. */
    readonly kept: number;
  };
}

const OptionsSchema = z.object({
  policy: RetentionPolicySchema,
  asOf: DaySchema.optional(),
  dryRun: z.boolean().default(false),
});

const RETENTION = text("保存期限", "retention");

/** Files planned per round: the plan of a county is built without holding every file. */
const BATCH = 1000;

/**
 * Every kind of record about children besides files, and what erasing a child does to one
 * that names other children too: `detach` (remove the child's id, keep the record) for
 * contact records, aid and activities; a record naming the child alone is removed, except an
 * activity (the school's), which is only detached.
 */
const RELATED: readonly StorageEntityKind[] = STORAGE_ENTITY_KINDS.filter(
  (k) => !["files", "schools", "classes", "mentors"].includes(k),
);

/** The reason of the audit entries of records changed or removed with an erased file. */
const ERASED = "retention: a child's file erased";

type Repo = StorageSession["files"];
type Tx = StorageSession;

/** The audit redactions of every entry of one entity, by `redact`, skipping empty patches. */
async function redactionsOf(
  tx: Tx,
  entity: StorageEntityKind,
  entityId: string,
  redactedBy: string,
  redact: (patches: readonly FilePatch[]) => FilePatch[],
): Promise<StorageAuditRedaction[]> {
  const out: StorageAuditRedaction[] = [];
  for await (const e of tx.audit.stream({ entity, entityId })) {
    if (e.patches.length === 0 && e.redactedBy === undefined) continue;
    out.push({ seq: e.seq, patches: redact(e.patches), redactedBy });
  }
  return out;
}

/**
 * Redacts the audit entries and appends the one `anonymise` or `erase` entry that records it:
 * the file, the expiry as reason, the redacted `seq`s listed (what `verifyAuditLog` requires of
 * a redaction), never a value.
 */
async function recordRetention(
  ctx: Context,
  tx: Tx,
  item: RetentionItem,
  entry: {
    at: Instant;
    id: string;
    operation: "anonymise" | "erase";
    version: number;
    fields?: readonly (readonly (string | number)[])[];
  },
  redactions: readonly StorageAuditRedaction[],
): Promise<void> {
  const { at, id, ...rest } = entry;
  await tx.audit.redact(redactions);
  const logged = auditEntry(ctx, at, {
    ...rest,
    entity: "files",
    entityId: item.childId,
    patches: [],
    reason: `retention: expired on ${item.expiredOn}`,
  });
  await tx.audit.append([{ ...logged, id, redacts: redactions.map((r) => r.seq) }]);
}

/** The value without the child's id in its list of children. */
function detached<K extends StorageEntityKind>(
  kind: K,
  value: StorageEntities[K],
  childId: string,
): StorageEntities[K] {
  const v = value as unknown as { childIds: string[] };
  return { ...v, childIds: v.childIds.filter((id) => id !== childId) } as never;
}

/**
 * Applies the policy's action to one expired file (writing only when `write`), or says why the
 * file was skipped.
 */
type ApplyToFile = (
  ctx: Context,
  tx: Tx,
  item: RetentionItem,
  write: boolean,
  plan: { readonly policy: RetentionPolicy; readonly asOf: CalendarDate },
) => Promise<RetentionOutcome | RetentionSkip>;

/**
 * The file's retention item as read in this transaction, or `undefined` when it no longer
 * expires on the plan's day under the policy: the plan was made from a stream read before, and
 * another user may have changed the file since (a child back in school), which must not be
 * anonymised or erased then.
 */
function expiredNow(
  file: ChildFile,
  plan: { readonly policy: RetentionPolicy; readonly asOf: CalendarDate },
): RetentionItem | undefined {
  const p = planRetention([file], plan.policy, plan.asOf);
  return p.anonymise[0] ?? p.delete[0];
}

/** Anonymises one file with its history and audit patches, or says why it was skipped. */
const anonymiseOne: ApplyToFile = async (ctx, tx, planned, write, plan) => {
  const at = ctx.now();
  const record = (await tx.files.get(planned.childId)) as StorageRecord<ChildFile> | null;
  if (!record) return { childId: planned.childId, reason: "gone" };
  if (isAnonymisedChildFile(record.value)) {
    return { childId: planned.childId, reason: "already-anonymised" };
  }
  const item = expiredNow(record.value, plan);
  if (!item) return { childId: planned.childId, reason: "changed" };
  const next = anonymiseChildFile(record.value);
  const history = await tx.fileChanges.list(item.childId);
  const by = ctx.newId();
  const redactions = await redactionsOf(tx, "files", item.childId, by, anonymiseFilePatches);
  if (write) {
    const saved = await tx.files.put(next, { expectedVersion: record.version, at });
    await tx.fileChanges.redact(item.childId, history.map(anonymiseFileChange));
    await recordRetention(
      ctx,
      tx,
      item,
      {
        at,
        id: by,
        operation: "anonymise",
        version: saved.version,
        // Which fields were anonymised, never their values.
        fields: storageAuditPatches(record.value, next).map((p) => p.path),
      },
      redactions,
    );
  }
  return {
    ...item,
    changes: history.length,
    auditEntries: redactions.length,
    recordsRemoved: 0,
    recordsDetached: 0,
  };
};

/** Erases one file with its history, the records about the child alone, and audit values. */
const eraseOne: ApplyToFile = async (ctx, tx, planned, write, plan) => {
  const at = ctx.now();
  const id = planned.childId;
  const record = await tx.files.get(id);
  if (!record) return { childId: id, reason: "gone" };
  const item = expiredNow(record.value, plan);
  if (!item) return { childId: id, reason: "changed" };
  const by = ctx.newId();
  const redactions = await redactionsOf(tx, "files", id, by, erasePatchValues);
  let removed = 0;
  let detachedCount = 0;
  for (const kind of RELATED) {
    const repo = tx[kind] as unknown as Repo;
    const records: StorageRecord<StorageEntities[typeof kind]>[] = [];
    for await (const r of repo.stream({ childId: id } as never)) records.push(r as never);
    for (const r of records) {
      const children = storageChildIdsOf(kind, r.value) ?? [];
      if (kind === "activities" || children.some((c) => c !== id)) {
        detachedCount++;
        if (!write) continue;
        await saveEntity(ctx, tx, kind, detached(kind, r.value, id), {
          at,
          before: r,
          reason: ERASED,
        });
        continue;
      }
      removed++;
      redactions.push(...(await redactionsOf(tx, kind, r.id, by, erasePatchValues)));
      if (!write) continue;
      await repo.remove(r.id, { expectedVersion: r.version });
      await tx.audit.append([
        auditEntry(ctx, at, {
          entity: kind,
          entityId: r.id,
          operation: "delete",
          version: 0,
          patches: [{ op: "remove", path: [] }],
          reason: ERASED,
        }),
      ]);
    }
  }
  const history = await tx.fileChanges.list(id);
  if (write) {
    await tx.fileChanges.redact(id, []);
    await tx.files.remove(id, { expectedVersion: record.version });
    await recordRetention(
      ctx,
      tx,
      item,
      { at, id: by, operation: "erase", version: 0 },
      redactions,
    );
  }
  return {
    ...item,
    changes: history.length,
    auditEntries: redactions.length,
    recordsRemoved: removed,
    recordsDetached: detachedCount,
  };
};

/**
 * Applies a retention policy to the files in the actor's scope (administrators only): plans
 * with `planRetention`, then anonymises or erases each expired file in a transaction of its
 * own, with its history and the patches of its audit entries redacted and one `anonymise` or
 * `erase` audit entry recording it. Each file is judged again as read in its transaction, so a
 * file changed meanwhile so that it no longer expires is skipped (`changed`). `dryRun` reads
 * the same and writes nothing; only a dry run may look at a day later than today (`asOf`).
 * Options it does not take are refused (`dryrun` is not `dryRun`). @internal
 */
export async function applyRetention(
  ctx: Context,
  options: ApplyRetentionOptions,
): Promise<RetentionReport> {
  const o = checkArgument(ctx, "options", options, OptionsSchema, RETENTION);
  if (ctx.access.actor.role !== "administrator") {
    throw new ForbiddenError(
      text(
        `${ctx.actor} 无权执行保存期限（仅限管理员）`,
        `${ctx.actor} may not apply retention (administrators only)`,
      ),
    );
  }
  const today = ctx.today();
  const asOf = o.asOf ?? today;
  if (asOf > today && !o.dryRun) {
    // A later day would erase files whose time has not come: only a preview may look ahead.
    throw validationIssue(
      ctx,
      "asOf",
      IssueCode.DATE_ORDER,
      asOf,
      `不能晚于今天（${today}，${ctx.timeZone}）；预览以后的结果请加 dryRun: true`,
      `must not be later than today, ${today} (${ctx.timeZone}); add dryRun: true to preview a later day`,
    );
  }
  const policy = o.policy as RetentionPolicy;
  const expired: RetentionItem[] = [];
  const skipped: RetentionSkip[] = [];
  let kept = 0;
  let batch: ChildFile[] = [];
  const plan = () => {
    const p = planRetention(batch, policy, asOf);
    expired.push(...p.anonymise, ...p.delete);
    skipped.push(...p.undated.map((childId) => ({ childId, reason: "undated" as const })));
    kept += p.kept;
    batch = [];
  };
  for await (const r of ctx.storage.files.stream({})) {
    batch.push(r.value);
    if (batch.length >= BATCH) plan();
  }
  plan();

  const anonymised: RetentionOutcome[] = [];
  const erased: RetentionOutcome[] = [];
  const write = !o.dryRun;
  for (const item of expired) {
    const outcome = await ctx.storage.transaction((tx) =>
      policy.action === "anonymise"
        ? anonymiseOne(ctx, tx, item, write, { policy, asOf })
        : eraseOne(ctx, tx, item, write, { policy, asOf }),
    );
    if ("reason" in outcome) skipped.push(outcome);
    else (policy.action === "anonymise" ? anonymised : erased).push(outcome);
  }
  return {
    asOf,
    policy,
    dryRun: o.dryRun,
    anonymised,
    erased,
    skipped,
    counts: {
      anonymised: anonymised.length,
      erased: erased.length,
      skipped: skipped.length,
      kept,
    },
  };
}
