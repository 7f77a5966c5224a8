import { createMemoryStorage } from "@liushou/storage-memory";
import {
  ValidationError,
  type ChildFile,
  type ChildFileInput,
  type StorageAdapter,
  type StoredAuditEntry,
} from "@liushou/core";
import { describe, expect, it } from "vitest";
import { createLiushou } from "../create";
import { CLASS_TEACHER, fileRow } from "../_lib/app.test-helper";
import { makeAccess } from "./access";
import { maskStorage } from "./masked";
import { scopeStorage } from "./scoped";

const AT = "2026-03-04T10:00:00+08:00";
const LATER = "2026-03-05T09:00:00+08:00";
const ID_NUMBER = "430102201409010028";
const ADDRESS = "长沙市芙蓉区某街道 12 号";

function row(id: string): ChildFileInput {
  const base = fileRow(id, {});
  return {
    ...base,
    child: { ...base.child, classId: "k1", idNumber: ID_NUMBER, address: ADDRESS },
    guardians: (base.guardians ?? []).map((g) => ({ ...g, phone: "13900000001" })),
    parents: (base.parents ?? []).map((p) => ({ ...p, monthlyIncomeFen: 300_000 })),
  };
}

const teacher = CLASS_TEACHER;

async function world() {
  const storage = createMemoryStorage();
  let n = 0;
  const ids = () => `id-${++n}`;
  const admin = createLiushou({ storage, actor: "admin", clock: () => AT, ids });
  await admin.importFiles([row("c1")]);
  await admin.importEntities("contacts", [
    { id: "r1", kind: "home-visit", at: AT, childIds: ["c1"] },
  ]);
  const app = createLiushou({ storage, actor: teacher, clock: () => LATER, ids });
  return { storage, app };
}

async function auditOf(storage: StorageAdapter): Promise<StoredAuditEntry[]> {
  const out: StoredAuditEntry[] = [];
  for await (const e of storage.audit.stream({})) out.push(e);
  return out;
}

async function refusal(p: Promise<unknown>) {
  const e = await p.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(e).toBeInstanceOf(ValidationError);
  return (e as ValidationError).issues.map((i) => [i.path, i.code]);
}

