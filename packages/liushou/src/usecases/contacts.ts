import {
  ContactRecordSchema,
  outOfScope,
  text,
  ValidationError,
  type ContactRecord,
  type ContactRecordInput,
  type StorageRecord,
} from "@liushou/core";
import type { Context } from "../context";
import { saveEntity, unknownId } from "../_lib/write";
import { checkWrites } from "./checks";
import { checkStrict, requireArgument } from "../_lib/arguments";
import { unscoped } from "../access/scoped";

/**
 * Input of `recordContact`: a contact record; `id` may be left out (a new one is made).
 * @category Composition
 */
export type RecordContactInput = Omit<ContactRecordInput, "id"> & { id?: string };

const SUBJECT = text("走访记录", "contact record");

/**
 * Records a contact (家访, a call, a talk): validated (a key the record does not take is
 * refused), every child and the mentor must be on file (a ValidationError naming each unknown
 * one) and every child in the actor's scope (a ForbiddenError, as for every write), its times (`at`, `recordedAt`) no later than today nor before the birth of a child it
 * names (`checkWrites`), stored with its audit entry in one transaction. @internal
 */
export async function recordContact(
  ctx: Context,
  input: RecordContactInput,
): Promise<StorageRecord<ContactRecord>> {
  requireArgument(ctx, "input", input);
  // A key the record does not take (a typo such as `mentorID`) is refused, not dropped.
  const record = checkStrict(
    ctx.locale,
    ContactRecordSchema,
    { id: ctx.newId(), ...input },
    SUBJECT,
  );
  const at = ctx.now();
  return ctx.storage.transaction(async (tx) => {
    const missing: ValidationError[] = [];
    const outside: string[] = [];
    for (const [i, childId] of record.childIds.entries()) {
      if (await tx.files.get(childId)) continue;
      // On file but outside the actor's scope: a write there is forbidden, not a bad id.
      if (await unscoped(tx).files.get(childId)) outside.push(childId);
      else missing.push(unknownId(ctx, "files", childId, `childIds[${i}]`));
    }
    if (record.mentorId !== undefined && !(await tx.mentors.get(record.mentorId))) {
      missing.push(unknownId(ctx, "mentors", record.mentorId, "mentorId"));
    }
    if (missing.length > 0) {
      throw new ValidationError(
        missing.flatMap((e) => e.issues),
        { subject: SUBJECT, locale: ctx.locale },
      );
    }
    if (outside.length > 0) throw outOfScope(ctx.actor, `files ${outside.join(", ")}`);
    await checkWrites(ctx, tx, "contacts", [{ value: record, path: [] }], SUBJECT);
    return saveEntity(ctx, tx, "contacts", record, { at });
  });
}
