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
import { checkWrites } from "./checks";

/**
 * Input of `recordContact`: a contact record; `id` may be left out (a new one is made).
 * @category Composition
 */
export type RecordContactInput = Omit<ContactRecordInput, "id"> & { id?: string };

const SUBJECT = text("走访记录", "contact record");

/**
 * Records a contact (家访, a call, a talk): validated, every child and the mentor must be on
 * file, its times (`at`, `recordedAt`) no later than today nor before the birth of a child it
 * names (`checkWrites`), stored with its audit entry in one transaction. @internal
 */
export async function recordContact(
  ctx: Context,
  input: RecordContactInput,
): Promise<StorageRecord<ContactRecord>> {
  const raw = typeof input === "object" && input !== null ? { id: ctx.newId(), ...input } : input;
  const record = ctx.check(ContactRecordSchema, raw, SUBJECT);
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
        { subject: SUBJECT, locale: ctx.locale },
      );
    }
    await checkWrites(ctx, tx, "contacts", [{ value: record, path: [] }], SUBJECT);
    return saveEntity(ctx, tx, "contacts", record, { at });
  });
}
