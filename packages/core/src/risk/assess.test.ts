import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NEEDS_CHECKLIST } from "../checklists/builtin";
import { scoreChecklist } from "../checklists/engine";
import { builtinChecklistRegistry } from "../checklists/builtin";
import { ValidationError } from "../errors/errors";
import { checkLegalDuties } from "../legal/check";
import type { Assessment } from "../model/records";
import type { CalendarDate } from "../time/types";
import { assessRisk, withRiskLevel, type RiskFinding } from "./assess";
import { riskFile, needsResponses } from "./assess.test-helper";
import { compareRiskLevels, DEFAULT_RISK_MODEL, RISK_LEVEL_RANK, RiskModelSchema } from "./model";

const file = riskFile();
const asOf: CalendarDate = "2026-03-04";

const needs = (
  over: Record<string, unknown> = {},
  extra: Partial<Assessment> = {},
): Assessment => ({
  id: "n1",
  childId: "c1",
  checklistId: "liushou.needs",
  checklistVersion: "1.0.0",
  takenAt: "2026-02-20T10:00:00+08:00",
  informant: "teacher",
  responses: needsResponses(over),
  ...extra,
});

describe("assessRisk", () => {
  it("is low with no evidence", () => {
    const r = assessRisk(file, { asOf });
    expect(r).toMatchObject({ level: "low", score: 0, factors: [], floors: [], modelVersion: "1" });
  });

  it("lists assessment factors with their weights and reaches medium", () => {
    const r = assessRisk(file, { asOf, assessments: [needs()] });
    // study 3 + 1 + 3 + 3 = 10: high band (6); five lacks 1: some (2)
    expect(r.factors.map((f) => [f.source, f.code, f.weight])).toEqual([
      ["assessment", "liushou.needs:study:high", 6],
      ["assessment", "liushou.needs:five-lacks:some", 2],
    ]);
    expect(r.score).toBe(8);
    expect(r.level).toBe("medium");
    expect(r.factors[0]!.label["zh-CN"]).toContain("学习需求");
  });

  it("accepts scored assessments as well as stored ones", () => {
    const scored = scoreChecklist(builtinChecklistRegistry(), needs());
    expect(assessRisk(file, { asOf, assessments: [scored] }).score).toBe(8);
  });

  it("uses only the latest assessment per checklist, taken by asOf and not stale", () => {
    const older = needs(
      { study_grades: 0, study_homework: 0 },
      { id: "n0", takenAt: "2025-12-01T10:00:00+08:00" },
    );
    const future = needs({}, { id: "n2", takenAt: "2026-03-05T08:00:00+08:00" });
    const stale = needs(
      {},
      { id: "n-1", takenAt: "2024-01-01T10:00:00+08:00", checklistId: "liushou.needs" },
    );
    const r = assessRisk(file, { asOf, assessments: [older, needs(), future, stale] });
    expect(r.skippedAssessments).toEqual([
      { assessmentId: "n0", reason: "superseded" },
      { assessmentId: "n2", reason: "after-as-of" },
      { assessmentId: "n-1", reason: "stale" },
    ]);
    expect(r.score).toBe(8);
  });

  it("makes a mandatory-report finding critical and explains the floor", () => {
    const alone = { ...file, livingArrangement: "alone" as const };
    const findings = checkLegalDuties(alone, { asOf });
    const r = assessRisk(alone, { asOf, findings });
    expect(r.level).toBe("critical");
    expect(r.factors[0]).toMatchObject({
      source: "finding",
      code: "mpl21.under-16-living-alone",
      weight: 30,
    });
    expect(r.floors.map((f) => [f.code, f.level])).toContainEqual([
      "mpl21.under-16-living-alone",
      "critical",
    ]);
  });

  it("weighs compliance in either shape, capped", () => {
    const summary = assessRisk(file, { asOf, compliance: { missedContacts: 2, overdueDays: 5 } });
    expect(summary.factors).toEqual([
      expect.objectContaining({ source: "compliance", weight: 2 * 2 + 5 * 0.2 }),
    ]);
    expect(summary.level).toBe("medium");
    const rows = assessRisk(file, {
      asOf,
      compliance: [{ status: "missed" }, { status: "met" }, { status: "overdue", overdueDays: 3 }],
    });
    expect(rows.score).toBeCloseTo(2 + 1 + 0.6);
    const many = assessRisk(file, { asOf, compliance: { missedContacts: 100 } });
    expect(many.score).toBe(DEFAULT_RISK_MODEL.compliance.max);
  });

  it("reads thresholds and weights from the model", () => {
    const model = {
      thresholds: { medium: 1, high: 2, critical: 100 },
      codeWeights: { "x.rule": 0 },
    };
    expect(assessRisk(file, { asOf, assessments: [needs()], model }).level).toBe("high");
    const r = assessRisk(file, { asOf, model, findings: [{ code: "x.rule", severity: "high" }] });
    expect(r.factors).toEqual([]);
    expect(r.level).toBe("medium"); // the severity floor still holds
    expect(r.scoreLevel).toBe("low");
  });

  it("validates input with field paths", () => {
    const paths = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        return (e as ValidationError).issues.map((i) => i.path);
      }
      return [];
    };
    expect(
      paths(() => assessRisk(file, { asOf, assessments: [needs({}, { childId: "c2" })] })),
    ).toEqual(["assessments[0].childId"]);
    expect(
      paths(() =>
        assessRisk(file, { asOf, model: { thresholds: { medium: 9, high: 2, critical: 3 } } }),
      ),
    ).toEqual(["model.thresholds"]);
    expect(
      paths(() =>
        assessRisk(file, { asOf, findings: [{ code: "x", severity: "grave" as never }] }),
      ),
    ).toEqual(["findings[0].severity"]);
    expect(
      paths(() =>
        assessRisk(file, { asOf, assessments: [{ ...needs(), takenAt: "soon" } as never] }),
      ),
    ).toEqual(["assessments[0].takenAt"]);
    expect(paths(() => assessRisk(file, { asOf: "2026-13-01" }))).toEqual(["asOf"]);
  });

  it("never decreases when a finding is added", () => {
    const findingArb: fc.Arbitrary<RiskFinding> = fc.record({
      code: fc.constantFrom("a", "b", "mpl21.under-16-living-alone", "pipl31.no-guardian-consent"),
      severity: fc.constantFrom("critical", "high", "medium", "low"),
      mandatoryReport: fc.boolean(),
    });
    const modelArb = fc
      .tuple(fc.nat(40), fc.nat(40), fc.nat(40), fc.nat(40), fc.nat(40))
      .map(([a, b, c, w1, w2]) => {
        const [medium, high, critical] = [a, b, c].sort((x, y) => x - y) as [
          number,
          number,
          number,
        ];
        return RiskModelSchema.parse({
          thresholds: { medium, high, critical },
          findingWeights: { critical: w1, high: w2, medium: 3, low: 0 },
        });
      });
    fc.assert(
      fc.property(
        fc.array(findingArb, { maxLength: 6 }),
        findingArb,
        modelArb,
        fc.option(fc.nat(5), { nil: undefined }),
        (findings, extra, model, missed) => {
          const base = {
            asOf,
            model,
            ...(missed === undefined ? {} : { compliance: { missedContacts: missed } }),
          };
          const before = assessRisk(file, { ...base, findings });
          const after = assessRisk(file, { ...base, findings: [...findings, extra] });
          expect(after.score).toBeGreaterThanOrEqual(before.score);
          expect(RISK_LEVEL_RANK[after.level]).toBeGreaterThanOrEqual(
            RISK_LEVEL_RANK[before.level],
          );
        },
      ),
    );
  });
});

