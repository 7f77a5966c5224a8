import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors";
import type { ContactRecordInput } from "../model";
import { dayNumber } from "../time/calendar-date";
import { dayOfInstant, PolicyFindingCode, prepareComplianceData } from "./data";
import { scenario } from "./scenario.test-helper";

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
