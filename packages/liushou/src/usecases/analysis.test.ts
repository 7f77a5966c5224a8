import { createMemoryStorage } from "@liushou/storage-memory";
import {
  assessRiskAll,
  checkLegalDutiesAll,
  ChildFileSchema,
  classedPaths,
  completenessReport,
  leftBehindStatistics,
  POLICY_PRESETS,
  statisticsTableOf,
  type ChildFile,
  type ChildFileInput,
} from "@liushou/core";
import { describe, expect, it } from "vitest";
import { createLiushou } from "../create";
import { CLASS_TEACHER, fileRow } from "../_lib/app.test-helper";
import { needsResponses } from "../../../core/src/risk/assess.test-helper";

const AT = "2026-03-04T10:00:00+08:00";
const TODAY = "2026-03-04";

/** A file with a value in every classed field of a child's file, unique to the child. */
function row(n: number, classId: string): ChildFileInput {
  const base = fileRow(`c${n}`);
  return {
    ...base,
    child: {
      ...base.child,
      classId,
      grade: 4,
      idNumber: n === 1 ? "430102201409010028" : "110105201409010022",
      studentNumber: `G43010220140${n}`,
      address: `长沙市芙蓉区某街道 ${n}2 号`,
      health: `哮喘${n}`,
    },
    guardians: (base.guardians ?? []).map((g) => ({ ...g, phone: `1390000000${n}` })),
    parents: (base.parents ?? []).map((p) => ({
      ...p,
      phone: `1370000000${n}`,
      monthlyIncomeFen: 312_300 + n,
    })),
  };
}

const teacher = CLASS_TEACHER;

async function world() {
  const storage = createMemoryStorage();
  const admin = createLiushou({ storage, actor: "admin", clock: () => AT });
  await admin.importFiles([row(1, "k1"), row(2, "k1"), row(3, "k2")]);
  await admin.importEntities("schools", [
    { id: "s1", name: "一小", regionCode: "430102", stage: "primary" },
  ]);
  await admin.importEntities("classes", [
    { id: "k1", schoolId: "s1", name: "四年级一班", grade: 4 },
    { id: "k2", schoolId: "s1", name: "四年级二班", grade: 4 },
  ]);
  await admin.importEntities("contacts", [
    { id: "r1", kind: "home-visit", at: "2026-03-02T10:00:00+08:00", childIds: ["c1"] },
    { id: "r2", kind: "home-visit", at: "2026-03-02T10:00:00+08:00", childIds: ["c3"] },
  ]);
  const policies = [POLICY_PRESETS.homeVisitMonthly];
  const app = createLiushou({ storage, actor: teacher, clock: () => AT, policies });
  const raw = async (ids: string[]) =>
    (await storage.files.query({ ids })).items.map((r) => r.value as ChildFile);
  return { storage, admin, app, raw };
}

/** Every stored text or number of a class the role does not see, in the files given. */
function hiddenValues(files: readonly ChildFile[], visible: readonly string[]): string[] {
  return files.flatMap((f) =>
    classedPaths(ChildFileSchema, f)
      .filter((p) => !visible.includes(p.fieldClass))
      .map((p) => p.path.reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], f))
      .filter((v) => typeof v === "string" || typeof v === "number")
      .map(String),
  );
}

/**
 * Every text and number reachable from a value through its own properties, arrays, maps and
 * sets (what a caller can reach, not only what `JSON.stringify` shows).
 */
function reachable(value: unknown, out: string[] = [], seen = new Set<unknown>()): string[] {
  if (typeof value === "string" || typeof value === "number") out.push(String(value));
  if (value === null || typeof value !== "object" || seen.has(value)) return out;
  seen.add(value);
  if (ArrayBuffer.isView(value)) return out;
  const items =
    value instanceof Map
      ? [...value.keys(), ...value.values()]
      : value instanceof Set || Array.isArray(value)
        ? [...(value as Iterable<unknown>)]
        : Object.values(value);
  for (const v of items) reachable(v, out, seen);
  return out;
}