describe("withRiskLevel and level order", () => {
  it("returns a new frozen file with the level; the input is unchanged", () => {
    const input = structuredClone(file);
    const updated = withRiskLevel(input, { level: "high" });
    expect(updated.riskLevel).toBe("high");
    expect(input).toEqual(file);
    expect(Object.isFrozen(updated)).toBe(true);
    expect(() => withRiskLevel(input, { level: "extreme" as never })).toThrow(ValidationError);
  });

  it("orders levels", () => {
    expect(
      (["critical", "low", "high", "medium"] as const).slice().sort(compareRiskLevels),
    ).toEqual(["low", "medium", "high", "critical"]);
    expect(NEEDS_CHECKLIST.id).toBe("liushou.needs");
    expect(compareRiskLevels("high", "high")).toBe(0);
    expect(compareRiskLevels("low", "critical")).toBe(-3);
    expect(compareRiskLevels("medium", "low")).toBe(1);
  });

  it("compareRiskLevels refuses anything but a level, naming the argument", () => {
    const bad = (a: unknown, b: unknown) => () => compareRiskLevels(a as never, b as never);
    expect(bad("severe", "low")).toThrow(ValidationError);
    expect(bad("low", undefined)).toThrow(/^.*\bb\b/);
    expect(bad("toString", "low")).toThrow(ValidationError);
  });
});
