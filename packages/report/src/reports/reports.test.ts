import {
  completenessReport,
  evaluateCompliance,
  leftBehindStatistics,
  rollUpCompliance,
  statisticsTable,
  ValidationError,
  withRiskLevel,
  assessRisk,
  checkLegalDuties,
  groupRecordsByChild,
  workList,
} from "@liushou/core";
import { describe, expect, it } from "vitest";
import { AS_OF, GENERATED_AT, syntheticSchool, TERM } from "../_lib/school.test-helper";
import { DEFAULT_REPORT_POLICIES } from "../care/analyse";
import { toCsv } from "../csv/render";
import { toMarkdown } from "../markdown/render";
import { walkBlocks } from "../model/schema";
import type { FigureRun, Report, Table } from "../model/types";
import { childCardsReport } from "./child-cards";
import { recordBookReport } from "./record-book";
import { registersReport } from "./registers";
import { statisticsReport } from "./statistics";
import { workSummaryReport } from "./work-summary";

const pop = syntheticSchool();
const school = pop.schools[0]!;
const dates = { asOf: AS_OF, period: TERM, generatedAt: GENERATED_AT } as const;

/** Every figure of a report, by its source tag. */
function figures(report: Report): FigureRun[] {
  const out: FigureRun[] = [];
  for (const b of walkBlocks(report.body)) {
    const runs = b.type === "paragraph" ? b.content : b.type === "list" ? b.items.flat() : [];
    for (const r of runs) if (r.type === "figure") out.push(r);
  }
  return out;
}

function bySource(report: Report, source: string): number[] {
  return figures(report)
    .filter((f) => f.source === source)
    .map((f) => f.value);
}

function table(report: Report, id: string): Table {
  const t = [...walkBlocks(report.body)].find((b): b is Table => b.type === "table" && b.id === id);
  if (!t) throw new Error(`no table ${id}`);
  return t;
}

describe("the work summary's numbers are core's numbers", () => {
  const report = workSummaryReport({ ...pop, ...dates, scope: { level: "school", id: school.id } });
  const files = pop.files.filter((f) => f.child.schoolId === school.id);

  it("counts as leftBehindStatistics and completenessReport do", () => {
    const s = leftBehindStatistics(files, { asOf: AS_OF });
    const c = completenessReport(files, { asOf: AS_OF });
    expect(bySource(report, "leftBehindStatistics.total.totalPupils")).toEqual([
      s.total.totalPupils,
    ]);
    expect(bySource(report, "leftBehindStatistics.total.leftBehind")).toEqual([s.total.leftBehind]);
    expect(bySource(report, "leftBehindStatistics.total.ratio")).toEqual([s.total.ratio]);
    expect(bySource(report, "leftBehindStatistics.total.boarding")).toEqual([s.total.boarding]);
    expect(bySource(report, "leftBehindStatistics.total.byArrangement")).toEqual(
      (["grandparents", "relatives", "entrusted", "alone", "parent"] as const)
        .map((k) => s.total.byArrangement[k])
        .filter((n) => n > 0),
    );
    expect(new Set(bySource(report, "completenessReport.total.archiveRate"))).toEqual(
      new Set([c.total.archiveRate]),
    );
    expect(bySource(report, "completenessReport.total.completeRate")).toEqual([
      c.total.completeRate,
    ]);
  });

  it("checks visits as evaluateCompliance, rollUpCompliance and workList do", () => {
    const byChild = groupRecordsByChild(pop.records);
    const lb = new Set(completenessReport(files, { asOf: AS_OF }).children.map((c) => c.fileId));
    const children = files.map((f) => {
      if (!lb.has(f.id)) return f;
      const findings = checkLegalDuties(f, { asOf: AS_OF, records: byChild.get(f.id) ?? [] });
      return withRiskLevel(f, assessRisk(f, { asOf: AS_OF, findings }));
    });
    const compliance = evaluateCompliance({
      policies: DEFAULT_REPORT_POLICIES,
      children,
      mentors: pop.mentors,
      pairings: pop.pairings.filter((p) => files.some((f) => f.id === p.childId)),
      records: pop.records,
      activities: pop.activities,
      schools: pop.schools,
      period: TERM,
      asOf: AS_OF,
    });
    const overall = rollUpCompliance(compliance, { by: "school" }).find(
      (r) => r.key === school.id,
    )!;
    expect(new Set(bySource(report, "rollUpCompliance.rate").slice(0, 1))).toEqual(
      new Set([overall.rate]),
    );
    const perPolicy = DEFAULT_REPORT_POLICIES.map((p) =>
      rollUpCompliance(compliance, { by: "school", policyIds: [p.id] }).find(
        (r) => r.key === school.id,
      )!,
    );
    expect(bySource(report, "rollUpCompliance.assessed")).toEqual(perPolicy.map((r) => r.assessed));
    expect(bySource(report, "rollUpCompliance.met")).toEqual(perPolicy.map((r) => r.met));
    expect(bySource(report, "rollUpCompliance.done")).toEqual(perPolicy.map((r) => r.done));
    const work = workList(compliance, { withinDays: 14 });
    for (const n of bySource(report, "workList.overdue")) expect(n).toBe(work.overdue.length);
  });

  it("says the same numbers in Chinese and English", () => {
    const en = workSummaryReport({
      ...pop,
      ...dates,
      locale: "en",
      scope: { level: "school", id: school.id },
    });
    const key = (r: Report) =>
      figures(r)
        .filter((f) => f.source !== undefined)
        .map((f) => `${f.source}=${f.value}`)
        .sort();
    expect(key(en)).toEqual(key(report));
    expect(toMarkdown(en)).not.toMatch(/[\u4e00-\u9fff]{2,}(?:名|次)/);
  });
});

