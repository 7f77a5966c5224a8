import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors";
import { validate } from "../errors/validate";
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
    // `days` given with another period is refused, and not taken as the bucket's length.
    expect(issues(inDays({ min: 11, per: "year", days: 10 }))).toEqual([
      [
        "requirement.days",
        "policy_period_length",
        'requirement.days: days is only used with per "days", not "year" (received: 10)',
      ],
    ]);
    // Without its length a "days" bucket is taken at its longest, 366 days.
    expect(issues(inDays({ min: 366, per: "days" }))).toEqual([
      [
        "requirement.days",
        "policy_period_length",
        'requirement.days: per "days" needs the number of days (received: undefined)',
      ],
    ]);
    expect(issues(inDays({ min: 367, per: "days" }))).toEqual([
      [
        "requirement.days",
        "policy_period_length",
        'requirement.days: per "days" needs the number of days (received: undefined)',
      ],
      [
        "requirement.min",
        "policy_unmeetable",
        "requirement.min: requires 367 distinct days, but a days bucket has at most 366 (received: 367)",
      ],
    ]);
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
    expect(issues(by("school"))).toEqual([
      [
        "counts.by",
        "policy_level_mismatch",
        'counts.by: by "paired-mentor" only applies to child- and pairing-level policies (received: "paired-mentor")',
      ],
    ]);
    expect(issues(by("child"))).toEqual([]);
    expect(issues(by("pairing"))).toEqual([]);
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
    expect.assertions(3);
    try {
      validate(PolicySetSchema, [POLICY_PRESETS.highRiskWeekly, POLICY_PRESETS.highRiskWeekly]);
    } catch (e) {
      expect((e as ValidationError).issues.map((i) => i.message["zh-CN"])).toEqual([
        '字段 [1].id：政策编号 risk-high-weekly 重复（收到："risk-high-weekly"）',
      ]);
    }
  });
});

describe("policy rules in Chinese", () => {
  function zh(over: Record<string, unknown>) {
    try {
      definePolicy({ ...base, ...over } as PolicyInput);
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      return (e as ValidationError).issues.map((i) => i.message["zh-CN"]);
    }
    return expect.unreachable("the policy was accepted");
  }

  it("word every consistency rule for the host's staff", () => {
    expect(zh(count({ min: 4, max: 3, per: "week" }))).toEqual([
      "字段 requirement.min：最少次数 4 大于最多次数 3（收到：4）",
    ]);
    expect(zh(count({ min: 1, per: "days" }))).toEqual([
      "字段 requirement.days：按天数周期计算时须填写 days（收到：undefined）",
    ]);
    expect(zh(count({ min: 1, per: "week", days: 10 }))).toEqual([
      "字段 requirement.days：周期为 week 时不应填写 days（收到：10）",
    ]);
    expect(zh(count({ min: 1, per: "month", anchor: "2026-01-01" }))).toEqual([
      '字段 requirement.anchor：只有按天数周期才使用起算日 anchor（收到："2026-01-01"）',
    ]);
    expect(zh({ ...count({ min: 1, per: "term" }), calendar: "calendar" })).toEqual([
      '字段 calendar：按学期计算须使用校历（calendar: "school"）（收到："calendar"）',
    ]);
    expect(zh(inDays({ min: 8, per: "week" }))).toEqual([
      "字段 requirement.min：要求 8 个不同日期，但一个周期最多只有 7 天（收到：8）",
    ]);
    expect(zh(interval({ windowStart: 1, windowEnd: 0 }))).toEqual([
      "字段 requirement.windowEnd：窗口结束偏移 0 早于开始偏移 1（收到：0）",
    ]);
    expect(zh(interval({ windowStart: 1, windowEnd: 2 }))).toEqual([
      "字段 requirement.windowStart：窗口必须包含应办日期（windowStart ≤ 0 ≤ windowEnd）（收到：1）",
    ]);
    expect(zh(interval({ windowStart: -3, windowEnd: 4 }))).toEqual([
      "字段 requirement.windowEnd：窗口长 8 天，超过间隔 7 天，相邻窗口会重叠（收到：4）",
    ]);
    expect(zh({ ...interval({}), counts: { contactKinds: ["home-visit"], unit: "days" } })).toEqual(
      ['字段 counts.unit：间隔型要求只按次数计算（unit: contacts）（收到："days"）'],
    );
    expect(zh({ counts: { contactKinds: [] } })).toEqual([
      "字段 counts.contactKinds：未指定计入的联系类型或活动类型（收到：array(0)）",
    ]);
    expect(zh({ level: "mentor", selector: { keyCase: true } })).toEqual([
      "字段 selector.keyCase：帮扶人级政策不能按儿童条件 keyCase 筛选（收到：true）",
    ]);
    expect(zh({ level: "school", selector: { keyCase: true } })).toEqual([
      "字段 selector.keyCase：学校级政策不能按儿童条件 keyCase 筛选（收到：true）",
    ]);
    expect(zh({ level: "child", selector: { mentorKinds: ["counsellor"] } })).toEqual([
      "字段 selector.mentorKinds：只有结对级和帮扶人级政策可以按帮扶人类型筛选（收到：array(1)）",
    ]);
    expect(zh({ level: "child", selector: { pairingRoles: ["mentor"] } })).toEqual([
      "字段 selector.pairingRoles：只有结对级政策可以按结对角色筛选（收到：array(1)）",
    ]);
    expect(
      zh({ level: "mentor", counts: { contactKinds: ["talk"], by: "paired-mentor" } }),
    ).toEqual([
      '字段 counts.by："结对帮扶人"条件只适用于儿童级和结对级政策（收到："paired-mentor"）',
    ]);
    expect(zh({ level: "child", counts: { contactKinds: ["talk"], unit: "children" } })).toEqual([
      '字段 counts.unit：按儿童人数计算只适用于帮扶人级和学校级政策（收到："children"）',
    ]);
    expect(zh({ effectiveFrom: "2026-04-02", effectiveTo: "2026-04-01" })).toEqual([
      '字段 effectiveTo：生效截止日 2026-04-01 早于生效日 2026-04-02（收到："2026-04-01"）',
    ]);
    expect(zh({ exemptions: [{ from: "2026-04-03", to: "2026-04-02" }] })).toEqual([
      '字段 exemptions[0].to：豁免期结束日 2026-04-02 早于开始日 2026-04-03（收到："2026-04-02"）',
    ]);
  });

  it("name the policy as the subject of the error", () => {
    expect.assertions(2);
    try {
      definePolicy({ ...base, ...count({ min: 4, max: 3, per: "week" }) } as PolicyInput);
    } catch (e) {
      expect((e as ValidationError).messages["zh-CN"]).toMatch(/^走访频次政策校验失败（1 处）：/);
      expect((e as ValidationError).messages.en).toMatch(
        /^Invalid visit-frequency policy \(1 issue\): /,
      );
    }
  });
});
