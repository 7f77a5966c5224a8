import { ConflictError, TEACHER_PAIRING_PRESET } from "@liushou/core";
import { generatePopulation } from "@liushou/fixtures";
import { describe, expect, it } from "vitest";
import { testApp } from "../_lib/app.test-helper";

async function populated() {
  const pop = generatePopulation({
    preset: "school",
    seed: "pairing",
    asOf: "2026-03-01",
    records: false,
  });
  const t = testApp();
  await t.app.importFiles(pop.files);
  await t.app.importEntities("mentors", pop.mentors);
  await t.app.importEntities("classes", pop.classes);
  await t.app.importEntities("schools", pop.schools);
  await t.app.importEntities("pairings", pop.pairings);
  return { ...t, pop };
}

describe("planPairings and applyPairingPlan", () => {
  it("stores the plan's whole history: new pairings created, ended ones closed", async () => {
    const { app, storage, pop } = await populated();
    const plan = await app.planPairings({
      rules: TEACHER_PAIRING_PRESET,
      asOf: "2026-03-02",
      scope: { schoolId: pop.schools[0]!.id },
    });
    expect(plan.pairs.length).toBeGreaterThan(0);
    const applied = await app.applyPairingPlan(plan);
    expect(applied.added.map((r) => r.id).sort()).toEqual(plan.diff.added.map((p) => p.id).sort());
    expect(applied.ended.map((r) => r.id).sort()).toEqual(
      plan.diff.ended.map((e) => e.pairing.id).sort(),
    );
    for (const p of plan.history) expect((await storage.pairings.get(p.id))?.value).toEqual(p);
    const audit = (await storage.audit.query({ entity: "pairings" }, { limit: 1000 })).items;
    const created = audit.filter((a) => a.operation === "create");
    expect(created).toHaveLength(plan.diff.added.length);
    // Applying the same plan again changes nothing.
    const again = await app.applyPairingPlan(plan);
    expect(again).toEqual({ added: [], ended: [], unchanged: plan.history.length });
  });

  it("refuses a plan whose pairings changed since it was made, writing nothing", async () => {
    const { app, storage, pop } = await populated();
    const schoolId = pop.schools[0]!.id;
    const first = await app.planPairings({
      rules: TEACHER_PAIRING_PRESET,
      asOf: "2026-03-02",
      scope: { schoolId },
    });
    await app.applyPairingPlan(first);
    const added = first.diff.added[0]!;
    // Someone ends the new pairing by hand; a plan made before that must not undo it.
    const stored = (await storage.pairings.get(added.id))!;
    await storage.pairings.put(
      { ...stored.value, end: "2026-03-03", endReason: "other" },
      { expectedVersion: stored.version, at: "2026-03-03T09:00:00+08:00" },
    );
    const before = (await storage.pairings.query({}, { limit: 1000 })).items;
    await expect(
      app.applyPairingPlan({
        ...first,
        history: first.history.map((p) => (p.id === added.id ? { ...p, mentorId: "someone" } : p)),
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await storage.pairings.query({}, { limit: 1000 })).items).toEqual(before);
  });

  it("validates its input", async () => {
    const { app } = testApp();
    await expect(
      app.planPairings({ rules: TEACHER_PAIRING_PRESET, asOf: "2026-02-30" as never }),
    ).rejects.toMatchObject({ name: "ValidationError" });
    await expect(app.applyPairingPlan({} as never)).rejects.toMatchObject({
      name: "ValidationError",
    });
  });
});
