import { createMemoryStorage } from "@liushou/storage-memory";
import type {
  ActorInput,
  ChildFileInput,
  StorageAuditQuery,
  StorageSession,
  StoredAuditEntry,
} from "@liushou/core";
import { describe, expect, it } from "vitest";
import { createLiushou } from "../create";
import { fileRow } from "../_lib/app.test-helper";

const AT = "2026-03-04T10:00:00+08:00";

function row(id: string, schoolId: string, classId: string, regionCode: string): ChildFileInput {
  const base = fileRow(id);
  return {
    ...base,
    child: {
      ...base.child,
      schoolId,
      classId,
      regionCode,
      idNumber: "430102201409010028",
      health: "哮喘",
      address: "长沙市芙蓉区某街道 12 号",
    },
    guardians: (base.guardians ?? []).map((g) => ({ ...g, phone: "13900000001" })),
  };
}

const teacher: ActorInput = {
  id: "t1",
  role: "teacher",
  scope: { level: "class", classIds: ["k1"] },
};
const principal: ActorInput = {
  id: "p1",
  role: "principal",
  scope: { level: "school", schoolIds: ["s1"] },
};

async function world() {
  const storage = createMemoryStorage();
  const admin = createLiushou({ storage, actor: "admin", clock: () => AT });
  await admin.importFiles([
    row("c1", "s1", "k1", "430102001001"),
    row("c2", "s1", "k2", "430102001001"),
    row("c3", "s2", "k3", "430103002001"),
  ]);
  await admin.importEntities("mentors", [
    { id: "m1", kind: "class-teacher", name: "李老师", schoolId: "s1", classIds: ["k1"] },
    { id: "v1", kind: "peer-buddy", name: "志愿者", regionCode: "430102" },
  ]);
  await admin.importEntities("pairings", [
    { id: "pr1", childId: "c2", mentorId: "v1", role: "mentor", start: "2026-03-01" },
  ]);
  await admin.importEntities("contacts", [
    { id: "r1", kind: "home-visit", at: AT, childIds: ["c1"], mentorId: "m1" },
    { id: "r2", kind: "home-visit", at: AT, childIds: ["c3"] },
  ]);
  const as = (actor: ActorInput) => createLiushou({ storage, actor, clock: () => AT });
  return { storage, admin, as };
}

const ids = (items: readonly { id: string }[]) => items.map((i) => i.id);

