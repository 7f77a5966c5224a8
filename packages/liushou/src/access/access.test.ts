import { createMemoryStorage } from "@liushou/storage-memory";
import type { ActorInput, ChildFileInput } from "@liushou/core";
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
