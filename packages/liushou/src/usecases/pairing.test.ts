import {
  ConflictError,
  ForbiddenError,
  TEACHER_PAIRING_PRESET,
  ValidationError,
  type PairingPlan,
  type StorageAdapter,
} from "@liushou/core";
import { generatePopulation } from "@liushou/fixtures";
import { describe, expect, it } from "vitest";
import { fileRow, testApp } from "../_lib/app.test-helper";

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

/** Files c1 (class k1) and c2 (class k2), mentor m1, and a teacher of class k1. */
async function classTeacher() {
  const t = testApp();
  const c2 = fileRow("c2");
  await t.app.importFiles([fileRow("c1"), { ...c2, child: { ...c2.child, classId: "k2" } }]);
  await t.app.importEntities("mentors", [{ id: "m1", kind: "class-teacher", name: "王老师" }]);
  const teacher = t.app.as({
    id: "t1",
    role: "teacher",
    scope: { level: "class", classIds: ["k1"] },
  });
  return { ...t, teacher };
}

const pairing = (over: Record<string, unknown> = {}) => ({
  id: "p1",
  childId: "c1",
  mentorId: "m1",
  role: "mentor",
  start: "2026-03-02",
  ...over,
});

/** A plan adding the given pairings (a forged one when they are malformed). */
const planOf = (history: unknown[], over: Record<string, unknown> = {}) =>
  ({
    asOf: "2026-03-02",
    ruleSet: "teachers",
    history,
    diff: { added: history, ended: [] },
    ...over,
  }) as unknown as PairingPlan;

/** Every pairing and audit entry stored. */
async function snapshot(storage: StorageAdapter) {
  return {
    pairings: (await storage.pairings.query({}, { limit: 1000 })).items,
    audit: (await storage.audit.query({}, { limit: 1000 })).items,
  };
}

/** The issues of the ValidationError `work` rejects with. */
async function issuesOf(work: Promise<unknown>) {
  const e = await work.catch((x: unknown) => x);
  expect(e).toBeInstanceOf(ValidationError);
  return (e as ValidationError).issues;
}

describe("applyPairingPlan checks every pairing it writes", () => {
  it("stores a valid plan of a class teacher", async () => {
    const { teacher, storage } = await classTeacher();
    const applied = await teacher.applyPairingPlan(planOf([pairing()]));
    expect(applied.added.map((r) => r.id)).toEqual(["p1"]);
    expect((await storage.pairings.get("p1"))?.value).toEqual(pairing());
  });

  it("refuses a malformed pairing, naming its fields, writing nothing", async () => {
    const { teacher, storage } = await classTeacher();
    const before = await snapshot(storage);
    const forged = { id: "p-forged", start: 5, childId: { $gt: "" } };
    const issues = await issuesOf(teacher.applyPairingPlan(planOf([pairing(), forged])));
    expect(issues.map((i) => i.path)).toEqual(
      expect.arrayContaining([
        "plan.history[1].childId",
        "plan.history[1].mentorId",
        "plan.history[1].role",
        "plan.history[1].start",
      ]),
    );
    const bare = await issuesOf(teacher.applyPairingPlan(planOf([{ id: "p-forged" }])));
    expect(bare.map((i) => i.path)).toContain("plan.history[0].childId");
    expect(await snapshot(storage)).toEqual(before);
  });

  it("refuses a child or mentor not on file, naming each, writing nothing", async () => {
    const { teacher, storage } = await classTeacher();
    const before = await snapshot(storage);
    const issues = await issuesOf(
      teacher.applyPairingPlan(
        planOf([pairing(), pairing({ id: "p2", childId: "ghost", mentorId: "ghostm" })]),
      ),
    );
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ["plan.history[1].childId", "unknown_id"],
      ["plan.history[1].mentorId", "unknown_id"],
    ]);
    expect(await snapshot(storage)).toEqual(before);
  });

  it("refuses a pairing of a child outside the actor's scope, writing nothing", async () => {
    const { teacher, storage } = await classTeacher();
    const before = await snapshot(storage);
    await expect(
      teacher.applyPairingPlan(planOf([pairing(), pairing({ id: "p2", childId: "c2" })])),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(await snapshot(storage)).toEqual(before);
  });

  it("refuses a pairing listed twice", async () => {
    const { app, storage } = await classTeacher();
    const before = await snapshot(storage);
    const issues = await issuesOf(app.applyPairingPlan(planOf([pairing(), pairing()])));
    expect(issues).toMatchObject([{ path: "plan.history[1].id", code: "duplicate_id" }]);
    expect(await snapshot(storage)).toEqual(before);
  });

  it("checks the plan's shape and the options, writing nothing", async () => {
    const { app, storage } = await classTeacher();
    const before = await snapshot(storage);
    const paths = async (plan: unknown, options?: unknown) =>
      (await issuesOf(app.applyPairingPlan(plan as PairingPlan, options as never))).map(
        (i) => i.path,
      );
    expect(await paths(null)).toEqual(["plan"]);
    expect(await paths(planOf([pairing()], { ruleSet: "" }))).toEqual(["plan.ruleSet"]);
    expect(await paths(planOf([pairing()], { asOf: "2026-02-30" }))).toEqual(["plan.asOf"]);
    expect(
      await paths(
        planOf([pairing()], {
          diff: { added: [{ id: "x" }], ended: [{ pairing: pairing(), explanation: 5 }] },
        }),
      ),
    ).toEqual(
      expect.arrayContaining(["plan.diff.added[0].childId", "plan.diff.ended[0].explanation"]),
    );
    expect(await paths(planOf([pairing()]), null)).toEqual(["options"]);
    expect(await paths(planOf([pairing()]), { reason: 42 })).toEqual(["reason"]);
    expect(await paths(planOf([pairing()]), { reason: "x".repeat(2001) })).toEqual(["reason"]);
    expect(await snapshot(storage)).toEqual(before);
  });

  it("refuses null options of planPairings with a ValidationError", async () => {
    const { app } = testApp();
    const issues = await issuesOf(app.planPairings(null as never));
    expect(issues.map((i) => i.path)).toEqual(["options"]);
  });

  it("refuses an option of planPairings it does not take, and a day out of range", async () => {
    const { app } = testApp();
    const rules = TEACHER_PAIRING_PRESET;
    const paths = async (options: unknown) =>
      (await issuesOf(app.planPairings(options as never))).map((i) => i.path);
    expect(await paths({ rules, exclude: [] })).toEqual(["exclude"]);
    expect(await paths({ rules, scope: { schoolID: "s1" } })).toEqual(["scope.schoolID"]);
    expect(await paths({ rules, asOf: "9999-12-31" })).toEqual(["asOf"]);
    // explainWhyNot names its arguments as given, before it reads anything.
    const why = async (plan: unknown, childId: unknown) =>
      (await issuesOf(app.explainWhyNot(plan as never, childId as never, "m1", { rules }))).map(
        (i) => i.path,
      );
    expect(await why(null, "c1")).toEqual(["plan"]);
    expect(await why({ pairs: 5 }, "c1")).toEqual(["plan.pairs"]);
    expect(await why({ pairs: [] }, "")).toEqual(["childId"]);
  });
});
