import {
  ConsentRequiredError,
  ErrorCode,
  ForbiddenError,
  ValidationError,
  type StorageAdapter,
} from "@liushou/core";
import { describe, expect, it } from "vitest";
import { needsResponses } from "../../../core/src/risk/assess.test-helper";
import {
  consentOf as consent,
  fileRow,
  REQUIRED_CONSENT as REQUIRED,
  testApp,
} from "../_lib/app.test-helper";

const teacher = (classIds: string[]) => ({
  id: "t-1",
  role: "teacher" as const,
  scope: { level: "class" as const, classIds },
});

describe("consent use cases", () => {
  it("records, reports and withdraws consent, each audited", async () => {
    const { app, storage, setNow } = testApp({ consent: REQUIRED });
    await app.importFiles([fileRow("c1")]);
    expect((await app.consentStatus("c1", "health")).state).toBe("missing");
    const r = await app.recordConsent(consent("health", { evidence: "同意书 2026-017" }));
    expect(r.value).toMatchObject({ childId: "c1", givenAt: "2026-03-04T10:00:00+08:00" });
    expect((await app.consentStatus("c1", "health")).state).toBe("granted");
    setNow("2026-04-01T09:00:00+08:00");
    const w = await app.withdrawConsent(r.id, { reason: "监护人要求" });
    expect(w.value.withdrawnAt).toBe("2026-04-01T09:00:00+08:00");
    expect((await app.consentStatus("c1", "health")).state).toBe("withdrawn");
    await expect(app.withdrawConsent(r.id)).rejects.toBeInstanceOf(ValidationError);
    const audit = (await storage.audit.query({ entity: "consents" })).items;
    expect(audit.map((e) => [e.operation, e.reason])).toEqual([
      ["create", "consent given"],
      ["update", "监护人要求"],
    ]);
  });

  it("refuses a consent by someone who is not the child's guardian or parent", async () => {
    const { app, storage } = testApp();
    await app.importFiles([fileRow("c1")]);
    await expect(app.recordConsent(consent("health", { guardianId: "x9" }))).rejects.toThrow(
      /guardianId/,
    );
    await expect(app.recordConsent(consent("nonsense"))).rejects.toBeInstanceOf(ValidationError);
    expect((await storage.consents.query({})).items).toEqual([]);
  });

  it("refuses a consent given after today or before the child's birth, storing nothing", async () => {
    const { app, storage } = testApp(); // today: 2026-03-04 in Asia/Shanghai
    await app.importFiles([fileRow("c1")]); // born 2014-09-01
    for (const givenAt of [
      "2099-01-01T09:00:00+08:00",
      "2026-03-05T00:00:00+08:00",
      "2014-08-31T12:00:00+08:00",
    ]) {
      await expect(app.recordConsent(consent("health", { givenAt }))).rejects.toMatchObject({
        name: "ValidationError",
        issues: [{ path: "givenAt", code: "date_order" }],
      });
    }
    expect((await storage.consents.query({})).items).toEqual([]);
    expect((await storage.audit.query({ entity: "consents" })).items).toEqual([]);
    await expect(
      app.recordConsent(consent("health", { givenAt: "2026-03-04T18:00:00+08:00" })),
    ).resolves.toBeTruthy();
  });

  it("refuses a relation that contradicts the file's guardian or parent", async () => {
    const { app, storage } = testApp();
    await app.importFiles([fileRow("c1")]); // g1: grandfather, p1: father
    for (const over of [
      { relation: "grandmother" },
      { relation: "father" },
      { guardianId: "p1", relation: "mother" },
      { guardianId: "p1", relation: "grandfather" },
    ]) {
      const e = await app.recordConsent(consent("health", over)).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).issues).toMatchObject([
        { path: "relation", code: "relation_mismatch" },
      ]);
      expect((e as ValidationError).messages.en).toMatch(/relation: .*(grandfather|father)/);
    }
    expect((await storage.consents.query({})).items).toEqual([]);
    await expect(
      app.recordConsent(consent("health", { guardianId: "p1", relation: "father" })),
    ).resolves.toBeTruthy();
  });

  it("refuses a withdrawal dated after today or before the consent", async () => {
    const { app, storage } = testApp();
    await app.importFiles([fileRow("c1")]);
    const r = await app.recordConsent(consent("health"));
    const before = (await storage.consents.get(r.id))!;
    await expect(
      app.withdrawConsent(r.id, { at: "2026-03-05T08:00:00+08:00" }),
    ).rejects.toMatchObject({
      name: "ValidationError",
      issues: [{ path: "at", code: "date_order" }],
    });
    await expect(
      app.withdrawConsent(r.id, { at: "2026-03-01T08:00:00+08:00" }),
    ).rejects.toMatchObject({ name: "ValidationError", issues: [{ code: "date_order" }] });
    expect(await storage.consents.get(r.id)).toEqual(before);
    await expect(
      app.withdrawConsent(r.id, { at: "2026-03-04T20:00:00+08:00" }),
    ).resolves.toMatchObject({ value: { withdrawnAt: "2026-03-04T20:00:00+08:00" } });
  });

  it("keeps consent records to the actor's scope", async () => {
    const { app, storage } = testApp();
    await app.importFiles([
      fileRow("c1"),
      fileRow("c2", { child: { ...fileRow("c2").child, classId: "k2" } } as never),
    ]);
    await app.recordConsent(consent("health", { childId: "c2" }));
    const t = app.as(teacher(["k1"]));
    await expect(t.recordConsent(consent("health", { childId: "c2" }))).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect((await t.storage.consents.query({})).items).toEqual([]);
    expect(
      await t.storage.consents.get((await storage.consents.query({})).items[0]!.id),
    ).toBeNull();
    // A read: the child outside the scope reads as absent, as an id on no file does.
    const outside = await t.consentStatus("c2", "health").catch((e: unknown) => e);
    const nowhere = await t.consentStatus("c9", "health").catch((e: unknown) => e);
    expect(outside).toBeInstanceOf(ValidationError);
    expect((outside as ValidationError).issues.map((i) => [i.path, i.code])).toEqual(
      (nowhere as ValidationError).issues.map((i) => [i.path, i.code]),
    );
    expect((outside as ValidationError).message).toBe(
      (nowhere as ValidationError).message.replaceAll("c9", "c2"),
    );
    expect((await storage.consents.query({})).items).toHaveLength(1);
  });

  it("masks the evidence for roles that do not see sensitive data", async () => {
    const { app } = testApp();
    await app.importFiles([fileRow("c1")]);
    await app.recordConsent(consent("health", { evidence: "同意书编号 2026-017" }));
    const t = app.as(teacher(["k1"]));
    const [r] = (await t.storage.consents.query({ childId: "c1" })).items;
    expect(r!.value.evidence).not.toBe("同意书编号 2026-017");
    expect(r!.value.evidence).toMatch(/\*/);
  });
});

