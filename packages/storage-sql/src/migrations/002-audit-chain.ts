import {
  AUDIT_GENESIS_HASH,
  chainAuditEntries,
  createAuditVerifier,
  type AuditVerifier,
  type StorageAuditEntry,
  type StoredAuditEntry,
} from "@liushou/core";
import type { Kysely } from "kysely";
import { columnType, createTable, type MigrationContext } from "./ddl";

/** Rows of the audit log read per round when linking an existing log. */
const BATCH = 1000;

/**
 * Links every entry of the audit log again, region by region in `seq` order, with
 * `chainAuditEntries` (each entry gets its `patchesDigest`, `prev_hash` and `hash`). With
 * `verify`, each region's log must first verify as it is stored, or nothing is linked: a
 * changed log is never laundered into a valid one.
 * @returns The last hash of each region.
 */
export async function linkAuditLog(
  db: Kysely<any>,
  options: { readonly verify: boolean },
): Promise<Map<string, string>> {
  const heads = new Map<string, string>();
  const verifiers = new Map<string, AuditVerifier>();
  const pass = async (write: boolean) => {
    let after: { region: string; seq: number } | undefined;
    for (;;) {
      let q = db.selectFrom("ls_audit").select(["region", "seq", "data", "prev_hash", "hash"]);
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
        if (!write) {
          let v = verifiers.get(region);
          if (!v) verifiers.set(region, (v = createAuditVerifier()));
          const failure = v.push({
            ...entry,
            seq: Number(row.seq),
            prevHash: String(row.prev_hash),
            hash: String(row.hash),
          } as StoredAuditEntry);
          if (failure) throw new Error(`ls_audit region ${region}: ${failure.message.en}`);
          continue;
        }
        const { linked, head } = chainAuditEntries(heads.get(region) ?? AUDIT_GENESIS_HASH, [
          entry,
        ]);
        const { prevHash, hash: _hash, ...data } = linked[0]!;
        await db
          .updateTable("ls_audit")
          .set({ data: JSON.stringify(data), prev_hash: prevHash, hash: head })
          .where("region", "=", region)
          .where("seq", "=", row.seq)
          .execute();
        heads.set(region, head);
      }
      if (rows.length < BATCH) break;
      const last = rows[rows.length - 1]!;
      after = { region: String(last.region), seq: Number(last.seq) };
    }
  };
  if (options.verify) {
    await pass(false);
    for (const [region, v] of verifiers) {
      const r = v.finish();
      if (!r.ok) throw new Error(`ls_audit region ${region}: ${r.message.en}`);
    }
  }
  await pass(true);
  return heads;
}

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
  const heads = await linkAuditLog(db, { verify: false });
  for (const [region, h] of heads) {
    await db.insertInto("ls_audit_head").values({ region, hash: h }).execute();
  }
}
