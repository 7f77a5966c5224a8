import { AUDIT_GENESIS_HASH, chainAuditEntries, type StorageAuditEntry } from "@liushou/core";
import type { Kysely } from "kysely";
import { columnType, createTable, type MigrationContext } from "./ddl";

/** Rows of the audit log read per round when linking an existing log. */
const BATCH = 1000;

/**
 * Chains the audit log: each entry gets `prev_hash` and `hash` (SHA-256, see
 * `chainAuditEntries`), and `ls_audit_head` keeps each region's last hash, locked by every
 * append so concurrent writers never fork the chain. Entries written before are linked now,
 * in `seq` order.
 */
export async function auditChain(db: Kysely<any>, ctx: MigrationContext): Promise<void> {
  const hash = columnType("hash", ctx.flavor);
  await db.schema.alterTable("ls_audit").addColumn("prev_hash", hash).execute();
  await db.schema.alterTable("ls_audit").addColumn("hash", hash).execute();
  const head = db.schema
    .createTable("ls_audit_head")
    .addColumn("region", columnType("region", ctx.flavor), (c) => c.notNull())
    .addColumn("hash", hash, (c) => c.notNull())
    .addPrimaryKeyConstraint("ls_audit_head__pk", ["region"] as never);
  await createTable(db, head, "ls_audit_head", [], ctx);

  const heads = new Map<string, string>();
  let after: { region: string; seq: number } | undefined;
  for (;;) {
    let q = db.selectFrom("ls_audit").select(["region", "seq", "data"]);
    if (after) {
      const { region, seq } = after;
      q = q.where((eb) =>
        eb.or([
          eb("region", ">", region),
          eb.and([eb("region", "=", region), eb("seq", ">", seq)]),
        ]),
      );
    }
    const rows = await q.orderBy("region").orderBy("seq").limit(BATCH).execute();
    for (const row of rows) {
      const region = String(row.region);
      const entry = JSON.parse(String(row.data)) as StorageAuditEntry;
      const { linked, head: h } = chainAuditEntries(heads.get(region) ?? AUDIT_GENESIS_HASH, [
        entry,
      ]);
      await db
        .updateTable("ls_audit")
        .set({ prev_hash: linked[0]!.prevHash, hash: h })
        .where("region", "=", region)
        .where("seq", "=", row.seq)
        .execute();
      heads.set(region, h);
    }
    if (rows.length < BATCH) break;
    const last = rows[rows.length - 1]!;
    after = { region: String(last.region), seq: Number(last.seq) };
  }
  for (const [region, h] of heads) {
    await db.insertInto("ls_audit_head").values({ region, hash: h }).execute();
  }
}
