import {
  ALL_PRESETS,
  EXAMPLE_CALENDAR_2025_26,
  evaluateCompliance,
  prepareComplianceData,
  workList,
  type ComplianceRow,
} from "@liushou/core";
import { generatePopulation } from "@liushou/fixtures";
import { beforeAll, describe, expect, it } from "vitest";
import { testApp } from "../_lib/app.test-helper";

const pop = generatePopulation({ preset: "school", seed: "due", asOf: "2026-03-20" });

async function populated() {
  const t = testApp({
    clock: () => "2026-03-20T18:00:00+08:00",
    calendar: EXAMPLE_CALENDAR_2025_26,
  });
  await t.app.importFiles(pop.files);
  await t.app.importEntities("mentors", pop.mentors);
  await t.app.importEntities("schools", pop.schools);
  await t.app.importEntities("pairings", pop.pairings);
  await t.app.importEntities("contacts", pop.records);
  return t;
}

const key = (r: ComplianceRow) => `${r.policyId}|${r.subjectId}|${r.from}`;

describe("listDue and compliance", () => {
  let app: Awaited<ReturnType<typeof populated>>["app"];
  beforeAll(async () => void ({ app } = await populated()), 60_000);

  it("list what is due exactly as the pure evaluation of the same data", async () => {
    const due = await app.listDue({ withinDays: 10 });
    const data = prepareComplianceData({
      children: pop.files,
      mentors: pop.mentors,
      pairings: pop.pairings,
      records: pop.records,
      schools: pop.schools,
      calendar: EXAMPLE_CALENDAR_2025_26,
    });
    const report = evaluateCompliance({
      policies: ALL_PRESETS,
      data,
      period: { from: "2026-02-17", to: "2026-03-30" },
      asOf: "2026-03-20",
    });
    const expected = workList(report, { withinDays: 10 });
    expect(due.overdue.length + due.dueSoon.length).toBeGreaterThan(0);
    expect(due.overdue.map(key)).toEqual(expected.overdue.map(key));
    expect(due.dueSoon.map(key)).toEqual(expected.dueSoon.map(key));
  });

  it("compliance of one school over a month reads only that school's children", async () => {
    const schoolId = pop.schools[0]!.id;
    const report = await app.compliance({
      period: { from: "2026-02-01", to: "2026-02-28" },
      scope: { schoolId },
    });
    const children = new Set(
      pop.files.filter((f) => f.child.schoolId === schoolId).map((f) => f.id),
    );
    const rows = [...report];
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) if (r.childId !== undefined) expect(children.has(r.childId)).toBe(true);
  });

  it("takes the adapter's counts where it counts, with the rows of counting the records", async () => {
    const period = { from: "2026-01-01", to: "2026-03-31" };
    const pushed = [...(await app.compliance({ period }))];
    const counted = [...(await app.compliance({ period, recordIds: true }))];
    const withoutIds = (rows: ComplianceRow[]) => rows.map(({ recordIds: _ids, ...r }) => r);
    expect(withoutIds(pushed)).toEqual(withoutIds(counted));
    // Rows counted by the adapter list no records; counting the records lists them.
    const byStorage = pushed.filter((r) => r.done > 0 && r.recordIds.length === 0);
    expect(byStorage.length).toBeGreaterThan(0);
    for (const r of counted)
      if (r.policyId === "home-visit-monthly") expect(r.recordIds).toHaveLength(r.done);
  });

  it("validates its options", async () => {
    await expect(app.listDue({ withinDays: -1 })).rejects.toMatchObject({
      name: "ValidationError",
    });
    await expect(
      app.compliance({ period: { from: "2026-03-01", to: "x" } } as never),
    ).rejects.toMatchObject({ name: "ValidationError" });
    await expect(app.listDue({ scope: { regionCode: "99" } })).rejects.toMatchObject({
      name: "ValidationError",
    });
  });
});
