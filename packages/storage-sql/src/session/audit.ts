import {
  AUDIT_GENESIS_HASH,
  chainAuditEntries,
  instantMs,
  redactAuditEntry,
  type StoredAuditEntry as Stored,
} from "@liushou/core";
import type { StorageAuditLog, StorageAuditQuery, StoredAuditEntry } from "@liushou/core";
import { keysetReads, type Keys, type KeysetPage } from "./codec";
import { atomically, type SqlContext } from "./context";
import { instantRange } from "./filters";
import { insertRows } from "./insert";
import { isDuplicateKey } from "./repository";

/**
 * The last hash of the region's chain, its row locked until the transaction ends (SQLite runs
 * one writer at a time), so a concurrent append waits and links after this one.
 */
async function lockHead(ctx: SqlContext): Promise<string> {
  const read = () => {
    let q = ctx.db.selectFrom("ls_audit_head").select("hash").where("region", "=", ctx.region);
    if (ctx.flavor !== "sqlite") q = q.forUpdate();
    return q.executeTakeFirst();
  };
  const row = await read();
  if (row) return String(row.hash);
  let insert = ctx.db
    .insertInto("ls_audit_head")
    .values({ region: ctx.region, hash: AUDIT_GENESIS_HASH });
  if (ctx.flavor !== "mysql") insert = insert.onConflict((oc) => oc.doNothing());
  try {
    await insert.execute();
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
  return String((await read())!.hash);
}

/**
 * The append-only, hash-chained audit log: one row per entry, numbered by the database in
 * append order, each linked to the one before.
 */
export function sqlAuditLog(ctx: SqlContext): StorageAuditLog {
  async function read(
    filter: StorageAuditQuery,
    limit: number,
    after: Keys | null,
  ): Promise<KeysetPage<StoredAuditEntry>> {
    let q = ctx.db
      .selectFrom("ls_audit as t")
      .select(["t.seq", "t.data", "t.prev_hash", "t.hash"])
      .where("t.region", "=", ctx.region);
    if (filter.entity !== undefined) q = q.where("t.kind", "=", filter.entity);
    if (filter.entityId !== undefined) q = q.where("t.entity_id", "=", filter.entityId);
    if (filter.actor !== undefined) q = q.where("t.actor", "=", filter.actor);
    q = instantRange(q, "t.at_ms", filter.at);
    if (after) q = q.where("t.seq", ">", Number(after[0]));
    const rows = await q
      .orderBy("t.seq")
      .limit(limit + 1)
      .execute();
    const items = rows.slice(0, limit).map((r): StoredAuditEntry => ({
      ...JSON.parse(r.data as string),
      seq: Number(r.seq),
      prevHash: String(r.prev_hash),
      hash: String(r.hash),
    }));
    const last = items[items.length - 1];
    return { items, next: rows.length > limit && last ? [last.seq] : null };
  }

  return {
    append(entries) {
      if (entries.length === 0) return Promise.resolve();
      return atomically(ctx, async (c) => {
        const { linked, head } = chainAuditEntries(await lockHead(c), entries);
        const rows = linked.map(({ prevHash, hash, ...e }) => [
          c.region,
          e.entity,
          e.entityId,
          e.actor,
          instantMs(e.at),
          JSON.stringify(e),
          prevHash,
          hash,
        ]);
        const columns = [
          "region",
          "kind",
          "entity_id",
          "actor",
          "at_ms",
          "data",
          "prev_hash",
          "hash",
        ];
        await insertRows(c, c.statements, { table: "ls_audit", columns, rows }, "insert");
        await c.db
          .updateTable("ls_audit_head")
          .set({ hash: head })
          .where("region", "=", c.region)
          .execute();
      });
    },
    redact(redactions) {
      if (redactions.length === 0) return Promise.resolve();
      return atomically(ctx, async (c) => {
        for (const r of redactions) {
          const seq = (r as { seq?: unknown } | null)?.seq;
          const row =
            typeof seq === "number" && Number.isSafeInteger(seq)
              ? await c.db
                  .selectFrom("ls_audit")
                  .select(["seq", "data", "prev_hash", "hash"])
                  .where("region", "=", c.region)
                  .where("seq", "=", seq)
                  .executeTakeFirst()
              : undefined;
          const stored = row
            ? ({ ...JSON.parse(String(row.data)), seq: Number(row.seq) } as Stored)
            : ({ seq: Number.NaN } as Stored);
          const { seq: _seq, prevHash: _p, hash: _h, ...data } = redactAuditEntry(stored, r);
          await c.db
            .updateTable("ls_audit")
            .set({ data: JSON.stringify(data) })
            .where("region", "=", c.region)
            .where("seq", "=", seq as number)
            .execute();
        }
      });
    },
    ...keysetReads(read, ctx.batchSize),
  };
}