describe("a role actor analyses its files through the library", () => {
  it("reads its files masked, and counts, checks and assesses them on the unmasked data", async () => {
    const { app, raw, storage } = await world();
    const mine = await raw(["c1", "c2"]);
    const file = (await app.getFile("c1"))!.value;
    expect(file.child.idNumber).toBe("43**************28");
    expect(file.parents[0]!.monthlyIncomeFen).toBeUndefined();
    // What it read does not pass core's checks: it is for display.
    expect(ChildFileSchema.safeParse(file).success).toBe(false);

    // Statistics: equal to core's counts of the stored files of its classes.
    const counted = await app.statistics({ groupBy: "class", definition: "school" });
    expect(counted).toEqual(
      leftBehindStatistics(mine, {
        asOf: TODAY,
        groupBy: "class",
        definition: "school",
        classes: [{ id: "k1", schoolId: "s1", name: "四年级一班", grade: 4 }],
        schools: [{ id: "s1", name: "一小", regionCode: "430102", stage: "primary" }],
      }),
    );
    expect(counted.total.totalPupils).toBe(2);
    expect(statisticsTableOf(counted).rows.map((r) => r.label["zh-CN"])).toEqual([
      "一小 四年级一班",
    ]);

    const report = await app.completeness({ definition: "school" });
    expect(report).toEqual(completenessReport(mine, { asOf: TODAY, definition: "school" }));

    // Risk: the findings and levels core gives on the stored files and records.
    const reviews = await app.assessRisks();
    expect(reviews.map((r) => r.childId)).toEqual(["c1", "c2"]);
    const records = [(await storage.contacts.get("r1"))!.value];
    const findings = checkLegalDutiesAll(mine, { asOf: TODAY, records });
    expect(reviews.map((r) => r.findings)).toEqual(mine.map((f) => findings.get(f.id)));
    const risks = assessRiskAll(mine, { asOf: TODAY, findings });
    expect(reviews.map((r) => r.risk)).toEqual(mine.map((f) => risks.get(f.id)));
    // The father is away, the mother is not: left behind only under the schools' definition.
    expect(reviews[0]!.classification.leftBehind).toBe(false);
    const school = await app.assessRisks({ definition: "school", leftBehindOnly: true });
    expect(school.map((r) => [r.childId, r.classification.leftBehind])).toEqual([
      ["c1", true],
      ["c2", true],
    ]);

    // Compliance and the due list read only its children.
    const compliance = await app.compliance({ period: { from: "2026-03-01", to: TODAY } });
    expect(new Set([...compliance].map((r) => r.childId))).toEqual(new Set(["c1", "c2"]));
  });

  it("an assessment counts in the risk from the day it is taken", async () => {
    const { app } = await world();
    await app.assessChild({
      childId: "c2",
      checklistId: "liushou.needs",
      informant: "teacher",
      responses: needsResponses(),
    });
    const [, c2] = await app.assessRisks();
    expect(c2!.risk.factors.some((f) => f.source === "assessment")).toBe(true);
    const before = await app.assessRisks({ asOf: "2026-03-03" });
    expect(before[1]!.risk.factors.some((f) => f.source === "assessment")).toBe(false);
    expect(await app.assessRisks({ leftBehindOnly: true, scope: { schoolId: "s9" } })).toEqual([]);
  });

  it("no unmasked value of a hidden class reaches it, except through reveal", async () => {
    const { app, raw } = await world();
    const hidden = hiddenValues(await raw(["c1", "c2"]), app.visibleClasses);
    expect(hidden).toEqual(expect.arrayContaining(["430102201409010028", "13900000001", "312301"]));
    const { file, change } = await app.updateFile("c1", (d) => void (d.keyCase = true), {
      reason: "重点关注",
    });
    const assessed = await app.assessChild({
      childId: "c1",
      checklistId: "liushou.needs",
      informant: "teacher",
      responses: needsResponses(),
    });
    const everything = reachable([
      file,
      change,
      assessed,
      await app.getFile("c1"),
      (await app.storage.files.query({})).items,
      (await app.storage.parents.query({})).items,
      (await app.storage.guardians.query({})).items,
      await app.fileHistory("c1"),
      await app.fileAsOf("c1", TODAY),
      await app.statistics(),
      await app.completeness(),
      await app.assessRisks(),
      await app.compliance({ period: { from: "2026-03-01", to: TODAY } }),
      await app.listDue(),
    ]);
    expect(everything).toContain("43**************28");
    for (const value of hidden) expect(everything, value).not.toContain(value);
    const { fields } = await app.reveal("c1", ["child.idNumber"], "办理资助");
    expect(fields["child.idNumber"]).toBe("430102201409010028");
  });

  it("a bare id is an administrator: every child in scope, masked like one", async () => {
    const { admin } = await world();
    expect(admin.visibleClasses).toEqual([]);
    const file = (await admin.getFile("c3"))!.value;
    expect(file.child.idNumber).toBe("11**************22");
    expect(file.child.health).toBe("***");
    expect((await admin.statistics()).total.totalPupils).toBe(3);
  });

  it("refuses bad options with a ValidationError", async () => {
    expect.assertions(3);
    const { app } = await world();
    await expect(app.statistics({ scope: { schoolId: "" } })).rejects.toMatchObject({
      name: "ValidationError",
    });
    await expect(app.completeness({ groupBy: "nowhere" as never })).rejects.toMatchObject({
      name: "ValidationError",
    });
    await expect(app.assessRisks({ asOf: "2026-02-30" })).rejects.toMatchObject({
      name: "ValidationError",
    });
  });

  it("refuses an option it does not take, naming it, so a misspelt one is not ignored", async () => {
    const { app } = await world();
    const cases: [() => Promise<unknown>, string][] = [
      [() => app.statistics({ groupby: "class" } as never), "groupby"],
      [() => app.statistics({ scope: { schoolID: "s1" } } as never), "scope.schoolID"],
      [() => app.completeness({ detail: false } as never), "detail"],
      [() => app.assessRisks({ leftBehindOnl: true } as never), "leftBehindOnl"],
      [
        () => app.enrolment({ from: "2025-09-01", schoolage: { from: 6, to: 15 } } as never),
        "schoolage",
      ],
      [() => app.statistics(null as never), "options"],
    ];
    for (const [call, path] of cases) {
      await expect(call()).rejects.toMatchObject({ name: "ValidationError", issues: [{ path }] });
    }
    // The options core takes still pass.
    expect(
      (await app.statistics({ groupBy: "class", convention: "boarding-overlaps" })).groupBy,
    ).toBe("class");
    expect((await app.completeness({ details: false })).total).toBeDefined();
  });
});
