import { describe, expect, it } from "vitest";
import { EXAMPLE_CALENDAR_2026_27 } from "../calendar";
import { classifyLeftBehind } from "../classification";
import { ValidationError } from "../errors";
import { PolicyFindingCode, prepareComplianceData } from "./data";
import { evaluateCompliance } from "./evaluate";
import { definePolicy, POLICY_PRESETS } from "./presets";
import { PAIRING_HOME_VISIT, scenario } from "./scenario.test-helper";

const MARCH_APRIL = { from: "2026-03-01", to: "2026-04-30" } as const;

function rowsOf(report: ReturnType<typeof evaluateCompliance>) {
  return [...report];
}

describe("evaluateCompliance: buckets and time zones", () => {
  it("counts a visit at 01:00 Beijing time on 1 April for April, not March", () => {
    const s = scenario();
    const report = evaluateCompliance({
      ...s,
      policies: [PAIRING_HOME_VISIT],
      period: MARCH_APRIL,
      asOf: "2026-04-10",
    });
    const rows = rowsOf(report);
    expect(rows.find((r) => r.subjectId === "p1" && r.from === "2026-03-01")).toMatchObject({
      status: "met",
      done: 1,
      recordIds: ["r1"],
      childId: "c1",
      mentorId: "m1",
    });
    expect(rows.find((r) => r.subjectId === "p1" && r.from === "2026-04-01")).toMatchObject({
      status: "met",
      recordIds: ["r2"],
    });
    // In UTC the same instant is 31 March.
    const utc = rowsOf(
      evaluateCompliance({
        ...s,
        timeZone: "UTC",
        policies: [PAIRING_HOME_VISIT],
        period: MARCH_APRIL,
        asOf: "2026-04-10",
      }),
    );
    expect(utc.find((r) => r.subjectId === "p1" && r.from === "2026-03-01")?.recordIds).toEqual([
      "r1",
      "r2",
    ]);
    expect(utc.find((r) => r.subjectId === "p1" && r.from === "2026-04-01")).toMatchObject({
      status: "due",
      done: 0,
    });
  });

  it("reads an instant asOf in the zone", () => {
    const s = scenario();
    const report = evaluateCompliance({
      ...s,
      policies: [PAIRING_HOME_VISIT],
      period: MARCH_APRIL,
      asOf: "2026-03-31T16:30:00Z",
    });
    expect(report.asOf).toBe("2026-04-01");
  });
});

