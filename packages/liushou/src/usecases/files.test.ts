import {
  ConflictError,
  FieldClassSchema,
  ValidationError,
  type ActorInput,
  type ChildFileInput,
  type FileRecipe,
} from "@liushou/core";
import { describe, expect, it } from "vitest";
import { fileRow, testApp } from "../_lib/app.test-helper";
import { createLiushou } from "../create";

describe("importFiles", () => {
  it("reports every bad row in one error and writes nothing", async () => {
    const { app, storage } = testApp();
    const rows: unknown[] = [
      fileRow("c1"),
      fileRow("c2", { child: { ...fileRow("c2").child, birthDate: "2014-02-30" } }),
      fileRow("c3"),
      { id: "c4", livingArrangement: "moon" },
      fileRow("c5"),
    ];
    const error = await app.importFiles(rows).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    const paths = (error as ValidationError).issues.map((i) => i.path);
    expect(paths).toContain("rows[1].child.birthDate");
    expect(paths.some((p) => p.startsWith("rows[3]."))).toBe(true);
    expect(paths.every((p) => p.startsWith("rows[1]") || p.startsWith("rows[3]"))).toBe(true);
    expect((await storage.files.query({})).items).toEqual([]);
    expect((await storage.audit.query({})).items).toEqual([]);
  });

  it("reports ids listed twice", async () => {
    const { app } = testApp();
    const error = await app.importFiles([fileRow("c1"), fileRow("c1")]).catch((e: unknown) => e);
    expect((error as ValidationError).issues.map((i) => i.path)).toEqual(["rows[1].id"]);
  });

  it("creates new files, replaces changed ones through the history, skips equal ones", async () => {
    const { app, storage, setNow } = testApp();
    const rows = [fileRow("c1"), fileRow("c2"), fileRow("c3")];
    expect(await app.importFiles(rows)).toEqual({ created: 3, updated: 0, unchanged: 0 });
    expect((await storage.files.get("c2"))?.updatedAt).toBe("2026-03-04T10:00:00+08:00");
    setNow("2026-03-05T08:00:00+08:00");
    const again = [fileRow("c1"), fileRow("c2", { keyCase: true }), fileRow("c3"), fileRow("c4")];
    expect(await app.importFiles(again, { reason: "学期初重新导入" })).toEqual({
      created: 1,
      updated: 1,
      unchanged: 2,
    });
    expect((await storage.files.get("c2"))?.version).toBe(2);
    const history = await app.fileHistory("c2");
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      fileId: "c2",
      actor: "teacher-7",
      at: "2026-03-05T08:00:00+08:00",
      reason: "学期初重新导入",
      patches: [{ op: "replace", path: ["keyCase"], value: true }],
    });
    const audit = (await storage.audit.query({ entityId: "c2" })).items;
    expect(audit.map((a) => [a.operation, a.version])).toEqual([
      ["import", undefined],
      ["update", 2],
    ]);
    expect(await app.fileAsOf("c2", "2026-03-04")).toMatchObject({ keyCase: false });
    expect(await app.fileAsOf("c2", "2026-03-05")).toMatchObject({ keyCase: true });
  });
});

describe("fileAsOf", () => {
  it("is null before the file was first imported, the file from that instant and day on", async () => {
    const { app, setNow } = testApp(); // the clock: 2026-03-04T10:00:00+08:00
    await app.importFiles([fileRow("c1")]);
    setNow("2026-03-06T10:00:00+08:00");
    await app.updateFile("c1", (d) => void (d.keyCase = true), { reason: "重点" });
    expect(await app.fileAsOf("c1", "2026-03-03")).toBeNull();
    expect(await app.fileAsOf("c1", "2020-01-01")).toBeNull();
    expect(await app.fileAsOf("c1", "2026-03-04T09:59:59+08:00")).toBeNull();
    expect(await app.fileAsOf("c1", "2026-03-04T01:59:59Z")).toBeNull();
    expect(await app.fileAsOf("c1", "2026-03-04T10:00:00+08:00")).toMatchObject({ keyCase: false });
    // A day means its end in the app's time zone: the day of the import has the file.
    expect(await app.fileAsOf("c1", "2026-03-04")).toMatchObject({ keyCase: false });
    expect(await app.fileAsOf("c1", "2026-03-06")).toMatchObject({ keyCase: true });
    expect(await app.fileAsOf("nobody", "2026-03-06")).toBeNull();
  });

  it("reads the import day in the app's time zone", async () => {
    const { app } = testApp({ timeZone: "UTC", clock: () => "2026-03-04T01:00:00+08:00" });
    await app.importFiles([fileRow("c1")]);
    // 2026-03-03T17:00Z: still 3 March in UTC.
    expect(await app.fileAsOf("c1", "2026-03-02")).toBeNull();
    expect(await app.fileAsOf("c1", "2026-03-03")).toMatchObject({ id: "c1" });
  });
});

