import {
  invalidArgument,
  STORAGE_ENTITY_SCHEMAS,
  text,
  quickContactRecord,
  validateList,
  type ContactRecord,
  type LocalizedText,
  type StorageEntities,
  type StorageEntityKind,
} from "@liushou/core";
import * as z from "zod";
import type { Context } from "../context";
import { checkArgument, ReasonSchema } from "../_lib/arguments";
import { commitWrites, prepareWrites } from "./batch";

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
 * (`rows[12].child.birthDate`), and ids listed twice are reported too. Contact records, which
 * come by the million, are taken without zod when they are plain and complete already.
 * @param list - The name of the list in the caller's input (`rows`, or `values` for
 * `app.storage`'s `upsertMany`).
 * @internal
 */
export function validateRows<K extends StorageEntityKind>(
  ctx: Context,
  kind: K,
  rows: unknown,
  { list = "rows", subject = SUBJECT }: { list?: string; subject?: LocalizedText } = {},
): StorageEntities[K][] {
  return validateList(STORAGE_ENTITY_SCHEMAS[kind], rows, {
    path: [list],
    subject,
    locale: ctx.locale,
    idNoun: NOUNS[kind],
    ...(kind === "contacts" ? { accept: isPlainContactRecord as never } : {}),
  }) as StorageEntities[K][];
}

/**
 * Imports entities of one kind (mentors, pairings, contact records…): every row validated
 * first (all bad rows reported at once, nothing written), then one transaction that checks the
 * rows that change together as the use cases check them (`checkWrites`: the children and
 * mentors named, recorded times, consent) and creates or replaces them, with an audit entry per
 * changed row. @internal
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
    const prepared = await prepareWrites(ctx, tx, kind, values, {
      at,
      list: "rows",
      subject: SUBJECT,
    });
    return commitWrites(ctx, tx, kind, prepared, { at, reason: o.reason });
  });
}
