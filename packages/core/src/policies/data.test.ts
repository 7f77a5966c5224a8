import { describe, expect, it } from "vitest";
import { thrown } from "../_lib/throws.test-helper";
import { ValidationError } from "../errors";
import { MentorSchema, PairingSchema, type ContactRecordInput } from "../model";
import { dayNumber } from "../time/calendar-date";
import { dayOfInstant, PolicyFindingCode, prepareComplianceData } from "./data";
import { evaluateCompliance } from "./evaluate";
import { definePolicy } from "./presets";
import { scenario, TALK_MONTHLY } from "./scenario.test-helper";

/**
 * What `prepareComplianceData` keeps besides the rows: the school ids in their documented
 * order, the findings about unknown children and mentors (entries and records counted, ids
 * distinct), the cap on reported record issues, and days of instants in Beijing before 1992
 * (when China still had summer time) and after.
 */
describe("prepareComplianceData", () => {
  it("lists given schools first, then the ids only children and mentors name, sorted", () => {
    const s = scenario();
    s.children[2]!.child.schoolId = "s9";
    const d = prepareComplianceData({
      ...s,
      mentors: [...s.mentors, { id: "m4", kind: "counsellor", name: "吴老师", schoolId: "s0" }],
      schools: [{ id: "s2", name: "第二小学", stage: "primary", regionCode: "430105002000" }],
    });
    // s2 given; s1 (c1, c2, m1), s9 (c3) and s0 (m4) named; s2 named by m3 is not repeated.
    expect(d.schoolIds).toEqual(["s2", "s0", "s1", "s9"]);
    expect(d.schools.map((x) => x.id)).toEqual(["s2"]);
  });

  it("counts every entry naming an unknown child and every record naming an unknown mentor", () => {
    const s = scenario();
    const extra: ContactRecordInput[] = [
      {
        id: "r9",
        kind: "talk",
        at: "2026-03-09T10:00:00+08:00",
        childIds: ["x1", "c1", "x2"],
        mentorId: "ghost",
      },
      { id: "r8", kind: "talk", at: "2026-03-09T10:00:00+08:00", childIds: ["x1"], mentorId: "m9" },
      // No mentor at all: no unknown mentor either.
      { id: "r7", kind: "talk", at: "2026-03-09T11:00:00+08:00", childIds: ["c2"] },
    ];
    const d = prepareComplianceData({ ...s, records: [...s.records, ...extra] });
    expect(d.findings.map((f) => [f.code, f.count, f.ids, f.path, f.message.en])).toEqual([
      [
        PolicyFindingCode.UNKNOWN_CHILD,
        3,
        ["r8", "r9"],
        "records[].childIds",
        "3 record entries name a child not in children; they count for no child",
      ],
      [
        PolicyFindingCode.UNKNOWN_MENTOR,
        2,
        ["r8", "r9"],
        "records[].mentorId",
        "2 records name a mentor not in mentors; they count for no mentor or pairing requirement",
      ],
    ]);
    expect(prepareComplianceData(s).findings).toEqual([]);
  });

  it("reports the first 100 record issues and counts them all", () => {
    const bad = Array.from({ length: 120 }, (_, i) => ({ id: `b${i}`, kind: "talk" }));
    const failure = () => {
      try {
        prepareComplianceData({ ...scenario(), records: bad as never });
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        return e as ValidationError;
      }
      return expect.unreachable("accepted");
    };
    const e = failure();
    // Two issues a record (no `at`, no `childIds`): 240 in all, 100 listed.
    expect(e.issues).toHaveLength(100);
    expect(e.issues[99]!.path).toBe("records[49].childIds");
    expect(e.messages.en.slice(0, 43)).toBe("Invalid contact records (240 issues in all)");
  });

  it("reads instants in Beijing time, with the summer time of 1986–1991", () => {
    // 15:30 UTC on 1 July 1991 was 00:30 on 2 July in Beijing (UTC+9 that summer).
    const summer = Date.parse("1991-07-01T15:30:00Z");
    expect(dayOfInstant(summer, "Asia/Shanghai")).toBe(dayNumber("1991-07-02"));
    expect(dayOfInstant(summer, "UTC")).toBe(dayNumber("1991-07-01"));
    expect(dayOfInstant(summer, "Etc/UTC")).toBe(dayNumber("1991-07-01"));
    // From 1992 on, UTC+8 all year: 16:00 UTC is midnight.
    const later = Date.parse("2026-03-31T16:00:00Z");
    expect(dayOfInstant(later - 1, "Asia/Shanghai")).toBe(dayNumber("2026-03-31"));
    expect(dayOfInstant(later, "Asia/Shanghai")).toBe(dayNumber("2026-04-01"));
    expect(dayOfInstant(later, "Asia/Tokyo")).toBe(dayNumber("2026-04-01"));
    expect(dayOfInstant(later - 3_600_001, "Asia/Tokyo")).toBe(dayNumber("2026-03-31"));
  });
});

