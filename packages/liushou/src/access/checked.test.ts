import { createMemoryStorage } from "@liushou/storage-memory";
import {
  ConsentRequiredError,
  ValidationError,
  type ChildFile,
  type ChildFileInput,
  type StorageAdapter,
  type StoredAuditEntry,
} from "@liushou/core";
import { describe, expect, it } from "vitest";
import { createLiushou } from "../create";
import { CLASS_TEACHER, consentOf, fileRow, REQUIRED_CONSENT } from "../_lib/app.test-helper";
import { needsResponses } from "../../../core/src/risk/assess.test-helper";

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

  it("check the version options of put and remove before the adapter reads them", async () => {
    const { storage, app } = await world();
    const count = (await auditOf(storage)).length;
    expect(await refusal(app.storage.contacts.remove("r1", undefined as never))).toEqual([
      ["options", "invalid_type"],
    ]);
    expect(
      await refusal(app.storage.contacts.remove("r1", { expectedVersion: "1" } as never)),
    ).toEqual([["options.expectedVersion", "invalid_type"]]);
    expect(
      await refusal(app.storage.contacts.remove(null as never, { expectedVersion: 1 })),
    ).toEqual([["id", "id"]]);
    const record = {
      id: "r3",
      kind: "talk" as const,
      at: LATER,
      childIds: ["c1"],
      initiator: "mentor" as const,
    };
    expect(await refusal(app.storage.contacts.put(record, { at: LATER } as never))).toEqual([
      ["options.expectedVersion", "invalid_type"],
    ]);
    expect(await storage.contacts.get("r1")).not.toBeNull();
    expect(await storage.contacts.get("r3")).toBeNull();
    expect(await auditOf(storage)).toHaveLength(count);
  });

  it("take every write's time from the app's clock and the entries' ids from its ids", async () => {
    const storage = createMemoryStorage();
    await createLiushou({ storage, actor: "admin", clock: () => AT }).importEntities("contacts", [
      { id: "r1", kind: "home-visit", at: AT, childIds: ["c1"] },
      { id: "r2", kind: "talk", at: AT, childIds: ["c1"] },
    ]);
    const view = createLiushou({
      storage,
      actor: "admin",
      clock: () => LATER,
      ids: () => "e1",
    }).storage;
    await view.contacts.remove("r1", { expectedVersion: 1 });
    expect((await auditOf(storage)).at(-1)).toMatchObject({ id: "e1", at: LATER, actor: "admin" });
    // A time given with a write is not what the log records: the clock is.
    const r2 = (await storage.contacts.get("r2"))!;
    const forged = "2020-01-01T00:00:00+08:00";
    await view.contacts.put({ ...r2.value, summary: "补记" }, { expectedVersion: 1, at: forged });
    expect((await auditOf(storage)).at(-1)).toMatchObject({ entityId: "r2", at: LATER });
    expect((await storage.contacts.get("r2"))!.updatedAt).toBe(LATER);
    await view.contacts.upsertMany([{ ...r2.value, summary: "再补" }], { at: forged });
    expect((await auditOf(storage)).at(-1)).toMatchObject({ entityId: "r2", at: LATER });
  });
});

describe("app.storage keeps the log and the histories to the library", () => {
  const entry = {
    id: "forged",
    actor: "someone-else",
    at: AT,
    entity: "files" as const,
    entityId: "c1",
    operation: "update" as const,
    patches: [],
  };
  const change = {
    id: "forged-change",
    fileId: "c1",
    actor: "someone-else",
    at: AT,
    reason: "x",
    patches: [{ op: "replace" as const, path: ["keyCase"], value: true }],
    inversePatches: [{ op: "replace" as const, path: ["keyCase"], value: false }],
  };

  it("refuses to append or redact audit entries or history changes, in a transaction too", async () => {
    const { storage } = await world();
    for (const actor of ["admin", teacher]) {
      const view = createLiushou({ storage, actor, clock: () => LATER }).storage;
      const log = await auditOf(storage);
      await expect(view.audit.append([entry])).rejects.toMatchObject({
        name: "ForbiddenError",
        code: "LIUSHOU_FORBIDDEN",
      });
      await expect(view.fileChanges.append([change])).rejects.toMatchObject({
        name: "ForbiddenError",
      });
      await expect(
        view.transaction(async (tx) => {
          await tx.audit.append([entry]);
        }),
      ).rejects.toMatchObject({ name: "ForbiddenError" });
      await expect(view.transaction((tx) => tx.fileChanges.append([change]))).rejects.toMatchObject(
        { name: "ForbiddenError" },
      );
      // Redaction is applyRetention's, even for an administrator with the file in scope.
      await expect(view.fileChanges.redact("c1", [])).rejects.toMatchObject({
        name: "ForbiddenError",
      });
      const [first] = log;
      await expect(
        view.audit.redact([{ seq: first!.seq, patches: [], redactedBy: "x" }]),
      ).rejects.toMatchObject({
        name: "ForbiddenError",
        message: expect.stringMatching(/applyRetention/),
      });
      expect(await auditOf(storage)).toEqual(log);
      expect(await storage.fileChanges.list("c1")).toEqual([]);
    }
    // Reading stays open to those who may read.
    const admin = createLiushou({ storage, actor: "admin", clock: () => LATER }).storage;
    expect((await admin.audit.query({ entityId: "c1" })).items.length).toBeGreaterThan(0);
    expect(await admin.fileChanges.list("c1")).toEqual([]);
  });
});

