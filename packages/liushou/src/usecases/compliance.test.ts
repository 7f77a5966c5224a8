import {
  ALL_PRESETS,
  EXAMPLE_CALENDAR_2025_26,
  evaluateCompliance,
  prepareComplianceData,
  workList,
  type ComplianceRow,
  type StorageAdapter,
  type StorageContactQuery,
  type StorageSession,
} from "@liushou/core";
import { createMemoryStorage } from "@liushou/storage-memory";
import { generatePopulation } from "@liushou/fixtures";
import { beforeAll, describe, expect, it } from "vitest";
import { testApp } from "../_lib/app.test-helper";

const pop = generatePopulation({ preset: "school", seed: "due", asOf: "2026-03-20" });

async function populated(storage?: StorageAdapter) {
  const t = testApp({
    clock: () => "2026-03-20T18:00:00+08:00",
    calendar: EXAMPLE_CALENDAR_2025_26,
    ...(storage ? { storage } : {}),
  });
  await t.app.importFiles(pop.files);
  await t.app.importEntities("mentors", pop.mentors);
  await t.app.importEntities("schools", pop.schools);
  await t.app.importEntities("pairings", pop.pairings);
  await t.app.importEntities("contacts", pop.records);
  return t;
}

/** The pure evaluation of the whole population, every preset, judged on 2026-03-20. */
function pureReport(period: { from: string; to: string }) {
  const data = prepareComplianceData({
    children: pop.files,
    mentors: pop.mentors,
    pairings: pop.pairings,
    records: pop.records,
    schools: pop.schools,
    calendar: EXAMPLE_CALENDAR_2025_26,
  });
  return evaluateCompliance({ policies: ALL_PRESETS, data, period, asOf: "2026-03-20" });
}

const key = (r: ComplianceRow) => `${r.policyId}|${r.subjectId}|${r.from}`;

describe("listDue and compliance", () => {
  let app: Awaited<ReturnType<typeof populated>>["app"];
  beforeAll(async () => void ({ app } = await populated()), 60_000);

  it("list what is due exactly as the pure evaluation of the same data", async () => {
    const due = await app.listDue({ withinDays: 10 });
    const report = pureReport({ from: "2026-02-17", to: "2026-03-30" });
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

  it("a school's compliance asks the adapter for its children's records only, same answers", async () => {
    // A memory adapter whose transactions note every filter of a contacts stream.
    const memory = createMemoryStorage();
    const filters: StorageContactQuery[] = [];
    const noted = (s: StorageSession): StorageSession => ({
      ...s,
      contacts: {
        ...s.contacts,
        stream: (filter) => (filters.push(filter), s.contacts.stream(filter)),
      },
    });
    const t = await populated({
      ...memory,
      transaction: (work) => memory.transaction((tx) => work(noted(tx))),
    });
    const schoolId = pop.schools[0]!.id;
    const children = pop.files.filter((f) => f.child.schoolId === schoolId).map((f) => f.id);
    filters.length = 0;
    const period = { from: "2026-02-01", to: "2026-02-28" } as const;
    const report = await t.app.compliance({ period, asOf: "2026-03-20", scope: { schoolId } });
    expect(filters).toHaveLength(1);
    expect(new Set(filters[0]!.childIds)).toEqual(new Set(children));

    const pure = pureReport(period);
    const inSchool = new Set(children);
    const childRows = (rows: Iterable<ComplianceRow>) =>
      [...rows]
        .filter((r) => r.level === "child" && inSchool.has(r.childId!))
        .map((r) => [key(r), r.done, r.status, r.recordIds])
        .sort();
    const got = childRows(report);
    expect(got.length).toBeGreaterThan(0);
    expect(got).toEqual(childRows(pure));
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
