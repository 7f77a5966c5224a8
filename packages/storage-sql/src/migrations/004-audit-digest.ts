import type { Kysely } from "kysely";
import { linkAuditLog } from "./002-audit-chain";
import type { MigrationContext } from "./ddl";

/**
 * Makes the audit log redactable: entries chained before patch digests committed to their
 * patches, so retention could not redact them without breaking the chain. The log is first
 * verified as stored (the migration fails, and changes nothing, when it does not verify), then
 * every entry is linked again with its `patchesDigest` (`chainAuditEntries`) and
 * `ls_audit_head` moves to the new last hash: a host that keeps the head reads it again.
 */
export async function auditDigest(db: Kysely<any>, _ctx: MigrationContext): Promise<void> {
  const heads = await linkAuditLog(db, { verify: true });
  for (const [region, hash] of heads) {
    await db.updateTable("ls_audit_head").set({ hash }).where("region", "=", region).execute();
  }
}