describe("app.storage writes pass the use cases' checks", () => {
  const needs = needsResponses();
  const assessment = (over: Record<string, unknown> = {}) => ({
    id: "a1",
    childId: "c1",
    checklistId: "liushou.needs",
    checklistVersion: "1.0.0",
    takenAt: AT,
    informant: "teacher" as const,
    responses: needs,
    ...over,
  });

  it("the guardian's consent, for a file's change and an assessment", async () => {
    const storage = createMemoryStorage();
    const app = createLiushou({
      storage,
      actor: "admin",
      clock: () => LATER,
      consent: REQUIRED_CONSENT,
    });
    await app.importFiles([row("c1")]);
    const stored = (await storage.files.get("c1"))!;
    const log = await auditOf(storage);
    const health = { ...stored.value, child: { ...stored.value.child, health: "哮喘" } };
    const refused = [
      () => app.storage.files.put(health, { expectedVersion: 1, at: LATER }),
      () => app.storage.files.upsertMany([health], { at: LATER }),
      () => app.storage.assessments.put(assessment(), { expectedVersion: null, at: LATER }),
      () => app.storage.assessments.upsertMany([assessment()], { at: LATER }),
    ];
    for (const write of refused) {
      await expect(write()).rejects.toBeInstanceOf(ConsentRequiredError);
    }
    expect(await storage.files.get("c1")).toEqual(stored);
    expect((await storage.assessments.query({})).items).toEqual([]);
    expect(await auditOf(storage)).toEqual(log);
    for (const purpose of ["file", "health", "assessment"]) {
      await app.recordConsent(consentOf(purpose));
    }
    await app.storage.files.put(health, { expectedVersion: 1, at: LATER });
    await app.storage.assessments.upsertMany([assessment()], { at: LATER });
    expect((await storage.files.get("c1"))!.value.child.health).toBe("哮喘");
    expect(await storage.assessments.get("a1")).not.toBeNull();
  });

  it("times after today or before the child's birth, relations and references", async () => {
    const { storage, app } = await world();
    const issues = async (p: Promise<unknown>) =>
      (await refusal(p)).map(([path, code]) => `${path} ${code}`);
    expect(
      await issues(
        app.storage.assessments.put(assessment({ takenAt: "2099-01-01T09:00:00+08:00" }), {
          expectedVersion: null,
          at: LATER,
        }),
      ),
    ).toEqual(["takenAt date_order"]);
    expect(
      await issues(
        app.storage.assessments.upsertMany(
          [assessment(), assessment({ id: "a2", takenAt: "2010-01-01T09:00:00+08:00" })],
          { at: LATER },
        ),
      ),
    ).toEqual(["values[1].takenAt date_order"]);
    const consent = {
      id: "k1",
      childId: "c1",
      purpose: "health",
      guardianId: "g1",
      relation: "mother",
      givenAt: AT,
      method: "written",
      dataClasses: ["health"],
    } as const;
    expect(
      await issues(
        app.storage.consents.upsertMany([{ ...consent, dataClasses: ["health"] }], { at: LATER }),
      ),
    ).toEqual(["values[0].relation relation_mismatch"]);
    expect(
      await issues(
        app.storage.contacts.put(
          {
            id: "r5",
            kind: "talk",
            at: "2026-03-06T09:00:00+08:00",
            childIds: ["c1"],
            initiator: "mentor",
          },
          { expectedVersion: null, at: LATER },
        ),
      ),
    ).toEqual(["at date_order"]);
    expect(
      await issues(
        app.storage.pairings.upsertMany(
          [{ id: "pr1", childId: "c1", mentorId: "ghost", role: "mentor", start: "2026-03-01" }],
          { at: LATER },
        ),
      ),
    ).toEqual(["values[0].mentorId unknown_id"]);
    expect((await storage.assessments.query({})).items).toEqual([]);
    expect((await storage.consents.query({})).items).toEqual([]);
    expect((await storage.pairings.query({})).items).toEqual([]);
    expect(await storage.contacts.get("r5")).toBeNull();
  });

  it("upsertMany writes only the rows that change, as importEntities does", async () => {
    const { storage, app } = await world();
    const r1 = (await storage.contacts.get("r1"))!;
    const log = await auditOf(storage);
    await app.storage.contacts.upsertMany([r1.value], { at: LATER });
    expect(await storage.contacts.get("r1")).toEqual(r1);
    expect(await auditOf(storage)).toEqual(log);
    const fresh = { ...r1.value, id: "r7", summary: "补记" };
    await app.storage.contacts.upsertMany([r1.value, fresh], { at: LATER });
    expect((await auditOf(storage)).slice(log.length).map((e) => e.entityId)).toEqual(["r7"]);
  });

  it("refuse a hidden answer of an assessment dropped by writing it back as read", async () => {
    const storage = createMemoryStorage();
    const admin = createLiushou({ storage, actor: "admin", clock: () => AT });
    await admin.importFiles([row("c1")]);
    await admin.importEntities("assessments", [assessment()]);
    const app = createLiushou({ storage, actor: teacher, clock: () => LATER });
    const read = (await app.storage.assessments.get("a1"))!;
    // A teacher does not see sensitive data: the numeric answers were left out of the read.
    expect(read.value.responses).toEqual({});
    const issues = await refusal(
      app.storage.assessments.put(
        { ...read.value, informant: "guardian" },
        { expectedVersion: 1, at: LATER },
      ),
    );
    expect(issues).toContainEqual(["responses.study_grades", "hidden_value_lost"]);
    expect(issues.every(([, code]) => code === "hidden_value_lost")).toBe(true);
    expect((await storage.assessments.get("a1"))!.value.responses).toEqual(needs);
    // Keeping the answers as stored is fine.
    const real = (await storage.assessments.get("a1"))!.value;
    await app.storage.assessments.put(
      { ...real, informant: "guardian" },
      { expectedVersion: 1, at: LATER },
    );
    expect((await storage.assessments.get("a1"))!.value.informant).toBe("guardian");
  });
});