describe("updateFile", () => {
  it("writes the file, its history and the audit entry together, from the clock", async () => {
    const { app, storage, setNow } = testApp();
    await app.importFiles([fileRow("c1")]);
    setNow("2026-09-01T08:00:00+08:00");
    const { file, change } = await app.updateFile(
      "c1",
      (d) => {
        d.child.boarding = true;
        d.guardians[0]!.phone = "+86 139 0000 0001";
      },
      { reason: "住校" },
    );
    expect(file.version).toBe(2);
    // A bare actor id is an administrator, masked like one; storage keeps the full value.
    expect(file.value.guardians[0]!.phone).toBe("13*******01");
    expect((await storage.files.get("c1"))?.value.guardians[0]!.phone).toBe("13900000001");
    expect(change).toMatchObject({
      actor: "teacher-7",
      at: "2026-09-01T08:00:00+08:00",
      reason: "住校",
    });
    expect(await app.fileHistory("c1")).toEqual([change]);
    const [, entry] = (await storage.audit.query({ entityId: "c1" })).items;
    expect(entry).toMatchObject({
      operation: "update",
      version: 2,
      actor: "teacher-7",
      reason: "住校",
      patches: (await storage.fileChanges.list("c1"))[0]!.patches,
    });
    expect(await app.fileAsOf("c1", "2026-08-31")).toMatchObject({ child: { boarding: false } });
    expect((await app.getFile("c1"))?.value).toEqual(file.value);
  });

  it("refuses a stale version and an invalid result, writing nothing", async () => {
    const { app, storage } = testApp();
    await app.importFiles([fileRow("c1")]);
    await expect(
      app.updateFile("c1", (d) => void (d.keyCase = true), { reason: "x", expectedVersion: 3 }),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(
      app.updateFile("c1", (d) => void (d.child.birthDate = "2014-13-01" as never), {
        reason: "x",
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(app.updateFile("nobody", () => {}, { reason: "x" })).rejects.toMatchObject({
      issues: [{ path: "id", code: "unknown_id" }],
    });
    await expect(app.updateFile("c1", () => {}, { reason: "" })).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect((await storage.files.get("c1"))?.version).toBe(1);
    expect(await app.fileHistory("c1")).toEqual([]);
    expect((await storage.audit.query({ entityId: "c1" })).items).toHaveLength(1);
  });

  it("refuses an option it does not take, so a misspelt expectedVersion is not skipped", async () => {
    const { app, storage } = testApp();
    await app.importFiles([fileRow("c1")]);
    await expect(
      app.updateFile("c1", (d) => void (d.keyCase = true), {
        reason: "x",
        expectedVerison: 7,
      } as never),
    ).rejects.toMatchObject({
      name: "ValidationError",
      issues: [{ path: "expectedVerison", code: "unrecognized_keys" }],
    });
    await expect(app.importFiles([fileRow("c2")], { reasn: "x" } as never)).rejects.toMatchObject({
      issues: [{ path: "reasn" }],
    });
    expect((await storage.files.query({})).items.map((r) => [r.id, r.version])).toEqual([
      ["c1", 1],
    ]);
    expect((await storage.audit.query({})).items).toHaveLength(1);
  });

  it("refuses a recipe it cannot apply on recipe, never immer's error, and passes the recipe's own", async () => {
    const { app, storage } = testApp();
    await app.importFiles([fileRow("c1")]);
    const recipes: unknown[] = [
      async (d: { keyCase: boolean }) => void (d.keyCase = true),
      (d: { keyCase: boolean }) => {
        d.keyCase = true;
        return { ...d };
      },
      () => 5,
      () => null,
      (d: { child: object }) => void Object.setPrototypeOf(d.child, { polluted: true }),
    ];
    for (const recipe of recipes) {
      const e = await app.updateFile("c1", recipe as FileRecipe, { reason: "x" }).then(
        () => undefined,
        (x: unknown) => x,
      );
      expect(e).toBeInstanceOf(ValidationError);
      expect(e).toMatchObject({ issues: [{ path: "recipe" }] });
    }
    const own = new Error("the host's own failure");
    await expect(
      app.updateFile(
        "c1",
        () => {
          throw own;
        },
        { reason: "x" },
      ),
    ).rejects.toBe(own);
    expect((await storage.files.get("c1"))?.version).toBe(1);
    expect(await storage.fileChanges.list("c1")).toEqual([]);
    expect((await storage.audit.query({})).items).toHaveLength(1);
  });

  it("refuses a child born after today, through every way of writing a file", async () => {
    const { app, storage } = testApp(); // today: 2026-03-04
    await app.importFiles([fileRow("c1")]);
    const born = (on: string) => ({ ...fileRow("c1").child, birthDate: on });
    await expect(
      app.updateFile("c1", (d) => void (d.child.birthDate = "2041-09-01"), { reason: "x" }),
    ).rejects.toMatchObject({ issues: [{ path: "child.birthDate", code: "date_order" }] });
    await expect(
      app.importFiles([fileRow("c2", { child: born("2026-03-05") })]),
    ).rejects.toMatchObject({ issues: [{ path: "rows[0].child.birthDate" }] });
    const stored = (await storage.files.get("c1"))!;
    await expect(
      app.storage.files.put(
        { ...stored.value, child: { ...stored.value.child, birthDate: "2041-09-01" } },
        { expectedVersion: 1, at: "2026-03-04T10:00:00+08:00" },
      ),
    ).rejects.toMatchObject({ issues: [{ path: "child.birthDate" }] });
    expect(await storage.files.get("c1")).toEqual(stored);
    expect((await storage.files.query({})).items).toHaveLength(1);
    // Born today is fine.
    await app.importFiles([fileRow("c3", { child: born("2026-03-04") })]);
  });

  it("writes nothing for a recipe that changes nothing, and returns the stored file", async () => {
    const { app, storage, setNow } = testApp();
    await app.importFiles([fileRow("c1")]);
    const stored = (await storage.files.get("c1"))!;
    const audit = (await storage.audit.query({})).items;
    setNow("2026-09-01T08:00:00+08:00");
    const noOps: FileRecipe[] = [() => {}, (d) => void (d.keyCase = d.keyCase), (d) => ({ ...d })];
    for (const recipe of noOps) {
      const { file, change } = await app.updateFile("c1", recipe, {
        reason: "核对",
        expectedVersion: 1,
      });
      expect(file).toMatchObject({ id: "c1", version: 1, updatedAt: stored.updatedAt });
      expect(change.patches).toEqual([]);
    }
    expect(await storage.files.get("c1")).toEqual(stored);
    expect(await storage.fileChanges.list("c1")).toEqual([]);
    expect((await storage.audit.query({})).items).toEqual(audit);
    // A stale version is still refused, and a real change still written.
    await expect(
      app.updateFile("c1", () => {}, { reason: "核对", expectedVersion: 2 }),
    ).rejects.toBeInstanceOf(ConflictError);
    const interests: FileRecipe = (d) => void (d.child.interests = "画画");
    expect((await app.updateFile("c1", interests, { reason: "家访" })).file.version).toBe(2);
    expect(await app.fileHistory("c1")).toHaveLength(1);
  });

  it("does not mutate the imported rows", async () => {
    const { app } = testApp();
    const rows: ChildFileInput[] = [fileRow("c1")];
    const before = structuredClone(rows);
    await app.importFiles(rows);
    await app.updateFile("c1", (d) => void (d.keyCase = true), { reason: "重点" });
    expect(rows).toEqual(before);
  });
});

describe("updateFile on what the actor reads", () => {
  const ID_NUMBER = "430102201409010028";
  const ADDRESS = "长沙市芙蓉区某街道 12 号";
  const teacher: ActorInput = {
    id: "t1",
    role: "teacher",
    scope: { level: "class", classIds: ["k1"] },
  };

  async function world() {
    const { app, storage } = testApp();
    const base = fileRow("c1");
    await app.importFiles([
      {
        ...base,
        child: { ...base.child, idNumber: ID_NUMBER, address: ADDRESS },
        guardians: base.guardians!.map((g) => ({ ...g, phone: "13900000001" })),
        parents: base.parents!.map((p) => ({ ...p, monthlyIncomeFen: 300_000 })),
      },
    ]);
    return { app, storage, stored: (await storage.files.get("c1"))! };
  }

  it("hands a teacher's recipe the masked file; untouched fields keep their stored values", async () => {
    const { app, storage, stored } = await world();
    let seen: string | undefined;
    await app.as(teacher).updateFile(
      "c1",
      (d) => {
        seen = d.child.idNumber;
        d.child.interests = "画画";
        d.parents[0]!.name = "测试父亲二";
      },
      { reason: "x" },
    );
    expect(seen).toBe("43**************28");
    const after = (await storage.files.get("c1"))!;
    expect(after.version).toBe(2);
    expect(after.value).toEqual({
      ...stored.value,
      child: { ...stored.value.child, interests: "画画" },
      parents: [{ ...stored.value.parents[0]!, name: "测试父亲二" }],
    });
    const patches = (await app.fileHistory("c1"))[0]!.patches;
    expect(patches).toHaveLength(2);
    expect(patches).toEqual(
      expect.arrayContaining([
        { op: "add", path: ["child", "interests"], value: "画画" },
        { op: "replace", path: ["parents", 0, "name"], value: "测试父亲二" },
      ]),
    );
    // No reveal was needed, so none is logged.
    const ops = (await storage.audit.query({ entityId: "c1" })).items.map((e) => e.operation);
    expect(ops).toEqual(["import", "update"]);
  });

  it("hands the stored values to a role that sees every class", async () => {
    const { storage } = await world();
    const all = createLiushou({
      storage,
      actor: "admin",
      visibility: { administrator: FieldClassSchema.options },
      clock: () => "2026-03-05T08:00:00+08:00",
    });
    let seen: string | undefined;
    await all.updateFile("c1", (d) => void (seen = d.child.idNumber), { reason: "x" });
    expect(seen).toBe(ID_NUMBER);
  });

  it("refuses a recipe that copies a masked value in, writing nothing", async () => {
    const { app, storage, stored } = await world();
    const t = app.as(teacher);
    const paths = async (recipe: FileRecipe) => {
      const e = await t.updateFile("c1", recipe, { reason: "x" }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(ValidationError);
      return (e as ValidationError).issues.map((i) => [i.path, i.code]);
    };
    expect(await paths((d) => void (d.child = { ...d.child }))).toContainEqual([
      "child.idNumber",
      "id_number_format",
    ]);
    expect(await paths((d) => void (d.child = { ...d.child, idNumber: ID_NUMBER }))).toEqual([
      ["child.address", "masked_value"],
    ]);
    // A whole new file built from the view carries every masked value of it.
    expect(await paths((d) => ({ ...d, keyCase: true }))).toEqual(
      expect.arrayContaining([
        ["child.idNumber", "id_number_format"],
        ["guardians[0].phone", "mobile_format"],
      ]),
    );
    expect(await paths((d) => void (d.parents[0] = { ...d.parents[0]! }))).toEqual([
      ["parents[0].monthlyIncomeFen", "hidden_value_lost"],
    ]);
    expect(await storage.files.get("c1")).toEqual(stored);
    expect(await app.fileHistory("c1")).toEqual([]);
  });
});

describe("two apps over one storage", () => {
  it("surface a stale version as a ConflictError and lose no change", async () => {
    const { app: a, storage } = testApp();
    const b = createLiushou({
      storage,
      actor: "teacher-8",
      clock: () => "2026-03-04T11:00:00+08:00",
    });
    await a.importFiles([fileRow("c1")]);
    const read = (await a.getFile("c1"))!.version;
    const both = await Promise.allSettled([
      a.updateFile("c1", (d) => void (d.keyCase = true), { reason: "a", expectedVersion: read }),
      b.updateFile("c1", (d) => void (d.child.boarding = true), {
        reason: "b",
        expectedVersion: read,
      }),
    ]);
    expect(both.map((r) => r.status)).toEqual(["fulfilled", "rejected"]);
    expect((both[1] as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    // Without expectedVersion each recipe runs on the file as stored: both changes are kept.
    await Promise.all([
      a.updateFile("c1", (d) => void (d.child.interests = "画画"), { reason: "a" }),
      b.updateFile("c1", (d) => void (d.child.boarding = true), { reason: "b" }),
    ]);
    const stored = (await storage.files.get("c1"))!;
    expect(stored.version).toBe(4);
    expect(stored.value).toMatchObject({
      keyCase: true,
      child: { interests: "画画", boarding: true },
    });
    expect((await storage.fileChanges.list("c1")).map((c) => c.reason)).toEqual(["a", "a", "b"]);
    expect((await storage.audit.query({ entityId: "c1" })).items).toHaveLength(4);
    // app.storage writes at the version read, too.
    const puts = await Promise.allSettled(
      [a, b].map((app, i) =>
        app.storage.files.put(
          { ...stored.value, keyCase: i === 0 },
          { expectedVersion: stored.version, at: "2026-03-04T12:00:00+08:00" },
        ),
      ),
    );
    expect(puts.map((r) => r.status)).toEqual(["fulfilled", "rejected"]);
    expect((puts[1] as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    expect((await storage.files.get("c1"))!.version).toBe(5);
  });
});