describe("evaluateCompliance: proration, statuses, counting", () => {
  it("graces a pairing that starts late in the month and prorates one that starts earlier", () => {
    const s = scenario();
    const late = rowsOf(
      evaluateCompliance({
        ...s,
        policies: [PAIRING_HOME_VISIT],
        period: MARCH_APRIL,
        asOf: "2026-04-10",
      }),
    );
    // p2 starts 20 March: 12 of 31 days, round(0.39) = 0.
    expect(late.find((r) => r.subjectId === "p2" && r.from === "2026-03-01")).toMatchObject({
      status: "exempt",
      required: 0,
    });
    const earlier = {
      ...s,
      pairings: s.pairings.map((p) => (p.id === "p2" ? { ...p, start: "2026-03-10" as const } : p)),
    };
    const rows = rowsOf(
      evaluateCompliance({
        ...earlier,
        policies: [PAIRING_HOME_VISIT],
        period: MARCH_APRIL,
        asOf: "2026-04-10",
      }),
    );
    // 22 of 31 days: round(0.71) = 1; missed (3 grace days are over on 10 April).
    expect(rows.find((r) => r.subjectId === "p2" && r.from === "2026-03-01")).toMatchObject({
      status: "missed",
      required: 1,
      done: 0,
    });
  });

  it("rounds the prorated requirement half up: 15 of 30 days needs 1 visit, 14 of 30 needs none", () => {
    const s = scenario();
    const requiredInApril = (start: `${number}-${number}-${number}`) => {
      const input = {
        ...s,
        pairings: s.pairings.map((p) => (p.id === "p2" ? { ...p, start } : p)),
      };
      const rows = rowsOf(
        evaluateCompliance({
          ...input,
          policies: [PAIRING_HOME_VISIT],
          period: { from: "2026-04-01", to: "2026-04-30" },
          asOf: "2026-05-10",
        }),
      );
      return rows.find((r) => r.subjectId === "p2" && r.from === "2026-04-01")?.required;
    };
    expect(requiredInApril("2026-04-15")).toBe(1); // 16 / 30 = 0.53
    expect(requiredInApril("2026-04-16")).toBe(1); // 15 / 30 = 0.5, half up
    expect(requiredInApril("2026-04-17")).toBe(0); // 14 / 30 = 0.47
    expect(requiredInApril("2026-04-01")).toBe(1); // the whole month
  });

  it("marks a pairing's months before its start not applicable and after its end too", () => {
    const s = scenario();
    const ended = {
      ...s,
      pairings: s.pairings.map((p) =>
        p.id === "p1"
          ? {
              ...p,
              start: "2026-01-01" as const,
              end: "2026-03-31" as const,
              endReason: "mentor-left" as const,
            }
          : p,
      ),
    };
    const rows = rowsOf(
      evaluateCompliance({
        ...ended,
        policies: [PAIRING_HOME_VISIT],
        period: MARCH_APRIL,
        asOf: "2026-04-10",
      }),
    );
    const april = rows.find((r) => r.subjectId === "p1" && r.from === "2026-04-01");
    // r2 is on 1 April, after the pairing ended: it is not the pairing's.
    expect(april).toMatchObject({ status: "not-applicable", done: 0, recordIds: [] });
  });

  it("gives due, overdue (grace), missed and upcoming as asOf moves", () => {
    const s = { ...scenario(), records: [] };
    const at = (asOf: string) =>
      rowsOf(
        evaluateCompliance({
          ...s,
          policies: [PAIRING_HOME_VISIT],
          period: { from: "2026-03-01", to: "2026-03-31" },
          asOf: asOf as "2026-03-01",
        }),
      ).find((r) => r.subjectId === "p1")!.status;
    expect(at("2026-02-27")).toBe("upcoming");
    expect(at("2026-03-31")).toBe("due");
    expect(at("2026-04-02")).toBe("overdue");
    expect(at("2026-04-03")).toBe("overdue");
    expect(at("2026-04-04")).toBe("missed");
  });

  it("counts several records on one day once when the unit is days", () => {
    const s = scenario();
    const rows = rowsOf(
      evaluateCompliance({
        ...s,
        policies: [POLICY_PRESETS.counsellorVisitTwiceMonthly],
        period: { from: "2026-03-01", to: "2026-03-31" },
        asOf: "2026-04-10",
      }),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      subjectId: "p3",
      required: 2,
      done: 1,
      recordIds: ["r3", "r4"],
      status: "missed",
    });
  });

  it("counts a record naming several children for each of them", () => {
    const s = scenario();
    const policy = definePolicy({
      id: "talk-monthly",
      name: { "zh-CN": "每月谈心", en: "Monthly talk" },
      level: "child",
      counts: { contactKinds: ["talk"] },
      requirement: { type: "count", min: 1, per: "month" },
    });
    const rows = rowsOf(
      evaluateCompliance({
        ...s,
        policies: [policy],
        period: { from: "2026-03-01", to: "2026-03-31" },
        asOf: "2026-04-10",
      }),
    );
    expect(rows.filter((r) => r.status === "met").map((r) => r.subjectId)).toEqual(["c1", "c2"]);
    expect(rows.find((r) => r.subjectId === "c3")).toMatchObject({ status: "missed" });
  });

  it("counts only the paired mentor's contacts when the policy says so", () => {
    const s = scenario();
    const policy = definePolicy({
      id: "paired-visit",
      name: { "zh-CN": "结对人家访", en: "Paired visit" },
      level: "child",
      counts: { contactKinds: ["home-visit"], by: "paired-mentor" },
      requirement: { type: "count", min: 3, per: "month" },
    });
    const rows = rowsOf(
      evaluateCompliance({
        ...s,
        policies: [policy],
        period: { from: "2026-03-01", to: "2026-03-31" },
        asOf: "2026-04-10",
      }),
    );
    // r1 by m1 and r3, r4 by m2: both are paired with c1.
    expect(rows.find((r) => r.subjectId === "c1")).toMatchObject({ done: 3, status: "met" });
    const unpaired = { ...s, pairings: s.pairings.filter((p) => p.id !== "p3") };
    const rows2 = rowsOf(
      evaluateCompliance({
        ...unpaired,
        policies: [policy],
        period: { from: "2026-03-01", to: "2026-03-31" },
        asOf: "2026-04-10",
      }),
    );
    expect(rows2.find((r) => r.subjectId === "c1")).toMatchObject({ done: 1, status: "missed" });
  });

  it("selects children by left-behind status, per day", () => {
    const s = scenario();
    // c2's mother comes home on 15 March: the school definition stops holding on 16 March.
    const back = {
      ...s,
      children: s.children.map((c) =>
        c.id === "c2"
          ? {
              ...c,
              parents: [
                {
                  id: "p-m2",
                  role: "mother" as const,
                  name: "赵芳",
                  awayPeriods: [
                    { from: "2025-01-01" as const, to: "2026-03-15" as const, city: "东莞" },
                  ],
                },
              ],
            }
          : c,
      ),
    };
    const rows = rowsOf(
      evaluateCompliance({
        ...back,
        policies: [POLICY_PRESETS.parentCallMonthly],
        period: MARCH_APRIL,
        asOf: "2026-05-10",
      }),
    );
    // The same verdicts as classifyLeftBehind on those days.
    const c2 = back.children.find((c) => c.id === "c2")!;
    expect(classifyLeftBehind(c2, { asOf: "2026-03-15", definition: "school" }).leftBehind).toBe(
      true,
    );
    expect(classifyLeftBehind(c2, { asOf: "2026-03-16", definition: "school" }).leftBehind).toBe(
      false,
    );
    expect(rows.some((r) => r.subjectId === "c3")).toBe(false); // never left-behind: no rows
    expect(rows.find((r) => r.subjectId === "c2" && r.from === "2026-03-01")).toMatchObject({
      required: 0,
      status: "exempt",
    }); // 15 of 31 days
    expect(rows.find((r) => r.subjectId === "c2" && r.from === "2026-04-01")).toMatchObject({
      status: "not-applicable",
    });
    expect(rows.find((r) => r.subjectId === "c1" && r.from === "2026-04-01")).toMatchObject({
      status: "missed",
      required: 1,
    });
  });
});

