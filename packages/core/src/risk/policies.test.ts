import { describe, expect, it } from "vitest";
import { checkLegalDuties } from "../legal/check";
import type { ChildFileInput } from "../model/child-file";
import { nextDue, POLICY_PRESETS, prepareComplianceData } from "../policies";
import { assessRisk, withRiskLevel } from "./assess";

const file: ChildFileInput = {
  id: "c1",
  child: {
    name: "测试儿童",
    gender: "male",
    birthDate: "2013-04-01",
    regionCode: "430102001001",
    grade: 7,
  },
  livingArrangement: "alone",
  parents: [
    {
      id: "p1",
      role: "father",
      name: "测试父亲",
      awayPeriods: [{ from: "2025-02-20", city: "深圳" }],
    },
  ],
  consent: { givenOn: "2025-09-01" },
};

describe("risk level feeds the visit policies", () => {
  it("a child written back as critical is due a weekly visit; without a level, none", () => {
    const asOf = "2026-04-08";
    const findings = checkLegalDuties(file, { asOf });
    const risk = assessRisk(file, { asOf, findings });
    expect(risk.level).toBe("critical");
    const due = (f: ChildFileInput) =>
      nextDue({
        policies: [POLICY_PRESETS.highRiskWeekly],
        data: prepareComplianceData({ children: [f], mentors: [], pairings: [], records: [] }),
        asOf,
        subject: { childId: "c1" },
      }).map((r) => r.policyId);
    expect(due(file)).toEqual([]);
    expect(due(withRiskLevel(file, risk))).toEqual(["risk-high-weekly"]);
  });
});