describe("a different school gives a different summary", () => {
  const town = syntheticSchool("report-township", "township");
  const [a, b] = town.schools;
  const summary = (id: string) =>
    workSummaryReport({ ...town, ...dates, scope: { level: "school", id } });
  const ra = summary(a!.id);
  const rb = summary(b!.id);

  it("each with its own school's statistics", () => {
    for (const [s, r] of [
      [a!, ra],
      [b!, rb],
    ] as const) {
      const own = leftBehindStatistics(
        town.files.filter((f) => f.child.schoolId === s.id),
        { asOf: AS_OF },
      );
      expect(bySource(r, "leftBehindStatistics.total.leftBehind")).toEqual([own.total.leftBehind]);
      expect(r.title).toContain(s.name);
    }
    expect(toMarkdown(ra)).not.toBe(toMarkdown(rb).replaceAll(b!.name, a!.name));
  });

  it("and a township summary covers all its schools", () => {
    const code = town.areas.find((x) => x.level === "township")!.code;
    const r = workSummaryReport({ ...town, ...dates, scope: { level: "township", code } });
    expect(bySource(r, "leftBehindStatistics.total.totalPupils")).toEqual([town.files.length]);
  });
});

describe("the statistics report", () => {
  it("prints statisticsTable's rows and totals, and states its convention", () => {
    for (const convention of ["boarding-overlaps", "boarding-separate"] as const) {
      const r = statisticsReport({ ...dates, files: pop.files, convention, rowsBy: "grade" });
      const core = statisticsTable(pop.files, { asOf: AS_OF, convention, rowsBy: "grade" });
      const t = table(r, "statistics");
      expect(t.rows.map((x) => x.cells.slice(1))).toEqual(core.rows.map((x) => x.values));
      expect(t.totals?.cells.slice(1)).toEqual(core.total.values);
      expect(t.notes[0]).toBe(core.note["zh-CN"]);
      const csv = toCsv(r, { tableId: "statistics", bom: false }).split("\r\n");
      expect(csv.at(-2)).toBe(["合计", ...core.total.values].join(","));
    }
  });
});