/** The error `prepareComplianceData` throws for `input`, with its issues and both texts. */
function refusal(input: Parameters<typeof prepareComplianceData>[0]) {
  const e = thrown(() => prepareComplianceData(input));
  expect(e).toBeInstanceOf(ValidationError);
  const { issues, messages } = e as ValidationError;
  return { issues, messages };
}

describe("prepareComplianceData: what it refuses", () => {
  it("names a pairing's unknown child and mentor, in both languages", () => {
    const s = scenario();
    const stray = { id: "p9", childId: "cx", mentorId: "mx", role: "mentor", start: "2026-01-01" };
    expect(refusal({ ...s, pairings: [...s.pairings, stray as never] })).toEqual({
      issues: [
        {
          path: "pairings[3].childId",
          code: "unknown_id",
          received: '"cx"',
          message: {
            "zh-CN": "字段 pairings[3].childId：儿童 cx 不在 children 中",
            en: "pairings[3].childId: child cx is not in children",
          },
        },
        {
          path: "pairings[3].mentorId",
          code: "unknown_id",
          received: '"mx"',
          message: {
            "zh-CN": "字段 pairings[3].mentorId：帮扶人 mx 不在 mentors 中",
            en: "pairings[3].mentorId: mentor mx is not in mentors",
          },
        },
      ],
      messages: {
        "zh-CN":
          "达标评估数据校验失败（2 处）：字段 pairings[3].childId：儿童 cx 不在 children 中；字段 pairings[3].mentorId：帮扶人 mx 不在 mentors 中",
        en: "Invalid compliance data (2 issues): pairings[3].childId: child cx is not in children; pairings[3].mentorId: mentor mx is not in mentors",
      },
    });
    // Only the known one of the two is refused.
    const half = refusal({ ...s, pairings: [{ ...stray, childId: "c1" } as never] });
    expect(half.issues.map((i) => i.path)).toEqual(["pairings[0].mentorId"]);
  });

  it("names a repeated id in every list by its noun, under one subject", () => {
    const s = scenario();
    const school = { id: "s7", name: "第七小学", stage: "primary", regionCode: "430105002000" };
    const lesson = {
      id: "a1",
      kind: "symposium",
      title: "座谈会",
      date: "2026-03-06",
      childIds: [],
      mentorIds: [],
    };
    const { issues, messages } = refusal({
      ...s,
      children: [s.children[0]!, s.children[0]!],
      mentors: [s.mentors[0]!, s.mentors[0]!],
      pairings: [s.pairings[0]!, s.pairings[0]!],
      activities: [lesson, lesson] as never,
      schools: [school, school] as never,
    });
    expect(issues.map((i) => [i.path, i.code, i.message["zh-CN"], i.message.en])).toEqual([
      [
        "children[1].id",
        "duplicate_id",
        "字段 children[1].id：儿童编号 c1 重复（已见于 children[0]）",
        "children[1].id: child id c1 is listed twice (first at children[0])",
      ],
      [
        "mentors[1].id",
        "duplicate_id",
        "字段 mentors[1].id：帮扶人编号 m1 重复（已见于 mentors[0]）",
        "mentors[1].id: mentor id m1 is listed twice (first at mentors[0])",
      ],
      [
        "pairings[1].id",
        "duplicate_id",
        "字段 pairings[1].id：结对编号 p1 重复（已见于 pairings[0]）",
        "pairings[1].id: pairing id p1 is listed twice (first at pairings[0])",
      ],
      [
        "activities[1].id",
        "duplicate_id",
        "字段 activities[1].id：活动编号 a1 重复（已见于 activities[0]）",
        "activities[1].id: activity id a1 is listed twice (first at activities[0])",
      ],
      [
        "schools[1].id",
        "duplicate_id",
        "字段 schools[1].id：学校编号 s7 重复（已见于 schools[0]）",
        "schools[1].id: school id s7 is listed twice (first at schools[0])",
      ],
    ]);
    expect(messages["zh-CN"]).toMatch(/^达标评估数据校验失败（5 处）：/);
    expect(messages.en).toMatch(/^Invalid compliance data \(5 issues\): /);
  });

  it("refuses malformed lists before it checks the pairings against them", () => {
    const s = scenario();
    // The pairings name c1, which is valid, but the list of children is refused as a whole.
    const { issues } = refusal({ ...s, children: [s.children[0]!, s.children[0]!] });
    expect(issues.map((i) => i.path)).toEqual(["children[1].id"]);
  });

  it("names a repeated record id, and counts one issue or more in words", () => {
    const s = scenario();
    const one = refusal({ ...s, records: [...s.records, s.records[0]!] });
    expect(one).toEqual({
      issues: [
        {
          path: "records[5].id",
          code: "duplicate_id",
          received: '"r1"',
          message: {
            "zh-CN": "字段 records[5].id：编号 r1 重复",
            en: "records[5].id: id r1 is used twice",
          },
        },
      ],
      messages: {
        "zh-CN": "走访记录（共 1 处问题）校验失败（1 处）：字段 records[5].id：编号 r1 重复",
        en: "Invalid contact records (1 issue in all) (1 issue): records[5].id: id r1 is used twice",
      },
    });
    const two = refusal({ ...s, records: [...s.records, s.records[0]!, s.records[1]!] });
    expect(two.issues.map((i) => i.path)).toEqual(["records[5].id", "records[6].id"]);
    expect(two.messages["zh-CN"]).toMatch(/^走访记录（共 2 处问题）校验失败（2 处）：/);
    expect(two.messages.en).toMatch(/^Invalid contact records \(2 issues in all\) \(2 issues\): /);
  });

  it("lists repeated ids and malformed records in input order, a record's issues whole", () => {
    const s = scenario();
    const [r1, r2] = [s.records[0]!, s.records[1]!];
    const bad = {
      ...r1,
      id: "bad",
      kind: "no-such-kind",
      at: "2026-02-30T10:00:00+08:00",
    } as unknown as typeof r1;
    // A stream: positions 1 and 3 fail the schema; 2 and 5 repeat ids of kept records.
    const { issues, messages } = refusal({
      ...s,
      records: (function* () {
        yield* [r1, bad, r1, bad, r2, r2];
      })(),
    });
    expect(issues.map((i) => i.path)).toEqual([
      "records[1].kind",
      "records[1].at",
      "records[2].id",
      "records[3].kind",
      "records[3].at",
      "records[5].id",
    ]);
    expect(messages.en).toMatch(/^Invalid contact records \(6 issues in all\)/);
    // Past 100 issues, nothing more is listed, but every one is counted.
    const many = refusal({
      ...s,
      records: [r1, ...Array.from({ length: 150 }, (_, k) => (k === 120 ? bad : r1))],
    });
    expect(many.issues).toHaveLength(100);
    expect(many.issues.at(-1)!.path).toBe("records[100].id");
    expect(many.messages.en).toMatch(/^Invalid contact records \(151 issues in all\)/);
  });

  it("checks the calendar under its own subject and path", () => {
    const { issues, messages } = refusal({ ...scenario(), calendar: { id: "x" } as never });
    expect(issues.map((i) => i.path)).toEqual(["calendar.name", "calendar.terms"]);
    expect(messages["zh-CN"]).toMatch(/^校历校验失败（2 处）：/);
    expect(messages.en).toMatch(/^Invalid school calendar \(2 issues\): /);
  });
});

