import { assessRisk, checkLegalDuties, ChildFileSchema, ValidationError } from "@liushou/core";
import { describe, expect, it } from "vitest";
import { needsResponses } from "../../../core/src/risk/assess.test-helper";
import { fileRow, testApp } from "../_lib/app.test-helper";

/** Needs answers with high study needs and one of the five lacks. */
const responses = needsResponses();

describe("assessChild", () => {
  it("stores the assessment, reassesses the risk and records the new level in the history", async () => {
    const { app, storage } = testApp();
    await app.importFiles([fileRow("c1")]);
    const r = await app.assessChild({
      childId: "c1",
      checklistId: "liushou.needs",
      informant: "teacher",
      responses,
    });
    expect(r.assessment.value).toMatchObject({
      childId: "c1",
      checklistVersion: "1.0.0",
      takenAt: "2026-03-04T10:00:00+08:00",
    });
    expect(r.score.scales.study?.band?.id).toBe("high");
    // The answers are sensitive: the returned record leaves them out (numbers and flags).
    expect(r.assessment.value.responses).toEqual({});
    const stored = (await storage.assessments.get(r.assessment.id))!.value;
    expect(stored.responses).toEqual(responses);
    const file = ChildFileSchema.parse(fileRow("c1"));
    const findings = checkLegalDuties(file, { asOf: "2026-03-04", records: [] });
    const expected = assessRisk(file, {
      asOf: "2026-03-04",
      assessments: [stored],
      findings,
    });
    expect(r.risk).toEqual(expected);
    expect(r.file.value.riskLevel).toBe(expected.level);
    expect(r.file.version).toBe(2);
    const history = await app.fileHistory("c1");
    expect(history).toHaveLength(1);
    expect(history[0]!.patches).toEqual([
      { op: "add", path: ["riskLevel"], value: expected.level },
    ]);
    expect((await storage.audit.query({ entity: "assessments" })).items).toHaveLength(1);
    // The same answers again: stored, but the level is unchanged and the file is not touched.
    const again = await app.assessChild({
      childId: "c1",
      checklistId: "liushou.needs",
      informant: "teacher",
      responses,
    });
    expect(again.file.version).toBe(2);
    expect(await app.fileHistory("c1")).toHaveLength(1);
  });

  it("rejects invalid answers, unknown checklists and unknown children, storing nothing", async () => {
    const { app, storage } = testApp();
    await app.importFiles([fileRow("c1")]);
    await expect(
      app.assessChild({
        childId: "c1",
        checklistId: "liushou.needs",
        informant: "teacher",
        responses: { ...responses, study_grades: 9 },
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      app.assessChild({ childId: "c1", checklistId: "nope", informant: "teacher", responses }),
    ).rejects.toMatchObject({
      issues: [{ path: "checklistId" }],
    });
    await expect(
      app.assessChild({
        childId: "c9",
        checklistId: "liushou.needs",
        informant: "teacher",
        responses,
      }),
    ).rejects.toMatchObject({
      issues: [{ path: "childId", code: "unknown_id" }],
    });
    expect((await storage.assessments.query({})).items).toEqual([]);
  });

  it("refuses a takenAt after today or before the child's birth, storing nothing", async () => {
    const { app, storage } = testApp(); // today: 2026-03-04 in Asia/Shanghai
    await app.importFiles([fileRow("c1")]); // born 2014-09-01
    const assess = (takenAt: string) =>
      app.assessChild({
        childId: "c1",
        checklistId: "liushou.needs",
        informant: "teacher",
        responses,
        takenAt,
      });
    for (const takenAt of [
      "2099-01-01T09:00:00+08:00",
      "2026-03-05T00:00:00+08:00",
      "2026-03-04T16:00:00Z", // 5 March in Beijing
      "2014-08-31T23:59:59+08:00",
      "2001-01-01T00:00:00+08:00",
    ]) {
      const e = await assess(takenAt).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).issues).toMatchObject([
        { path: "takenAt", code: "date_order" },
      ]);
    }
    expect((await storage.assessments.query({})).items).toEqual([]);
    expect(await app.fileHistory("c1")).toEqual([]);
    // Later today and the day of birth are possible.
    await expect(assess("2026-03-04T23:59:59+08:00")).resolves.toBeTruthy();
    await expect(assess("2014-09-01T08:00:00+08:00")).resolves.toBeTruthy();
  });

  it("names the field and the limit in both languages", async () => {
    const { app } = testApp({ locale: "en" });
    await app.importFiles([fileRow("c1")]);
    const e = (await app
      .assessChild({
        childId: "c1",
        checklistId: "liushou.needs",
        informant: "teacher",
        responses,
        takenAt: "2099-01-01T09:00:00+08:00",
      })
      .catch((x: unknown) => x)) as ValidationError;
    expect(e.issues[0]!.message.en).toMatch(/^takenAt: .*later than today, 2026-03-04/);
    expect(e.issues[0]!.message["zh-CN"]).toMatch(/^字段 takenAt：.*2026-03-04/);
  });

  it("refuses an input that is not an object, naming input", async () => {
    const { app, storage } = testApp();
    await app.importFiles([fileRow("c1")]);
    for (const input of [null, undefined, 5, "c1", []]) {
      const e = await app.assessChild(input as never).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(ValidationError);
      expect(e).toMatchObject({ issues: [{ path: "input", code: "invalid_type" }] });
      expect((e as ValidationError).messages.en).toMatch(/input: expected an object/);
    }
    await expect(
      app.assessChild({ childId: "c1", checklistId: 5 as never, informant: "teacher", responses }),
    ).rejects.toMatchObject({ issues: [{ path: "checklistId" }] });
    expect((await storage.assessments.query({})).items).toEqual([]);
  });

  it("refuses a key the assessment does not take, so a misspelt takenAt is not now", async () => {
    const { app, storage } = testApp();
    await app.importFiles([fileRow("c1")]);
    const input = { childId: "c1", checklistId: "liushou.needs", informant: "teacher", responses };
    await expect(
      app.assessChild({ ...input, takenAT: "2026-01-05T09:00:00+08:00" } as never),
    ).rejects.toMatchObject({
      name: "ValidationError",
      issues: [{ path: "takenAT", code: "unrecognized_keys" }],
    });
    expect((await storage.assessments.query({})).items).toEqual([]);
    expect((await storage.audit.query({ entity: "assessments" })).items).toEqual([]);
  });
});

