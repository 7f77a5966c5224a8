import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors";
import { ALL_PRESETS, definePolicy, POLICY_PRESETS } from "./presets";
import { PolicyIssueCode, PolicySchema, type PolicyInput } from "./schema";

const base: PolicyInput = {
  id: "p",
  name: { "zh-CN": "测试", en: "test" },
  level: "pairing",
  counts: { contactKinds: ["home-visit"] },
  requirement: { type: "count", min: 1, per: "month" },
};

function issuesOf(input: unknown) {
  try {
    definePolicy(input as PolicyInput);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).issues;
  }
  throw new Error("expected a ValidationError");
}

describe("policy presets", () => {
  it("each carry a Chinese source", () => {
    expect(Object.keys(POLICY_PRESETS)).toHaveLength(12);
    for (const p of Object.values(POLICY_PRESETS)) {
      expect(p.source?.wording).toMatch(/[\u4e00-\u9fff]/);
      expect(p.source?.document.length).toBeGreaterThan(5);
    }
    expect(POLICY_PRESETS.parentsContactWeekly.source?.documentZh).toContain("第二十三条");
    expect(ALL_PRESETS.map((p) => p.id)).not.toContain("symposium-per-term");
  });

  it("are serialisable: JSON round trip gives the same policy", () => {
    for (const p of ALL_PRESETS)
      expect(PolicySchema.parse(JSON.parse(JSON.stringify(p)))).toEqual(p);
  });
});

describe("policy validation", () => {
  it("rejects min above max", () => {
    const issues = issuesOf({
      ...base,
      requirement: { type: "count", min: 5, max: 3, per: "week" },
    });
    expect(issues[0]).toMatchObject({
      path: "requirement.min",
      code: PolicyIssueCode.MIN_ABOVE_MAX,
    });
    expect(issues[0]!.message["zh-CN"]).toContain("最少次数 5 大于最多次数 3");
    expect(issues[0]!.message.en).toContain("min 5 is greater than max 3");
  });

  it("rejects a late window before the early window, and overlapping windows", () => {
    expect(
      issuesOf({
        ...base,
        requirement: { type: "interval", everyDays: 14, windowStart: 2, windowEnd: -2 },
      })[0],
    ).toMatchObject({ path: "requirement.windowEnd", code: PolicyIssueCode.WINDOW_ORDER });
    expect(
      issuesOf({
        ...base,
        requirement: { type: "interval", everyDays: 14, windowStart: 2, windowEnd: 5 },
      })[0],
    ).toMatchObject({ path: "requirement.windowStart", code: PolicyIssueCode.WINDOW_ORDER });
    expect(
      issuesOf({
        ...base,
        requirement: { type: "interval", everyDays: 7, windowStart: -4, windowEnd: 4 },
      })[0],
    ).toMatchObject({ code: PolicyIssueCode.WINDOW_OVERLAP });
  });

  it("rejects requirements that can never be met", () => {
    expect(
      issuesOf({
        ...base,
        counts: { contactKinds: ["home-visit"], unit: "days" },
        requirement: { type: "count", min: 8, per: "week" },
      })[0],
    ).toMatchObject({ code: PolicyIssueCode.UNMEETABLE });
  });

  it("rejects options that do not fit the level or the period", () => {
    expect(
      issuesOf({ ...base, level: "mentor", selector: { riskLevels: ["high"] } })[0],
    ).toMatchObject({ path: "selector.riskLevels", code: PolicyIssueCode.LEVEL_MISMATCH });
    expect(
      issuesOf({
        ...base,
        level: "school",
        counts: { contactKinds: ["symposium"], by: "paired-mentor" },
      })[0],
    ).toMatchObject({ path: "counts.by" });
    expect(
      issuesOf({ ...base, requirement: { type: "count", min: 1, per: "days" } })[0],
    ).toMatchObject({ path: "requirement.days", code: PolicyIssueCode.PERIOD_LENGTH });
    expect(
      issuesOf({ ...base, requirement: { type: "count", min: 1, per: "term" } })[0],
    ).toMatchObject({ path: "calendar" });
    expect(issuesOf({ ...base, counts: { contactKinds: [] } })[0]).toMatchObject({
      code: PolicyIssueCode.COUNTS_NOTHING,
    });
    expect(
      issuesOf({ ...base, effectiveFrom: "2026-05-01", effectiveTo: "2026-04-01" })[0],
    ).toMatchObject({ path: "effectiveTo" });
  });

  it("names unknown enum values and wrong types", () => {
    const issues = issuesOf({ ...base, counts: { contactKinds: ["telepathy"] } });
    expect(issues[0]!.path).toBe("counts.contactKinds[0]");
  });
});
