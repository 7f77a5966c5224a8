import {
  ContactRecordSchema,
  text,
  ValidationError,
  type ContactRecord,
  type ContactRecordInput,
  type StorageRecord,
} from "@liushou/core";
import type { Context } from "../context";
import { saveEntity, unknownId } from "../_lib/write";

/**
 * Input of `recordContact`: a contact record; `id` may be left out (a new one is made).
 * @category Composition
 */
export type RecordContactInput = Omit<ContactRecordInput, "id"> & { id?: string };

/**
 * Records a contact (家访, a call, a talk): validated, every child and the mentor must be on
 * file, stored with its audit entry in one transaction. @internal
 */
export async function recordContact(
  ctx: Context,
  input: RecordContactInput,
): Promise<StorageRecord<ContactRecord>> {
  const raw = typeof input === "object" && input !== null ? { id: ctx.newId(), ...input } : input;
  const record = ctx.check(ContactRecordSchema, raw, text("走访记录", "contact record"));
  const at = ctx.now();
  return ctx.storage.transaction(async (tx) => {
    const missing: ValidationError[] = [];
    for (const [i, childId] of record.childIds.entries()) {
      if (!(await tx.files.get(childId)))
        missing.push(unknownId(ctx, "files", childId, `childIds[${i}]`));
    }
    if (record.mentorId !== undefined && !(await tx.mentors.get(record.mentorId))) {
      missing.push(unknownId(ctx, "mentors", record.mentorId, "mentorId"));
    }
    if (missing.length > 0) {
      throw new ValidationError(
        missing.flatMap((e) => e.issues),
        { subject: text("走访记录", "contact record"), locale: ctx.locale },
      );
    }
    return saveEntity(ctx, tx, "contacts", record, { at });
  });
}