describe("evaluateCompliance: effective dates and exemptions", () => {
  it("prorates the month a policy comes into force, and exempts listed ranges", () => {
    const s = { ...scenario(), records: [] };
    const policy = definePolicy({
      ...PAIRING_HOME_VISIT,
      effectiveFrom: "2026-03-15",
      exemptions: [{ from: "2026-04-01", to: "2026-04-30", reason: "疫情停课" }],
    });
    const rows = rowsOf(
      evaluateCompliance({
        ...s,
        policies: [policy],
        period: { from: "2026-02-01", to: "2026-05-31" },
        asOf: "2026-06-10",
      }),
    ).filter((r) => r.subjectId === "p1");
    expect(rows.map((r) => [r.from, r.status, r.required])).toEqual([
      ["2026-02-01", "not-applicable", 0],
      ["2026-03-01", "missed", 1], // 17 of 31 days: round(0.55) = 1
      ["2026-04-01", "exempt", 0],
      ["2026-05-01", "missed", 1],
    ]);
  });
});

describe("evaluateCompliance: school calendar, terms, activities, intervals", () => {
  it("exempts holiday weeks and prorates short school weeks for weekly teacher talks", () => {
    const s = scenario();
    const talks = [0, 1, 2, 3].map((i) => ({
      id: `t${i}`,
      kind: "talk" as const,
      at: `2026-09-0${i + 1}T10:00:00+08:00` as const,
      childIds: [i % 2 ? "c1" : "c2"],
      mentorId: "m1",
    }));
    const report = evaluateCompliance({
      ...s,
      records: talks,
      calendar: EXAMPLE_CALENDAR_2026_27,
      policies: [POLICY_PRESETS.teacherTalksWeekly],
      period: { from: "2026-08-03", to: "2026-10-11" },
      asOf: "2026-10-20",
    });
    const m1 = rowsOf(report).filter((r) => r.subjectId === "m1");
    expect(m1.find((r) => r.from === "2026-08-03")).toMatchObject({ status: "exempt" }); // summer
    expect(m1.find((r) => r.from === "2026-08-31")).toMatchObject({
      required: 2,
      done: 2,
      status: "met",
    }); // 4 school days: round(3 × 4 / 5) = 2; two distinct children
    expect(m1.find((r) => r.from === "2026-09-28")).toMatchObject({ required: 2 }); // 3 school days: round(1.8)
    expect(m1.find((r) => r.from === "2026-10-05")).toMatchObject({ required: 2 }); // 8, 9 and make-up 10 October
    expect(report.findings.map((f) => f.code)).toContain(PolicyFindingCode.EXAMPLE_CALENDAR);
  });

  it("counts activities for school-level policies and buckets by term", () => {
    const s = scenario();
    const activities = [
      {
        id: "a1",
        kind: "mental-health-lesson" as const,
        title: "心理健康课",
        date: "2026-09-15" as const,
        schoolId: "s1",
      },
      {
        id: "a2",
        kind: "symposium" as const,
        title: "座谈会",
        date: "2026-11-20" as const,
        schoolId: "s1",
      },
    ];
    const report = evaluateCompliance({
      ...s,
      activities,
      calendar: EXAMPLE_CALENDAR_2026_27,
      policies: [POLICY_PRESETS.mentalHealthLessonMonthly, POLICY_PRESETS.symposiumPerTerm],
      period: { from: "2026-09-01", to: "2026-10-31" },
      asOf: "2026-11-30",
    });
    const rows = rowsOf(report);
    expect(
      rows.find(
        (r) =>
          r.policyId === "mental-health-lesson-monthly" &&
          r.subjectId === "s1" &&
          r.from === "2026-09-01",
      ),
    ).toMatchObject({ status: "met", recordIds: ["a1"] });
    expect(
      rows.find(
        (r) =>
          r.policyId === "mental-health-lesson-monthly" &&
          r.subjectId === "s2" &&
          r.from === "2026-10-01",
      ),
    ).toMatchObject({ status: "missed" });
    expect(
      rows.find((r) => r.policyId === "symposium-per-term" && r.subjectId === "s1"),
    ).toMatchObject({ from: "2026-09-01", to: "2027-01-22", status: "met" });
  });

  it("schedules interval windows from the subject's start and counts contacts inside them", () => {
    const s = scenario();
    const policy = definePolicy({
      ...POLICY_PRESETS.mediumRiskFortnightly,
      requirement: {
        type: "interval",
        everyDays: 14,
        windowStart: -3,
        windowEnd: 3,
        anchor: "2026-03-02",
      },
    });
    const records = [
      {
        id: "v1",
        kind: "talk" as const,
        at: "2026-03-13T10:00:00+08:00" as const,
        childIds: ["c2"],
      }, // window of 16 March: 13–19
      {
        id: "v2",
        kind: "talk" as const,
        at: "2026-03-25T10:00:00+08:00" as const,
        childIds: ["c2"],
      }, // too early for 30 March (27 March–2 April)
    ];
    const rows = rowsOf(
      evaluateCompliance({
        ...s,
        records,
        policies: [policy],
        period: { from: "2026-03-01", to: "2026-04-15" },
        asOf: "2026-04-01",
      }),
    ).filter((r) => r.subjectId === "c2");
    expect(rows.map((r) => [r.due, r.status])).toEqual([
      ["2026-03-02", "missed"],
      ["2026-03-16", "met"],
      ["2026-03-30", "overdue"],
      ["2026-04-13", "upcoming"],
    ]);
    expect(rows[1]).toMatchObject({ from: "2026-03-13", to: "2026-03-19" });
  });
});

