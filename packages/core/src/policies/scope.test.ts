import { describe, expect, it } from "vitest";
import { EXAMPLE_CALENDAR_2026_27, holidayOn } from "../calendar";
import { PolicyFindingCode } from "./data";
import { evaluateCompliance } from "./evaluate";
import { POLICY_PRESETS } from "./presets";
import { scenario } from "./scenario.test-helper";

describe("presets stop owing visits on the day a child leaves scope", () => {
  it("every child- and pairing-level preset selects children only while left behind", () => {
    for (const p of Object.values(POLICY_PRESETS)) {
      if (p.level === "child" || p.level === "pairing") expect(p.selector.leftBehind).toBeDefined();
    }
  });

  it("owes a counsellor's visits until the 16th birthday, not after, with the pairing still open", () => {
    const s = scenario();
    const c1 = s.children[0]!;
    const children = [{ ...c1, child: { ...c1.child, birthDate: "2010-03-15" as const } }];
    const report = evaluateCompliance({
      children,
      mentors: s.mentors,
      pairings: [s.pairings[2]!], // c1 with the counsellor m2, no end date
      records: [],
      policies: [POLICY_PRESETS.counsellorVisitTwiceMonthly],
      period: { from: "2026-03-01", to: "2026-05-31" },
      asOf: "2026-06-10",
    });
    const rows = [...report];
    // 1–14 March in scope: round(2 × 14 / 31) = 1 visit owed; nothing from April.
    expect(rows.map((r) => [r.from, r.required, r.status])).toEqual([
      ["2026-03-01", 1, "missed"],
      ["2026-04-01", 0, "not-applicable"],
      ["2026-05-01", 0, "not-applicable"],
    ]);
  });

  it("asks for one home visit to a child's guardian a month, however many mentors the child has", () => {
    const s = scenario();
    const report = evaluateCompliance({
      ...s,
      policies: [POLICY_PRESETS.homeVisitMonthly],
      period: { from: "2026-03-01", to: "2026-03-31" },
      asOf: "2026-04-10",
    });
    const c1 = [...report].filter((r) => r.subjectId === "c1");
    // c1 has a class teacher (m1) and a counsellor (m2): one row, met by either's visit.
    expect(c1).toHaveLength(1);
    expect(c1[0]).toMatchObject({ status: "met", required: 1 });
  });
});

describe("the example calendar covers its own summer vacation", () => {
  it("raises no calendar-not-covering finding for a period inside the listed 暑假", () => {
    const s = scenario();
    const report = evaluateCompliance({
      ...s,
      calendar: EXAMPLE_CALENDAR_2026_27,
      policies: [POLICY_PRESETS.teacherTalksWeekly],
      period: { from: "2027-07-05", to: "2027-08-29" },
      asOf: "2027-09-10",
    });
    expect(report.findings.map((f) => f.code)).not.toContain(
      PolicyFindingCode.CALENDAR_NOT_COVERING,
    );
    expect([...report].every((r) => r.status === "exempt")).toBe(true);
    expect(holidayOn(EXAMPLE_CALENDAR_2026_27, "2027-08-01")).toMatchObject({
      name: "暑假",
      kind: "vacation",
    });
  });

  it("still warns for a period beyond every term and holiday", () => {
    const s = scenario();
    const report = evaluateCompliance({
      ...s,
      calendar: EXAMPLE_CALENDAR_2026_27,
      policies: [POLICY_PRESETS.teacherTalksWeekly],
      period: { from: "2027-09-06", to: "2027-09-12" },
      asOf: "2027-09-20",
    });
    expect(report.findings.map((f) => f.code)).toContain(PolicyFindingCode.CALENDAR_NOT_COVERING);
  });
});
