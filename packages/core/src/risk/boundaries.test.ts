import { describe, expect, it } from "vitest";
import { thrown } from "../_lib/throws.test-helper";
import { ValidationError } from "../errors/errors";
import { text } from "../i18n";
import type { ChildFileInput } from "../model/child-file";
import type { CalendarDate } from "../time/types";
import type { ChecklistScore } from "../checklists/engine";
import { assessRisk, withRiskLevel, type RiskFinding } from "./assess";
import { compareRiskLevels } from "./model";

const file: ChildFileInput = {
  id: "c1",
  child: { name: "儿童", gender: "male", birthDate: "2014-09-01", regionCode: "430102001001" },
  livingArrangement: "grandparents",
};
const asOf: CalendarDate = "2026-03-04";

/** A model whose score is the number of missed contacts, so any score can be reached exactly. */
const counting = {
  thresholds: { medium: 5, high: 15, critical: 30 },
  compliance: { perMissed: 1, perOverdue: 0, perOverdueDay: 0, max: 100 },
};
const levelAt = (score: number) =>
  assessRisk(file, { asOf, compliance: { missedContacts: score }, model: counting });

/** A scored assessment of checklist `id` taken at `takenAt`, with one risk factor of `weight`. */
const scored = (assessmentId: string, takenAt: string, weight = 4, checklistId = "x") =>
  ({
    assessmentId,
    childId: "c1",
    checklistId,
    checklistVersion: "1",
    takenAt,
    riskFactors: [{ code: `${checklistId}.flag`, label: text("标记", "flag"), weight }],
  }) as unknown as ChecklistScore; // only the fields assessRisk reads

describe("assessRisk: thresholds at and either side", () => {
  it.each([
    [0, "low"],
    [4, "low"],
    [5, "medium"],
    [6, "medium"],
    [14, "medium"],
    [15, "high"],
    [16, "high"],
    [29, "high"],
    [30, "critical"],
    [31, "critical"],
  ] as const)("score %i is %s", (score, level) => {
    const r = levelAt(score);
    expect(r.score).toBe(score);
    expect(r.level).toBe(level);
    expect(r.scoreLevel).toBe(level);
  });

  it("caps the compliance factor at its maximum", () => {
    const capped = (missed: number) =>
      assessRisk(file, {
        asOf,
        compliance: { missedContacts: missed, overdueContacts: 1, overdueDays: 5 },
        model: { compliance: { perMissed: 2, perOverdue: 1, perOverdueDay: 0.2, max: 20 } },
      }).score;
    expect(capped(8)).toBe(18); // 16 + 1 + 1
    expect(capped(9)).toBe(20); // 18 + 1 + 1 = 20, at the cap
    expect(capped(10)).toBe(20); // 22, capped
  });

  it("reads compliance rows: missed, overdue and their overdue days", () => {
    const r = assessRisk(file, {
      asOf,
      compliance: [
        { status: "missed", overdueDays: 3 },
        { status: "overdue", overdueDays: 2 },
        { status: "met" },
        { status: "due" },
      ],
    });
    expect(r.factors).toEqual([
      {
        source: "compliance",
        code: "compliance.contacts",
        weight: 2 + 1 + 5 * 0.2,
        label: text(
          "走访/联系未按要求完成：缺 1 次，逾期 1 次，共逾期 5 天",
          "visits and contacts short: 1 missed, 1 overdue, 5 days overdue in all",
        ),
      },
    ]);
    expect(assessRisk(file, { asOf, compliance: [{ status: "met" }] }).factors).toEqual([]);
  });
});

describe("assessRisk: findings, weights and floors", () => {
  const finding = (o: Partial<RiskFinding> & Pick<RiskFinding, "code" | "severity">) => o;

  it("weighs by code before severity, skips zero weights, and explains every floor", () => {
    const r = assessRisk(file, {
      asOf,
      findings: [
        finding({ code: "a", severity: "low", message: text("甲", "A") }),
        finding({ code: "b", severity: "high" }),
        finding({ code: "c", severity: "medium", mandatoryReport: true, message: text("丙", "C") }),
        finding({ code: "zero", severity: "critical" }),
      ],
      model: { codeWeights: { zero: 0, a: 7 } },
    });
    expect(r.factors.map((f) => [f.code, f.weight])).toEqual([
      ["b", 15],
      ["a", 7],
      ["c", 6],
    ]);
    expect(r.factors.find((f) => f.code === "b")!.label).toEqual(text("b", "b"));
    expect(r.score).toBe(28);
    expect(r.scoreLevel).toBe("high");
    expect(r.level).toBe("critical");
    expect(r.floors).toEqual([
      { level: "medium", code: "b", reason: text("存在high级别的发现：b", "a high finding: b") },
      { level: "critical", code: "c", reason: text("须强制报告：丙", "mandatory report: C") },
      {
        level: "high",
        code: "zero",
        reason: text("存在critical级别的发现：zero", "a critical finding: zero"),
      },
    ]);
  });

  it("a floor only raises: a low score with a high finding is medium, a high score stays", () => {
    const low = assessRisk(file, {
      asOf,
      findings: [finding({ code: "h", severity: "high" })],
      model: { findingWeights: { critical: 30, high: 1, medium: 6, low: 2 } },
    });
    expect([low.scoreLevel, low.level]).toEqual(["low", "medium"]);
    const high = assessRisk(file, {
      asOf,
      findings: [finding({ code: "h", severity: "high" })],
      compliance: { missedContacts: 40 },
      model: { ...counting, findingWeights: { critical: 30, high: 1, medium: 6, low: 2 } },
    });
    expect([high.scoreLevel, high.level]).toEqual(["critical", "critical"]);
  });

  it("orders factors of equal weight by code", () => {
    const r = assessRisk(file, {
      asOf,
      findings: [
        finding({ code: "b", severity: "low" }),
        finding({ code: "a", severity: "low" }),
        finding({ code: "c", severity: "low" }),
      ],
    });
    expect(r.factors.map((f) => f.code)).toEqual(["a", "b", "c"]);
  });
});

