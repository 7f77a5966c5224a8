import { describe, expect, it } from "vitest";
import { EXAMPLE_CALENDAR_2026_27 } from "../calendar";
import { censusStatus, CENSUS_PRESETS, enrolmentStatistics } from "../census";
import { ValidationError } from "../errors";
import { evaluateCompliance } from "../policies";
import { scenario } from "../policies/scenario.test-helper";
import {
  appraiseSchool,
  checkOrganisation,
  dutyHolders,
  RESPONSIBILITY_ROLES,
  SCHOOL_APPRAISAL_CRITERIA,
  SUPERVISION_PRESETS,
  TEACHER_FIVE_ROLES,
  type SchoolOrganisationInput,
} from ".";

const org: SchoolOrganisationInput = {
  schoolId: "s1",
  head: "t1",
  members: [
    { personId: "t1", role: "principal" },
    { personId: "t2", role: "deputy-principal" },
    { personId: "t3", role: "chief-counsellor" },
    { personId: "t5", role: "class-teacher", classIds: ["k1"] },
    { personId: "t6", role: "class-teacher", classIds: ["k2"] },
    { personId: "t7", role: "subject-teacher" },
  ],
};

describe("responsibility roles (三级联动责任制)", () => {
  it("are data with levels and duties", () => {
    expect(RESPONSIBILITY_ROLES.principal.level).toBe(1);
    expect(RESPONSIBILITY_ROLES["chief-counsellor"].duties).toEqual(["moral-education"]);
    expect(TEACHER_FIVE_ROLES.map((r) => r.name["zh-CN"]).join("")).toBe(
      "监护员交流员管理员辅导员指导员",
    );
  });

  it("say who holds a duty, for a class where the role is bound to classes", () => {
    expect(dutyHolders(org, "safety-law-education")).toEqual(["t2"]);
    expect(dutyHolders(org, "study-life-education", "k2")).toEqual(["t6"]);
    expect(dutyHolders(org, "direct-help", "k1")).toEqual(["t5", "t7"]);
  });

  it("check a school: the principal heads the group, every duty and class has someone", () => {
    expect(checkOrganisation(org, ["k1", "k2"])).toEqual([]);
    const gaps = checkOrganisation(
      { schoolId: "s1", head: "t7", members: [{ personId: "t7", role: "subject-teacher" }] },
      ["k1"],
    );
    expect(gaps.map((g) => g.code)).toEqual([
      "head-not-principal",
      "duty-unassigned",
      "duty-unassigned",
      "duty-unassigned",
      "class-without-teacher",
    ]);
    expect(gaps[1]!.message.en).toBe("nobody is in charge of safety and law education");
    expect(() => checkOrganisation({ ...org, head: "ghost" })).toThrow(ValidationError);
  });
});

describe("supervision policies (周检查、月考核)", () => {
  it("count the school's weekly checks and monthly appraisals", () => {
    const s = scenario();
    const check = (id: string, date: string) => ({
      id,
      kind: "record-book-check" as const,
      title: "记录册检查",
      date: date as `${number}-${number}-${number}`,
      schoolId: "s1",
    });
    const report = evaluateCompliance({
      ...s,
      activities: [
        check("a1", "2026-09-04"),
        check("a2", "2026-09-09"),
        { ...check("a3", "2026-09-25"), kind: "teacher-appraisal" as const },
      ],
      calendar: EXAMPLE_CALENDAR_2026_27,
      policies: [
        SUPERVISION_PRESETS.recordBookCheckWeekly,
        SUPERVISION_PRESETS.teacherAppraisalMonthly,
      ],
      period: { from: "2026-08-31", to: "2026-09-20" },
      asOf: "2026-10-10",
    });
    const s1 = [...report].filter((r) => r.subjectId === "s1");
    expect(s1.map((r) => [r.policyId, r.from, r.status])).toEqual([
      ["record-book-check-weekly", "2026-08-31", "met"],
      ["record-book-check-weekly", "2026-09-07", "met"],
      ["record-book-check-weekly", "2026-09-14", "missed"],
      ["teacher-appraisal-monthly", "2026-08-01", "exempt"], // summer vacation
      ["teacher-appraisal-monthly", "2026-09-01", "met"],
    ]);
  });
});

describe("appraiseSchool (考评)", () => {
  it("scores the criteria measured, with a band, from the other reports", () => {
    const s = scenario();
    const visits = evaluateCompliance({
      ...s,
      policies: [
        {
          id: "v",
          level: "school",
          name: { "zh-CN": "活动", en: "activity" },
          counts: { activityKinds: ["symposium"] },
          requirement: { type: "count", min: 1, per: "month" },
        },
      ],
      activities: [
        { id: "a1", kind: "symposium", title: "座谈会", date: "2026-03-10", schoolId: "s1" },
      ],
      period: { from: "2026-03-01", to: "2026-04-30" },
      asOf: "2026-05-10",
    });
    const census = censusStatus({
      childIds: ["c1", "c2"],
      records: [
        {
          id: "r1",
          childId: "c1",
          verifiedOn: "2026-03-03",
          takers: ["class-teacher", "village-cadre"],
        },
      ],
      policy: CENSUS_PRESETS.termStart,
      calendar: EXAMPLE_CALENDAR_2026_27,
      asOf: "2026-09-02",
    });
    const enrolment = enrolmentStatistics({
      files: s.children,
      from: "2026-03-01",
      asOf: "2026-06-30",
    });
    const a = appraiseSchool({
      schoolId: "s1",
      visits,
      census,
      enrolment,
      organisation: checkOrganisation(org, ["k1", "k2"]),
    });
    const byId = Object.fromEntries(a.lines.map((l) => [l.id, l.value]));
    expect(byId).toEqual({
      archive: null,
      census: 0,
      visits: 0.5,
      supervision: null,
      enrolment: 1,
      retention: 1,
      organisation: 1,
    });
    // (0×10 + 0.5×25 + 1×10 + 1×20 + 1×5) / (10 + 25 + 10 + 20 + 5) = 47.5 / 70
    expect(a.score).toBe(67.9);
    expect(a.band?.id).toBe("pass");
    expect(appraiseSchool({ schoolId: "s1" })).toMatchObject({ score: null, band: null });
    expect(SCHOOL_APPRAISAL_CRITERIA.reduce((n, c) => n + c.weight, 0)).toBe(100);
    expect(() => appraiseSchool({ schoolId: "" })).toThrow(ValidationError);
  });
});
