import { describe, expect, it } from "vitest";
import { evaluateCompliance } from "./evaluate";
import { definePolicy } from "./presets";
import { LESSON_MONTHLY, MENTOR_TWICE, PAIRING_HOME_VISIT, scenario } from "./scenario.test-helper";

/**
 * The rows a report builds: the ids each level carries, record ids by day then id, the range
 * of `row(i)`, the filters of `rows()`, `counts()` for all policies and for one, and `toJSON()`.
 */
const talkMonthly = definePolicy({
  id: "talk-monthly",
  name: { "zh-CN": "每月谈心", en: "Monthly talk" },
  level: "child",
  counts: { contactKinds: ["talk", "home-visit"] },
  requirement: { type: "count", min: 1, per: "month" },
  graceDays: 5,
});

/** March, asOf 3 April; c1 also talks with m2 at 20:00 on 10 March and 08:00 on 3 March. */
function report() {
  const s = scenario();
  s.records.push(
    { id: "r0", kind: "talk", at: "2026-03-10T20:00:00+08:00", childIds: ["c1"], mentorId: "m2" },
    { id: "r6", kind: "talk", at: "2026-03-03T08:00:00+08:00", childIds: ["c1"], mentorId: "m2" },
  );
  return evaluateCompliance({
    ...s,
    policies: [talkMonthly, PAIRING_HOME_VISIT, MENTOR_TWICE, LESSON_MONTHLY],
    period: { from: "2026-03-01", to: "2026-03-31" },
    asOf: "2026-04-03",
  });
}

describe("ComplianceReport rows", () => {
  it("carry the child, mentor and school of each level, and record ids by day then id", () => {
    const ids = [...report()].map((r) => [
      r.subjectId,
      "childId" in r ? r.childId : "-",
      "mentorId" in r ? r.mentorId : "-",
      "schoolId" in r ? r.schoolId : "-",
      r.recordIds,
      r.status,
    ]);
    expect(ids).toEqual([
      // 3 March: r5 (12:00) before r6 (08:00), by id; 5 March: r1; 10 March: r0, r3, r4.
      ["c1", "c1", "-", "s1", ["r5", "r6", "r1", "r0", "r3", "r4"], "met"],
      ["c2", "c2", "-", "s1", ["r5"], "met"],
      ["c3", "c3", "-", "s2", [], "overdue"],
      ["p1", "c1", "m1", "s1", ["r1"], "met"],
      ["p2", "c2", "m1", "s1", [], "exempt"],
      ["m1", "-", "m1", "s1", ["r5"], "missed"],
      ["m2", "-", "m2", "-", ["r6", "r0"], "met"], // a mentor without a school
      ["m3", "-", "m3", "s2", [], "missed"],
      ["s1", "-", "-", "s1", [], "missed"],
      ["s2", "-", "-", "s2", [], "missed"],
    ]);
    const r = report();
    expect(r.row(5)).toMatchObject({
      policyId: "mentor-twice",
      policyName: { "zh-CN": "帮扶人每月两次", en: "Mentor twice a month" },
      level: "mentor",
      from: "2026-03-01",
      to: "2026-03-31",
      due: "2026-03-31",
      closesOn: "2026-03-31",
      required: 2,
      done: 1,
    });
    expect(r.row(0).closesOn).toBe("2026-04-05"); // 5 grace days
  });

  it("are numbered 0 to length − 1", () => {
    const r = report();
    expect(r.length).toBe(10);
    expect(r.row(9).subjectId).toBe("s2");
    expect(() => r.row(10)).toThrow(new RangeError("row 10 is out of range 0..9"));
    expect(() => r.row(-1)).toThrow(new RangeError("row -1 is out of range 0..9"));
    expect(r.statusOf(2)).toBe("overdue");
  });

  it("are filtered by status, policy and subject", () => {
    const r = report();
    const ids = (filter: Parameters<typeof r.rows>[0]) =>
      [...r.rows(filter)].map((x) => x.subjectId);
    expect(ids({})).toHaveLength(10);
    expect(ids({ status: "missed" })).toEqual(["m1", "m3", "s1", "s2"]);
    expect(ids({ status: ["met", "exempt"] })).toEqual(["c1", "c2", "p1", "p2", "m2"]);
    expect(ids({ policyId: "mentor-twice" })).toEqual(["m1", "m2", "m3"]);
    expect(ids({ policyId: "mentor-twice", status: "met" })).toEqual(["m2"]);
    expect(ids({ subjectId: "c1" })).toEqual(["c1"]);
    expect(ids({ subjectId: "s1", status: "met" })).toEqual([]);
  });

  it("are counted per status, for all policies or one", () => {
    const r = report();
    expect(r.counts()).toEqual({
      met: 4,
      missed: 4,
      due: 0,
      overdue: 1,
      upcoming: 0,
      exempt: 1,
      "not-applicable": 0,
    });
    expect(r.counts("talk-monthly")).toEqual({
      met: 2,
      missed: 0,
      due: 0,
      overdue: 1,
      upcoming: 0,
      exempt: 0,
      "not-applicable": 0,
    });
    expect(r.counts("mentor-twice")).toMatchObject({ met: 1, missed: 2, overdue: 0 });
    // A policy the report does not hold has no rows, like `rows({ policyId })`.
    expect(Object.values(r.counts("no-such-policy"))).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect([...r.rows({ policyId: "no-such-policy" })]).toEqual([]);
  });

  it("are all in toJSON, with the period and findings", () => {
    const r = report();
    const json = r.toJSON();
    expect(json.asOf).toBe("2026-04-03");
    expect(json.timeZone).toBe("Asia/Shanghai");
    expect(json.period).toEqual({ from: "2026-03-01", to: "2026-03-31" });
    expect(json.period).not.toBe(r.period);
    expect(json.findings).toBe(r.findings);
    expect(json.rows).toEqual([...r]);
  });
});
