import { ForbiddenError, ValidationError, type StorageAdapter } from "@liushou/core";
import { createMemoryStorage } from "@liushou/storage-memory";
import { describe, expect, it } from "vitest";
import { CLASS_TEACHER, fileRow, testApp } from "../_lib/app.test-helper";

/** A call expected to be refused resolved. */
const unexpected = (): never => {
  throw new Error("expected a refusal");
};

describe("recordContact", () => {
  it("stores a record naming known children, with its audit entry", async () => {
    const { app, storage } = testApp();
    await app.importFiles([fileRow("c1"), fileRow("c2")]);
    const r = await app.recordContact({
      kind: "home-visit",
      at: "2026-03-03T15:00:00+08:00",
      childIds: ["c1", "c2"],
      summary: "家访",
    });
    expect(r).toMatchObject({ id: "id-3", version: 1, updatedAt: "2026-03-04T10:00:00+08:00" });
    expect((await storage.contacts.get(r.id))?.value.initiator).toBe("mentor");
    expect((await storage.audit.query({ entity: "contacts" })).items).toMatchObject([
      { entityId: r.id, operation: "create", actor: "teacher-7" },
    ]);
  });

  it("names each unknown child and mentor", async () => {
    const { app, storage } = testApp();
    await app.importFiles([fileRow("c1")]);
    const e = await app
      .recordContact({
        kind: "talk",
        at: "2026-03-03T15:00:00+08:00",
        childIds: ["c1", "c9"],
        mentorId: "m9",
      })
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).issues.map((i) => i.path)).toEqual(["childIds[1]", "mentorId"]);
    await expect(
      app.recordContact({ kind: "talk", at: "yesterday", childIds: ["c1"] } as never),
    ).rejects.toBeInstanceOf(ValidationError);
    expect((await storage.contacts.query({})).items).toEqual([]);
  });
});

describe("recordContact refuses", () => {
  it("a key the record does not take, instead of dropping it", async () => {
    const { app, storage } = testApp();
    await app.importFiles([fileRow("c1")]);
    const at = "2026-03-03T15:00:00+08:00";
    const e = await app
      .recordContact({
        kind: "home-visit",
        at,
        childIds: ["c1"],
        mentorID: "m1",
        notes: "家访",
      } as never)
      .then(unexpected, (x: unknown) => x as ValidationError);
    expect(e.issues.map((i) => [i.path, i.code])).toEqual([
      ["mentorID", "unrecognized_keys"],
      ["notes", "unrecognized_keys"],
    ]);
    expect(e.issues[0]!.message.en).toContain("did you mean mentorId?");
    await expect(app.recordContact(null as never)).rejects.toMatchObject({
      issues: [{ path: "input" }],
    });
    expect((await storage.contacts.query({})).items).toEqual([]);
    expect((await storage.audit.query({ entity: "contacts" })).items).toEqual([]);
  });

  it("a child on file outside the actor's scope with a ForbiddenError, as every write", async () => {
    const { app, storage } = testApp();
    await app.importFiles([
      fileRow("c1"),
      fileRow("c2", { child: { ...fileRow("c2").child, classId: "k2" } }),
    ]);
    const teacher = app.as(CLASS_TEACHER);
    const at = "2026-03-03T15:00:00+08:00";
    await expect(
      teacher.recordContact({ kind: "home-visit", at, childIds: ["c1", "c2"] }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    // An id on file nowhere is still a ValidationError naming it.
    await expect(
      teacher.recordContact({ kind: "home-visit", at, childIds: ["c1", "c9"] }),
    ).rejects.toMatchObject({ name: "ValidationError", issues: [{ path: "childIds[1]" }] });
    expect((await storage.contacts.query({})).items).toEqual([]);
    await teacher.recordContact({ kind: "home-visit", at, childIds: ["c1"] });
  });
});

describe("the times of a contact record", () => {
  it("are refused after today or before the birth of a child named, naming the field", async () => {
    const { app, storage } = testApp(); // today: 2026-03-04 in Asia/Shanghai
    await app.importFiles([
      fileRow("c1"), // born 2014-09-01
      fileRow("c2", { child: { ...fileRow("c2").child, birthDate: "2016-05-01" } }),
    ]);
    const cases: [Record<string, unknown>, string][] = [
      [{ at: "2026-03-05T08:00:00+08:00" }, "at"],
      [{ at: "2099-01-01T08:00:00+08:00" }, "at"],
      [{ at: "2026-03-03T08:00:00+08:00", recordedAt: "2026-03-05T08:00:00+08:00" }, "recordedAt"],
      [{ at: "2015-01-01T08:00:00+08:00", childIds: ["c1", "c2"] }, "at"],
    ];
    for (const [over, path] of cases) {
      const e = await app
        .recordContact({ kind: "home-visit", childIds: ["c1"], ...over } as never)
        .catch((x: unknown) => x);
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).issues).toMatchObject([{ path, code: "date_order" }]);
    }
    expect((await storage.contacts.query({})).items).toEqual([]);
    // Later today, and the day the youngest child was born, are possible.
    await expect(
      app.recordContact({
        kind: "home-visit",
        at: "2026-03-04T21:00:00+08:00",
        recordedAt: "2026-03-04T22:00:00+08:00",
        childIds: ["c1"],
      }),
    ).resolves.toBeTruthy();
    await expect(
      app.recordContact({ kind: "talk", at: "2016-05-01T09:00:00+08:00", childIds: ["c1", "c2"] }),
    ).resolves.toBeTruthy();
  });

  it("are checked the same way on import, naming the row", async () => {
    const { app, storage } = testApp();
    await app.importFiles([fileRow("c1")]);
    const row = { kind: "home-visit", childIds: ["c1"] };
    const e = await app
      .importEntities("contacts", [
        { ...row, id: "r1", at: "2026-03-01T09:00:00+08:00" },
        { ...row, id: "r2", at: "2099-03-01T09:00:00+08:00" },
        { ...row, id: "r3", at: "2010-03-01T09:00:00+08:00" },
      ])
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).issues.map((i) => [i.path, i.code])).toEqual([
      ["rows[1].at", "date_order"],
      ["rows[2].at", "date_order"],
    ]);
    expect((await storage.contacts.query({})).items).toEqual([]);
  });
});

