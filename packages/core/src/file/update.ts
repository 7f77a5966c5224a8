import type { Draft, Patch } from "immer";
import * as z from "zod";
import {
  ConflictError,
  fieldIssue,
  invalidArgument,
  IssueCode,
  safeValidate,
  validate,
  ValidationError,
  type FieldIssue,
} from "../errors";
import { text } from "../i18n";
import {
  ChildFileSchema,
  IdSchema,
  InstantSchema,
  MAX_TEXT_LENGTH,
  type ChildFile,
  type ChildFileInput,
} from "../model";
import { AsOfSchema, TimeZoneSchema } from "../model/primitives";
import {
  dateInZone,
  DEFAULT_TIME_ZONE,
  instantMs,
  isCalendarDate,
  type AsOf,
  type Instant,
  type TimeZone,
} from "../time";
import { deepFreeze } from "../_lib/freeze";
import { plainData } from "../_lib/plain-data";
import { deepEqual, immer, reconcile } from "./_immer";
import { FileChangeSchema, FileHistorySchema, type FileChange, type FilePatch } from "./change";

/**
 * An immer recipe: change the draft in place (or return a replacement file).
 * @category Child file
 */
export type FileRecipe = (draft: Draft<ChildFile>) => void | ChildFile;

/**
 * Who changes a file, when and why.
 * @category Child file
 */
export interface ChangeMeta {
  /** Who made the change (a user or staff id; a numeric key is kept as a string). */
  actor: string | number;
  /** When: an instant with an offset, or a `Date`. */
  at: Instant | Date;
  /** Why: "father came home", "guardian changed to the aunt". */
  reason: string;
  /** Optional host-assigned id of the change. */
  id?: string | number;
}

const ChangeMetaSchema = z.object({
  actor: IdSchema,
  at: InstantSchema,
  reason: z.string().min(1).max(MAX_TEXT_LENGTH),
  id: IdSchema.optional(),
});

/**
 * Result of {@link updateChildFile} and {@link revertChange}.
 * @category Child file
 */
export interface FileUpdate {
  /** The new file, deeply frozen. */
  readonly file: ChildFile;
  /** The change to append to the file's history. */
  readonly change: FileChange;
}

const FILE_SUBJECT = text("儿童档案", "child file");
const UPDATED_SUBJECT = text("修改后的儿童档案", "updated child file");
const HISTORY_SUBJECT = text("档案历史", "file history");

function toFilePatches(patches: readonly Patch[]): FilePatch[] {
  return patches.map((p) => {
    const out: FilePatch = { op: p.op, path: [...p.path] as (string | number)[] };
    if ("value" in p) out.value = p.value;
    return out;
  });
}

/**
 * Changes a child file (动态档案) with an immer recipe, validates the result, and records the
 * change as patches with who, when and why. The input is never mutated; the new file is
 * deeply frozen. zod's defaults and normalisation (a phone written `+86 …`) are part of the
 * recorded patches, so replaying the history gives exactly the returned file.
 * @param file - The current file.
 * @param recipe - Changes the draft in place.
 * @param meta - `actor`, `at` (instant), `reason`, and an optional change `id`.
 * @returns The new frozen file and the {@link FileChange} to store.
 * @throws ValidationError if the file, the meta or the changed file is invalid (the input stays as it was), or if the recipe changes the file id.
 * @example
 * const { file: next, change } = updateChildFile(file, (d) => { d.child.boarding = true }, {
 *   actor: "teacher-7", at: "2026-09-01T08:00:00+08:00", reason: "住校",
 * });
 * next.child.boarding //=> true
 * change.patches //=> [{ op: "replace", path: ["child", "boarding"], value: true }]
 * @category Child file
 */