describe("evaluateCompliance: bad input", () => {
  it("reports unknown children and records after asOf as findings", () => {
    const s = scenario();
    const records = [
      ...s.records,
      {
        id: "x1",
        kind: "talk" as const,
        at: "2026-03-03T10:00:00+08:00" as const,
        childIds: ["ghost"],
      },
      {
        id: "x2",
        kind: "talk" as const,
        at: "2026-05-03T10:00:00+08:00" as const,
        childIds: ["c1"],
      },
    ];
    const report = evaluateCompliance({
      ...s,
      records,
      policies: [PAIRING_HOME_VISIT],
      period: { from: "2026-03-01", to: "2026-03-31" },
      asOf: "2026-04-10",
    });
    const codes = Object.fromEntries(report.findings.map((f) => [f.code, f]));
    expect(codes[PolicyFindingCode.UNKNOWN_CHILD]).toMatchObject({ count: 1, ids: ["x1"] });
    expect(codes[PolicyFindingCode.RECORD_AFTER_AS_OF]).toMatchObject({ count: 1, ids: ["x2"] });
    expect(codes[PolicyFindingCode.RECORD_OUTSIDE_PERIOD]).toMatchObject({ ids: ["r2", "x2"] });
  });

  it("throws ValidationError naming the field for unknown ids in pairings, bad zones and periods", () => {
    const s = scenario();
    const attempt = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        return (e as ValidationError).issues[0]!;
      }
      throw new Error("expected a ValidationError");
    };
    const base = {
      policies: [PAIRING_HOME_VISIT],
      period: MARCH_APRIL,
      asOf: "2026-04-10" as const,
    };
    expect(
      attempt(() =>
        evaluateCompliance({
          ...s,
          ...base,
          pairings: [
            { id: "p9", childId: "c1", mentorId: "nobody", role: "mentor", start: "2026-01-01" },
          ],
        }),
      ),
    ).toMatchObject({ path: "pairings[0].mentorId", code: "unknown_id" });
    expect(
      attempt(() => evaluateCompliance({ ...s, ...base, timeZone: "Mars/Olympus" })).path,
    ).toBe("timeZone");
    expect(
      attempt(() =>
        evaluateCompliance({ ...s, ...base, period: { from: "2026-05-01", to: "2026-04-01" } }),
      ).path,
    ).toBe("period.to");
    expect(
      attempt(() =>
        evaluateCompliance({ ...s, ...base, policies: [POLICY_PRESETS.teacherTalksWeekly] }),
      ),
    ).toMatchObject({ path: "calendar" });
    expect(
      attempt(() => evaluateCompliance({ ...s, ...base, records: [...s.records, s.records[0]!] }))
        .path,
    ).toBe("records[5].id");
    const issue = attempt(() =>
      evaluateCompliance({
        ...s,
        ...base,
        records: [{ ...s.records[0]!, at: "2026-03-05T10:00:00" as "2026-03-05T10:00:00Z" }],
      }),
    );
    expect(issue.path).toBe("records[0].at");
    expect(issue.message["zh-CN"]).toMatch(/时区偏移/);
  });

  it("rejects a time zone that differs from prepared data", () => {
    const s = scenario();
    const data = prepareComplianceData({ ...s, timeZone: "UTC" });
    expect(() =>
      evaluateCompliance({
        data,
        timeZone: "Asia/Shanghai",
        policies: [PAIRING_HOME_VISIT],
        period: MARCH_APRIL,
        asOf: "2026-04-10",
      }),
    ).toThrow(ValidationError);
    expect(
      evaluateCompliance({
        data,
        policies: [PAIRING_HOME_VISIT],
        period: MARCH_APRIL,
        asOf: "2026-04-10",
      }).timeZone,
    ).toBe("UTC");
  });

  it("does not mutate its inputs", () => {
    const s = scenario();
    const copy = structuredClone(s);
    evaluateCompliance({
      ...s,
      policies: [PAIRING_HOME_VISIT],
      period: MARCH_APRIL,
      asOf: "2026-04-10",
    });
    expect(s).toEqual(copy);
  });
});
