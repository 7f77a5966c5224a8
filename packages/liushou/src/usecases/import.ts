import {
  STORAGE_ENTITY_SCHEMAS,
  storageAuditPatches,
  text,
  quickContactRecord,
  validateList,
  type ContactRecord,
  type LocalizedText,
  type StorageEntities,
  type StorageEntityKind,
  type StorageSession,
} from "@liushou/core";
import type { Context } from "../context";
import { auditEntry, validationIssue } from "../_lib/write";

/**
 * The kinds imported by `importEntities` (files go through `importFiles`, with history).
 * @example
 * const kind: ImportableKind = "contacts";
 * @category Composition
 */
export type ImportableKind = Exclude<StorageEntityKind, "files">;

/**
 * Result of an import: how many rows created new entities, replaced stored ones, or matched
 * what was stored already.
 * @category Composition
 */
export interface ImportResult {
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
}

const SUBJECT = text("导入数据", "import");

const isPlainContactRecord = (row: unknown): row is ContactRecord =>
  quickContactRecord(row) === row;

const NOUNS: { readonly [K in StorageEntityKind]: LocalizedText } = {
  files: text("档案", "file"),
  schools: text("学校", "school"),
  classes: text("班级", "class"),
  mentors: text("帮扶人", "mentor"),
  pairings: text("结对", "pairing"),
  contacts: text("走访记录", "contact record"),
  assessments: text("评估", "assessment"),
  assistancePlans: text("帮扶计划", "assistance plan"),
  wishes: text("微心愿", "wish"),
  activities: text("活动", "activity"),
  aid: text("资助", "aid"),
  consents: text("监护人同意记录", "consent record"),
};

/**
 * Validates every row of an import in one pass: each bad row's issues name the row
 * (`rows[12].child.birthDate`), and ids listed twice are reported too. @internal
 */
export function validateRows<K extends StorageEntityKind>(
  ctx: Context,
  kind: K,
  rows: unknown,
): StorageEntities[K][] {
  return validateList(STORAGE_ENTITY_SCHEMAS[kind], rows, {
    path: ["rows"],
    subject: SUBJECT,
    locale: ctx.locale,
    idNoun: NOUNS[kind],
    // Contact records come by the million: accept a plain, complete record without zod.
    ...(kind === "contacts" ? { accept: isPlainContactRecord as never } : {}),
  }) as StorageEntities[K][];
}

const CHUNK = 500;

/** Reads the stored versions of the given ids, in chunks. @internal */
export async function storedById<K extends StorageEntityKind>(
  tx: StorageSession,
  kind: K,
  ids: readonly string[],
) {
  const repo = tx[kind] as unknown as StorageSession["files"];
  const out = new Map<string, { value: StorageEntities[K]; version: number }>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const page = await repo.query({ ids: ids.slice(i, i + CHUNK) }, { limit: 1000 });
    for (const r of page.items) out.set(r.id, r as never);
  }
  return out;
}

/**
 * Imports entities of one kind (mentors, pairings, contact records…): every row validated
 * first (all bad rows reported at once, nothing written), then one transaction creating or
 * replacing them, with an audit entry per changed row. @internal
 */
export async function importEntities<K extends ImportableKind>(
  ctx: Context,
  kind: K,
  rows: unknown,
  options: { reason?: string } = {},
): Promise<ImportResult> {
  if (!(kind in STORAGE_ENTITY_SCHEMAS) || (kind as string) === "files") {
    throw validationIssue(
      ctx,
      "kind",
      "invalid_enum_value",
      JSON.stringify(kind),
      "应为档案以外的实体类型（档案请用 importFiles）",
      "expected an entity kind other than files (use importFiles for files)",
    );
  }
  const values = validateRows(ctx, kind, rows);
  const at = ctx.now();
  return ctx.storage.transaction(async (tx) => {
    const stored = await storedById(
      tx,
      kind,
      values.map((v) => (v as { id: string }).id),
    );
    const changed: StorageEntities[K][] = [];
    let updated = 0;
    const audit = [];
    for (const value of values) {
      const id = (value as { id: string }).id;
      const before = stored.get(id);
      const patches = storageAuditPatches(before?.value, value);
      if (patches.length === 0) continue;
      if (before) updated++;
      changed.push(value);
      audit.push(
        auditEntry(ctx, at, {
          entity: kind,
          entityId: id,
          operation: "import",
          patches,
          ...(options.reason === undefined ? {} : { reason: options.reason }),
        }),
      );
    }
    await (tx[kind] as unknown as StorageSession["files"]).upsertMany(changed as never[], { at });
    await tx.audit.append(audit);
    return {
      created: changed.length - updated,
      updated,
      unchanged: values.length - changed.length,
    };
  });
}
