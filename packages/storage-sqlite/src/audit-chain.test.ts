import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { createHash } from "node:crypto";
import {
  AUDIT_GENESIS_HASH,
  canonicalJson,
  StorageError,
  verifyAuditLog,
  type StorageAuditEntry,
  type StoredAuditEntry,
} from "@liushou/core";
import { afterAll, describe, expect, it } from "vitest";
import { createSqliteStorage } from "./index";

const dir = mkdtempSync(join(tmpdir(), "liushou-audit-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const entry = (n: number): StorageAuditEntry => ({
  id: `a${n}`,
  actor: "t7",
  at: "2026-03-01T09:00:00+08:00",
  entity: "files",
  entityId: `c${n}`,
  operation: "update",
  version: n + 1,
  patches: [{ op: "replace", path: ["child", "name"], value: `王${n}` }],
});

async function readLog(filename: string): Promise<StoredAuditEntry[]> {
  const storage = await createSqliteStorage({ filename, region: "430102" });
  const out: StoredAuditEntry[] = [];
  for await (const e of storage.audit.stream({})) out.push(e);
  await storage.close();
  return out;
}

async function writeLog(filename: string, n: number): Promise<void> {
  const storage = await createSqliteStorage({ filename, region: "430102" });
  for (let i = 0; i < n; i++) await storage.audit.append([entry(i)]);
  await storage.close();
}

describe("the audit chain in the database", () => {
  it("an entry changed, deleted or moved in the table breaks the chain where it happened", async () => {
    const filename = join(dir, "tamper.db");
    await writeLog(filename, 6);
    expect(verifyAuditLog(await readLog(filename))).toMatchObject({ ok: true, count: 6 });

    const db = new Database(filename);
    const data = (db.prepare("select data from ls_audit where seq = 3").get() as { data: string })
      .data;
    db.prepare("update ls_audit set data = ? where seq = 3").run(data.replace("王2", "李2"));
    db.close();
    expect(verifyAuditLog(await readLog(filename))).toMatchObject({
      ok: false,
      index: 2,
      reason: "edited",
    });

    const db2 = new Database(filename);
    db2.prepare("update ls_audit set data = ? where seq = 3").run(data);
    db2.prepare("delete from ls_audit where seq = 5").run();
    db2.close();
    expect(verifyAuditLog(await readLog(filename))).toMatchObject({
      ok: false,
      index: 4,
      reason: "broken-link",
    });
  });

  it("the migration links a log written before the chain existed", async () => {
    const filename = join(dir, "old.db");
    await writeLog(filename, 4);
    const db = new Database(filename);
    db.exec(`
      alter table ls_audit drop column prev_hash;
      alter table ls_audit drop column hash;
      drop table ls_audit_head;
      drop table ls_consent;
      delete from ls_migration where name in ('002-audit-chain', '003-consent', '004-audit-digest');
    `);
    db.close();
    await writeLog(filename, 2);
    const log = await readLog(filename);
    expect(verifyAuditLog(log)).toMatchObject({ ok: true, count: 6 });
  });
});

/** Rewrites a stored log the way it was chained before patch digests. */
function toLegacy(filename: string): void {
  const db = new Database(filename);
  const rows = db.prepare("select seq, data from ls_audit order by seq").all() as {
    seq: number;
    data: string;
  }[];
  let head = AUDIT_GENESIS_HASH;
  for (const row of rows) {
    const { patchesDigest: _d, ...entry } = JSON.parse(row.data) as StoredAuditEntry;
    const hash = createHash("sha256")
      .update(`${head}\n${canonicalJson(entry)}`)
      .digest("hex");
    db.prepare("update ls_audit set data = ?, prev_hash = ?, hash = ? where seq = ?").run(
      JSON.stringify(entry),
      head,
      hash,
      row.seq,
    );
    head = hash;
  }
  db.prepare("update ls_audit_head set hash = ?").run(head);
  db.prepare("delete from ls_migration where name = '004-audit-digest'").run();
  db.close();
}

describe("the patch digests migration", () => {
  it("links a log chained before digests again, so its entries can be redacted", async () => {
    const filename = join(dir, "legacy.db");
    await writeLog(filename, 3);
    toLegacy(filename);
    await writeLog(filename, 1);
    const log = await readLog(filename);
    expect(log.every((e) => typeof e.patchesDigest === "string")).toBe(true);
    expect(verifyAuditLog(log)).toMatchObject({ ok: true, count: 4 });
    const storage = await createSqliteStorage({ filename, region: "430102" });
    await storage.audit.redact([{ seq: 2, patches: [], redactedBy: "x1" }]);
    await storage.audit.append([
      { ...entry(9), id: "x1", operation: "erase", patches: [], redacts: [2] },
    ]);
    await storage.close();
    expect(verifyAuditLog(await readLog(filename))).toMatchObject({ ok: true, redacted: 1 });
  });

  it("refuses a log that does not verify, and changes nothing", async () => {
    expect.assertions(2);
    const filename = join(dir, "legacy-bad.db");
    await writeLog(filename, 3);
    toLegacy(filename);
    const db = new Database(filename);
    db.prepare("update ls_audit set data = replace(data, '王1', '李1') where seq = 2").run();
    db.close();
    await expect(createSqliteStorage({ filename, region: "430102" })).rejects.toBeInstanceOf(
      StorageError,
    );
    const check = new Database(filename);
    const pending = check
      .prepare("select count(*) as n from ls_migration where name = '004-audit-digest'")
      .get() as { n: number };
    check.close();
    expect(pending.n).toBe(0);
  });
});
