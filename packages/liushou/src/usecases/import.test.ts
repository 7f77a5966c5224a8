import {
  ConsentRequiredError,
  ForbiddenError,
  ValidationError,
  type StorageAdapter,
} from "@liushou/core";
import { describe, expect, it } from "vitest";
import { needsResponses } from "../../../core/src/risk/assess.test-helper";
import { CLASS_TEACHER, fileRow, testApp } from "../_lib/app.test-helper";

const mentor = { id: "m1", kind: "class-teacher", name: "王老师" };

/** Every mentor and audit entry stored. */
const snapshot = async (storage: StorageAdapter) => ({
  mentors: (await storage.mentors.query({})).items,
  audit: (await storage.audit.query({}, { limit: 1000 })).items,
});

/** The issues of the ValidationError `work` rejects with. */
async function issuesOf(work: Promise<unknown>) {
  const e = await work.catch((x: unknown) => x);
  expect(e).toBeInstanceOf(ValidationError);
  return (e as ValidationError).issues;
}

describe("importEntities checks its arguments", () => {
  it("refuses an unknown kind, listing the kinds it takes", async () => {
    const { app, storage } = testApp();
    for (const kind of ["__proto__", "toString", "constructor", "files", "nope", 5, null]) {
      const issues = await issuesOf(app.importEntities(kind as never, []));
      expect(issues).toMatchObject([{ path: "kind", code: "invalid_enum_value" }]);
      expect(issues[0]!.message.en).toMatch(/expected one of: schools, classes, mentors/);
    }
    expect(await snapshot(storage)).toEqual({ mentors: [], audit: [] });
  });

  it("refuses options that are not an object and a reason that is not a short string", async () => {
    const { app, storage } = testApp();
    for (const options of [null, 5, "why", []]) {
      const issues = await issuesOf(app.importEntities("mentors", [mentor], options as never));
      expect(issues).toMatchObject([{ path: "options", code: "invalid_type" }]);
    }
    // A reason as importFiles takes it: a string of 1 to 2,000 characters.
    const reasons: unknown[] = [
      5,
      { a: 1 },
      { toString() {} },
      "",
      "x".repeat(2001),
      "x".repeat(100_000),
    ];
    for (const reason of reasons) {
      const issues = await issuesOf(app.importEntities("mentors", [mentor], { reason } as never));
      expect(issues.map((i) => i.path)).toEqual(["reason"]);
    }
    expect(await snapshot(storage)).toEqual({ mentors: [], audit: [] });
    // The longest reason allowed, and none.
    await app.importEntities("mentors", [mentor], { reason: "x".repeat(2000) });
    await app.importEntities("mentors", [{ ...mentor, name: "李老师" }]);
    const audit = (await storage.audit.query({}, { limit: 1000 })).items;
    expect(audit.map((a) => a.reason?.length)).toEqual([2000, undefined]);
  });
});

describe("importEntities checks what the use cases check", () => {
  /** Every pairing, consent, assessment and audit entry stored. */
  const stored = async (storage: StorageAdapter) => ({
    pairings: (await storage.pairings.query({})).items,
    consents: (await storage.consents.query({})).items,
    assessments: (await storage.assessments.query({})).items,
    audit: (await storage.audit.query({}, { limit: 1000 })).items,
  });
  const pairing = (over: Record<string, unknown> = {}) => ({
    id: "pr1",
    childId: "c1",
    mentorId: "m1",
    role: "mentor",
    start: "2026-03-01",
    ...over,
  });

  it("refuses pairings whose child or mentor is not on file, naming each row", async () => {
    const { app, storage } = testApp();
    await app.importFiles([fileRow("c1")]);
    await app.importEntities("mentors", [mentor]);
    const before = await stored(storage);
    const issues = await issuesOf(
      app.importEntities("pairings", [
        pairing(),
        pairing({ id: "pr2", childId: "ghost" }),
        pairing({ id: "pr3", mentorId: "ghost-m" }),
      ]),
    );
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ["rows[1].childId", "unknown_id"],
      ["rows[2].mentorId", "unknown_id"],
    ]);
    expect(await stored(storage)).toEqual(before);
    expect(await app.importEntities("pairings", [pairing()])).toMatchObject({ created: 1 });
  });

  it("refuses a pairing of a child outside the actor's scope", async () => {
    const { app, storage } = testApp();
    await app.importFiles([
      fileRow("c1"),
      fileRow("c2", { child: { ...fileRow("c2").child, classId: "k2" } }),
    ]);
    await app.importEntities("mentors", [mentor]);
    const before = await stored(storage);
    await expect(
      app.as(CLASS_TEACHER).importEntities("pairings", [pairing({ childId: "c2" })]),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(await stored(storage)).toEqual(before);
  });

  it("refuses consents with a contradicting relation or a time after today", async () => {
    const { app, storage } = testApp();
    await app.importFiles([fileRow("c1")]); // g1: grandfather
    const consent = {
      id: "k1",
      childId: "c1",
      purpose: "health",
      guardianId: "g1",
      relation: "grandfather",
      givenAt: "2026-03-01T09:00:00+08:00",
      method: "written",
      dataClasses: ["health"],
    };
    const issues = await issuesOf(
      app.importEntities("consents", [
        consent,
        { ...consent, id: "k2", relation: "mother" },
        { ...consent, id: "k3", givenAt: "2026-04-01T09:00:00+08:00" },
        { ...consent, id: "k4", guardianId: "x9" },
      ]),
    );
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ["rows[1].relation", "relation_mismatch"],
      ["rows[2].givenAt", "date_order"],
      ["rows[3].guardianId", "unknown_id"],
    ]);
    expect((await storage.consents.query({})).items).toEqual([]);
  });

  it("checks the guardian's consent for assessments, as assessChild does", async () => {
    const { app, storage } = testApp({ consent: { required: ["assessment"] } });
    await app.importFiles([fileRow("c1")]);
    const before = await stored(storage);
    const assessment = {
      id: "a1",
      childId: "c1",
      checklistId: "liushou.needs",
      checklistVersion: "1.0.0",
      takenAt: "2026-03-01T09:00:00+08:00",
      informant: "teacher",
      responses: needsResponses(),
    };
    const e = await app.importEntities("assessments", [assessment]).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ConsentRequiredError);
    expect(e).toMatchObject({ childId: "c1", purpose: "assessment", state: "missing" });
    expect(await stored(storage)).toEqual(before);
  });
});