export function updateChildFile(
  file: ChildFileInput | ChildFile,
  recipe: FileRecipe,
  meta: ChangeMeta,
): FileUpdate {
  const m = validate(ChangeMetaSchema, meta, { subject: text("档案变更信息", "change details") });
  if (typeof recipe !== "function") {
    throw new ValidationError([
      {
        path: "recipe",
        code: "invalid_type",
        expected: "function",
        received: typeof recipe,
        message: text(
          `字段 recipe：应为函数（收到：${typeof recipe}）`,
          `recipe: expected a function (received: ${typeof recipe})`,
        ),
      },
    ]);
  }
  const base = validate(ChildFileSchema, file, { subject: FILE_SUBJECT });
  const [next, patches, inversePatches] = immer().produceWithPatches(base, (draft) => {
    const replacement = recipe(draft);
    if (replacement !== undefined && (replacement as unknown) !== draft) {
      const copy: unknown = plainData(replacement, [], UPDATED_SUBJECT);
      if (typeof copy !== "object" || copy === null || Array.isArray(copy)) {
        throw invalidArgument(
          "recipe",
          "invalid_type",
          text(
            "应修改草稿且不返回值，或返回整份档案对象",
            "expected to change the draft and return nothing, or to return a whole file object",
          ),
          replacement,
        );
      }
      reconcile(draft as never, copy as never);
    }
    // Whatever the recipe wrote is outside data too: copied out of the draft the same way.
    const r = safeValidate(ChildFileSchema, plainData(draft, [], UPDATED_SUBJECT), {
      subject: UPDATED_SUBJECT,
    });
    if (!r.success) throw r.error;
    if (r.data.id !== base.id) {
      throw new ValidationError(
        [
          {
            path: "id",
            code: "immutable_id",
            received: JSON.stringify(r.data.id),
            message: text(
              `字段 id：档案编号不能修改（原为 ${base.id}，收到：${r.data.id}）`,
              `id: a file's id cannot change (was ${base.id}, received: ${r.data.id})`,
            ),
          },
        ],
        { subject: UPDATED_SUBJECT },
      );
    }
    reconcile(draft as never, r.data as never);
  });
  const change: FileChange = {
    ...(m.id !== undefined ? { id: m.id } : {}),
    fileId: base.id,
    actor: m.actor,
    at: m.at,
    reason: m.reason,
    patches: toFilePatches(patches),
    inversePatches: toFilePatches(inversePatches),
  };
  return { file: deepFreeze(next), change: deepFreeze(change) };
}

const ZoneOptionsSchema = z.object({ zone: TimeZoneSchema.optional() }).optional();

function checkHistory(initial: ChildFile, history: readonly FileChange[]): void {
  const issues: FieldIssue[] = [];
  let lastMs = -Infinity;
  history.forEach((c, i) => {
    if (c.fileId !== initial.id) {
      issues.push(
        fieldIssue(
          `history[${i}].fileId`,
          IssueCode.UNKNOWN_ID,
          text(
            `该变更属于另一份档案，不是 ${initial.id}`,
            `the change belongs to another file, not ${initial.id}`,
          ),
          c.fileId,
        ),
      );
    }
    const ms = instantMs(c.at as Instant);
    if (ms < lastMs) {
      issues.push(
        fieldIssue(
          `history[${i}].at`,
          IssueCode.DATE_ORDER,
          text("变更须按时间先后排列", "changes must be in time order"),
          c.at,
        ),
      );
    }
    lastMs = Math.max(lastMs, ms);
  });
  if (issues.length > 0) throw new ValidationError(issues, { subject: HISTORY_SUBJECT });
}

/**
 * Applies recorded patches, turning a patch that does not fit the file (a path that does not
 * resolve, an index out of range) into a {@link ValidationError} naming `path`.
 */
function applyRecorded<T extends object>(state: T, patches: readonly FilePatch[], path: string): T {
  if (patches.length === 0) return state;
  try {
    return immer().applyPatches(state, patches as Patch[]);
  } catch (cause) {
    throw new ValidationError(
      [
        fieldIssue(
          path,
          IssueCode.PATCH_MISMATCH,
          text(
            "变更与档案当时的内容不符，无法应用",
            "the change does not fit the file it applies to",
          ),
          patches,
        ),
      ],
      { subject: HISTORY_SUBJECT, cause },
    );
  }
}

function replay(initial: ChildFile, changes: readonly FileChange[]): ChildFile {
  let out: ChildFile;
  try {
    out = applyRecorded(
      initial,
      changes.flatMap((c) => c.patches),
      "history",
    );
  } catch {
    // Some change does not fit: apply them one by one to name it.
    out = initial;
    changes.forEach((c, i) => {
      out = applyRecorded(out, c.patches, `history[${i}].patches`);
    });
  }
  // A stored history may have been edited by hand: check the result is still a valid file.
  const valid = validate(ChildFileSchema, out, {
    subject: text("按历史重建的儿童档案", "file rebuilt from history"),
  });
  return deepFreeze(valid);
}