describe("contactCounts", () => {
  it("gives the same counts pushed down or streamed through the pure reference", async () => {
    const memory = createMemoryStorage();
    const { app } = testApp({ storage: memory });
    await app.importFiles([fileRow("c1"), fileRow("c2")]);
    for (const [i, ids] of [["c1"], ["c1", "c2"], ["c2"], ["c1"]].entries()) {
      await app.recordContact({
        kind: i % 2 ? "talk" : "home-visit",
        at: `2026-03-0${i + 1}T09:00:00+08:00`,
        childIds: ids,
      });
    }
    const plain = { ...memory, capabilities: { ...memory.capabilities, contactCounts: false } };
    const streamed = testApp({ storage: plain }).app;
    for (const query of [
      { groupBy: "child" as const },
      { groupBy: "child" as const, kinds: ["talk" as const] },
      { groupBy: "child" as const, at: { from: "2026-03-02T00:00:00+08:00" as const } },
    ]) {
      expect(await streamed.contactCounts(query)).toEqual(await app.contactCounts(query));
    }
    expect(await app.contactCounts({ groupBy: "child" })).toEqual([
      { subjectId: "c1", contacts: 3 },
      { subjectId: "c2", contacts: 2 },
    ]);
  });

  it("streamed, keep to the actor's scope and the query's, as the adapter counts", async () => {
    const memory = createMemoryStorage();
    const { app } = testApp({ storage: memory });
    await app.importFiles([
      fileRow("c1"),
      fileRow("c2", { child: { ...fileRow("c2").child, classId: "k2" } }),
    ]);
    await app.recordContact({
      kind: "talk",
      at: "2026-03-03T09:00:00+08:00",
      childIds: ["c1", "c2"],
    });
    await app.recordContact({ kind: "talk", at: "2026-03-03T10:00:00+08:00", childIds: ["c2"] });
    const { countContacts: _pushed, ...rest } = memory;
    const plain: StorageAdapter = {
      ...rest,
      capabilities: { ...memory.capabilities, contactCounts: false },
    };
    const teacher = testApp({ storage: plain }).app.as(CLASS_TEACHER);
    const pushed = app.as(CLASS_TEACHER);
    // c2, named with c1 by the first record, is outside the teacher's class: never counted.
    expect(await teacher.contactCounts({ groupBy: "child" })).toEqual([
      { subjectId: "c1", contacts: 1 },
    ]);
    expect(await teacher.contactCounts({ groupBy: "child" })).toEqual(
      await pushed.contactCounts({ groupBy: "child" }),
    );
    const admin = testApp({ storage: plain }).app;
    const narrowed = { groupBy: "child" as const, scope: { classIds: ["k2"] } };
    expect(await admin.contactCounts(narrowed)).toEqual([{ subjectId: "c2", contacts: 2 }]);
    expect(await admin.contactCounts(narrowed)).toEqual(await app.contactCounts(narrowed));
    await expect(
      admin.contactCounts({ groupBy: "child", kind: ["talk"] } as never),
    ).rejects.toMatchObject({ issues: [{ path: "kind" }] });
  });
});
