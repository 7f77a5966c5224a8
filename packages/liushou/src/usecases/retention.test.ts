import {
  ForbiddenError,
  ValidationError,
  verifyAuditLog,
  type ChildFileInput,
  type StorageAdapter,
  type StoredAuditEntry,
} from "@liushou/core";
import { createMemoryStorage } from "@liushou/storage-memory";
import { createSqliteStorage } from "@liushou/storage-sqlite";
import { describe, expect, it } from "vitest";
import { fileRow, testApp } from "../_lib/app.test-helper";
import { createLiushou } from "../create";
import { encrypted } from "../encryption/test-keys.test-helper";

/** Personal values of the expired file `c1`, which must leave no trace once it is handled. */
const SECRETS = [
  "王小明",
  "13900139000",
  "长沙市芙蓉区某村 3 组",
  "哮喘",
  "画画",
  "李秀英",
  "王大山",
];

function expiredRow(id: string, over: Partial<ChildFileInput> = {}): ChildFileInput {
  const row = fileRow(id);
  return {
    ...row,
    child: {
      ...row.child,
      name: "王小明",
      address: "长沙市芙蓉区某村 3 组",
      health: "哮喘",
      interests: "画画",
      schooling: { status: "graduated", since: "2020-07-01" },
    },
    guardians: [{ ...row.guardians![0]!, name: "李秀英", phone: "13900139000" }],
    parents: [{ ...row.parents![0]!, name: "王大山" }],
    ...over,
  };
}

const ANONYMISE = { years: 3, action: "anonymise" } as const;
const DELETE = { years: 3, action: "delete" } as const;

async function drain<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const i of items) out.push(i);
  return out;
}

/** Everything the adapter keeps, for "nothing changed" and "no value left". */
async function everything(storage: StorageAdapter, ids: readonly string[]) {
  const log: StoredAuditEntry[] = await drain(storage.audit.stream({}));
  const kinds = ["files", "contacts", "pairings", "consents", "activities"] as const;
  const entities = Object.fromEntries(
    await Promise.all(
      kinds.map(async (k) => [k, await drain((storage[k] as StorageAdapter["files"]).stream({}))]),
    ),
  );
  const histories = await Promise.all(ids.map((id) => storage.fileChanges.list(id)));
  return { log, entities, histories };
}

/** Two children: `c1` expired (graduated 2020), `c2` in scope; records of each and of both. */
async function seeded(storage: StorageAdapter = createMemoryStorage()) {
  const t = testApp({ storage });
  const { app } = t;
  await app.importFiles([expiredRow("c1"), fileRow("c2")]);
  await app.updateFile("c1", (d) => void (d.child.health = "哮喘，已好转"), { reason: "体检" });
  await app.recordContact({
    kind: "home-visit",
    at: "2026-03-03T15:00:00+08:00",
    childIds: ["c1"],
    summary: "王小明家访",
  });
  const both = await app.recordContact({
    kind: "talk",
    at: "2026-03-03T16:00:00+08:00",
    childIds: ["c1", "c2"],
    summary: "集体谈心",
  });
  await app.recordConsent({
    childId: "c1",
    purpose: "health",
    guardianId: "g1",
    relation: "grandfather",
    method: "written",
    dataClasses: ["health"],
  });
  await app.reveal("c1", ["child.health"], "家访准备");
  return { ...t, both: both.id };
}

const ADAPTERS: [string, () => Promise<StorageAdapter>][] = [
  ["memory", async () => createMemoryStorage()],
  ["sqlite", async () => createSqliteStorage()],
  ["memory, encrypted", async () => encrypted(createMemoryStorage())],
];

