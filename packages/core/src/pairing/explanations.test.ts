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

describe("explanations of every hard rule", () => {
  const plan = planPairings(input);

  it("leaves the child unmatched and counts, per rule, the mentors it excluded", () => {
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