describe("prepareComplianceData: the schools of each record and activity", () => {
  const talks = definePolicy({
    id: "school-talks",
    name: { "zh-CN": "学校谈心", en: "Talks at a school" },
    level: "school",
    counts: { contactKinds: ["talk"], activityKinds: ["symposium"] },
    requirement: { type: "count", min: 1, per: "month" },
  });

  it("counts an event once for each school of its children, mentors and own school", () => {
    const s = scenario();
    // c4 goes to no school (or none the data names).
    const { schoolId: _none, ...noSchool } = s.children[2]!.child;
    const c4 = { ...s.children[2]!, id: "c4", child: noSchool };
    const report = evaluateCompliance({
      ...s,
      children: [...s.children, c4],
      schools: [{ id: "s9", name: "第九小学", stage: "primary", regionCode: "430105002000" }],
      records: [
        // Given out of day order. m2 has no school, and the child is unknown: no school at all.
        {
          id: "r7",
          kind: "talk",
          at: "2026-03-05T12:00:00+08:00",
          childIds: ["ghost"],
          mentorId: "m2",
        },
        // m1 of s1 with c3 of s2.
        {
          id: "r6",
          kind: "talk",
          at: "2026-03-04T12:00:00+08:00",
          childIds: ["c3"],
          mentorId: "m1",
        },
        // Neither c4 nor m2 has a school.
        {
          id: "r8",
          kind: "talk",
          at: "2026-03-05T12:00:00+08:00",
          childIds: ["c4"],
          mentorId: "m2",
        },
        // c1, c2 and m1 are all of s1: r5 counts once for it.
        {
          id: "r5",
          kind: "talk",
          at: "2026-03-03T12:00:00+08:00",
          childIds: ["c1", "c2"],
          mentorId: "m1",
        },
      ],
      activities: [
        // Held at s9, naming nobody the data knows.
        {
          id: "a1",
          kind: "symposium",
          title: "座谈会",
          date: "2026-03-06",
          schoolId: "s9",
          childIds: ["ghost"],
          mentorIds: ["nobody"],
        },
        // No school of its own: c3's school, s2 (m2 has none).
        {
          id: "a2",
          kind: "symposium",
          title: "座谈会",
          date: "2026-03-02",
          childIds: ["c3"],
          mentorIds: ["m2"],
        },
        // A school nobody knows adds none.
        {
          id: "a3",
          kind: "symposium",
          title: "座谈会",
          date: "2026-03-08",
          schoolId: "s0",
          childIds: [],
          mentorIds: ["m1"],
        },
      ],
      policies: [talks],
      period: { from: "2026-03-01", to: "2026-03-31" },
      asOf: "2026-04-10",
    });
    expect(report.toJSON().rows.map((r) => [r.subjectId, r.done, r.recordIds])).toEqual([
      ["s9", 1, ["a1"]],
      ["s1", 3, ["r5", "r6", "a3"]],
      ["s2", 2, ["a2", "r6"]],
    ]);
    // Unknown children of an activity are not findings: only records' are.
    expect(report.findings.map((f) => [f.code, f.count, f.ids])).toEqual([
      [PolicyFindingCode.UNKNOWN_CHILD, 1, ["r7"]],
    ]);
  });
});

