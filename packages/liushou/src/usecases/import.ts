import {
  invalidArgument,
  MAX_TEXT_LENGTH,
  STORAGE_ENTITY_SCHEMAS,
  storageAuditPatches,
  text,
  quickContactRecord,
  validate,
  validateList,
  type ContactRecord,
  type LocalizedText,
  type StorageEntities,
  type StorageEntityKind,
  type StorageSession,
} from "@liushou/core";
import * as z from "zod";
import type { Context } from "../context";
import { auditEntry } from "../_lib/write";

/**
 * The `reason` option of a use case: 1 to {@link MAX_TEXT_LENGTH} characters, as `importFiles`
 * accepts. @internal
 */
export const ReasonSchema = z.string().min(1).max(MAX_TEXT_LENGTH);

/** The `expectedVersion` option of a use case: the version read. @internal */
export const ExpectedVersionSchema = z.number().int().nonnegative();

/**
 * Throws a ValidationError on `name` unless `value` is an object (not null, not an array), so a
 * use case refuses a bad input or options argument before it reads a property of it. @internal
 */
export function requireArgument(
  ctx: Context,
  name: string,
  value: unknown,
): asserts value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw invalidArgument(name, "invalid_type", text("应为对象", "expected an object"), value, {
      locale: ctx.locale,
    });
  }
}

/**
 * Checks an object argument of a use case (`plan`, `options`…) with `schema`, each issue named
 * under the argument (`plan.history[0].start`), except an option's, named by itself (`reason`,
 * as every use case names its options). An optional argument left `undefined` is read as `{}`.
 * @returns The parsed argument.
 * @internal
 */
export function checkArgument<S extends z.ZodType>(
  ctx: Context,
  name: string,
  value: unknown,
  schema: S,
  subject: LocalizedText,
  { optional = false }: { optional?: boolean } = {},
): z.output<S> {
  const v = optional && value === undefined ? {} : value;
  requireArgument(ctx, name, v);
  const path = name === "options" ? [] : [name];
  return validate(schema, v, { subject, locale: ctx.locale, path });
}

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
const OPTIONS = text("导入选项", "import options");
const ImportOptionsSchema = z.object({ reason: ReasonSchema.optional() });

/** The kinds `importEntities` accepts, in the order core lists them. */
const IMPORTABLE = Object.keys(STORAGE_ENTITY_SCHEMAS).filter((k) => k !== "files");

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
  options?: { reason?: string },
): Promise<ImportResult> {
  // An array lookup, not `in`: "__proto__" or "toString" must not pass as a kind.
  if (typeof kind !== "string" || !IMPORTABLE.includes(kind)) {
    const kinds = IMPORTABLE.join(", ");
    throw invalidArgument(
      "kind",
      "invalid_enum_value",
      text(
        `应为以下之一：${kinds}（档案请用 importFiles）`,
        `expected one of: ${kinds} (files go through importFiles)`,
      ),
      kind,
      { locale: ctx.locale },
    );
  }
  const o = checkArgument(ctx, "options", options, ImportOptionsSchema, OPTIONS, {
    optional: true,
  });
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
          ...(o.reason === undefined ? {} : { reason: o.reason }),
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
