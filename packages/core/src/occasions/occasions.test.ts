import { describe, expect, it } from "vitest";
import { EXAMPLE_CALENDAR_2026_27 } from "../calendar";
import { pupil } from "../_lib/pupil.test-helper";
import { ValidationError } from "../errors";
import { defineOccasion, evaluateOccasions, OCCASION_PRESETS } from ".";

const calendar = EXAMPLE_CALENDAR_2026_27;
const pick = (rows: ReturnType<typeof evaluateOccasions>) =>
  rows.map((r) => [r.subjectId, r.from, r.status]);

describe("class-level cadences", () => {
  it("asks each class with left-behind children for a law lesson every school week", () => {
    const rows = evaluateOccasions({
      policies: [OCCASION_PRESETS.lawLessonWeekly],
      children: [
        pupil("a", { cls: "k1" }),
        pupil("b", { cls: "k2" }),
        pupil("c", { cls: "k3", home: true }),
      ],
      activities: [
        { id: "l1", kind: "law-lesson", title: "法制课", date: "2026-09-23", classId: "k1" },
        { id: "l2", kind: "law-lesson", title: "法制课", date: "2026-09-24", classId: "k9" },
      ],
      calendar,
      period: { from: "2026-09-21", to: "2026-10-11" },
      asOf: "2026-10-09",
    });
    // The National Day week (5–11 October) still has the make-up Saturday: it counts.
    expect(pick(rows)).toEqual([
      ["k1", "2026-09-21", "met"],
      ["k1", "2026-09-28", "missed"],
      ["k1", "2026-10-05", "due"],
      ["k2", "2026-09-21", "missed"],
      ["k2", "2026-09-28", "missed"],
      ["k2", "2026-10-05", "due"],
    ]);
  });

  it("asks for one theme class meeting per class a term", () => {
    const rows = evaluateOccasions({
      policies: [OCCASION_PRESETS.themeClassMeetingPerTerm],
      children: [pupil("a", { cls: "k1" })],
      activities: [
        {
          id: "m1",
          kind: "theme-class-meeting",
          title: "主题队会",
          date: "2026-11-12",
          classId: "k1",
        },
      ],
      calendar,
      period: { from: "2026-09-01", to: "2027-06-30" },
      asOf: "2027-03-01",
    });
    expect(pick(rows)).toEqual([
      ["k1", "2026-09-01", "met"],
      ["k1", "2027-02-22", "due"],
    ]);
  });
});

describe("birthdays, holidays, weekends and term starts", () => {
  it("looks for birthday wishes within three days of the birthday", () => {
    const rows = evaluateOccasions({
      policies: [OCCASION_PRESETS.birthdayWishes],
      children: [pupil("a", { cls: "k1" }), pupil("b", { cls: "k1", birth: "2015-06-10" })],
      records: [{ id: "r1", kind: "birthday", at: "2026-04-29T18:00:00+08:00", childIds: ["a"] }],
      period: { from: "2026-01-01", to: "2026-12-31" },
      asOf: "2026-06-11",
    });
    expect(pick(rows)).toEqual([
      ["a", "2026-04-28", "met"],
      ["b", "2026-06-07", "due"],
    ]);
    expect(rows[0]!.label.en).toBe("11th birthday");
  });

  it("wants a family call in each listed holiday and a weekend call each month", () => {
    const rows = evaluateOccasions({
      policies: [
        OCCASION_PRESETS.familyCallOnHolidays,
        OCCASION_PRESETS.familyCallOnWeekendsMonthly,
      ],
      children: [
        {
          ...pupil("a", { cls: "k1" }),
          parents: [
            {
              id: "a-f",
              role: "father",
              name: "父",
              awayPeriods: [{ from: "2024-01-01", city: "深圳" }],
            },
            {
              id: "a-m",
              role: "mother",
              name: "母",
              awayPeriods: [{ from: "2024-01-01", city: "深圳" }],
            },
          ],
        },
      ],
      records: [
        { id: "c1", kind: "video-call", at: "2026-10-03T20:00:00+08:00", childIds: ["a"] }, // National Day, a Saturday
        { id: "c2", kind: "family-call", at: "2026-09-23T20:00:00+08:00", childIds: ["a"] }, // a Wednesday
      ],
      calendar,
      period: { from: "2026-09-01", to: "2026-10-31" },
      asOf: "2026-11-05",
    });
    expect(rows.map((r) => [r.policyId, r.from, r.status])).toEqual([
      ["family-call-on-holidays", "2026-09-25", "missed"],
      ["family-call-on-holidays", "2026-10-01", "met"],
      ["family-call-on-weekends-monthly", "2026-09-01", "missed"],
      ["family-call-on-weekends-monthly", "2026-10-01", "met"],
    ]);
  });

  it("wants the letter to parents in a term's first and last two weeks, and the call times once a term", () => {
    const rows = evaluateOccasions({
      policies: [
        OCCASION_PRESETS.letterAtTermStart,
        OCCASION_PRESETS.letterAtTermEnd,
        OCCASION_PRESETS.callTimesToldPerTerm,
      ],
      children: [pupil("a", { cls: "k1" })],
      notices: [
        { id: "n1", kind: "letter-to-parents", date: "2026-09-05", childIds: ["a"] },
        { id: "n2", kind: "letter-to-parents", date: "2026-12-20", childIds: ["a"] }, // too early for the end
        { id: "n3", kind: "call-times", date: "2026-09-05", childIds: ["a"] },
      ],
      calendar,
      period: { from: "2026-09-01", to: "2027-01-31" },
      asOf: "2027-01-31",
    });
    expect(rows.map((r) => [r.policyId, r.from, r.status])).toEqual([
      ["letter-at-term-start", "2026-09-01", "met"],
      ["letter-at-term-end", "2027-01-09", "missed"],
      ["call-times-told-per-term", "2026-09-01", "met"],
    ]);
  });
});