describe("assessRisk: which assessments count", () => {
  it("keeps one taken on asOf (Beijing time) and drops one taken the day after", () => {
    const r = assessRisk(file, {
      asOf,
      assessments: [
        scored("on", "2026-03-04T23:59:00+08:00", 4, "x"),
        scored("after", "2026-03-04T16:00:00Z", 4, "y"), // 00:00 on 5 March in Beijing
      ],
    });
    expect(r.factors.map((f) => f.assessmentId)).toEqual(["on"]);
    expect(r.skippedAssessments).toEqual([{ assessmentId: "after", reason: "after-as-of" }]);
  });

  it("keeps one exactly assessmentMaxAgeDays old and drops one a day older", () => {
    const r = assessRisk(file, {
      asOf,
      assessments: [
        scored("edge", "2026-02-02T10:00:00+08:00", 4, "x"), // 30 days before
        scored("old", "2026-02-01T10:00:00+08:00", 4, "y"), // 31 days
      ],
      model: { assessmentMaxAgeDays: 30 },
    });
    expect(r.factors.map((f) => f.assessmentId)).toEqual(["edge"]);
    expect(r.skippedAssessments).toEqual([{ assessmentId: "old", reason: "stale" }]);
  });

  it("uses the latest of each checklist, whatever the input order, and weighs it", () => {
    for (const order of [
      ["older", "newer"],
      ["newer", "older"],
    ]) {
      const all = {
        older: scored("older", "2026-02-01T10:00:00+08:00", 9),
        newer: scored("newer", "2026-03-01T10:00:00+08:00", 4),
      };
      const r = assessRisk(file, {
        asOf,
        assessments: order.map((k) => all[k as keyof typeof all]),
        model: { assessmentWeight: 1.5 },
      });
      expect(r.factors).toEqual([
        {
          source: "assessment",
          code: "x.flag",
          label: text("标记", "flag"),
          weight: 6,
          assessmentId: "newer",
        },
      ]);
      expect(r.skippedAssessments).toEqual([{ assessmentId: "older", reason: "superseded" }]);
    }
    const zero = assessRisk(file, {
      asOf,
      assessments: [scored("z", "2026-03-01T10:00:00+08:00", 0)],
    });
    expect(zero.factors).toEqual([]);
  });

  it("names the assessment of another child, in both languages", () => {
    const run = () =>
      assessRisk(file, {
        asOf,
        assessments: [{ ...scored("a", "2026-03-01T10:00:00+08:00"), childId: "c9" }],
      });
    const issue = (thrown(run) as ValidationError).issues[0]!;
    expect(issue.path).toBe("assessments[0].childId");
    expect(issue.code).toBe("risk_wrong_child");
    expect(issue.message.en).toContain("expected c1");
    expect(issue.message["zh-CN"]).toContain("应为 c1");
  });
});

describe("assessRisk and withRiskLevel: malformed input is named", () => {
  const issuesOf = (run: () => unknown) =>
    (thrown(run) as ValidationError).issues.map((i) => [i.path, i.message.en]);

  it("names the field of a bad compliance row, scored assessment or model", () => {
    expect(
      issuesOf(() =>
        assessRisk(file, { asOf, compliance: [{ status: "missed", overdueDays: -1 }] }),
      ),
    ).toEqual([
      ["compliance[0].overdueDays", expect.stringContaining("compliance[0].overdueDays")],
    ]);
    expect(
      issuesOf(() =>
        assessRisk(file, {
          asOf,
          assessments: [
            {
              ...scored("s", "2026-03-01T10:00:00+08:00"),
              riskFactors: [{ code: "x", label: text("x", "x"), weight: -1 }],
            },
          ],
        }),
      ).map(([p]) => p),
    ).toEqual(["assessments[0].riskFactors[0].weight"]);
    expect(
      issuesOf(() =>
        assessRisk(file, { asOf, model: { thresholds: { medium: 10, high: 5, critical: 30 } } }),
      ),
    ).toEqual([
      [
        "model.thresholds",
        expect.stringContaining("thresholds must satisfy medium ≤ high ≤ critical"),
      ],
    ]);
  });

  it("withRiskLevel refuses a level that is not one, naming level", () => {
    const e = thrown(() => withRiskLevel(file, { level: "severe" as never })) as ValidationError;
    expect(e.issues.map((i) => i.path)).toEqual(["level"]);
    expect(e.message).toContain("风险等级");
    expect(e.messageIn("en")).toContain("risk level");
    expect(thrown(() => withRiskLevel(file, undefined as never))).toBeInstanceOf(ValidationError);
    expect(withRiskLevel(file, { level: "high" }).riskLevel).toBe("high");
  });

  it("compareRiskLevels says what a level is, in both languages", () => {
    const e = thrown(() => compareRiskLevels("low", "x" as never)) as ValidationError;
    expect(e.issues[0]!.path).toBe("b");
    expect(e.issues[0]!.message.en).toContain("expected one of low, medium, high, critical");
    expect(e.issues[0]!.message["zh-CN"]).toContain("应为 low、medium、high、critical 之一");
    expect(compareRiskLevels("critical", "critical")).toBe(0);
  });
});
