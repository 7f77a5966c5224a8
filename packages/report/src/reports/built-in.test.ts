import { describe, expect, it } from "vitest";
import { AS_OF, GENERATED_AT, syntheticSchool, TERM } from "../_lib/school.test-helper";
import {
  BUILT_IN_REPORTS,
  BUILT_IN_REPORT_KINDS,
  buildBuiltInReport,
  isBuiltInReportKind,
} from "./built-in";
import { workListReport } from "./work-list";

const pop = syntheticSchool();
const dates = { asOf: AS_OF, period: TERM, generatedAt: GENERATED_AT } as const;

describe("BUILT_IN_REPORTS", () => {
  it("lists every built-in kind once, with a title in both languages", () => {
    expect(BUILT_IN_REPORT_KINDS).toEqual([
      "work-summary",
      "statistics",
      "registers",
      "child-cards",
      "record-book",
      "work-list",
      "wish-aid-ledger",
    ]);
    for (const kind of BUILT_IN_REPORT_KINDS) {
      expect(BUILT_IN_REPORTS[kind].title["zh-CN"]).toMatch(/\p{Script=Han}/u);
      expect(BUILT_IN_REPORTS[kind].title.en).toMatch(/^[A-Z]/);
    }
    expect(Object.isFrozen(BUILT_IN_REPORTS)).toBe(true);
  });

  it("builds each report under its own kind", () => {
    const school = pop.schools[0]!;
    const mentor = pop.mentors.find((m) => pop.pairings.some((p) => p.mentorId === m.id))!;
    const care = { ...pop, ...dates, scope: { level: "school" as const, id: school.id } };
    const roster = { ...dates, files: pop.files, schools: pop.schools, classes: pop.classes };
    const reports = [
      buildBuiltInReport("work-summary", care),
      buildBuiltInReport("statistics", { ...roster, areas: pop.areas }),
      buildBuiltInReport("registers", roster),
      buildBuiltInReport("child-cards", { ...pop, ...dates }),
      buildBuiltInReport("record-book", {
        ...pop,
        asOf: AS_OF,
        generatedAt: GENERATED_AT,
        mentorId: mentor.id,
        month: "2026-05",
      }),
      buildBuiltInReport("work-list", care),
      buildBuiltInReport("wish-aid-ledger", { ...pop, ...dates }),
    ];
    expect(reports.map((r) => r.kind)).toEqual(BUILT_IN_REPORT_KINDS);
    expect(buildBuiltInReport("work-list", care)).toEqual(workListReport(care));
  });

  it("recognises its kinds and nothing inherited", () => {
    expect(isBuiltInReportKind("record-book")).toBe(true);
    expect(isBuiltInReportKind("toString")).toBe(false);
    expect(isBuiltInReportKind("__proto__")).toBe(false);
    expect(isBuiltInReportKind("")).toBe(false);
  });
});

describe("buildBuiltInReport", () => {
  it("refuses an unknown kind with a ValidationError", async () => {
    const { ValidationError } = await import("@liushou/core");
    expect(() => buildBuiltInReport("toString" as "work-list", {} as never)).toThrow(
      ValidationError,
    );
  });
});