describe("assistance plans", () => {
  it("proposes a plan from the latest needs assessment, tracks progress and lists late items", async () => {
    const { app, storage, setNow } = testApp();
    await app.importFiles([fileRow("c1")]);
    await app.assessChild({
      childId: "c1",
      checklistId: "liushou.needs",
      informant: "teacher",
      responses,
    });
    const plan = await app.proposeAssistancePlan({
      childId: "c1",
      owners: { "class-teacher": "m1" },
    });
    expect(plan.version).toBe(1);
    expect(plan.value.createdOn).toBe("2026-03-04");
    const needs = plan.value.items.map((i) => i.need);
    expect(needs).toContain("domain:study");
    expect(needs).toContain("lack:tutoring");
    const item = plan.value.items.find((i) => i.need === "domain:study")!;
    setNow("2026-03-20T10:00:00+08:00");
    const tracked = await app.trackAssistancePlan(
      plan.id,
      item.id,
      { on: "2026-03-20", note: "作业按时完成" },
      { expectedVersion: 1 },
    );
    expect(tracked.version).toBe(2);
    expect(tracked.value.items.find((i) => i.id === item.id)?.status).toBe("in-progress");
    await expect(
      app.trackAssistancePlan(
        plan.id,
        item.id,
        { on: "2026-03-21", note: "再次" },
        { expectedVersion: 1 },
      ),
    ).rejects.toMatchObject({
      name: "ConflictError",
    });
    const late = await app.lateAssistanceItems({ asOf: "2027-01-01" });
    expect(late.length).toBeGreaterThan(0);
    expect(late.every((l) => l.planId === plan.id && l.childId === "c1")).toBe(true);
    expect(await app.lateAssistanceItems({ asOf: "2026-03-05" })).toEqual([]);
    expect(
      (await storage.audit.query({ entity: "assistancePlans" })).items.map((a) => a.operation),
    ).toEqual(["create", "update"]);
  });
});
