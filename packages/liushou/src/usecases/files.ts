import {
  AsOfSchema,
  ChildFileSchema,
  dateInZone,
  fieldIssue,
  LiushouError,
  ValidationError,
  type LocalizedText,
  fileAsOf as fileAsOfHistory,
  IdSchema,
  instantMs,
  isCalendarDate,
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
  type StorageRecord,
  type StorageSession,
} from "@liushou/core";
import { applyPatches, enablePatches, produceWithPatches, type Patch } from "immer";
import * as z from "zod";
import type { Context } from "../context";
import { auditEntry, requireEntity, saveEntity } from "../_lib/write";
import { checkArgument, ReasonSchema } from "../_lib/arguments";
import { unscoped } from "../access/scoped";
import { maskedWriteIssues, refuseIssues } from "../access/checked";
import { prepareWrites } from "./batch";
import { checkWrites } from "./checks";
import { validateRows, type ImportResult } from "./import";

const IMPORT = text("导入数据", "import");
const IMPORT_OPTIONS = text("导入选项", "import options");
const UPDATE_OPTIONS = text("修改选项", "update options");
const FILE = text("儿童档案", "child file");
const ImportOptionsSchema = z.object({ reason: ReasonSchema.default("import") });
const UpdateOptionsSchema = z.object({
  reason: ReasonSchema,
  expectedVersion: z.number().int().positive().optional(),
});

/**
 * Imports child files: every row validated first (each bad row reported, with its row index and
 * field, in one error; nothing written), then one transaction. New files are created; a stored
 * file that differs is replaced through `updateChildFile`, so its history gets the change, after
 * every changed file passed the guardian's consent check (`checkWrites`). @internal
 */
export async function importFiles(
  ctx: Context,
  rows: unknown,
  options: { reason?: string } = {},
): Promise<ImportResult> {
  const files = validateRows(ctx, "files", rows);
  const { reason } = checkArgument(ctx, "options", options, ImportOptionsSchema, IMPORT_OPTIONS, {
    optional: true,
  });
  const at = ctx.now();
  return ctx.storage.transaction(async (tx) => {
    const prepared = await prepareWrites(ctx, tx, "files", files, {
      at,
      reason,
      list: "rows",
      subject: IMPORT,
    });
    const created: ChildFile[] = [];
    let updated = 0;
    for (const p of prepared) {
      if (!p.before) {
        created.push(p.value);
      } else if (p.change && p.patches.length > 0) {
        updated++;
        await saveEntity(ctx, tx, "files", p.value, {
          at,
          before: {
            id: p.value.id,
            value: p.before.value,
            version: p.before.version,
            updatedAt: at,
          },
          patches: p.patches,
          reason,
        });
        await tx.fileChanges.append([p.change]);
      }
    }
    await tx.files.upsertMany(created, { at });
    await tx.audit.append(
      created.map((file) =>
        auditEntry(ctx, at, {
          entity: "files",
          entityId: file.id,
          operation: "import",
          patches: [{ op: "add", path: [], value: file }],
          reason,
        }),
      ),
    );
    return { created: created.length, updated, unchanged: files.length - created.length - updated };
  });
}

/**
 * Result of `updateFile`: the file as stored after the call and the change appended to its
 * history. For a recipe that changes nothing, the file as it was and an empty change, which is
 * not stored.
 * @category Composition
 */
export interface FileUpdateResult {
  readonly file: StorageRecord<ChildFile>;
  readonly change: FileChange;
}

/** A ValidationError on `recipe`, with what went wrong as its cause. */
function recipeRefused(ctx: Context, message: LocalizedText, received: unknown, cause?: unknown) {
  return new ValidationError([fieldIssue("recipe", "invalid_type", message, received)], {
    subject: text("修改函数", "recipe"),
    locale: ctx.locale,
    ...(cause === undefined ? {} : { cause }),
  });
}

const isThenable = (v: unknown): v is PromiseLike<unknown> =>
  (typeof v === "object" || typeof v === "function") &&
  v !== null &&
  typeof (v as { then?: unknown }).then === "function";

/**
 * The patches a recipe makes to the file as the actor reads it (classed fields of other classes
 * masked or left out), so the recipe never sees a hidden value. What it assigns is what it
 * writes: an object copied from the view carries the view's masked values. What the recipe
 * throws is passed on as it is; a recipe immer cannot apply (an `async` one, one that changes
 * the draft and returns a value too, one that builds a value too deep to copy) is refused with a
 * ValidationError on `recipe`, never immer's own error.
 */
function editsOnView(ctx: Context, view: ChildFile, recipe: FileRecipe): Patch[] {
  enablePatches();
  let thrown: { error: unknown } | undefined;
  let returned: unknown;
  try {
    const [, patches] = produceWithPatches(view, (draft) => {
      try {
        returned = recipe(draft as never);
      } catch (error) {
        thrown = { error };
        throw error;
      }
      if (isThenable(returned)) return undefined;
      return returned === draft ? undefined : (returned as never);
    });
    if (isThenable(returned)) {
      // Its rejection, if any, is the host's: not left unhandled.
      Promise.resolve(returned).catch(() => undefined);
      throw recipeRefused(
        ctx,
        text(
          "应为同步函数：它返回了 Promise（请先取得所需数据，再同步修改草稿）",
          "expected a synchronous function: it returned a promise (get what it needs first, then change the draft synchronously)",
        ),
        returned,
      );
    }
    return patches;
  } catch (e) {
    // The recipe's own error, as it threw it; immer's complaints about it are refused below.
    const immer = e instanceof Error && e.message.startsWith("[Immer]");
    if (thrown !== undefined && e === thrown.error && !immer) throw e;
    if (e instanceof LiushouError) throw e;
    const why = (e instanceof Error ? e.message : String(e)).slice(0, 200);
    throw recipeRefused(
      ctx,
      text(`无法应用此修改函数：${why}`, `the recipe cannot be applied: ${why}`),
      recipe,
      e,
    );
  }
}