describe("the consent check", () => {
  it("is off by default", async () => {
    const { app, storage } = testApp();
    await app.importFiles([fileRow("c1")]);
    await app.updateFile("c1", (d) => void (d.child.health = "哮喘"), { reason: "体检" });
    expect((await storage.files.get("c1"))?.value.child.health).toBe("哮喘");
  });

  it("refuses a change of health data without consent, writing nothing", async () => {
    const { app, storage } = testApp({ consent: REQUIRED });
    await app.importFiles([fileRow("c1")]);
    await app.recordConsent(consent("file"));
    const e = await app
      .updateFile("c1", (d) => void (d.child.health = "哮喘"), { reason: "体检" })
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ConsentRequiredError);
    expect(e).toMatchObject({ code: ErrorCode.CONSENT_REQUIRED, childId: "c1", purpose: "health" });
    expect((await storage.files.get("c1"))?.version).toBe(1);
    expect(await storage.fileChanges.list("c1")).toEqual([]);
    // An unclassed change needs only the file purpose, which is granted.
    await app.updateFile("c1", (d) => void (d.child.interests = "画画"), { reason: "家访" });
    await app.recordConsent(consent("health"));
    await app.updateFile("c1", (d) => void (d.child.health = "哮喘"), { reason: "体检" });
    expect((await storage.files.get("c1"))?.value.child.health).toBe("哮喘");
  });

  it("checks the identifying class as sensitive, on an import that updates a file", async () => {
    const { app, storage } = testApp({ consent: REQUIRED });
    await app.importFiles([fileRow("c1")]);
    await app.recordConsent(consent("file"));
    const row = fileRow("c1");
    const moved = { ...row, child: { ...row.child, address: "某村 5 组" } };
    await expect(app.importFiles([moved])).rejects.toMatchObject({ purpose: "sensitive" });
    expect((await storage.files.get("c1"))?.value.child.address).toBeUndefined();
    await app.recordConsent(consent("sensitive", { dataClasses: ["identifying"] }));
    expect(await app.importFiles([moved])).toMatchObject({ updated: 1 });
  });

  it("checks assessments and reveals", async () => {
    const { app, storage } = testApp({ consent: REQUIRED });
    await app.importFiles([
      fileRow("c1", { child: { ...fileRow("c1").child, health: "哮喘" } } as never),
    ]);
    const assess = () =>
      app.assessChild({
        childId: "c1",
        checklistId: "liushou.needs",
        informant: "teacher",
        responses: needsResponses(),
      });
    await expect(assess()).rejects.toMatchObject({ purpose: "assessment", state: "missing" });
    expect((await storage.assessments.query({})).items).toEqual([]);
    await app.recordConsent(consent("assessment"));
    await expect(assess()).resolves.toMatchObject({ assessment: { value: { childId: "c1" } } });

    await expect(app.reveal("c1", ["child.health"], "转介")).rejects.toMatchObject({
      purpose: "health",
    });
    expect(
      (await storage.audit.query({ entity: "files" })).items.some((e) => e.operation === "reveal"),
    ).toBe(false);
    await app.recordConsent(consent("health"));
    expect((await app.reveal("c1", ["child.health"], "转介")).fields["child.health"]).toBe("哮喘");
    // An unclassed field needs no purpose.
    await expect(app.reveal("c1", ["child.name"], "核对")).resolves.toBeTruthy();
  });

  it("needs no consent from the 14th birthday on", async () => {
    const { app, setNow } = testApp({ consent: REQUIRED });
    await app.importFiles([fileRow("c1")]); // born 2014-09-01
    const change = () =>
      app.updateFile("c1", (d) => void (d.child.interests = `读书 ${Math.random()}`), {
        reason: "家访",
      });
    setNow("2028-08-31T23:59:59+08:00");
    await expect(change()).rejects.toBeInstanceOf(ConsentRequiredError);
    setNow("2028-09-01T00:00:00+08:00");
    await expect(change()).resolves.toBeTruthy();
    expect((await app.consentStatus("c1", "file")).state).toBe("not-required");
  });

  it("refuses a malformed consent option", () => {
    expect(() => testApp({ consent: { required: ["nope"] } as never })).toThrow(ValidationError);
  });
});

