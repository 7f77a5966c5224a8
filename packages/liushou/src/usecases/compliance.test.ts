import {
  ALL_PRESETS,
  EXAMPLE_CALENDAR_2025_26,
  evaluateCompliance,
  prepareComplianceData,
  ValidationError,
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
    const report = await t.app.compliance({
      period,
      asOf: "2026-03-20",
      scope: { schoolId },
      recordIds: true,
    });
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
    // A period that ends before it starts, in the app's locale, named as compliance options.
    const en = testApp({ locale: "en", calendar: EXAMPLE_CALENDAR_2025_26 }).app;
    const e = await en
      .compliance({ period: { from: "2026-06-30", to: "2026-03-01" } })
      .catch((x: unknown) => x as ValidationError);
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).issues.map((i) => i.path)).toEqual(["period.to"]);
    expect((e as ValidationError).message).toMatch(/^Invalid compliance options/);
  });
});

describe("the default policies", () => {
  it("without a calendar are the presets that need none, so listDue works out of the box", async () => {
    const { app } = testApp();
    await app.importFiles(pop.files.slice(0, 20));
    const due = await app.listDue({ withinDays: 7 });
    expect(due.overdue.length + due.dueSoon.length).toBeGreaterThan(0);
    const report = await app.compliance({ period: { from: "2026-03-01", to: "2026-03-31" } });
    const ids = report.policies.map((p) => p.id);
    expect(ids).toEqual(ALL_PRESETS.filter((p) => p.calendar !== "school").map((p) => p.id));
    expect(ids.length).toBeLessThan(ALL_PRESETS.length);
  });

  it("with a calendar are every preset; policies given that need one are refused without it", () => {
    expect(() => testApp({ policies: ALL_PRESETS })).toThrow(ValidationError);
    const e = (() => {
      try {
        testApp({ policies: ALL_PRESETS, locale: "en" });
      } catch (x) {
        return x as ValidationError;
      }
    })();
    expect(e!.issues[0]!.path).toBe("calendar");
    expect(e!.message).toMatch(/follows the school calendar/);
    expect(() =>
      testApp({ policies: ALL_PRESETS, calendar: EXAMPLE_CALENDAR_2025_26 }),
    ).not.toThrow();
  });
});

describe("the options of listDue and compliance", () => {
  it("refuse a key they do not take, so a misspelt scope never widens the list", async () => {
    const { app } = testApp();
    await expect(app.listDue({ withinDay: 30 } as never)).rejects.toMatchObject({
      name: "ValidationError",
      issues: [{ path: "withinDay", code: "unrecognized_keys" }],
    });
    // `schoolID` read as no scope at all would list every school's children.
    await expect(app.listDue({ scope: { schoolID: "s1" } } as never)).rejects.toMatchObject({
      issues: [{ path: "scope.schoolID" }],
    });
    await expect(
      app.compliance({ period: { from: "2026-03-01", to: "2026-03-31" }, scop: {} } as never),
    ).rejects.toMatchObject({ issues: [{ path: "scop" }] });
    await expect(app.listDue(null as never)).rejects.toMatchObject({
      issues: [{ path: "options" }],
    });
  });

  it("refuse a day out of range, naming the option rather than a day number", async () => {
    const { app } = testApp({ locale: "en" });
    const cases: [() => Promise<unknown>, string[]][] = [
      [() => app.listDue({ asOf: "9999-12-31" }), ["asOf"]],
      [() => app.listDue({ asOf: "0001-01-01" }), ["asOf"]],
      [
        () => app.compliance({ period: { from: "0001-01-01", to: "0001-02-01" } }),
        ["period.from", "period.to"],
      ],
      [() => app.assessRisks({ asOf: "0001-01-01" }), ["asOf"]],
      [() => app.proposeAssistancePlan({ childId: "c1", startOn: "9999-12-31" }), ["startOn"]],
    ];
    for (const [call, paths] of cases) {
      const e = (await call().catch((x: unknown) => x)) as ValidationError;
      expect(e).toBeInstanceOf(ValidationError);
      expect(e.issues.map((i) => i.path)).toEqual(paths);
      expect(e.message).toContain("must lie between 1900-01-01 and 2199-12-31");
    }
  });
});
