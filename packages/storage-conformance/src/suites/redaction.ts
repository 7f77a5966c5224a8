import {
  anonymiseFileChange,
  auditPatchesDigest,
  erasePatchValues,
  updateChildFile,
  ValidationError,
  verifyAuditLog,
  type ChildFile,
  type FileChange,
  type StorageAdapter,
  type StorageAuditEntry,
  type StoredAuditEntry,
} from "@liushou/core";
import { describe, expect } from "vitest";
import { collectStream, WRITE_AT, type Harness } from "../harness";
import { newSampleScope, randomId, sampleEntity } from "../samples";

/** A file with a history of three changes, stored; and the changes. */
async function fileWithHistory(
  s: StorageAdapter,
): Promise<{ file: ChildFile; changes: FileChange[] }> {
  const initial = sampleEntity("files", newSampleScope());
  await s.files.put(initial, { expectedVersion: null, at: WRITE_AT });
  let file = initial;
  const changes: FileChange[] = [];
  for (const health of ["哮喘", "过敏", "康复"]) {
    const u = updateChildFile(
      file,
      (d) => {
        d.child.health = health;
      },
      { actor: "t1", at: WRITE_AT, reason: `体检：${health}`, id: randomId("ch") },
    );
    file = u.file;
    changes.push(u.change);
  }
  await s.fileChanges.append(changes);
  return { file, changes };
}

function entry(entityId: string, patch: Partial<StorageAuditEntry> = {}): StorageAuditEntry {
  return {
    id: randomId("a"),
    actor: "t1",
    at: WRITE_AT,
    entity: "files",
    entityId,
    operation: "update",
    version: 2,
    patches: [{ op: "replace", path: ["child", "health"], value: "哮喘" }],
    ...patch,
  };
}

/** The log from the first of `ids` on, and whether it verifies from there. */
async function tail(s: StorageAdapter, ids: ReadonlySet<string>) {
  const out: StoredAuditEntry[] = [];
  for await (const e of s.audit.stream({})) if (out.length > 0 || ids.has(e.id)) out.push(e);
  return { entries: out, verdict: verifyAuditLog(out, { from: out[0]!.prevHash }) };
}

