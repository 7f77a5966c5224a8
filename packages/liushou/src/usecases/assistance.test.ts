import { ValidationError, type StorageAdapter } from "@liushou/core";
import { describe, expect, it } from "vitest";
import { needsResponses } from "../../../core/src/risk/assess.test-helper";
import { fileRow, testApp } from "../_lib/app.test-helper";

/** An app with child c1 assessed and an assistance plan proposed for it. */
async function withPlan() {
  const t = testApp();
  await t.app.importFiles([fileRow("c1")]);
  await t.app.assessChild({
    childId: "c1",
    checklistId: "liushou.needs",
    informant: "teacher",
    responses: needsResponses(),
  });
  const plan = await t.app.proposeAssistancePlan({ childId: "c1" });
  return { ...t, plan, item: plan.value.items[0]! };
}

/** Every plan and audit entry stored. */
const snapshot = async (storage: StorageAdapter) => ({
  plans: (await storage.assistancePlans.query({})).items,
  audit: (await storage.audit.query({}, { limit: 1000 })).items,
});

describe("assistance use cases check their arguments", () => {
  it("refuses options of trackAssistancePlan that are not an object, and a misspelt entry key, writing nothing", async () => {
    const { app, storage, plan, item } = await withPlan();
    const before = await snapshot(storage);
    const entry = { on: "2026-03-04", note: "作业按时完成" };
    for (const options of [null, 1, "v1", []]) {
      const e = await app
        .trackAssistancePlan(plan.id, item.id, entry, options as never)
        .catch((x: unknown) => x);
      expect(e).toBeInstanceOf(ValidationError);
      expect(e).toMatchObject({ issues: [{ path: "options", code: "invalid_type" }] });
    }
    for (const expectedVersion of [-1, 1.5, "1", null]) {
      await expect(
        app.trackAssistancePlan(plan.id, item.id, entry, { expectedVersion } as never),
      ).rejects.toMatchObject({ issues: [{ path: "expectedVersion" }] });
    }
    await expect(
      app.trackAssistancePlan(plan.id, item.id, { ...entry, stauts: "done" } as never),
    ).rejects.toMatchObject({ issues: [{ path: "entry.stauts", code: "unrecognized_keys" }] });
    expect(await snapshot(storage)).toEqual(before);
    // Left out, the options are not needed.
    await expect(app.trackAssistancePlan(plan.id, item.id, entry)).resolves.toMatchObject({
      version: 2,
    });
  });

  it("refuses options of lateAssistanceItems and an input of proposeAssistancePlan that are not objects", async () => {
    const { app, storage } = await withPlan();
    const before = await snapshot(storage);
    await expect(app.lateAssistanceItems(null as never)).rejects.toMatchObject({
      name: "ValidationError",
      issues: [{ path: "options" }],
    });
    await expect(app.lateAssistanceItems({ asOf: "2026-02-30" })).rejects.toMatchObject({
      issues: [{ path: "asOf" }],
    });
    await expect(app.proposeAssistancePlan(null as never)).rejects.toMatchObject({
      name: "ValidationError",
      issues: [{ path: "input" }],
    });
    expect(await snapshot(storage)).toEqual(before);
    await expect(app.lateAssistanceItems()).resolves.toEqual([]);
  });

  it("refuses progress dated after today, writing nothing", async () => {
    const { app, storage, plan, item } = await withPlan(); // today: 2026-03-04
    const before = await snapshot(storage);
    for (const on of ["2026-03-05", "2099-01-01"]) {
      await expect(
        app.trackAssistancePlan(plan.id, item.id, { on, note: "作业按时完成" }),
      ).rejects.toMatchObject({
        name: "ValidationError",
        issues: [{ path: "entry.on", code: "date_order" }],
      });
    }
    expect(await snapshot(storage)).toEqual(before);
    await expect(
      app.trackAssistancePlan(plan.id, item.id, { on: "2026-03-04", note: "作业按时完成" }),
    ).resolves.toMatchObject({ version: 2 });
  });

  it("proposes a plan only anew, with owners of the plan's roles and keys it takes", async () => {
    const { app, storage, plan } = await withPlan();
    const before = await snapshot(storage);
    await expect(
      app.proposeAssistancePlan({ childId: "c1", planId: plan.id }),
    ).rejects.toMatchObject({
      name: "ValidationError",
      issues: [{ path: "planId", code: "duplicate_id" }],
    });
    await expect(
      app.proposeAssistancePlan({ childId: "c1", owners: { headmaster: "m1" } } as never),
    ).rejects.toMatchObject({ issues: [{ path: "owners" }] });
    await expect(
      app.proposeAssistancePlan({ childId: "c1", ownrs: { "class-teacher": "m1" } } as never),
    ).rejects.toMatchObject({ issues: [{ path: "ownrs", code: "unrecognized_keys" }] });
    expect(await snapshot(storage)).toEqual(before);
  });

  it("refuses a plan id taken outside the actor's scope as taken, writing nothing", async () => {
    const { app, storage, plan } = await withPlan();
    await app.importFiles([fileRow("c2", { child: { ...fileRow("c2").child, classId: "k2" } })]);
    const other = app.as({
      id: "t2",
      role: "teacher",
      scope: { level: "class", classIds: ["k2"] },
    });
    const before = await snapshot(storage);
    await expect(
      other.proposeAssistancePlan({ childId: "c2", planId: plan.id }),
    ).rejects.toMatchObject({ name: "ValidationError", issues: [{ path: "planId" }] });
    expect(await snapshot(storage)).toEqual(before);
  });
});
