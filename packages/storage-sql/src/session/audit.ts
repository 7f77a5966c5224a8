import { instantMs } from "@liushou/core";
import type { StorageAuditLog, StorageAuditQuery, StoredAuditEntry } from "@liushou/core";
import { keysetReads, type Keys, type KeysetPage } from "./codec";
import type { SqlContext } from "./context";
import { instantRange } from "./filters";
import { insertRows } from "./insert";

/** The append-only audit log: one row per entry, numbered by the database in append order. */
export function sqlAuditLog(ctx: SqlContext): StorageAuditLog {
  async function read(
    filter: StorageAuditQuery,
    limit: number,
    after: Keys | null,
  ): Promise<KeysetPage<StoredAuditEntry>> {
    let q = ctx.db
      .selectFrom("ls_audit as t")
      .select(["t.seq", "t.data"])
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
    const items = rows
      .slice(0, limit)
      .map((r): StoredAuditEntry => ({ ...JSON.parse(r.data as string), seq: Number(r.seq) }));
    const last = items[items.length - 1];
    return { items, next: rows.length > limit && last ? [last.seq] : null };
  }

  return {
    async append(entries) {
      if (entries.length === 0) return;
      const rows = entries.map((e) => [
        ctx.region,
        e.entity,
        e.entityId,
        e.actor,
        instantMs(e.at),
        JSON.stringify(e),
      ]);
      const columns = ["region", "kind", "entity_id", "actor", "at_ms", "data"];
      await insertRows(ctx, ctx.statements, { table: "ls_audit", columns, rows }, "insert");
    },
    ...keysetReads(read, ctx.batchSize),
  };
}