/**
 * Rebuilds a file as it was at a time, from the file as first recorded and its history: the
 * changes made at or before `asOf` are applied in order. A calendar date means the end of that
 * day in `zone` (default `Asia/Shanghai`).
 * @param initialFile - The file as first recorded (before the first change of `history`).
 * @param history - Its changes, oldest first (plain JSON is fine; it is validated).
 * @param asOf - An instant, or a calendar date read in `zone`.
 * @returns The file as of that time, frozen.
 * @throws ValidationError if the input is invalid, a change belongs to another file, or the changes are out of time order.
 * @example
 * fileAsOf(initial, history, "2026-03-01").livingArrangement //=> "grandparents"
 * fileAsOf(initial, history, "2026-09-01T12:00:00+08:00").livingArrangement //=> "relatives"
 * @category Child file
 */
export function fileAsOf(
  initialFile: ChildFileInput | ChildFile,
  history: readonly FileChange[],
  asOf: AsOf,
  options?: { zone?: TimeZone },
): ChildFile {
  const initial = validate(ChildFileSchema, initialFile, { subject: FILE_SUBJECT });
  const changes = validate(FileHistorySchema, history, {
    subject: HISTORY_SUBJECT,
    path: ["history"],
  });
  const at = validate(AsOfSchema, asOf, {
    subject: text("查询时间", "as-of time"),
    path: ["asOf"],
  });
  const opts = validate(ZoneOptionsSchema, options, { subject: text("选项", "options") });
  checkHistory(initial, changes);
  const zone = opts?.zone ?? DEFAULT_TIME_ZONE;
  const included = isCalendarDate(at)
    ? changes.filter((c) => dateInZone(c.at as Instant, zone) <= at)
    : changes.filter((c) => instantMs(c.at as Instant) <= instantMs(at as Instant));
  return replay(initial, included);
}

/**
 * Replays a whole history onto the file as first recorded: the current file.
 * @example
 * replayFileHistory(initial, history) // deep-equals the file the last updateChildFile returned
 * @category Child file
 */
export function replayFileHistory(
  initialFile: ChildFileInput | ChildFile,
  history: readonly FileChange[],
): ChildFile {
  const initial = validate(ChildFileSchema, initialFile, { subject: FILE_SUBJECT });
  const changes = validate(FileHistorySchema, history, {
    subject: HISTORY_SUBJECT,
    path: ["history"],
  });
  checkHistory(initial, changes);
  return replay(initial, changes);
}

function valueAt(
  root: unknown,
  path: readonly (string | number)[],
): { found: boolean; value: unknown } {
  let node: unknown = root;
  for (const key of path) {
    if (node === null || typeof node !== "object" || !(key in (node as object)))
      return { found: false, value: undefined };
    node = (node as Record<string | number, unknown>)[key];
  }
  return { found: true, value: node };
}

/**
 * Undoes an earlier change with its inverse patches, as a new change of its own (the history
 * is only ever appended to). Refused with a `ConflictError` if a later change touched the same
 * fields, since undoing would then overwrite that later work.
 * @param file - The current file.
 * @param change - The change to undo (from this file's history).
 * @param meta - Who undoes it, when and why.
 * @returns The new file and the change that records the undo.
 * @throws ConflictError if the fields the change set have changed since; ValidationError for invalid input.
 * @example
 * const undone = revertChange(next, change, { actor: "teacher-7", at: "2026-09-02T08:00:00+08:00", reason: "录入错误" });
 * undone.file.child.boarding //=> false
 * @category Child file
 */
export function revertChange(
  file: ChildFileInput | ChildFile,
  change: FileChange,
  meta: ChangeMeta,
): FileUpdate {
  const base = validate(ChildFileSchema, file, { subject: FILE_SUBJECT });
  const c = validate(FileChangeSchema, change, {
    subject: text("要撤销的变更", "change to undo"),
    path: ["change"],
  });
  if (c.fileId !== base.id) {
    throw new ConflictError(
      text(
        `该变更属于档案 ${c.fileId}，不能在档案 ${base.id} 上撤销`,
        `the change belongs to file ${c.fileId}, not ${base.id}`,
      ),
    );
  }
  for (const p of c.patches) {
    if (p.op === "remove") continue;
    const now = valueAt(base, p.path);
    if (!now.found || !deepEqual(now.value, p.value)) {
      const where = p.path.join(".");
      throw new ConflictError(
        text(
          `字段 ${where} 在该变更之后又被修改，不能直接撤销`,
          `${where} was changed again after this change, so it cannot simply be undone`,
        ),
      );
    }
  }
  return updateChildFile(
    base,
    (draft) => {
      applyRecorded(draft, c.inversePatches, "change.inversePatches");
    },
    meta,
  );
}
