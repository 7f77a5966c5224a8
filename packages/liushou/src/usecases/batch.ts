import {
  STORAGE_ENTITY_SCHEMAS,
  storageAuditPatches,
  updateChildFile,
  type ChildFile,
  type FieldIssue,
  type FileChange,
  type FilePatch,
  type Instant,
  type LocalizedText,
  type StorageEntities,
  type StorageEntityKind,
  type StorageSession,
} from "@liushou/core";
import type * as z from "zod";
import type { Context } from "../context";
import { auditEntry, storedById } from "../_lib/write";
import { maskedWriteIssues, refuseIssues } from "../access/checked";
import { checkWrites } from "./checks";
import type { ImportResult } from "./import";

/** A value ready to be written, with what it replaces and what it changes. @internal */
export interface PreparedWrite<K extends StorageEntityKind> {
  /** What is stored (for a stored file, the result of `updateChildFile`). */
  readonly value: StorageEntities[K];
  /** The stored value and version it replaces, if any. */
  readonly before: { readonly value: StorageEntities[K]; readonly version: number } | undefined;
  /** What the write changes (its audit patches): empty when the value is stored as it is. */
  readonly patches: readonly FilePatch[];
  /** The history entry of a stored file's change. */
  readonly change?: FileChange;
}

/** How {@link prepareWrites} prepares a batch. @internal */
export interface PrepareOptions {
  /** The time of the write, from the clock. */
  readonly at: Instant;
  /** The reason recorded in a changed file's history (default `import`). */
  readonly reason?: string | undefined;
  /** The name of the list the values came in (`rows`, `values`): issues name `rows[3].at`. */
  readonly list?: string;
  /**
   * Refuse what the actor's role cannot mean to write: a masked display value written back, or
   * a stored value it does not see dropped (`maskedWriteIssues`), as `app.storage` does.
   */
  readonly masked?: boolean;
  /** What the values are, for the error's message. */
  readonly subject: LocalizedText;
}

/**
 * Prepares a batch of validated values of one kind for writing, in one pass: the stored values
 * are read once (by id, in chunks), each value's patches are computed (a stored file goes
 * through `updateChildFile`, so its history gets the change), and the values that change are
 * checked together (`checkWrites`, and the masked-value checks when asked). Throws on the first
 * refusal; nothing is written. @internal
 */
export async function prepareWrites<K extends StorageEntityKind>(
  ctx: Context,
  tx: StorageSession,
  kind: K,
  values: readonly StorageEntities[K][],
  options: PrepareOptions,
): Promise<PreparedWrite<K>[]> {
  const idOf = (v: StorageEntities[K]) => (v as { id: string }).id;
  const stored = await storedById(tx, kind, values.map(idOf));
  const schema = STORAGE_ENTITY_SCHEMAS[kind] as z.ZodType;
  const pathOf = (i: number) => (options.list === undefined ? [] : [options.list, i]);
  const issues: FieldIssue[] = [];
  const prepared = values.map((value, i): PreparedWrite<K> => {
    const before = stored.get(idOf(value));
    let p: PreparedWrite<K>;
    if (kind === "files" && before) {
      const { file, change } = updateChildFile(
        before.value as ChildFile,
        () => value as ChildFile,
        {
          actor: ctx.actor,
          at: options.at,
          reason: options.reason ?? "import",
          id: ctx.newId(),
        },
      );
      p = { value: file as StorageEntities[K], before, patches: change.patches, change };
    } else {
      p = { value, before, patches: storageAuditPatches(before?.value, value) };
    }
    if (options.masked && p.patches.length > 0) {
      const visible = ctx.access.visible;
      issues.push(
        ...maskedWriteIssues(schema, before?.value, p.value, p.patches, visible, pathOf(i)),
      );
    }
    return p;
  });
  refuseIssues(issues, ctx.locale);
  const writes = prepared.flatMap((p, i) =>
    p.patches.length === 0 ? [] : [{ value: p.value, before: p.before?.value, path: pathOf(i) }],
  );
  await checkWrites(ctx, tx, kind, writes, options.subject);
  return prepared;
}

/**
 * Writes the prepared values that change with one `upsertMany`, the history entries of the
 * changed files with one append, and one `import` audit entry per changed value.
 * @returns How many values were created, replaced, or left as stored.
 * @internal
 */
export async function commitWrites<K extends StorageEntityKind>(
  ctx: Context,
  tx: StorageSession,
  kind: K,
  prepared: readonly PreparedWrite<K>[],
  options: { at: Instant; reason?: string | undefined },
): Promise<ImportResult> {
  const changed = prepared.filter((p) => p.patches.length > 0);
  const repo = tx[kind] as unknown as StorageSession["files"];
  await repo.upsertMany(changed.map((p) => p.value) as never[], { at: options.at });
  const changes = changed.flatMap((p) => (p.change ? [p.change] : []));
  if (changes.length > 0) await tx.fileChanges.append(changes);
  await tx.audit.append(
    changed.map((p) =>
      auditEntry(ctx, options.at, {
        entity: kind,
        entityId: (p.value as { id: string }).id,
        operation: "import",
        patches: p.patches,
        ...(options.reason === undefined ? {} : { reason: options.reason }),
      }),
    ),
  );
  const updated = changed.filter((p) => p.before !== undefined).length;
  return {
    created: changed.length - updated,
    updated,
    unchanged: prepared.length - changed.length,
  };
}
