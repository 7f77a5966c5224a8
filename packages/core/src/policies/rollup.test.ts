import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors";
import { evaluateCompliance } from "./evaluate";
import { rollUpCompliance, type RollUpBy } from "./rollup";
import {
  LESSON_MONTHLY,
  MENTOR_TWICE,
  PAIRING_HOME_VISIT,
  scenario,
  TALK_MONTHLY,
} from "./scenario.test-helper";

/**
 * Every column of every grouping, counted by hand: rows of each level attributed to mentors,
 * classes, schools, townships, counties and buckets; a child's row for a mentor whose pairing
 * starts on the bucket's last day or ends on its first (and the days beside them); a child
 * paired twice with one mentor counted once; groups with nothing assessed.
 */

/**
 * March and April, asOf 3 April. Rows (March, April): talk c1 met, due; c2 met, due; c3
 * overdue, due. Home visit p1 met, met; p2 exempt, due; p4 exempt, exempt; p6 not-applicable,
 * due. Mentor m1 missed (1 of 2), due; m2 and m3 missed (0 of 2), due. Lesson s1 met, due; s2
 * missed, due.
 */
function report() {
  const s = scenario();
  s.mentors[1] = { ...s.mentors[1]!, regionCode: "430104001000" }; // no school, no class
  s.pairings.push(
    // c3 with m3 from the last day of March to the first of April.
    {
      id: "p4",
      childId: "c3",
      mentorId: "m3",
      role: "mentor",
      start: "2026-03-31",
      end: "2026-04-01",
    },
    // c1 with m2 a second time, inside March.
    {
      id: "p5",
      childId: "c1",
      mentorId: "m2",
      role: "mentor",
      start: "2026-03-10",
      end: "2026-03-15",
    },
    // c2 with m3 from April, with m2 in March only.
    { id: "p6", childId: "c2", mentorId: "m3", role: "mentor", start: "2026-04-01" },
    {
      id: "p7",
      childId: "c2",
      mentorId: "m2",
      role: "mentor",
      start: "2026-03-01",
      end: "2026-03-31",
    },
  );
  return evaluateCompliance({
    ...s,
    schools: [
      { id: "s1", name: "第一小学", stage: "primary", regionCode: "430102001000" },
      { id: "s2", name: "第二小学", stage: "primary", regionCode: "430105002000" },
    ],
    activities: [
      {
        id: "a1",
        kind: "mental-health-lesson",
        title: "心理健康课",
        date: "2026-03-12",
        schoolId: "s1",
        childIds: [],
        mentorIds: [],
      },
    ],
    policies: [TALK_MONTHLY, PAIRING_HOME_VISIT, MENTOR_TWICE, LESSON_MONTHLY],
    period: { from: "2026-03-01", to: "2026-04-30" },
    asOf: "2026-04-03",
  });
}

/** key, met, missed, overdue, due, upcoming, exempt, notApplicable, assessed, rate, required, done, contactRate */
const table = (by: RollUpBy, policyIds?: string[]) =>
  rollUpCompliance(report(), { by, ...(policyIds ? { policyIds } : {}) }).map((r) => {
    expect(r.by).toBe(by);
    return [
      r.key,
      r.met,
      r.missed,
      r.overdue,
      r.due,
      r.upcoming,
      r.exempt,
      r.notApplicable,
      r.assessed,
      r.rate,
      r.required,
      r.done,
      r.contactRate,
    ];
  });

describe("rollUpCompliance, every column", () => {
  it("by mentor: the children paired with the mentor during the bucket, each once", () => {
    expect(table("mentor")).toEqual([
      // c1 and c2 (met, due), p1 (met, met), p2 (exempt, due), m1 (missed 1 of 2, due).
      ["m1", 4, 1, 0, 4, 0, 1, 0, 5, 4 / 5, 6, 5, 5 / 6],
      // c1 in both months (p3; p5 inside March adds nothing), c2 in March only (p7), m2.
      ["m2", 2, 1, 0, 2, 0, 0, 0, 3, 2 / 3, 4, 2, 2 / 4],
      // c3 in both months (p4: 31 March to 1 April), c2 in April only (p6), p4, p6, m3.
      ["m3", 0, 1, 1, 4, 0, 2, 1, 2, 0, 3, 0, 0],
    ]);
  });

  it("by class: a mentor row under the mentor's first class, school rows left out", () => {
    expect(table("class")).toEqual([
      ["k1", 3, 1, 0, 2, 0, 0, 0, 4, 3 / 4, 5, 4, 4 / 5],
      ["k2", 1, 0, 0, 3, 0, 1, 1, 1, 1, 1, 1, 1],
      ["k3", 0, 1, 1, 2, 0, 2, 0, 2, 0, 3, 0, 0],
    ]);
  });

  it("by school: children's, mentors' and the school's own rows", () => {
    expect(table("school")).toEqual([
      ["s1", 5, 1, 0, 6, 0, 1, 1, 6, 5 / 6, 7, 6, 6 / 7],
      ["s2", 0, 2, 1, 3, 0, 2, 0, 3, 0, 4, 0, 0],
    ]);
  });

  it("by township and county: a mentor's own region, else its school's", () => {
    expect(table("township")).toEqual([
      ["430102001", 4, 1, 0, 3, 0, 0, 0, 5, 4 / 5, 6, 5, 5 / 6],
      ["430102002", 1, 0, 0, 3, 0, 1, 1, 1, 1, 1, 1, 1],
      ["430103001", 0, 0, 1, 1, 0, 2, 0, 1, 0, 1, 0, 0],
      ["430104001", 0, 1, 0, 1, 0, 0, 0, 1, 0, 2, 0, 0],
      ["430105002", 0, 2, 0, 2, 0, 0, 0, 2, 0, 3, 0, 0],
    ]);
    expect(table("county")).toEqual([
      ["430102", 5, 1, 0, 6, 0, 1, 1, 6, 5 / 6, 7, 6, 6 / 7],
      ["430103", 0, 0, 1, 1, 0, 2, 0, 1, 0, 1, 0, 0],
      ["430104", 0, 1, 0, 1, 0, 0, 0, 1, 0, 2, 0, 0],
      ["430105", 0, 2, 0, 2, 0, 0, 0, 2, 0, 3, 0, 0],
    ]);
  });

  it("by bucket: every row under its first day; nothing assessed gives null rates", () => {
    expect(table("bucket")).toEqual([
      ["2026-03-01", 4, 4, 1, 0, 0, 2, 1, 9, 4 / 9, 12, 5, 5 / 12],
      ["2026-04-01", 1, 0, 0, 10, 0, 1, 0, 1, 1, 1, 1, 1],
    ]);
    expect(table("bucket", ["lesson-monthly", "no-such-policy"])).toEqual([
      ["2026-03-01", 1, 1, 0, 0, 0, 0, 0, 2, 1 / 2, 2, 1, 1 / 2],
      ["2026-04-01", 0, 0, 0, 2, 0, 0, 0, 0, null, 0, 0, null],
    ]);
    expect(table("mentor", [])).toEqual([]);
  });

  it("refuses options of the wrong shape, naming them in both languages", () => {
    try {
      rollUpCompliance(report(), { by: "school", policyIds: "lesson-monthly" as never });
      expect.unreachable("accepted");
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      const { issues, messages } = e as ValidationError;
      expect(issues[0]!.path).toBe("policyIds");
      expect([messages["zh-CN"].slice(0, 4), messages.en.slice(0, 24)]).toEqual([
        "汇总选项",
        "Invalid roll-up options ",
      ]);
    }
  });
});