describe("consent records are only created or withdrawn", () => {
  /** Every consent record and audit entry stored. */
  const snapshot = async (storage: StorageAdapter) => ({
    consents: (await storage.consents.query({})).items,
    audit: (await storage.audit.query({}, { limit: 1000 })).items,
  });

  it("refuses to record a withdrawn consent's id again, keeping its withdrawnAt", async () => {
    const { app, storage } = testApp();
    await app.importFiles([fileRow("c1")]);
    const r = await app.recordConsent(consent("health"));
    await app.withdrawConsent(r.id);
    const before = await snapshot(storage);
    await expect(app.recordConsent(consent("health", { id: r.id }))).rejects.toMatchObject({
      name: "ValidationError",
      issues: [{ path: "id", code: "duplicate_id" }],
    });
    expect(await snapshot(storage)).toEqual(before);
    expect((await storage.consents.get(r.id))?.value.withdrawnAt).toBeDefined();
    expect((await app.consentStatus("c1", "health")).state).toBe("withdrawn");
  });

  it("refuses to move a consent to another child through its id", async () => {
    const { app, storage } = testApp();
    await app.importFiles([fileRow("c1"), fileRow("c2")]);
    await app.recordConsent(consent("health", { id: "k-1" }));
    const before = await snapshot(storage);
    await expect(
      app.recordConsent(consent("health", { id: "k-1", childId: "c2" })),
    ).rejects.toMatchObject({ issues: [{ path: "id", code: "duplicate_id" }] });
    expect(await snapshot(storage)).toEqual(before);
    expect((await storage.consents.get("k-1"))?.value.childId).toBe("c1");
  });

  it("refuses the id of a record the actor cannot see", async () => {
    const { app, storage } = testApp();
    await app.importFiles([
      fileRow("c1"),
      fileRow("c2", { child: { ...fileRow("c2").child, classId: "k2" } } as never),
    ]);
    await app.recordConsent(consent("health", { id: "k-2", childId: "c2" }));
    const before = await snapshot(storage);
    await expect(
      app.as(teacher(["k1"])).recordConsent(consent("health", { id: "k-2" })),
    ).rejects.toMatchObject({ issues: [{ path: "id", code: "duplicate_id" }] });
    expect(await snapshot(storage)).toEqual(before);
  });

  it("refuses an input or options that are not objects, and a bad reason", async () => {
    const { app, storage } = testApp();
    await app.importFiles([fileRow("c1")]);
    const r = await app.recordConsent(consent("health"));
    const before = await snapshot(storage);
    await expect(app.recordConsent(null as never)).rejects.toMatchObject({
      name: "ValidationError",
      issues: [{ path: "input", code: "invalid_type" }],
    });
    for (const options of [null, 5, []]) {
      await expect(app.withdrawConsent(r.id, options as never)).rejects.toMatchObject({
        name: "ValidationError",
        issues: [{ path: "options" }],
      });
    }
    for (const reason of [5, { a: 1 }, "x".repeat(2001), " "]) {
      await expect(app.withdrawConsent(r.id, { reason } as never)).rejects.toMatchObject({
        issues: [{ path: "reason" }],
      });
    }
    await expect(app.withdrawConsent(5 as never)).rejects.toMatchObject({
      issues: [{ path: "id" }],
    });
    expect(await snapshot(storage)).toEqual(before);
  });

  it("refuses a key the record or options do not take, instead of dropping it", async () => {
    const { app, storage } = testApp();
    await app.importFiles([fileRow("c1")]);
    const r = await app.recordConsent(consent("health"));
    const before = await snapshot(storage);
    await expect(
      app.recordConsent(consent("file", { expireOn: "2027-01-01" })),
    ).rejects.toMatchObject({ issues: [{ path: "expireOn", code: "unrecognized_keys" }] });
    // A misspelt `at` would withdraw the consent now rather than when it was withdrawn.
    await expect(
      app.withdrawConsent(r.id, { att: "2026-03-01T08:00:00+08:00" } as never),
    ).rejects.toMatchObject({ issues: [{ path: "att" }] });
    await expect(app.consentStatus("c1", 5 as never)).rejects.toMatchObject({
      issues: [{ path: "purpose" }],
    });
    expect(await snapshot(storage)).toEqual(before);
  });
});
