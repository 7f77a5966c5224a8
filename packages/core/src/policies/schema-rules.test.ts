import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors";
import { definePolicy, POLICY_PRESETS } from "./presets";
import { PolicySetSchema, type PolicyInput } from "./schema";

/**
 * Each consistency rule of a policy at its limit and one past it, with the issue's path, code
 * and English wording.
 */
const base: PolicyInput = {
  id: "p",
  name: { "zh-CN": "测试", en: "test" },
  level: "pairing",
  counts: { contactKinds: ["home-visit"] },
  requirement: { type: "count", min: 1, per: "month" },
};

function issues(over: Record<string, unknown>) {
  try {
    definePolicy({ ...base, ...over } as PolicyInput);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).issues.map((i) => [i.path, i.code, i.message.en]);
  }
  return [];
}
const count = (r: Record<string, unknown>) => ({ requirement: { type: "count", ...r } });
const inDays = (r: Record<string, unknown>) => ({
  counts: { contactKinds: ["home-visit"], unit: "days" },
  ...count(r),
});
const interval = (r: Record<string, unknown>) => ({
  requirement: { type: "interval", everyDays: 7, ...r },
});

describe("policy rules at their limits", () => {
  it("min and max", () => {
    expect(issues(count({ min: 3, max: 3, per: "week" }))).toEqual([]);
    expect(issues(count({ min: 4, max: 3, per: "week" }))).toEqual([
      [
        "requirement.min",
        "policy_min_above_max",
        "requirement.min: min 4 is greater than max 3 (received: 4)",
      ],
    ]);
  });

  it("days, only with per days, and anchor likewise", () => {
    expect(issues(count({ min: 1, per: "days", days: 10, anchor: "2026-01-01" }))).toEqual([]);
    expect(issues(count({ min: 1, per: "days" }))).toEqual([
      [
        "requirement.days",
        "policy_period_length",
        'requirement.days: per "days" needs the number of days (received: undefined)',
      ],
    ]);
    expect(issues(count({ min: 1, per: "week", days: 10 }))).toEqual([
      [
        "requirement.days",
        "policy_period_length",
        'requirement.days: days is only used with per "days", not "week" (received: 10)',
      ],
    ]);
    expect(issues(count({ min: 1, per: "month", anchor: "2026-01-01" }))).toEqual([
      [
        "requirement.anchor",
        "policy_period_length",
        'requirement.anchor: anchor is only used with per "days" (received: "2026-01-01")',
      ],
    ]);
    expect(issues({ ...count({ min: 1, per: "term" }), calendar: "calendar" })).toEqual([
      [
        "calendar",
        "policy_period_length",
        'calendar: per "term" needs calendar: "school" (received: "calendar")',
      ],
    ]);
  });

  it("distinct days no more than the longest bucket", () => {
    expect(issues(inDays({ min: 7, per: "week" }))).toEqual([]);
    expect(issues(inDays({ min: 8, per: "week" }))).toEqual([
      [
        "requirement.min",
        "policy_unmeetable",
        "requirement.min: requires 8 distinct days, but a week bucket has at most 7 (received: 8)",
      ],
    ]);
    expect(issues(inDays({ min: 31, per: "month" }))).toEqual([]);
    expect(issues(inDays({ min: 32, per: "month" }))).toEqual([
      [
        "requirement.min",
        "policy_unmeetable",
        "requirement.min: requires 32 distinct days, but a month bucket has at most 31 (received: 32)",
      ],
    ]);
    expect(issues(inDays({ min: 10, per: "days", days: 10 }))).toEqual([]);
    expect(issues(inDays({ min: 11, per: "days", days: 10 }))).toEqual([
      [
        "requirement.min",
        "policy_unmeetable",
        "requirement.min: requires 11 distinct days, but a days bucket has at most 10 (received: 11)",
      ],
    ]);
    expect(issues(inDays({ min: 366, per: "year" }))).toEqual([]);
    expect(issues(inDays({ min: 367, per: "year" }))).toEqual([
      [
        "requirement.min",
        "policy_unmeetable",
        "requirement.min: requires 367 distinct days, but a year bucket has at most 366 (received: 367)",
      ],
    ]);
    expect(issues({ ...inDays({ min: 367, per: "term" }), calendar: "school" })).toEqual([
      [
        "requirement.min",
        "policy_unmeetable",
        "requirement.min: requires 367 distinct days, but a term bucket has at most 366 (received: 367)",
      ],
    ]);
    expect(issues(count({ min: 8, per: "week" }))).toEqual([]);
  });

  it("interval windows around their due date, no longer than the interval", () => {
    expect(issues(interval({ windowStart: -3, windowEnd: 3 }))).toEqual([]);
    expect(issues(interval({ windowStart: -3, windowEnd: 4 }))).toEqual([
      [
        "requirement.windowEnd",
        "policy_window_overlap",
        "requirement.windowEnd: a window of 8 days is longer than the 7-day interval: windows would overlap (received: 4)",
      ],
    ]);
    expect(issues(interval({ windowStart: 0, windowEnd: 0 }))).toEqual([]);
    expect(issues(interval({ windowStart: 1, windowEnd: 2 }))).toEqual([
      [
        "requirement.windowStart",
        "policy_window_order",
        "requirement.windowStart: the window must contain its due date (windowStart ≤ 0 ≤ windowEnd) (received: 1)",
      ],
    ]);
    expect(issues(interval({ windowStart: -2, windowEnd: -1 }))).toEqual([
      [
        "requirement.windowEnd",
        "policy_window_order",
        "requirement.windowEnd: the window must contain its due date (windowStart ≤ 0 ≤ windowEnd) (received: -1)",
      ],
    ]);
    expect(issues(interval({ windowStart: 1, windowEnd: 0 }))).toEqual([
      [
        "requirement.windowEnd",
        "policy_window_order",
        "requirement.windowEnd: the window ends (0) before it starts (1) (received: 0)",
      ],
    ]);
    expect(
      issues({ ...interval({}), counts: { contactKinds: ["home-visit"], unit: "days" } }),
    ).toEqual([
      [
        "counts.unit",
        "policy_level_mismatch",
        'counts.unit: an interval requirement counts contacts (unit: "contacts") (received: "days")',
      ],
    ]);
  });

  it("selectors and counting that fit the level", () => {
    expect(issues({ counts: { contactKinds: [], activityKinds: [] } })).toEqual([
      [
        "counts.contactKinds",
        "policy_counts_nothing",
        "counts.contactKinds: no contact kind and no activity kind counts (received: array(0))",
      ],
    ]);
    expect(issues({ counts: { contactKinds: [], activityKinds: ["symposium"] } })).toEqual([]);
    expect(issues({ level: "school", selector: { keyCase: true, boarding: false } })).toEqual([
      [
        "selector.keyCase",
        "policy_level_mismatch",
        "selector.keyCase: a school-level policy cannot select on the child's keyCase (received: true)",
      ],
      [
        "selector.boarding",
        "policy_level_mismatch",
        "selector.boarding: a school-level policy cannot select on the child's boarding (received: false)",
      ],
    ]);
    expect(issues({ level: "mentor", selector: { leftBehind: {} } })).toEqual([
      [
        "selector.leftBehind",
        "policy_level_mismatch",
        "selector.leftBehind: a mentor-level policy cannot select on the child's leftBehind (received: object)",
      ],
    ]);
    expect(issues({ level: "child", selector: { mentorKinds: ["counsellor"] } })).toEqual([
      [
        "selector.mentorKinds",
        "policy_level_mismatch",
        "selector.mentorKinds: only pairing- and mentor-level policies select on mentorKinds (received: array(1))",
      ],
    ]);
    expect(issues({ level: "school", selector: { mentorKinds: ["counsellor"] } })).toEqual([
      [
        "selector.mentorKinds",
        "policy_level_mismatch",
        "selector.mentorKinds: only pairing- and mentor-level policies select on mentorKinds (received: array(1))",
      ],
    ]);
    expect(issues({ level: "mentor", selector: { mentorKinds: ["counsellor"] } })).toEqual([]);
    expect(issues({ level: "mentor", selector: { pairingRoles: ["mentor"] } })).toEqual([
      [
        "selector.pairingRoles",
        "policy_level_mismatch",
        "selector.pairingRoles: only pairing-level policies select on pairingRoles (received: array(1))",
      ],
    ]);
    expect(issues({ level: "pairing", selector: { pairingRoles: ["mentor"] } })).toEqual([]);
    const by = (level: string) => ({
      level,
      counts: { contactKinds: ["home-visit"], by: "paired-mentor" },
    });
    expect(issues(by("mentor"))).toEqual([
      [
        "counts.by",
        "policy_level_mismatch",
        'counts.by: by "paired-mentor" only applies to child- and pairing-level policies (received: "paired-mentor")',
      ],
    ]);
    expect(issues(by("child"))).toEqual([]);
    const children = (level: string) => ({
      level,
      counts: { contactKinds: ["home-visit"], unit: "children" },
    });
    expect(issues(children("child"))).toEqual([
      [
        "counts.unit",
        "policy_level_mismatch",
        'counts.unit: unit "children" only applies to mentor- and school-level policies (received: "children")',
      ],
    ]);
    expect(issues(children("pairing"))).toEqual([
      [
        "counts.unit",
        "policy_level_mismatch",
        'counts.unit: unit "children" only applies to mentor- and school-level policies (received: "children")',
      ],
    ]);
    expect(issues(children("mentor"))).toEqual([]);
  });

  it("effective dates and exemptions in order", () => {
    expect(issues({ effectiveFrom: "2026-04-01", effectiveTo: "2026-04-01" })).toEqual([]);
    expect(issues({ effectiveFrom: "2026-04-02", effectiveTo: "2026-04-01" })).toEqual([
      [
        "effectiveTo",
        "date_order",
        'effectiveTo: effectiveTo 2026-04-01 is before effectiveFrom 2026-04-02 (received: "2026-04-01")',
      ],
    ]);
    expect(issues({ effectiveTo: "2026-04-01" })).toEqual([]);
    expect(
      issues({
        exemptions: [
          { from: "2026-04-01", to: "2026-04-01" },
          { from: "2026-04-03", to: "2026-04-02" },
        ],
      }),
    ).toEqual([
      [
        "exemptions[1].to",
        "date_order",
        'exemptions[1].to: exemption end 2026-04-02 is before its start 2026-04-03 (received: "2026-04-02")',
      ],
    ]);
  });

  it("policy ids once in a set", () => {
    const r = PolicySetSchema.safeParse([
      POLICY_PRESETS.highRiskWeekly,
      POLICY_PRESETS.parentsContactWeekly,
      POLICY_PRESETS.highRiskWeekly,
    ]);
    expect(r.error?.issues.map((i) => [i.path, i.message])).toEqual([
      [[2, "id"], expect.stringContaining("policy id risk-high-weekly is used twice")],
    ]);
    expect(PolicySetSchema.safeParse([POLICY_PRESETS.highRiskWeekly]).success).toBe(true);
  });
});
