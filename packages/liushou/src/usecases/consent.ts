import {
  ConsentPurposeSchema,
  ConsentRecordSchema,
  consentStatus,
  IdSchema,
  InstantSchema,
  IssueCode,
  text,
  validate,
  ValidationError,
  type ConsentPurpose,
  type ConsentRecord,
  type ConsentRecordInput,
  type ConsentStatus,
  type StorageRecord,
} from "@liushou/core";
import * as z from "zod";
import type { Context } from "../context";
import { requireEntity, saveEntity, unknownId, validationIssue } from "../_lib/write";
import { checkArgument, checkStrict, ReasonSchema, requireArgument } from "../_lib/arguments";
import { unscoped } from "../access/scoped";
import { checkWrites, consentsOf, momentIssues } from "./checks";

/**
 * The `consent` option of `createLiushou`: the purposes whose consent the use cases check
 * before processing a child under 14 (`{ required: ["health", "financial", …] }`), or `false`
 * (the default) to check none.
 * @category Composition
 */
export type ConsentOption = false | { readonly required: readonly ConsentPurpose[] };

/** The schema of the `consent` option. @internal */
export const ConsentOptionSchema = z.union([
  z.literal(false),
  z.strictObject({ required: z.array(ConsentPurposeSchema).max(100) }),
]);

/**
 * Input of `recordConsent`: a consent record; `id` may be left out (a new one is made) and
 * `givenAt` too (now).
 * @category Composition
 */
export type RecordConsentInput = Omit<ConsentRecordInput, "id" | "givenAt"> & {
  id?: string;
  givenAt?: ConsentRecordInput["givenAt"];
};

const SUBJECT = text("监护人同意记录", "consent record");

/**
 * Records a new guardian's consent for a child on file in the actor's scope: the consenting
 * guardian or parent must be one of the file's, with their relation to the child, and the
 * consent given no later than today nor before the child's birth (`checkWrites`); stored with its
 * audit entry. It only creates: an `id` already stored is refused (a record is changed only by
 * `withdrawConsent`). @internal
 */
export async function recordConsent(
  ctx: Context,
  input: RecordConsentInput,
): Promise<StorageRecord<ConsentRecord>> {
  requireArgument(ctx, "input", input);
  const at = ctx.now();
  // A key the record does not take (a typo such as `expireOn`) is refused, not dropped.
  const record = checkStrict(
    ctx.locale,
    ConsentRecordSchema,
    { id: ctx.newId(), givenAt: at, ...input },
    SUBJECT,
  );
  return ctx.storage.transaction(async (tx) => {
    await requireEntity(ctx, tx, "files", record.childId, "childId");
    await checkWrites(ctx, tx, "consents", [{ value: record, path: [] }], SUBJECT);
    // Looked up unscoped: a record the actor cannot see is not overwritten either.
    if (await unscoped(tx).consents.get(record.id)) {
      throw validationIssue(
        ctx,
        "id",
        IssueCode.DUPLICATE_ID,
        record.id,
        "已有此编号的同意记录；同意记录只能新增或撤回",
        "a consent record with this id exists; a consent can only be recorded anew or withdrawn",
      );
    }
    return saveEntity(ctx, tx, "consents", record, { at, reason: "consent given" });
  });
}

const WITHDRAWAL = text("撤回同意", "consent withdrawal");
const WithdrawSchema = z.object({
  at: InstantSchema.optional(),
  reason: z.string().trim().pipe(ReasonSchema).default("consent withdrawn"),
});

/**
 * Withdraws a consent (now, or at `at`, no later than today): the record stays, with
 * `withdrawnAt`; audited. A record already withdrawn is refused. @internal
 */
export async function withdrawConsent(
  ctx: Context,
  id: string,
  options?: { at?: string; reason?: string },
): Promise<StorageRecord<ConsentRecord>> {
  const consentId = validate(IdSchema, id, {
    subject: WITHDRAWAL,
    locale: ctx.locale,
    path: ["id"],
  });
  const o = checkArgument(ctx, "options", options, WithdrawSchema, WITHDRAWAL, { optional: true });
  if (o.at !== undefined) {
    const issues = momentIssues(ctx, ["at"], o.at);
    if (issues.length > 0)
      throw new ValidationError(issues, { subject: WITHDRAWAL, locale: ctx.locale });
  }
  const at = ctx.now();
  return ctx.storage.transaction(async (tx) => {
    const before = await requireEntity(ctx, tx, "consents", consentId, "id");
    if (before.value.withdrawnAt !== undefined) {
      throw validationIssue(
        ctx,
        "id",
        "invalid_transition",
        consentId,
        "该同意已撤回",
        "this consent was withdrawn already",
      );
    }
    const next = ctx.check(
      ConsentRecordSchema,
      { ...before.value, withdrawnAt: o.at ?? at },
      SUBJECT,
    );
    return saveEntity(ctx, tx, "consents", next, { at, before, reason: o.reason });
  });
}

/**
 * Whether consent for `purpose` is in force now for a child on file in the actor's scope.
 * @internal
 */
export async function consentStatusNow(
  ctx: Context,
  childId: string,
  purpose: ConsentPurpose,
): Promise<ConsentStatus> {
  const id = ctx.check(IdSchema, childId, text("档案编号", "file id"), ["childId"]);
  const p = ctx.check(ConsentPurposeSchema, purpose, text("同意用途", "consent purpose"), [
    "purpose",
  ]);
  return ctx.storage.transaction(async (tx) => {
    // A read: a child outside the scope reads as absent, with the error of an unknown id.
    const file = await tx.files.get(id);
    if (!file) throw unknownId(ctx, "files", id, "childId");
    return consentStatus(
      file.value,
      p as ConsentPurpose,
      await consentsOf(tx, id),
      ctx.now(),
      ctx.timeZone,
    );
  });
}
