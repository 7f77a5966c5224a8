import {
  ChildFileSchema,
  fileAsOf as fileAsOfHistory,
  IdSchema,
  maskFields,
  storageVersionConflict,
  text,
  updateChildFile,
  validate,
  type CalendarDate,
  type ChildFile,
  type FieldClass,
  type FileChange,
  type FileRecipe,
  type Instant,
  type StorageAuditEntry,
  type StorageRecord,
} from "@liushou/core";
import { applyPatches, enablePatches, produceWithPatches, type Patch } from "immer";
import * as z from "zod";
import type { Context } from "../context";
import { auditEntry, requireEntity, saveEntity } from "../_lib/write";
import { storedById, validateRows, type ImportResult } from "./import";
import { checkConsent, purposesOfFileChange } from "./consent";
import { maskedWriteIssues, refuseIssues } from "../access/checked";

const ReasonSchema = z.object({ reason: z.string().min(1).max(2000) });
const ImportOptionsSchema = z.object({ reason: z.string().min(1).max(2000).default("import") });
const UpdateOptionsSchema = ReasonSchema.extend({
  expectedVersion: z.number().int().positive().optional(),
});

/**
 * Imports child files: every row validated first (each bad row reported, with its row index and
 * field, in one error; nothing written), then one transaction. New files are created; a stored
 * file that differs is replaced through `updateChildFile`, so its history gets the change.
 * @internal
 */
export async function importFiles(
  ctx: Context,
  rows: unknown,
  options: { reason?: string } = {},
): Promise<ImportResult> {
  const files = validateRows(ctx, "files", rows);
  const { reason } = ctx.check(
    ImportOptionsSchema,
    options ?? {},
    text("导入选项", "import options"),
  );
  const at = ctx.now();
  return ctx.storage.transaction(async (tx) => {
    const stored = await storedById(
      tx,
      "files",
      files.map((f) => f.id),
    );
    const created: ChildFile[] = [];
    const audit: StorageAuditEntry[] = [];
    let updated = 0;
    for (const file of files) {
      const before = stored.get(file.id);
      if (!before) {
        created.push(file);
        audit.push(
          auditEntry(ctx, at, {
            entity: "files",
            entityId: file.id,
            operation: "import",
            patches: [{ op: "add", path: [], value: file }],
            reason,
          }),
        );
        continue;
      }
      const { file: next, change } = updateChildFile(before.value, () => file, {
        actor: ctx.actor,
        at,
        reason,
        id: ctx.newId(),
      });
      if (change.patches.length === 0) continue;
      await checkConsent(ctx, tx, before.value, purposesOfFileChange(before.value, next));
      updated++;
      await saveEntity(ctx, tx, "files", next, {
        at,
        before: { id: file.id, value: before.value, version: before.version, updatedAt: at },
        patches: change.patches,
        reason,
      });
      await tx.fileChanges.append([change]);
    }
    await tx.files.upsertMany(created, { at });
    await tx.audit.append(audit);
    return { created: created.length, updated, unchanged: files.length - created.length - updated };
  });
}

/**
 * Result of `updateFile`: the stored file and the change appended to its history.
 * @category Composition
 */
export interface FileUpdateResult {
  readonly file: StorageRecord<ChildFile>;
  readonly change: FileChange;
}

/**
 * The patches a recipe makes to the file as the actor reads it (classed fields of other classes
 * masked or left out), so the recipe never sees a hidden value. What it assigns is what it
 * writes: an object copied from the view carries the view's masked values.
 */
function editsOnView(view: ChildFile, recipe: FileRecipe): Patch[] {
  enablePatches();
  const [, patches] = produceWithPatches(view, (draft) => {
    const replacement = recipe(draft as never);
    return (replacement as unknown) === draft ? undefined : replacement;
  });
  return patches;
}

/**
 * The recipe to run on the stored file: the edits the actor's recipe made to its masked view,
 * replayed on the stored file, so the fields it did not touch keep their stored values.
 */
function onStored(
  stored: ChildFile,
  recipe: FileRecipe,
  visible: readonly FieldClass[],
): FileRecipe {
  // Not a function: core's updateChildFile reports it.
  if (typeof recipe !== "function") return recipe;
  const edits = editsOnView(maskFields(ChildFileSchema, stored, visible), recipe);
  const next = applyPatches(stored, edits);
  return () => next;
}

/**
 * Changes a stored file with an immer recipe (`updateChildFile`): the new file, its history
 * entry and the audit entry are written in one transaction. The recipe works on the file as the
 * actor reads it (hidden classes masked, as `getFile` returns it); its changes are applied to the
 * stored file, and a masked value written back is refused with a ValidationError. With
 * `expectedVersion`, a file changed since it was read is refused with a ConflictError. @internal
 */
export async function updateFile(
  ctx: Context,
  id: string,
  recipe: FileRecipe,
  options: { reason: string; expectedVersion?: number },
): Promise<FileUpdateResult> {
  const fileId = ctx.check(IdSchema, id, text("档案编号", "file id"));
  const o = ctx.check(UpdateOptionsSchema, options, text("修改选项", "update options"));
  const at = ctx.now();
  return ctx.storage.transaction(async (tx) => {
    const before = await requireEntity(ctx, tx, "files", fileId, "id");
    if (o.expectedVersion !== undefined && o.expectedVersion !== before.version) {
      throw storageVersionConflict("files", fileId, o.expectedVersion, before.version);
    }
    const visible = ctx.access.visible;
    const { file, change } = updateChildFile(
      before.value,
      onStored(before.value, recipe, visible),
      { actor: ctx.actor, at, reason: o.reason, id: ctx.newId() },
    );
    refuseIssues(
      maskedWriteIssues(ChildFileSchema, before.value, file, change.patches, visible),
      ctx.locale,
    );
    if (change.patches.length > 0) {
      await checkConsent(ctx, tx, before.value, purposesOfFileChange(before.value, file));
    }
    const record = await saveEntity(ctx, tx, "files", file, {
      at,
      before,
      patches: change.patches,
      reason: o.reason,
    });
    await tx.fileChanges.append([change]);
    return { file: record, change };
  });
}

/**
 * The file as first recorded, rebuilt from the stored file by undoing its history in reverse.
 * @internal
 */
function initialFile(current: ChildFile, history: readonly FileChange[]): ChildFile {
  enablePatches();
  let file: ChildFile = current;
  for (let i = history.length - 1; i >= 0; i--) {
    file = applyPatches(file, history[i]!.inversePatches as Patch[]);
  }
  return validate(ChildFileSchema, file);
}

/**
 * A stored file as it was at a date or instant, rebuilt from its history. @internal
 */
export async function fileAsOf(
  ctx: Context,
  id: string,
  asOf: CalendarDate | Instant,
): Promise<ChildFile | null> {
  const fileId = ctx.check(IdSchema, id, text("档案编号", "file id"));
  const read = await ctx.storage.transaction(async (tx) => {
    const current = await tx.files.get(fileId);
    return current && { current, history: await tx.fileChanges.list(fileId) };
  });
  if (!read) return null;
  const { current, history } = read;
  return fileAsOfHistory(initialFile(current.value, history), history, asOf, {
    zone: ctx.timeZone,
  });
}