describe("applyRetention", () => {
  it("a dry run writes nothing and reports what a run does", async () => {
    const { app, storage } = await seeded();
    const before = await everything(storage, ["c1", "c2"]);
    const preview = await app.applyRetention({ policy: DELETE, asOf: "2026-03-04", dryRun: true });
    expect(await everything(storage, ["c1", "c2"])).toEqual(before);
    expect(preview).toMatchObject({
      asOf: "2026-03-04",
      dryRun: true,
      counts: { anonymised: 0, erased: 1, skipped: 0, kept: 1 },
      erased: [
        {
          childId: "c1",
          leftScope: { on: "2020-07-01", reason: "graduated" },
          expiredOn: "2023-07-01",
          changes: 1,
          recordsRemoved: 2,
          recordsDetached: 1,
        },
      ],
    });
    const run = await app.applyRetention({ policy: DELETE, asOf: "2026-03-04" });
    expect(run).toEqual({ ...preview, dryRun: false });
  });

  it("keeps a file until `years` after its child left scope", async () => {
    const { app, storage } = await seeded();
    const r = await app.applyRetention({ policy: DELETE, asOf: "2023-06-30" });
    expect(r.counts).toEqual({ anonymised: 0, erased: 0, skipped: 0, kept: 2 });
    expect(await storage.files.get("c1")).not.toBeNull();
  });

  for (const [name, make] of ADAPTERS) {
    it(`anonymises a file, its history and its audit patches; the log verifies (${name})`, async () => {
      const storage = await make();
      const { app } = await seeded(storage);
      const r = await app.applyRetention({ policy: ANONYMISE });
      expect(r.counts).toEqual({ anonymised: 1, erased: 0, skipped: 0, kept: 1 });
      const file = (await storage.files.get("c1"))!.value;
      expect(file.child).toMatchObject({ name: "匿名", birthDate: "2014-01-01" });
      const all = await everything(storage, ["c1"]);
      // The file, its history and its audit entries; records about the child (a contact's
      // summary) are kept as they are by an anonymisation.
      const own = all.log.filter((e) => e.entity === "files" && e.entityId === "c1");
      const text = JSON.stringify([all.entities.files, all.histories, own]);
      for (const s of SECRETS) expect(text).not.toContain(s);
      const verdict = verifyAuditLog(all.log);
      expect(verdict).toMatchObject({ ok: true, redacted: 2 });
      const entry = all.log.find((e) => e.operation === "anonymise")!;
      expect(entry).toMatchObject({ entityId: "c1", patches: [] });
      // The import and the update of c1, not c2's import.
      expect(entry.redacts).toEqual(own.filter((e) => e.redactedBy === entry.id).map((e) => e.seq));
      expect(entry.redacts).toHaveLength(2);
      expect(entry.fields).toContainEqual(["child", "name"]);
      // The second run finds the file anonymised already.
      const again = await app.applyRetention({ policy: ANONYMISE });
      expect(again.skipped).toEqual([{ childId: "c1", reason: "already-anonymised" }]);
      await storage.close?.();
    });

    it(`erases a file with what is the child's alone; others' data stays (${name})`, async () => {
      const storage = await make();
      const { app, both } = await seeded(storage);
      const c2Before = await storage.files.get("c2");
      const r = await app.applyRetention({ policy: DELETE });
      expect(r.counts).toEqual({ anonymised: 0, erased: 1, skipped: 0, kept: 1 });
      expect(await storage.files.get("c1")).toBeNull();
      expect(await storage.fileChanges.list("c1")).toEqual([]);
      expect((await storage.consents.query({ childId: "c1" })).items).toEqual([]);
      expect((await storage.contacts.query({ childId: "c1" })).items).toEqual([]);
      // The record about both children stays, without c1.
      expect((await storage.contacts.get(both))?.value.childIds).toEqual(["c2"]);
      expect(await storage.files.get("c2")).toEqual(c2Before);
      const all = await everything(storage, ["c1", "c2"]);
      const text = JSON.stringify(all);
      for (const s of SECRETS) expect(text).not.toContain(s);
      expect(verifyAuditLog(all.log)).toMatchObject({ ok: true });
      const erase = all.log.find((e) => e.operation === "erase")!;
      expect(erase).toMatchObject({ entity: "files", entityId: "c1", version: 0, patches: [] });
      expect(all.log.filter((e) => e.redactedBy === erase.id).map((e) => e.seq)).toEqual(
        erase.redacts,
      );
      await storage.close?.();
    });
  }

  it("is for administrators only, within their scope", async () => {
    const { app, storage } = await seeded();
    const teacher = app.as({
      id: "t-1",
      role: "teacher",
      scope: { level: "class", classIds: ["k1"] },
    });
    await expect(teacher.applyRetention({ policy: DELETE })).rejects.toBeInstanceOf(ForbiddenError);
    const otherSchool = app.as({
      id: "a-2",
      role: "administrator",
      scope: { level: "school", schoolIds: ["s9"] },
    });
    const r = await otherSchool.applyRetention({ policy: DELETE });
    expect(r.counts).toEqual({ anonymised: 0, erased: 0, skipped: 0, kept: 0 });
    expect(await storage.files.get("c1")).not.toBeNull();
  });

  it("the port's redactions are refused outside the actor's scope, and to non-administrators", async () => {
    const { app, storage } = await seeded();
    const history = await storage.fileChanges.list("c1");
    const [first] = (await storage.audit.query({ entityId: "c1" })).items;
    const teacher = app.as({
      id: "t-2",
      role: "teacher",
      scope: { level: "class", classIds: ["k1"] },
    });
    // c1 is in the teacher's class, but redaction is for administrators.
    expect(await teacher.storage.files.get("c1")).not.toBeNull();
    await expect(teacher.storage.fileChanges.redact("c1", [])).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(
      teacher.storage.audit.redact([{ seq: first!.seq, patches: [], redactedBy: "x" }]),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const elsewhere = app.as({
      id: "a-3",
      role: "administrator",
      scope: { level: "school", schoolIds: ["s9"] },
    });
    await expect(elsewhere.storage.fileChanges.redact("c1", [])).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(await storage.fileChanges.list("c1")).toEqual(history);
    expect((await storage.audit.query({ entityId: "c1" })).items[0]).toEqual(first);
  });

  it("refuses an option it does not take: a misspelt dryRun writes nothing", async () => {
    const { app, storage } = await seeded();
    const before = await everything(storage, ["c1", "c2"]);
    await expect(
      app.applyRetention({ policy: DELETE, dryrun: true } as never),
    ).rejects.toMatchObject({ name: "ValidationError", issues: [{ path: "dryrun" }] });
    await expect(
      app.applyRetention({ policy: { ...DELETE, year: 3 } } as never),
    ).rejects.toMatchObject({ issues: [{ path: "policy.year" }] });
    expect(await everything(storage, ["c1", "c2"])).toEqual(before);
  });

  it("looks at a day later than today in a dry run only", async () => {
    const { app, storage } = await seeded(); // today: 2026-03-04
    const before = await everything(storage, ["c1", "c2"]);
    const later = { policy: { years: 10, action: "delete" }, asOf: "2031-01-01" } as const;
    await expect(app.applyRetention(later)).rejects.toMatchObject({
      name: "ValidationError",
      issues: [{ path: "asOf", code: "date_order" }],
    });
    await expect(
      app.applyRetention({ ...later, asOf: "2200-01-01", dryRun: true }),
    ).rejects.toMatchObject({
      issues: [{ path: "asOf" }],
    });
    expect(await everything(storage, ["c1", "c2"])).toEqual(before);
    const preview = await app.applyRetention({ ...later, dryRun: true });
    expect(preview.erased.map((o) => o.childId)).toEqual(["c1"]);
    expect(await everything(storage, ["c1", "c2"])).toEqual(before);
  });

  it("judges each file again as read when it writes: one changed meanwhile is skipped", async () => {
    const inner = createMemoryStorage();
    let meanwhile: (() => Promise<unknown>) | undefined;
    // Another user's change lands between the plan and the file's own transaction.
    const storage: StorageAdapter = {
      ...inner,
      transaction: async (work) => {
        const change = meanwhile;
        meanwhile = undefined;
        await change?.();
        return inner.transaction(work);
      },
    };
    const { app } = await seeded(storage);
    const other = createLiushou({
      storage: inner,
      actor: "teacher-8",
      clock: () => "2026-03-04T11:00:00+08:00",
    });
    meanwhile = () =>
      other.updateFile("c1", (d) => void (d.child.schooling = { status: "enrolled" }), {
        reason: "复学",
      });
    const r = await app.applyRetention({ policy: DELETE });
    expect(r.skipped).toEqual([{ childId: "c1", reason: "changed" }]);
    expect(r.counts).toMatchObject({ erased: 0, skipped: 1 });
    expect((await inner.files.get("c1"))?.value.child.schooling).toEqual({ status: "enrolled" });
    expect(await app.verifyAuditLog()).toMatchObject({ ok: true });
  });

  it("lists a file out of scope without a date as skipped, and refuses a bad policy", async () => {
    const { app } = testApp();
    await app.importFiles([
      expiredRow("c3", {
        child: { ...expiredRow("c3").child, schooling: { status: "graduated" } },
      }),
    ]);
    const r = await app.applyRetention({ policy: DELETE });
    expect(r.skipped).toEqual([{ childId: "c3", reason: "undated" }]);
    await expect(
      app.applyRetention({ policy: { years: 0, action: "delete" } }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(app.applyRetention(null as never)).rejects.toBeInstanceOf(ValidationError);
  });
});