describe("the parents' part (五个一)", () => {
  it("counts a parent's monthly call with the class teacher, not with another teacher", () => {
    const rows = evaluateOccasions({
      policies: [
        OCCASION_PRESETS.parentsContactClassTeacherMonthly,
        OCCASION_PRESETS.parentsContactSubjectTeacherMonthly,
      ],
      children: [pupil("a", { cls: "k1" })],
      mentors: [
        { id: "t1", kind: "class-teacher", name: "陈老师" },
        { id: "t2", kind: "subject-teacher", name: "孙老师" },
      ],
      records: [
        {
          id: "r1",
          kind: "parent-call",
          at: "2026-03-10T20:00:00+08:00",
          childIds: ["a"],
          mentorId: "t1",
          initiator: "parent",
        },
        {
          id: "r2",
          kind: "parent-call",
          at: "2026-03-11T20:00:00+08:00",
          childIds: ["a"],
          mentorId: "t2",
          initiator: "mentor",
        },
      ],
      period: { from: "2026-03-01", to: "2026-03-31" },
      asOf: "2026-04-05",
    });
    expect(rows.map((r) => [r.policyId, r.status, r.eventIds])).toEqual([
      ["parents-contact-class-teacher-monthly", "met", ["r1"]],
      ["parents-contact-subject-teacher-monthly", "missed", []],
    ]);
  });

  it("sees a parent come home from a gap in the away periods", () => {
    const home = pupil("a", {
      away: [
        { from: "2024-01-01", to: "2026-02-10", city: "深圳" },
        { from: "2026-02-25", city: "深圳" },
      ],
    });
    const never = pupil("b");
    const rows = evaluateOccasions({
      policies: [OCCASION_PRESETS.parentsHomeYearly],
      children: [home, never],
      period: { from: "2026-01-01", to: "2026-12-31" },
      asOf: "2027-01-05",
    });
    expect(rows.map((r) => [r.subjectId, r.childId, r.status])).toEqual([
      ["a-f", "a", "met"],
      ["b-f", "b", "missed"],
    ]);
  });
});

describe("validation", () => {
  it("names the field of a contradictory policy or a missing calendar", () => {
    expect(() =>
      defineOccasion({
        id: "x",
        name: { "zh-CN": "空", en: "empty" },
        level: "child",
        window: { type: "month" },
        counts: {},
      }),
    ).toThrow(ValidationError);
    expect(() =>
      defineOccasion({
        id: "x",
        name: { "zh-CN": "班", en: "class" },
        level: "class",
        window: { type: "birthday" },
        counts: { activityKinds: ["other"] },
      }),
    ).toThrow(/window/);
    expect(() =>
      evaluateOccasions({
        policies: [OCCASION_PRESETS.lawLessonWeekly],
        children: [],
        period: { from: "2026-09-01", to: "2026-09-30" },
        asOf: "2026-10-01",
      }),
    ).toThrow(/calendar/);
  });
});

describe("the community mother's duties", () => {
  it("apply to children paired with a caring mother only, counting her own contacts", () => {
    const rows = evaluateOccasions({
      policies: [OCCASION_PRESETS.caringMotherSchoolVisitPerTerm],
      children: [pupil("a", { cls: "k1" }), pupil("b", { cls: "k1" })],
      mentors: [
        { id: "m1", kind: "caring-mother", name: "王妈妈" },
        { id: "t1", kind: "class-teacher", name: "陈老师" },
      ],
      pairings: [
        { id: "p1", childId: "a", mentorId: "m1", role: "volunteer", start: "2026-06-01" },
      ],
      records: [
        {
          id: "r1",
          kind: "talk",
          at: "2026-10-12T16:00:00+08:00",
          childIds: ["a"],
          mentorId: "m1",
        },
        {
          id: "r2",
          kind: "talk",
          at: "2026-10-12T16:00:00+08:00",
          childIds: ["b"],
          mentorId: "t1",
        },
      ],
      calendar,
      period: { from: "2026-09-01", to: "2027-01-22" },
      asOf: "2027-01-30",
    });
    expect(rows.map((r) => [r.subjectId, r.status, r.eventIds])).toEqual([["a", "met", ["r1"]]]);
  });
});
