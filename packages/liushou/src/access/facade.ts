import {
  ForbiddenError,
  IdSchema,
  InstantSchema,
  type LocalizedText,
  STORAGE_ENTITY_SCHEMAS,
  text,
  validate,
  type StorageEntities,
  type StorageEntityKind,
  type StorageSession,
} from "@liushou/core";
import * as z from "zod";
import type { Context } from "../context";
import { auditEntry } from "../_lib/write";
import { commitWrites, prepareWrites } from "../usecases/batch";
import { validateRows } from "../usecases/import";
import { FACADE_REASON } from "./checked";
import { ExpectedVersionSchema } from "../_lib/arguments";
import type { Facade } from "./masked";

type Repo = StorageSession["files"];

const SUBJECT = text("写入的记录", "record written");
const REMOVAL = text("删除选项", "remove options");

/**
 * The writes of `app.storage` for an actor's context: the way the use cases write, so a host
 * writing through the adapter's interface gets every check they make.
 * - `upsertMany` validates its values in one pass as `importEntities` does (each bad value named
 *   `values[3].at`, ids listed twice refused), reads what they replace once, checks the values
 *   that change together (`checkWrites`: children and mentors named, recorded times, a
 *   consent's guardian, the guardian's consent for a file's change or an assessment; and no
 *   masked value written back nor hidden value dropped), then writes them with one `import`
 *   audit entry each (and a file's change in its history). Values stored as they are already
 *   are not written again.
 * - `put` does the same for one value, and writes it at `expectedVersion` (a `create` or
 *   `update` audit entry with the new version).
 * - `remove` records a `delete` audit entry.
 * - The id of `remove` and the `expectedVersion` of `put` (`null` to create) and `remove` are
 *   checked before the adapter reads them: a missing one is a ValidationError naming
 *   `options.expectedVersion`, not a driver's TypeError.
 *
 * Every write is stamped with the app's clock, as the use cases are: `options.at`, which the
 * port requires, must be an instant but is not what the record and the log keep. The reason
 * recorded is `app.storage`. Appending to (or redacting) the audit log or a file's history is
 * refused with a `ForbiddenError`: entries there are made by the library's writes only, and
 * redacted by `applyRetention` only. @internal
 */
export function facadeWrites(ctx: Context): Facade {
  const instant = (at: unknown) =>
    validate(InstantSchema, at, {
      subject: text("写入选项", "write options"),
      path: ["options", "at"],
      locale: ctx.locale,
    });
  // The version options of `put` and `remove`, checked before the adapter reads them.
  const version = (options: unknown, schema: z.ZodType, subject: LocalizedText) =>
    validate(z.object({ expectedVersion: schema }), options, {
      subject,
      path: ["options"],
      locale: ctx.locale,
    });
  return {
    writes(kind: StorageEntityKind, atomic) {
      const schema = STORAGE_ENTITY_SCHEMAS[kind] as z.ZodType;
      const repoOf = (tx: StorageSession) => tx[kind] as unknown as Repo;
      return {
        async put(value, options) {
          instant(options?.at);
          version(options, ExpectedVersionSchema.nullable(), text("写入选项", "write options"));
          const parsed = validate(schema, value, { subject: SUBJECT, locale: ctx.locale });
          const at = ctx.now();
          return atomic(async (tx) => {
            const [p] = await prepareWrites(
              ctx,
              tx,
              kind,
              [parsed as StorageEntities[typeof kind]],
              {
                at,
                reason: FACADE_REASON,
                masked: true,
                subject: SUBJECT,
              },
            );
            const record = await repoOf(tx).put(p!.value as never, { ...options, at });
            if (p!.change && p!.patches.length > 0) await tx.fileChanges.append([p!.change]);
            await tx.audit.append([
              auditEntry(ctx, at, {
                entity: kind,
                entityId: record.id,
                operation: p!.before ? "update" : "create",
                version: record.version,
                patches: p!.patches,
                reason: FACADE_REASON,
              }),
            ]);
            return record;
          });
        },
        async upsertMany(values, options) {
          instant(options?.at);
          const parsed = validateRows(ctx, kind, values, { list: "values", subject: SUBJECT });
          const at = ctx.now();
          await atomic(async (tx) => {
            const prepared = await prepareWrites(ctx, tx, kind, parsed, {
              at,
              reason: FACADE_REASON,
              list: "values",
              masked: true,
              subject: SUBJECT,
            });
            await commitWrites(ctx, tx, kind, prepared, { at, reason: FACADE_REASON });
          });
        },
        async remove(id, options) {
          validate(IdSchema, id, { subject: REMOVAL, path: ["id"], locale: ctx.locale });
          version(options, ExpectedVersionSchema, REMOVAL);
          return atomic(async (tx) => {
            const removed = await repoOf(tx).remove(id, options);
            if (removed) {
              await tx.audit.append([
                auditEntry(ctx, ctx.now(), {
                  entity: kind,
                  entityId: id,
                  operation: "delete",
                  version: 0,
                  patches: [{ op: "remove", path: [] }],
                  reason: FACADE_REASON,
                }),
              ]);
            }
            return removed;
          });
        },
      };
    },
    logWriteRefused(log, operation) {
      const what =
        log === "audit" ? text("审计日志", "the audit log") : text("档案历史", "a file's history");
      const how =
        operation === "append"
          ? text(`向${what["zh-CN"]}追加记录`, `append to ${what.en}`)
          : text(`删改${what["zh-CN"]}`, `redact ${what.en}`);
      return new ForbiddenError(
        text(
          `app.storage 不能${how["zh-CN"]}：其中的记录只由库的写入生成，只由 applyRetention 删改`,
          `app.storage cannot ${how.en}: its entries are made by the library's writes only, and redacted by applyRetention only`,
        ),
        { locale: ctx.locale },
      );
    },
  };
}