describe("prepareComplianceData: findings and limits", () => {
  it("names the 20 smallest ids of records naming unknown children and mentors, in both languages", () => {
    const s = scenario();
    // 25 records, given from the largest id down; each names one unknown child and mentor.
    const strays: ContactRecordInput[] = Array.from({ length: 25 }, (_, i) => ({
      id: `x${String(25 - i).padStart(2, "0")}`,
      kind: "talk",
      at: "2026-03-09T10:00:00+08:00",
      childIds: ["ghost"],
      mentorId: "nobody",
    }));
    const d = prepareComplianceData({ ...s, records: [...s.records, ...strays] });
    const first20 = Array.from({ length: 20 }, (_, i) => `x${String(i + 1).padStart(2, "0")}`);
    expect(d.findings.map((f) => [f.code, f.count, f.ids, f.message["zh-CN"]])).toEqual([
      [
        PolicyFindingCode.UNKNOWN_CHILD,
        25,
        first20,
        "25 处记录中的儿童不在 children 中，这些记录对该儿童不计",
      ],
      [
        PolicyFindingCode.UNKNOWN_MENTOR,
        25,
        first20,
        "25 条记录的帮扶人不在 mentors 中，这些记录不计入帮扶人和结对要求",
      ],
    ]);
  });

  it("lists at most 100 record issues, repeated ids included", () => {
    const s = scenario();
    // 49 records with two issues each (98), then three repeats of r1: 101 issues, 100 listed.
    const bad = Array.from({ length: 49 }, (_, i) => ({ id: `b${i}`, kind: "talk" }));
    const r1 = s.records[0]!;
    const { issues, messages } = refusal({
      ...s,
      records: [...s.records, ...(bad as never[]), r1, r1, r1],
    });
    expect(issues).toHaveLength(100);
    expect(issues.slice(97).map((i) => i.path)).toEqual([
      "records[53].childIds",
      "records[54].id",
      "records[55].id",
    ]);
    expect(messages.en).toMatch(/^Invalid contact records \(101 issues in all\) \(100 issues\)/);
  });

  it("refuses a missing input and an unknown zone by name", () => {
    expect(refusal(null as never).issues.map((i) => [i.path, i.code])).toEqual([
      ["input", "invalid_type"],
    ]);
    expect(
      refusal({ ...scenario(), timeZone: "Mars/Base" as never }).issues.map((i) => [
        i.path,
        i.code,
      ]),
    ).toEqual([["timeZone", "time_zone"]]);
  });

  it("orders records by day across 1970 (negative day numbers)", () => {
    const s = scenario();
    const talk = (id: string, at: string): ContactRecordInput => ({
      id,
      kind: "talk",
      at,
      childIds: ["c1"],
    });
    const report = evaluateCompliance({
      ...s,
      // Out of day order, the latest (31 March) in the middle and one from 1969 last.
      records: [
        talk("t2", "2026-03-03T10:00:00+08:00"),
        talk("t3", "2026-03-31T10:00:00+08:00"),
        talk("t0", "1969-12-31T10:00:00+08:00"),
      ],
      policies: [TALK_MONTHLY],
      period: { from: "2026-03-01", to: "2026-03-31" },
      asOf: "2026-04-10",
    });
    const c1 = report.toJSON().rows.find((r) => r.subjectId === "c1");
    expect([c1?.done, c1?.recordIds]).toEqual([2, ["t2", "t3"]]);
  });

  it("reads records from any iterable as from an array (a generator)", () => {
    const s = scenario();
    function* streamed() {
      yield* s.records;
    }
    const fromArray = prepareComplianceData(s);
    const fromGenerator = prepareComplianceData({ ...s, records: streamed() });
    expect(fromGenerator.events).toEqual(fromArray.events);
    expect(fromGenerator.events.n).toBe(s.records.length);
  });

  it("reads every record whatever expectedRecords says, and refuses a count that is not one", () => {
    const s = scenario();
    function* streamed() {
      yield* s.records;
    }
    const fromArray = prepareComplianceData(s);
    // Right, too low and too high: only the columns' first size changes, never the data.
    for (const expectedRecords of [s.records.length, 0, 1, 3, 10_000, 2 ** 40]) {
      const data = prepareComplianceData({ ...s, records: streamed(), expectedRecords });
      expect(data.events).toEqual(fromArray.events);
    }
    for (const bad of [-1, 1.5, Number.NaN, "12", Infinity]) {
      const { issues } = refusal({ ...s, expectedRecords: bad as never });
      expect(issues.map((i) => i.path)).toEqual(["expectedRecords"]);
    }
  });

  it("counts a record with fields it does not know, read through the full schema", () => {
    const s = scenario();
    // An extra column (as a database row may carry) is dropped, by the record reader as by the schema.
    const r5 = { ...s.records[4]!, createdBy: "import" } as ContactRecordInput;
    const report = evaluateCompliance({
      ...s,
      records: [r5],
      policies: [TALK_MONTHLY],
      period: { from: "2026-03-01", to: "2026-03-31" },
      asOf: "2026-04-10",
    });
    expect(report.toJSON().rows.map((r) => [r.subjectId, r.done, r.recordIds])).toEqual([
      ["c1", 1, ["r5"]],
      ["c2", 1, ["r5"]],
      ["c3", 0, []],
    ]);
  });

  it("keeps mentors and pairings exactly as their schemas output them, in shape or not", () => {
    const s = scenario();
    const extra = { ...s.mentors[0]!, note: "a column the schema drops" };
    const mentors = [extra, ...s.mentors.slice(1)];
    // An optional field given as undefined is kept as the schema keeps it.
    const pairings = s.pairings.map((p, i) => (i === 0 ? { ...p, end: undefined } : p));
    const data = prepareComplianceData({ ...s, mentors, pairings });
    expect(data.mentors).toStrictEqual(mentors.map((m) => MentorSchema.parse(m)));
    expect(data.pairings).toStrictEqual(pairings.map((p) => PairingSchema.parse(p)));
    expect(data.mentors[0]).not.toBe(extra);
  });
});