/**
 * The recipe to run on the stored file: the edits the actor's recipe made to its masked view,
 * replayed on the stored file, so the fields it did not touch keep their stored values.
 */
function onStored(
  ctx: Context,
  stored: ChildFile,
  recipe: FileRecipe,
  visible: readonly FieldClass[],
): FileRecipe {
  // Not a function: core's updateChildFile reports it.
  if (typeof recipe !== "function") return recipe;
  const edits = editsOnView(ctx, maskFields(ChildFileSchema, stored, visible), recipe);
  const next: unknown = applyPatches(stored, edits);
  if (typeof next !== "object" || next === null || Array.isArray(next)) {
    throw recipeRefused(
      ctx,
      text(
        "应修改传入的草稿，或返回新的儿童档案",
        "expected to change the draft it is given, or to return a new child file",
      ),
      next,
    );
  }
  return () => next as ChildFile;
}

/**
 * Changes a stored file with an immer recipe (`updateChildFile`): the new file, its history
 * entry and the audit entry are written in one transaction. The recipe works on the file as the
 * actor reads it (hidden classes masked, as `getFile` returns it); its changes are applied to the
 * stored file, and a masked value written back is refused with a ValidationError. With
 * `expectedVersion`, a file changed since it was read is refused with a ConflictError.
 *
 * A recipe that changes nothing writes nothing: no new version, no history entry and no audit
 * entry (the audit log records writes, and nothing was written nor shown beyond what a read
 * shows); the stored file comes back, with an empty change that is not stored. @internal
 */
export async function updateFile(
  ctx: Context,
  id: string,
  recipe: FileRecipe,
  options: { reason: string; expectedVersion?: number },
): Promise<FileUpdateResult> {
  const fileId = ctx.check(IdSchema, id, text("档案编号", "file id"), ["id"]);
  const o = checkArgument(ctx, "options", options, UpdateOptionsSchema, UPDATE_OPTIONS);
  const at = ctx.now();
  return ctx.storage.transaction(async (tx) => {
    const before = await requireEntity(ctx, tx, "files", fileId, "id");
    if (o.expectedVersion !== undefined && o.expectedVersion !== before.version) {
      throw storageVersionConflict("files", fileId, o.expectedVersion, before.version);
    }
    const visible = ctx.access.visible;
    const { file, change } = updateChildFile(
      before.value,
      onStored(ctx, before.value, recipe, visible),
      { actor: ctx.actor, at, reason: o.reason, id: ctx.newId() },
    );
    if (change.patches.length === 0) return { file: before, change };
    refuseIssues(
      maskedWriteIssues(ChildFileSchema, before.value, file, change.patches, visible),
      ctx.locale,
    );
    await checkWrites(ctx, tx, "files", [{ value: file, before: before.value, path: [] }], FILE);
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
 * When a file was first stored: the time of its first audit entry, when that entry created it
 * (`import`, `create`). `undefined` when the log does not say (a file written before the log
 * began, or past the library): the file is then taken as existing before its first change.
 */
async function createdAt(tx: StorageSession, fileId: string): Promise<Instant | undefined> {
  // The log is read unscoped (the caller read the file in scope) and for one entry only.
  const { items } = await unscoped(tx).audit.query(
    { entity: "files", entityId: fileId },
    { limit: 1 },
  );
  const first = items[0];
  return first && (first.operation === "import" || first.operation === "create")
    ? first.at
    : undefined;
}

/** Whether `asOf` (a day, meaning its end in `zone`, or an instant) comes before `at`. */
function isBefore(asOf: CalendarDate | Instant, at: Instant, zone: Context["timeZone"]): boolean {
  return isCalendarDate(asOf) ? asOf < dateInZone(at, zone) : instantMs(asOf) < instantMs(at);
}

/**
 * A stored file as it was at a date or instant, rebuilt from its history: `null` for a file
 * not on file (or outside the actor's scope), and for a time before the file was first stored
 * (a day means its end in the app's time zone, so the day of the import has the file). @internal
 */
export async function fileAsOf(
  ctx: Context,
  id: string,
  asOf: CalendarDate | Instant,
): Promise<ChildFile | null> {
  const fileId = ctx.check(IdSchema, id, text("档案编号", "file id"), ["id"]);
  const when = validate(AsOfSchema, asOf, {
    subject: text("查询时间", "as-of time"),
    locale: ctx.locale,
    path: ["asOf"],
  });
  const read = await ctx.storage.transaction(async (tx) => {
    const current = await tx.files.get(fileId);
    if (!current) return null;
    return {
      current,
      history: await tx.fileChanges.list(fileId),
      created: await createdAt(tx, fileId),
    };
  });
  if (!read) return null;
  const { current, history, created } = read;
  if (created !== undefined && isBefore(when, created, ctx.timeZone)) return null;
  return fileAsOfHistory(initialFile(current.value, history), history, when, {
    zone: ctx.timeZone,
  });
}
