import fc from "fast-check";
import { definePolicy } from "./presets";
import type { ChildFileInput, ContactRecordInput, MentorInput, Pairing } from "../model";

/** A small synthetic county: three children, two mentors, three pairings (no real people). */
export function scenario() {
  const children: ChildFileInput[] = [
    {
      id: "c1",
      child: {
        name: "王小明",
        gender: "male",
        birthDate: "2015-03-02",
        regionCode: "430102001001",
        schoolId: "s1",
        classId: "k1",
        grade: 5,
      },
      livingArrangement: "grandparents",
      riskLevel: "high",
      parents: [
        {
          id: "p-f1",
          role: "father",
          name: "王大山",
          awayPeriods: [{ from: "2024-02-20", city: "深圳" }],
        },
        {
          id: "p-m1",
          role: "mother",
          name: "李小红",
          awayPeriods: [{ from: "2024-02-20", city: "深圳" }],
        },
      ],
    },
    {
      id: "c2",
      child: {
        name: "张小花",
        gender: "female",
        birthDate: "2014-07-09",
        regionCode: "430102002003",
        schoolId: "s1",
        classId: "k2",
        grade: 6,
      },
      livingArrangement: "relatives",
      riskLevel: "medium",
      parents: [
        {
          id: "p-m2",
          role: "mother",
          name: "赵芳",
          awayPeriods: [{ from: "2025-01-01", city: "东莞" }],
        },
      ],
    },
    {
      id: "c3",
      child: {
        name: "刘小军",
        gender: "male",
        birthDate: "2016-01-15",
        regionCode: "430103001001",
        schoolId: "s2",
        classId: "k3",
        grade: 4,
      },
      livingArrangement: "parent",
      riskLevel: "low",
      parents: [{ id: "p-f3", role: "father", name: "刘强" }],
    },
  ];
  const mentors: MentorInput[] = [
    { id: "m1", kind: "class-teacher", name: "陈老师", schoolId: "s1", classIds: ["k1"] },
    { id: "m2", kind: "counsellor", name: "周阿姨" },
    { id: "m3", kind: "subject-teacher", name: "孙老师", schoolId: "s2", classIds: ["k3"] },
  ];
  const pairings: Pairing[] = [
    { id: "p1", childId: "c1", mentorId: "m1", role: "mentor", start: "2026-01-01" },
    { id: "p2", childId: "c2", mentorId: "m1", role: "surrogate-parent", start: "2026-03-20" },
    { id: "p3", childId: "c1", mentorId: "m2", role: "counsellor", start: "2026-01-01" },
  ];
  const records: ContactRecordInput[] = [
    {
      id: "r1",
      kind: "home-visit",
      at: "2026-03-05T10:00:00+08:00",
      childIds: ["c1"],
      mentorId: "m1",
    },
    // 01:00 Beijing time on 1 April is still 31 March in UTC: counts for April.
    { id: "r2", kind: "home-visit", at: "2026-03-31T17:00:00Z", childIds: ["c1"], mentorId: "m1" },
    {
      id: "r3",
      kind: "home-visit",
      at: "2026-03-10T09:00:00+08:00",
      childIds: ["c1"],
      mentorId: "m2",
    },
    {
      id: "r4",
      kind: "home-visit",
      at: "2026-03-10T15:00:00+08:00",
      childIds: ["c1"],
      mentorId: "m2",
    },
    {
      id: "r5",
      kind: "talk",
      at: "2026-03-03T12:00:00+08:00",
      childIds: ["c1", "c2"],
      mentorId: "m1",
    },
  ];
  return { children, mentors, pairings, records };
}

/**
 * A pairing-level monthly home visit by the paired mentor: the engine's pairing mechanics
 * (proration at a pairing's start and end, grace, paired-mentor counting) are tested with it.
 */
export const PAIRING_HOME_VISIT = definePolicy({
  id: "home-visit-monthly",
  name: { "zh-CN": "帮扶教师每月家访一次", en: "Teacher mentor visits the home monthly" },
  level: "pairing",
  selector: { mentorKinds: ["class-teacher", "subject-teacher"] },
  counts: { contactKinds: ["home-visit"], by: "paired-mentor" },
  requirement: { type: "count", min: 1, per: "month" },
  graceDays: 3,
});

/** Rewrites every id of a value with a county prefix, and its region codes into county `k`. */
export function inCounty<T>(value: T, k: number): T {
  const json = JSON.stringify(value)
    .replace(/"(c|m|p|r|s|k|g)(\d+)"/g, `"${k}-$1$2"`)
    .replace(/"4301(0[23])/g, `"43${String(10 + k)}$1`);
  return JSON.parse(json) as T;
}

/** Every month, one talk with each child (child level, 5 days of grace). */
export const TALK_MONTHLY = definePolicy({
  id: "talk-monthly",
  name: { "zh-CN": "每月谈心", en: "Monthly talk" },
  level: "child",
  counts: { contactKinds: ["talk"] },
  requirement: { type: "count", min: 1, per: "month" },
  graceDays: 5,
});

/** Every month, two talks by each mentor (mentor level). */
export const MENTOR_TWICE = definePolicy({
  id: "mentor-twice",
  name: { "zh-CN": "帮扶人每月两次", en: "Mentor twice a month" },
  level: "mentor",
  counts: { contactKinds: ["talk"] },
  requirement: { type: "count", min: 2, per: "month" },
});

/** Every month, a mental-health lesson at each school (school level, counted in days). */
export const LESSON_MONTHLY = definePolicy({
  id: "lesson-monthly",
  name: { "zh-CN": "每月一节心理健康课", en: "A mental-health lesson a month" },
  level: "school",
  counts: { activityKinds: ["mental-health-lesson"], unit: "days" },
  requirement: { type: "count", min: 1, per: "month" },
});

/**
 * Random contact records of the scenario (ids `g0`, `g1`, …): each of one of `kinds`, at a
 * random minute of `days` days from `from`, naming some of `children`, by one of `mentors`
 * (or none, when `mentors` holds `undefined`), started by the mentor, a parent or the school.
 */
export function contactRecordsArb(o: {
  kinds: readonly ContactRecordInput["kind"][];
  children: readonly string[];
  mentors: readonly (string | undefined)[];
  from: number;
  days: number;
  minLength?: number;
  maxLength: number;
}): fc.Arbitrary<ContactRecordInput[]> {
  const record = fc.record({
    kind: fc.constantFrom(...o.kinds),
    minute: fc.integer({ min: 0, max: o.days * 24 * 60 }),
    children: fc.subarray([...o.children], { minLength: 1 }),
    mentorId: fc.constantFrom(...o.mentors),
    initiator: fc.constantFrom("mentor", "parent", "school") as fc.Arbitrary<
      "mentor" | "parent" | "school"
    >,
  });
  return fc.array(record, { minLength: o.minLength ?? 0, maxLength: o.maxLength }).map((rs) =>
    rs.map((r, i): ContactRecordInput => ({
      id: `g${i}`,
      kind: r.kind,
      at: new Date(o.from + r.minute * 60_000).toISOString(),
      childIds: r.children,
      ...(r.mentorId ? { mentorId: r.mentorId } : {}),
      initiator: r.initiator,
    })),
  );
}