describe("app.storage writes", () => {
  it("refuse a read-modify-write of masked values, leaving storage and the log as they were", async () => {
    const { storage, app } = await world();
    const stored = await storage.files.get("c1");
    const log = await auditOf(storage);
    const read = (await app.storage.files.get("c1"))!;
    expect(read.value.child.idNumber).toBe("43**************28");
    const issues = await refusal(
      app.storage.files.put(
        { ...read.value, keyCase: true },
        { expectedVersion: read.version, at: LATER },
      ),
    );
    expect(issues).toContainEqual(["child.idNumber", "id_number_format"]);
    expect(await storage.files.get("c1")).toEqual(stored);
    expect(await auditOf(storage)).toEqual(log);
    expect(await storage.fileChanges.list("c1")).toEqual([]);
  });

  it("refuse a masked text that passes the schema (an address) and a dropped hidden amount", async () => {
    const { storage, app } = await world();
    const real = (await storage.files.get("c1"))!;
    const read = (await app.storage.files.get("c1"))!;
    // The full ID number and phone, as if typed again, with the address as read.
    const address = {
      ...real.value,
      child: { ...real.value.child, address: read.value.child.address! },
    };
    expect(
      await refusal(app.storage.files.put(address, { expectedVersion: 1, at: LATER })),
    ).toEqual([["child.address", "masked_value"]]);
    // The parents as read: the income, which a teacher does not see, was left out.
    expect(read.value.parents[0]!.monthlyIncomeFen).toBeUndefined();
    const parents = { ...real.value, parents: read.value.parents };
    expect(
      await refusal(app.storage.files.put(parents, { expectedVersion: 1, at: LATER })),
    ).toEqual([["parents[0].monthlyIncomeFen", "hidden_value_lost"]]);
    expect(await storage.files.get("c1")).toEqual(real);
  });

  it("refuse a malformed value, naming the field, and write nothing", async () => {
    const { storage, app } = await world();
    const malformed = { id: "c4", child: { classId: "k1" } } as unknown as ChildFile;
    const issues = await refusal(
      app.storage.files.put(malformed, { expectedVersion: null, at: LATER }),
    );
    expect(issues.map(([path]) => path)).toContain("child.name");
    await expect(
      app.storage.files.upsertMany([real(), malformed], { at: LATER }),
    ).rejects.toMatchObject({
      issues: expect.arrayContaining([
        expect.objectContaining({ path: expect.stringMatching(/^values\[1\]/) }),
      ]),
    });
    expect(await storage.files.get("c4")).toBeNull();
    expect((await storage.files.get("c1"))!.version).toBe(1);
    function real() {
      return { ...row("c1") } as unknown as ChildFile;
    }
  });

  it("audit a valid put (with the file's history) and keep the stored values in full", async () => {
    const { storage, app } = await world();
    const real = (await storage.files.get("c1"))!;
    const written = await app.storage.files.put(
      { ...real.value, keyCase: true },
      { expectedVersion: 1, at: LATER },
    );
    expect(written.version).toBe(2);
    expect(written.value.child.idNumber).toBe("43**************28"); // returned masked
    expect((await storage.files.get("c1"))!.value).toEqual({ ...real.value, keyCase: true });
    const patches = [{ op: "replace", path: ["keyCase"], value: true }];
    expect((await auditOf(storage)).at(-1)).toMatchObject({
      actor: "t1",
      at: LATER,
      entity: "files",
      entityId: "c1",
      operation: "update",
      version: 2,
      patches,
      reason: "app.storage",
    });
    expect(await storage.fileChanges.list("c1")).toMatchObject([
      { actor: "t1", at: LATER, patches },
    ]);

    await app.storage.contacts.upsertMany(
      [{ id: "r2", kind: "talk", at: LATER, childIds: ["c1"], initiator: "mentor" }],
      { at: LATER },
    );
    expect((await auditOf(storage)).at(-1)).toMatchObject({
      actor: "t1",
      entity: "contacts",
      entityId: "r2",
      operation: "import",
      patches: [{ op: "add", path: [] }],
    });
  });

  it("audit a delete, and a write inside the façade's transaction", async () => {
    const { storage, app } = await world();
    expect(await app.storage.contacts.remove("r1", { expectedVersion: 1 })).toBe(true);
    expect((await auditOf(storage)).at(-1)).toMatchObject({
      actor: "t1",
      entity: "contacts",
      entityId: "r1",
      operation: "delete",
      version: 0,
      patches: [{ op: "remove", path: [] }],
    });
    const count = (await auditOf(storage)).length;
    expect(await app.storage.contacts.remove("r1", { expectedVersion: 1 })).toBe(false);
    expect(await auditOf(storage)).toHaveLength(count);

    await app.storage.transaction(async (tx) => {
      await tx.contacts.put(
        { id: "r3", kind: "talk", at: LATER, childIds: ["c1"], initiator: "mentor" },
        { expectedVersion: null, at: LATER },
      );
    });
    expect((await auditOf(storage)).at(-1)).toMatchObject({ entityId: "r3", operation: "create" });
  });

  it("take a delete's time and the entries' ids from the writer given", async () => {
    const storage = createMemoryStorage();
    await createLiushou({ storage, actor: "admin", clock: () => AT }).importEntities("contacts", [
      { id: "r1", kind: "home-visit", at: AT, childIds: ["c1"] },
    ]);
    const access = makeAccess("admin", undefined, () => "2026-03-05");
    const view = maskStorage(scopeStorage(storage, access), access.visible, {
      now: () => LATER,
      newId: () => "e1",
    });
    await view.contacts.remove("r1", { expectedVersion: 1 });
    expect((await auditOf(storage)).at(-1)).toMatchObject({ id: "e1", at: LATER, actor: "admin" });
  });
});