describe("access scope through the app", () => {
  it("no read returns a child outside the scope: get, query, stream, people, counts, history", async () => {
    const { as } = await world();
    const app = as(teacher);
    expect(await app.getFile("c2")).toBeNull();
    expect(await app.getFile("c1")).not.toBeNull();
    expect(ids((await app.storage.files.query({})).items)).toEqual(["c1"]);
    const streamed = [];
    for await (const r of app.storage.files.stream({ schoolId: "s1" })) streamed.push(r.id);
    expect(streamed).toEqual(["c1"]);
    // A caller's own scope cannot widen the actor's.
    expect(
      ids((await app.storage.files.query({ scope: { schoolIds: ["s1", "s2"] } })).items),
    ).toEqual(["c1"]);
    expect((await app.storage.guardians.query({})).items.map((p) => p.fileId)).toEqual(["c1"]);
    expect(ids((await app.storage.contacts.query({})).items)).toEqual(["r1"]);
    expect(await app.contactCounts({ groupBy: "child" })).toEqual([
      { subjectId: "c1", contacts: 1 },
    ]);
    expect(await app.fileHistory("c3")).toEqual([]);
    expect(await app.fileAsOf("c3", "2026-03-04")).toBeNull();
    const principalApp = as(principal);
    expect(ids((await principalApp.storage.files.query({})).items)).toEqual(["c1", "c2"]);
    const county = as({
      id: "o1",
      role: "county-officer",
      scope: { level: "county", regionCode: "430103" },
    });
    expect(ids((await county.storage.files.query({})).items)).toEqual(["c3"]);
  });

  it("a pairings scope reaches the children the mentor is paired with now", async () => {
    const { as } = await world();
    const volunteer = as({
      id: "v1",
      role: "volunteer",
      scope: { level: "pairings", mentorId: "v1" },
    });
    expect(ids((await volunteer.storage.files.query({})).items)).toEqual(["c2"]);
    expect(await volunteer.getFile("c1")).toBeNull();
  });

  it("writes outside the scope are refused with a ForbiddenError and write nothing", async () => {
    expect.assertions(6);
    const { as, storage } = await world();
    const app = as(teacher);
    await expect(
      app.updateFile("c2", (d) => void (d.keyCase = true), { reason: "x" }),
    ).rejects.toMatchObject({
      name: "ForbiddenError",
      code: "LIUSHOU_FORBIDDEN",
    });
    await expect(app.importFiles([row("c9", "s1", "k2", "430102001001")])).rejects.toThrow(
      /outside the access scope|访问范围/,
    );
    await expect(
      app.storage.files.put((await storage.files.get("c2"))!.value, { expectedVersion: 1, at: AT }),
    ).rejects.toMatchObject({ name: "ForbiddenError" });
    await expect(
      app.recordContact({ kind: "talk", at: AT, childIds: ["c1", "c3"] }),
    ).rejects.toMatchObject({ name: expect.stringMatching(/ForbiddenError|ValidationError/) });
    expect(await storage.files.get("c9")).toBeNull();
    expect((await storage.contacts.query({ childId: "c3" })).items).toHaveLength(1);
  });
});

describe("write checks", () => {
  it("read what a write replaces by id only, twice, and accept in-scope writes", async () => {
    const { storage } = await world();
    const reads = { stream: 0, streamIds: 0 };
    const count = (s: StorageSession) => ({
      ...s,
      contacts: {
        ...s.contacts,
        stream: (filter: never) => (reads.stream++, s.contacts.stream(filter)),
        streamIds: (filter: never) => (reads.streamIds++, s.contacts.streamIds(filter)),
      },
    });
    // app.storage writes in a transaction: count there too.
    const counted = {
      ...storage,
      ...count(storage),
      transaction: (work) => storage.transaction((tx) => work(count(tx))),
    } as typeof storage;
    const app = createLiushou({ storage: counted, actor: teacher, clock: () => AT });
    const r1 = (await storage.contacts.get("r1"))!;
    const changed = { ...r1.value, summary: "补记" };
    const written = await app.storage.contacts.put(changed, { expectedVersion: 1, at: AT });
    expect(written.version).toBe(2);
    // One unscoped and one scoped read of the ids, no stored value read.
    expect(reads).toEqual({ stream: 0, streamIds: 2 });
    expect((await storage.contacts.get("r1"))!.value).toMatchObject({ summary: "补记" });

    // Replacing a record about a child outside the scope is refused, even naming c1 now.
    const r2 = (await storage.contacts.get("r2"))!;
    await expect(
      app.storage.contacts.put({ ...r2.value, childIds: ["c1"] }, { expectedVersion: 1, at: AT }),
    ).rejects.toMatchObject({ name: "ForbiddenError" });
    await expect(
      app.storage.contacts.upsertMany([changed, { ...r2.value, summary: "x" }], { at: AT }),
    ).rejects.toMatchObject({ name: "ForbiddenError" });
    expect((await storage.contacts.get("r2"))!.value).toEqual(r2.value);
    expect((await storage.contacts.get("r1"))!.version).toBe(2);

    // A new record in scope lands; one naming a child outside is refused whole.
    const fresh = { ...r1.value, id: "r9" };
    await app.storage.contacts.upsertMany([fresh], { at: AT });
    expect((await storage.contacts.get("r9"))!.value).toEqual(fresh);
    await expect(
      app.storage.contacts.upsertMany(
        [
          { ...fresh, id: "r10" },
          { ...fresh, id: "r11", childIds: ["c1", "c3"] },
        ],
        { at: AT },
      ),
    ).rejects.toMatchObject({ name: "ForbiddenError", message: expect.stringContaining("c3") });
    expect(await storage.contacts.get("r10")).toBeNull();
  });

  it("files and organisation entities: in scope accepted, out of scope refused", async () => {
    const { as, storage } = await world();
    const app = as(principal);
    const c1 = (await storage.files.get("c1"))!;
    await app.storage.files.put({ ...c1.value, keyCase: true }, { expectedVersion: 1, at: AT });
    expect((await storage.files.get("c1"))!.value.keyCase).toBe(true);
    const c3 = (await storage.files.get("c3"))!;
    await expect(
      app.storage.files.put(
        { ...c3.value, child: { ...c3.value.child, schoolId: "s1" } },
        { expectedVersion: 1, at: AT },
      ),
    ).rejects.toMatchObject({ name: "ForbiddenError" });
    const m1 = (await storage.mentors.get("m1"))!;
    await app.storage.mentors.put({ ...m1.value, name: "王老师" }, { expectedVersion: 1, at: AT });
    expect((await storage.mentors.get("m1"))!.value.name).toBe("王老师");
    await expect(
      app.storage.mentors.put(
        { ...m1.value, id: "m2", schoolId: "s2" },
        { expectedVersion: null, at: AT },
      ),
    ).rejects.toMatchObject({ name: "ForbiddenError" });
    expect(await storage.mentors.get("m2")).toBeNull();
  });
});

