import { describe, expect, it } from "vitest";
import { text } from "../i18n";
import { explainWhyNot } from "./explain";
import type { PlanPairingsInput } from "./stages/input";
import { child, mentor } from "./pairing.test-helper";
import { planPairings } from "./plan";

const asOf = "2026-09-01";

/**
 * One child (12 years old, girl, school s1, village 430102001001) and one mentor per hard rule,
 * each breaking exactly that rule, plus mentors that break several.
 */
const input: PlanPairingsInput = {
  children: [
    child("c", {
      school: "s1",
      cls: "k1",
      gender: "female",
      birth: "2014-03-02",
      region: "430102001001",
    }),
  ],
  mentors: [
    mentor("kind", { kind: "peer-buddy", school: "s1", gender: "female", region: "430102001001" }),
    mentor("later", { school: "s1", gender: "female", region: "430102001001", from: "2026-09-02" }),
    mentor("ended", { school: "s1", gender: "female", region: "430102001001", to: "2026-08-31" }),
    mentor("full", { school: "s1", gender: "female", region: "430102001001", max: 0 }),
    mentor("school", { school: "s2", gender: "female", region: "430102001001" }),
    mentor("noschool", { gender: "female", region: "430102001001" }),
    mentor("excluded", { school: "s1", gender: "female", region: "430102001001" }),
    mentor("because", { school: "s1", gender: "female", region: "430102001001" }),
    mentor("male", { school: "s1", gender: "male", region: "430102001001" }),
    mentor("unknown", { school: "s1", region: "430102001001" }),
    mentor("far", { kind: "caring-mother", gender: "female", region: "430102002001" }),
    mentor("nocode", { kind: "caring-mother", gender: "female", region: "430102" }),
    mentor("several", { school: "s2", gender: "male", to: "2026-08-31", max: 0 }),
  ],
  rules: {
    name: "every-rule",
    role: "mentor",
    mentorKinds: ["subject-teacher", "caring-mother"],
    capacity: { default: { min: 0, max: 2 }, byKind: {} },
    hard: {
      sameSchoolKinds: ["subject-teacher"],
      sameGenderFromAge: 12,
      maxDistance: { area: "village", kinds: ["caring-mother"] },
      availability: true,
    },
  },
  exclusions: [
    { childId: "c", mentorId: "excluded" },
    { childId: "c", mentorId: "because", reason: text("家长要求", "the parents asked") },
  ],
  asOf,
};

// Each test plans for itself, so per-test coverage (mutation testing) credits the tests that
// read the plan.
describe("explanations of every hard rule", () => {
  it("leaves the child unmatched and counts, per rule, the mentors it excluded", () => {
    const plan = planPairings(input);
    expect(plan.pairs).toEqual([]);
    const [u] = plan.unmatched;
    expect(u!.reason).toBe("no-eligible-mentor");
    expect(Object.fromEntries(u!.excludedBy.map((x) => [x.rule, x.count]))).toEqual({
      availability: 3,
      capacity: 2,
      exclusion: 2,
      "max-distance": 2,
      "same-gender": 3,
      "same-school": 3,
    });
    // The message, and every violation of every excluded mentor, word for word.
    expect(u).toMatchSnapshot();
  });

  it("explains each pair that was not made", () => {
    const plan = planPairings(input);
    const why = Object.fromEntries(
      [
        "kind",
        "later",
        "ended",
        "full",
        "school",
        "noschool",
        "excluded",
        "because",
        "male",
        "unknown",
        "far",
        "nocode",
        "several",
      ].map((m) => [m, explainWhyNot(input, plan, "c", m)]),
    );
    expect(why).toMatchSnapshot();
  });

  it("names every violation of every mentor word for word", () => {
    const plan = planPairings(input);
    const why = Object.fromEntries(
      Object.keys(EXPECTED_VIOLATIONS).map((m) => [
        m,
        explainWhyNot(input, plan, "c", m).violations,
      ]),
    );
    expect(why).toEqual(EXPECTED_VIOLATIONS);
  });

  it("the same-gender rule starts on the birthday of the named age", () => {
    const at = (birth: string) =>
      planPairings({
        ...input,
        children: [child("c", { school: "s1", gender: "female", birth, region: "430102001001" })],
        mentors: [mentor("male", { school: "s1", gender: "male" })],
        exclusions: [],
      }).pairs.length;
    expect(at("2014-09-02")).toBe(1); // 11 on asOf, 12 tomorrow
    expect(at("2014-09-01")).toBe(0); // 12 on asOf
    expect(at("2014-08-31")).toBe(0);
  });

  it("availability holds from its first day to its last", () => {
    const at = (o: { from?: string; to?: string }) =>
      planPairings({
        ...input,
        exclusions: [],
        mentors: [mentor("m", { school: "s1", gender: "female", ...o })],
      }).pairs.length;
    expect(at({ from: "2026-09-01" })).toBe(1);
    expect(at({ from: "2026-09-02" })).toBe(0);
    expect(at({ to: "2026-09-01" })).toBe(1);
    expect(at({ to: "2026-08-31" })).toBe(0);
    expect(
      planPairings({
        ...input,
        exclusions: [],
        rules: { ...input.rules, hard: { ...input.rules.hard!, availability: false } },
        mentors: [mentor("m", { school: "s1", gender: "female", to: "2026-08-31" })],
      }).pairs.length,
    ).toBe(1);
  });
});