describe("privacy", () => {
  const files = pop.files;
  const ids = files.flatMap((f) => (f.child.idNumber ? [f.child.idNumber] : []));
  const phones = files.flatMap((f) => [
    ...f.guardians.flatMap((g) => (g.phone ? [g.phone] : [])),
    ...f.parents.flatMap((p) => (p.phone ? [p.phone] : [])),
  ]);
  const health = files.flatMap((f) => (f.child.health ? [f.child.health] : []));

  it("masks ID numbers, phones, addresses and health notes by default", () => {
    const reports = [
      registersReport({ ...dates, files, classes: pop.classes }),
      childCardsReport({ ...dates, ...pop }),
    ];
    for (const r of reports) {
      const out = toMarkdown(r).replace(/\\/g, "") + toCsv(r);
      for (const id of ids) expect(out).not.toContain(id);
      for (const phone of phones) expect(out).not.toContain(phone);
      for (const h of new Set(health)) expect(toCsv(r)).not.toContain(`,${h},`);
      for (const f of files) if (f.child.address) expect(out).not.toContain(f.child.address);
      expect(r.privacy).toEqual({
        masked: ["idNumber", "phone", "address", "health"],
        revealed: [],
      });
    }
  });

  it("reveals a field only when named, and records that it did", () => {
    const r = registersReport({ ...dates, files, classes: pop.classes, reveal: ["phone"] });
    const csv = toCsv(r);
    expect(phones.some((p) => csv.includes(p))).toBe(true);
    for (const id of ids) expect(csv).not.toContain(id);
    expect(r.privacy).toEqual({ masked: ["idNumber", "address", "health"], revealed: ["phone"] });
    expect(toMarkdown(r)).toContain("应调用方要求显示电话号码");
  });

  it("rejects an unknown field to reveal", () => {
    expect(() => registersReport({ ...dates, files, reveal: ["name" as never] })).toThrow(
      ValidationError,
    );
  });
});

describe("bad input", () => {
  it("answers with a ValidationError naming the field", () => {
    const expectIssue = (fn: () => unknown, path: string) => {
      try {
        fn();
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        expect((e as ValidationError).issues.map((i) => i.path)).toContain(path);
      }
    };
    expectIssue(
      () => workSummaryReport({ ...pop, ...dates, scope: { level: "school" } as never }),
      "scope.id",
    );
    expectIssue(
      () =>
        workSummaryReport({
          ...pop,
          ...dates,
          generatedAt: "yesterday" as never,
          scope: { level: "school", id: "x" },
        }),
      "generatedAt",
    );
    expectIssue(
      () => recordBookReport({ ...pop, ...dates, mentorId: pop.mentors[0]!.id, month: "2026-13" }),
      "month",
    );
    expectIssue(
      () => recordBookReport({ ...pop, ...dates, mentorId: "nobody", month: "2026-03" }),
      "mentorId",
    );
    expectIssue(
      () => childCardsReport({ ...dates, files: pop.files, childIds: ["nobody"] }),
      "childIds[0]",
    );
    expectIssue(
      () =>
        statisticsReport({
          ...dates,
          files: pop.files,
          period: { from: "2026-07-01", to: "2026-01-01" },
        }),
      "period.to",
    );
    for (const junk of [undefined, null, 1, "x", []]) {
      expect(() => workSummaryReport(junk as never)).toThrow(ValidationError);
      expect(() => statisticsReport(junk as never)).toThrow(ValidationError);
    }
  });

  it("words a period that ends before it starts in both languages", () => {
    const period = { from: "2026-07-01", to: "2026-01-01" } as const;
    expect(() => statisticsReport({ ...dates, files: pop.files, period })).toThrow(
      expect.objectContaining({
        issues: [
          expect.objectContaining({
            path: "period.to",
            message: {
              "zh-CN": '字段 period.to：时段的开始日期不能晚于结束日期（收到："2026-01-01"）',
              en: 'period.to: period.from must not be after period.to (received: "2026-01-01")',
            },
          }),
        ],
      }),
    );
  });
});