describe("masking and reveal", () => {
  it("classed fields come back masked for the role, in reads, histories and app.storage", async () => {
    const { as, storage } = await world();
    const file = (await as(teacher).getFile("c1"))!.value;
    expect(file.child.idNumber).toBe("43**************28");
    expect(file.child.address).not.toContain("12 号");
    expect(file.child.health).toBe("哮喘"); // teachers see health
    expect(file.guardians[0]!.phone).toBe("13*******01");
    const principalFile = (await as(principal).storage.files.get("c1"))!.value;
    expect(principalFile.child.health).toBe("**");
    expect((await storage.files.get("c1"))!.value.child.idNumber).toBe("430102201409010028");
  });

  it("a host's visibility table replaces the default for the roles it names", async () => {
    const { storage } = await world();
    const app = createLiushou({
      storage,
      actor: principal,
      visibility: { principal: ["identifying"] },
      clock: () => AT,
    });
    expect(app.visibleClasses).toEqual(["identifying"]);
    expect((await app.getFile("c1"))!.value.child.idNumber).toBe("430102201409010028");
  });

  it("reveal shows the fields in full and audits the paths and purpose, never the values", async () => {
    const { as, admin } = await world();
    const app = as(teacher);
    const r = await app.reveal(
      "c1",
      ["child.idNumber", "guardians.0.phone", "child.nothing"],
      "联系监护人办理资助",
    );
    expect(r.fields).toEqual({
      "child.idNumber": "430102201409010028",
      "guardians.0.phone": "13900000001",
      "child.nothing": undefined,
    });
    const entries = [];
    for await (const e of admin.storage.audit.stream({ entityId: "c1" })) entries.push(e);
    const last = entries.at(-1)!;
    expect(last).toMatchObject({
      actor: "t1",
      operation: "reveal",
      reason: "联系监护人办理资助",
      fields: [
        ["child", "idNumber"],
        ["guardians", 0, "phone"],
        ["child", "nothing"],
      ],
      patches: [],
    });
    expect(JSON.stringify(last)).not.toContain("430102201409010028");
  });

  it("reveal refuses a child outside the scope, a missing purpose and a bad path", async () => {
    expect.assertions(3);
    const { as } = await world();
    const app = as(teacher);
    await expect(app.reveal("c3", ["child.idNumber"], "x")).rejects.toMatchObject({
      name: "ForbiddenError",
    });
    await expect(app.reveal("c1", ["child.idNumber"], " ")).rejects.toMatchObject({
      name: "ValidationError",
    });
    await expect(app.reveal("c1", ["__proto__.x"], "x")).rejects.toMatchObject({
      name: "ValidationError",
    });
  });
});