/** The violations of each mentor of `input`, as `explainWhyNot` gives them (and the snapshots show). */
const EXPECTED_VIOLATIONS = {
  kind: [
    {
      rule: "mentor-kind",
      explanation: {
        "zh-CN": "导师类型 peer-buddy 不在本规则集（subject-teacher、caring-mother）内",
        en: "mentor kind peer-buddy is not paired by this rule set (subject-teacher, caring-mother)",
      },
    },
  ],
  later: [
    {
      rule: "availability",
      explanation: {
        "zh-CN": "导师自 2026-09-02 起才可结对（计划日期 2026-09-01）",
        en: "the mentor is available only from 2026-09-02 (plan date 2026-09-01)",
      },
    },
  ],
  ended: [
    {
      rule: "availability",
      explanation: {
        "zh-CN": "导师的可结对期限已于 2026-08-31 结束",
        en: "the mentor's availability ended on 2026-08-31",
      },
    },
  ],
  full: [
    {
      rule: "capacity",
      explanation: {
        "zh-CN": "导师的结对容量为 0",
        en: "the mentor's capacity is 0",
      },
    },
  ],
  school: [
    {
      rule: "same-school",
      explanation: {
        "zh-CN": "帮扶教师须与儿童同校（儿童 s1，教师 s2）",
        en: "teacher mentors must be of the child's school (child s1, mentor s2)",
      },
    },
  ],
  noschool: [
    {
      rule: "same-school",
      explanation: {
        "zh-CN": "帮扶教师须与儿童同校（儿童 s1，教师 未登记）",
        en: "teacher mentors must be of the child's school (child s1, mentor none)",
      },
    },
  ],
  excluded: [
    {
      rule: "exclusion",
      explanation: {
        "zh-CN": "该结对已被明确排除",
        en: "this pair is explicitly excluded",
      },
    },
  ],
  because: [
    {
      rule: "exclusion",
      explanation: {
        "zh-CN": "已明确排除：家长要求",
        en: "explicitly excluded: the parents asked",
      },
    },
  ],
  male: [
    {
      rule: "same-gender",
      explanation: {
        "zh-CN": "儿童已满 12 岁须同性别结对",
        en: "the child is 12 or older and needs a mentor of the same gender",
      },
    },
  ],
  unknown: [
    {
      rule: "same-gender",
      explanation: {
        "zh-CN": "儿童已满 12 岁须同性别结对，导师性别未登记",
        en: "the child is 12 or older and needs a mentor of the same gender; the mentor's gender is not recorded",
      },
    },
  ],
  far: [
    {
      rule: "max-distance",
      explanation: {
        "zh-CN": "导师与儿童不在同一村",
        en: "the mentor is not in the child's village",
      },
    },
  ],
  nocode: [
    {
      rule: "max-distance",
      explanation: {
        "zh-CN": "导师未登记到村一级的区划代码",
        en: "the mentor's region code does not reach the village",
      },
    },
  ],
  several: [
    {
      rule: "availability",
      explanation: {
        "zh-CN": "导师的可结对期限已于 2026-08-31 结束",
        en: "the mentor's availability ended on 2026-08-31",
      },
    },
    {
      rule: "capacity",
      explanation: {
        "zh-CN": "导师的结对容量为 0",
        en: "the mentor's capacity is 0",
      },
    },
    {
      rule: "same-school",
      explanation: {
        "zh-CN": "帮扶教师须与儿童同校（儿童 s1，教师 s2）",
        en: "teacher mentors must be of the child's school (child s1, mentor s2)",
      },
    },
    {
      rule: "same-gender",
      explanation: {
        "zh-CN": "儿童已满 12 岁须同性别结对",
        en: "the child is 12 or older and needs a mentor of the same gender",
      },
    },
  ],
};
