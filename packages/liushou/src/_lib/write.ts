import {
  fieldIssue,
  IssueCode,
  outOfScope,
  storageAuditPatches,
  text,
  ValidationError,
  type FilePatch,
  type Instant,
  type StorageAuditEntry,
  type StorageAuditOperation,
  type StorageEntities,
  type StorageEntityKind,
  type StorageRecord,
  type StorageSession,
} from "@liushou/core";
import type { Context } from "../context";
import { unscoped } from "../access/scoped";

/** An audit entry for a mutation made now by the context's actor. @internal */
export function auditEntry(
  ctx: Context,
  at: Instant,
  entry: {
    entity: StorageEntityKind;
    entityId: string;
    operation: StorageAuditOperation;
    version?: number;
    patches: readonly FilePatch[];
    reason?: string;
    fields?: readonly (readonly (string | number)[])[];
  },
): StorageAuditEntry {
  return {
    id: ctx.newId(),
    actor: ctx.actor,
    at,
    ...entry,
    ...(entry.reason === undefined ? {} : { reason: entry.reason }),
  };
}

/**
 * Creates (`before` absent) or replaces one entity at the version read, and appends its audit
 * entry, in the session given (a transaction). @internal
 */
export async function saveEntity<K extends StorageEntityKind>(
  ctx: Context,
  tx: StorageSession,
  kind: K,
  value: StorageEntities[K],
  options: {
    at: Instant;
    before?: StorageRecord<StorageEntities[K]> | null;
    reason?: string;
    patches?: readonly FilePatch[];
  },
): Promise<StorageRecord<StorageEntities[K]>> {
  const before = options.before ?? null;
  const repo = tx[kind] as unknown as StorageSession["files"];
  const record = (await repo.put(value as never, {
    expectedVersion: before?.version ?? null,
    at: options.at,
  })) as unknown as StorageRecord<StorageEntities[K]>;
  await tx.audit.append([
    auditEntry(ctx, options.at, {
      entity: kind,
      entityId: record.id,
      operation: before ? "update" : "create",
      version: record.version,
      patches: options.patches ?? storageAuditPatches(before?.value, value),
      ...(options.reason === undefined ? {} : { reason: options.reason }),
    }),
  ]);
  return record;
}

const CHUNK = 500;

/** Reads the stored values and versions of the given ids, in chunks, by id. @internal */
export async function storedById<K extends StorageEntityKind>(
  tx: StorageSession,
  kind: K,
  ids: readonly string[],
): Promise<Map<string, { value: StorageEntities[K]; version: number }>> {
  const repo = tx[kind] as unknown as StorageSession["files"];
  const out = new Map<string, { value: StorageEntities[K]; version: number }>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const page = await repo.query({ ids: ids.slice(i, i + CHUNK) }, { limit: 1000 });
    for (const r of page.items) out.set(r.id, r as never);
  }
  return out;
}

/** Reads one entity inside a session, or throws a ValidationError naming the unknown id. @internal */
export async function requireEntity<K extends StorageEntityKind>(
  ctx: Context,
  tx: StorageSession,
  kind: K,
  id: string,
  path: string,
): Promise<StorageRecord<StorageEntities[K]>> {
  const record = (await (tx[kind] as unknown as StorageSession["files"]).get(id)) as StorageRecord<
    StorageEntities[K]
  > | null;
  if (!record) {
    // On file but outside the actor's scope: a write there is forbidden, not a bad id.
    const stored = await (unscoped(tx)[kind] as unknown as StorageSession["files"]).get(id);
    throw stored ? outOfScope(ctx.actor, `${kind} ${id}`) : unknownId(ctx, kind, id, path);
  }
  return record;
}

/** A ValidationError for an id that names nothing stored. @internal */
export function unknownId(
  ctx: Context,
  kind: StorageEntityKind,
  id: string,
  path: string,
): ValidationError {
  return validationIssue(
    ctx,
    path,
    IssueCode.UNKNOWN_ID,
    id,
    `没有编号为 ${id} 的记录（${kind}）`,
    `no ${kind} record has id ${id}`,
  );
}

/**
 * A ValidationError with one issue; the value received is shown as core shows it (a long text
 * cut short, long numbers masked), so a huge argument never makes a huge message. @internal
 */
export function validationIssue(
  ctx: Context,
  path: string,
  code: string,
  received: unknown,
  zh: string,
  en: string,
): ValidationError {
  return new ValidationError([fieldIssue(path, code, text(zh, en), received)], {
    locale: ctx.locale,
  });
}