describe("the audit log through the app", () => {
  it("administrators verify the chain; other roles may not read the log", async () => {
    expect.assertions(3);
    const { admin, as } = await world();
    await as(teacher).reveal("c1", ["child.idNumber"], "核对身份");
    const r = await admin.verifyAuditLog();
    expect(r).toMatchObject({ ok: true });
    expect(r.ok && r.count).toBeGreaterThan(3);
    await expect(as(teacher).verifyAuditLog()).rejects.toMatchObject({ name: "ForbiddenError" });
  });

  it("refuses verification options it does not take rather than report a broken chain", async () => {
    const { admin } = await world();
    const r = await admin.verifyAuditLog();
    const head = r.ok ? r.head : "";
    await expect(admin.verifyAuditLog({ expectedHeed: head } as never)).rejects.toMatchObject({
      name: "ValidationError",
      issues: [{ path: "expectedHeed", code: "unrecognized_keys" }],
    });
    for (const expectedHead of [42, "not a hash", head.toUpperCase()]) {
      await expect(admin.verifyAuditLog({ expectedHead } as never)).rejects.toMatchObject({
        issues: [{ path: "expectedHead" }],
      });
    }
    expect(await admin.verifyAuditLog({ expectedHead: head })).toMatchObject({ ok: true });
  });

  it("the streamed check still finds an edited, a deleted and a reordered entry", async () => {
    const { storage, admin } = await world();
    const intact = await admin.verifyAuditLog();
    expect(intact).toMatchObject({ ok: true });
    const count = intact.ok ? intact.count : 0;
    expect(count).toBeGreaterThan(3);
    // The same storage, its audit log read back tampered with.
    type Entry = StoredAuditEntry;
    const tampered = (change: (log: Entry[]) => Entry[]) => {
      const audit = {
        ...storage.audit,
        stream: (filter: StorageAuditQuery) => ({
          async *[Symbol.asyncIterator]() {
            const log: Entry[] = [];
            for await (const e of storage.audit.stream(filter)) log.push(e);
            yield* change(log);
          },
        }),
      };
      return createLiushou({ storage: { ...storage, audit }, actor: "admin", clock: () => AT });
    };
    const edit = tampered((log) => log.map((e, i) => (i === 1 ? { ...e, actor: "x" } : e)));
    expect(await edit.verifyAuditLog()).toMatchObject({ ok: false, index: 1, reason: "edited" });
    const drop = tampered((log) => log.filter((_, i) => i !== 2));
    expect(await drop.verifyAuditLog()).toMatchObject({ ok: false, index: 2 });
    const swap = tampered((log) => [log[1]!, log[0]!, ...log.slice(2)]);
    expect(await swap.verifyAuditLog()).toMatchObject({ ok: false, index: 0 });
    const cut = tampered((log) => log.slice(0, -1));
    expect(await cut.verifyAuditLog()).toMatchObject({ ok: true, count: count - 1 });
    expect(await cut.verifyAuditLog({ expectedHead: intact.ok ? intact.head : "" })).toMatchObject({
      ok: false,
      reason: "head-mismatch",
    });
  });

  it("an actor is validated: a bad role or scope is a ValidationError", () => {
    expect.assertions(2);
    const storage = createMemoryStorage();
    expect(() =>
      createLiushou({
        storage,
        actor: { id: "x", role: "janitor", scope: { level: "all" } } as never,
      }),
    ).toThrow(/actor|操作人|createLiushou/);
    expect(() =>
      createLiushou({
        storage,
        actor: { id: "x", role: "teacher", scope: { level: "county", regionCode: "43" } } as never,
      }),
    ).toThrow();
  });
});