/** Retention's redaction: file histories and audit patches rewritten, the chain kept. @internal */
export function redactionSuite(h: Harness): void {
  describe("redaction (retention)", () => {
    h.it("a file history is replaced by its redacted copy, or erased", async (s) => {
      const { file, changes } = await fileWithHistory(s);
      const other = await fileWithHistory(s);
      const redacted = changes.map(anonymiseFileChange);
      await s.fileChanges.redact(file.id, redacted);
      expect(await s.fileChanges.list(file.id)).toEqual(redacted);
      expect(JSON.stringify(await s.fileChanges.list(file.id))).not.toMatch(/哮喘|过敏|康复/);
      await s.fileChanges.redact(file.id, []);
      expect(await s.fileChanges.list(file.id)).toEqual([]);
      expect(await s.fileChanges.list(other.file.id)).toEqual(other.changes);
      // A history appended after an erasure starts again.
      await s.fileChanges.append(changes.slice(0, 1));
      expect(await s.fileChanges.list(file.id)).toEqual(changes.slice(0, 1));
    });

    h.it("a replacement of another length or file is refused and writes nothing", async (s) => {
      expect.assertions(3);
      const { file, changes } = await fileWithHistory(s);
      const other = await fileWithHistory(s);
      await expect(
        s.fileChanges.redact(file.id, changes.slice(1).map(anonymiseFileChange)),
      ).rejects.toBeInstanceOf(ValidationError);
      await expect(
        s.fileChanges.redact(file.id, other.changes.map(anonymiseFileChange)),
      ).rejects.toBeInstanceOf(ValidationError);
      expect(await s.fileChanges.list(file.id)).toEqual(changes);
    });

    h.it("redacted audit patches keep the chain verifiable; others are untouched", async (s) => {
      const id = randomId("c");
      const neighbour = randomId("c");
      const entries = [entry(id), entry(neighbour), entry(id, { operation: "create", version: 1 })];
      await s.audit.append(entries);
      const before = (await tail(s, new Set(entries.map((e) => e.id)))).entries;
      const mine = before.filter((e) => e.entityId === id);
      const by = randomId("x");
      await s.audit.redact(
        mine.map((e) => ({ seq: e.seq, patches: erasePatchValues(e.patches), redactedBy: by })),
      );
      await s.audit.append([
        entry(id, {
          id: by,
          operation: "erase",
          version: 0,
          patches: [],
          redacts: mine.map((e) => e.seq),
        }),
      ]);
      const { entries: after, verdict } = await tail(s, new Set(entries.map((e) => e.id)));
      expect(verdict, JSON.stringify(verdict)).toMatchObject({ ok: true, redacted: 2 });
      for (const e of after.filter((x) => x.entityId === id && x.id !== by)) {
        expect(e.patches).toEqual([{ op: "replace", path: ["child", "health"] }]);
        expect(e.redactedBy).toBe(by);
        const was = before.find((x) => x.seq === e.seq)!;
        expect([e.hash, e.prevHash, e.patchesDigest]).toEqual([
          was.hash,
          was.prevHash,
          auditPatchesDigest(entries[0]!.patches),
        ]);
      }
      const untouched = after.find((e) => e.entityId === neighbour)!;
      expect(untouched).toEqual(before.find((e) => e.entityId === neighbour));
      expect(JSON.stringify(await collectStream(s.audit.stream({ entityId: id })))).not.toMatch(
        /哮喘/,
      );
    });

    h.it("a redaction naming an unknown seq is refused, and none of it lands", async (s) => {
      expect.assertions(2);
      const e = entry(randomId("c"));
      await s.audit.append([e]);
      const [stored] = (await tail(s, new Set([e.id]))).entries;
      await expect(
        s.audit.redact([
          { seq: stored!.seq, patches: [], redactedBy: "x" },
          { seq: Number.MAX_SAFE_INTEGER, patches: [], redactedBy: "x" },
        ]),
      ).rejects.toBeInstanceOf(ValidationError);
      const [again] = (await tail(s, new Set([e.id]))).entries;
      expect(again).toEqual(stored);
    });

    h.it("a rolled-back transaction leaves no redaction behind", async (s, ctx) => {
      if (!s.capabilities.transactions) return ctx.skip();
      const { file, changes } = await fileWithHistory(s);
      const e = entry(file.id);
      await s.audit.append([e]);
      const [stored] = (await tail(s, new Set([e.id]))).entries;
      await expect(
        s.transaction(async (tx) => {
          await tx.fileChanges.redact(file.id, []);
          await tx.audit.redact([{ seq: stored!.seq, patches: [], redactedBy: "x" }]);
          await tx.files.remove(file.id, { expectedVersion: 1 });
          expect(await tx.fileChanges.list(file.id)).toEqual([]);
          throw new Error("rolled back");
        }),
      ).rejects.toThrow("rolled back");
      expect(await s.fileChanges.list(file.id)).toEqual(changes);
      expect((await tail(s, new Set([e.id]))).entries[0]).toEqual(stored);
      expect((await s.files.get(file.id))?.version).toBe(1);
    });

    h.it("inside a transaction, redactions are read back and commit together", async (s, ctx) => {
      if (!s.capabilities.transactions) return ctx.skip();
      const { file, changes } = await fileWithHistory(s);
      const by = randomId("x");
      const e = entry(file.id);
      await s.transaction(async (tx) => {
        await tx.audit.append([e]);
        const [stored] = await collectStream(tx.audit.stream({ entityId: file.id }));
        await tx.audit.redact([{ seq: stored!.seq, patches: [], redactedBy: by }]);
        await tx.audit.append([
          entry(file.id, { id: by, operation: "anonymise", patches: [], redacts: [stored!.seq] }),
        ]);
        await tx.fileChanges.redact(file.id, changes.map(anonymiseFileChange));
        expect((await collectStream(tx.audit.stream({ entityId: file.id })))[0]!.patches).toEqual(
          [],
        );
      });
      const { entries: log, verdict } = await tail(s, new Set([e.id]));
      expect(log[0]).toMatchObject({ patches: [], redactedBy: by });
      expect(verdict, JSON.stringify(verdict)).toMatchObject({ ok: true, redacted: 1 });
      expect(await s.fileChanges.list(file.id)).toEqual(changes.map(anonymiseFileChange));
    });
  });
}
