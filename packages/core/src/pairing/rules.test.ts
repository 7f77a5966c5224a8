import { describe, expect, it } from "vitest";
import { text } from "../i18n";
import type { PlanPairingsInput } from "./stages/input";
import { planPairings } from "./plan";
import {
  CARING_MOTHER_PRESET,
  CHILD_DIRECTOR_PRESET,
  COUNSELLOR_PAIRING_PRESET,
  PAIRING_PRESETS,
  PairingRuleSetSchema,
  SURROGATE_PARENT_PRESET,
  TEACHER_PAIRING_PRESET,
} from "./rules";
import { child, mentor } from "./pairing.test-helper";

const asOf = "2026-09-01";

describe("presets", () => {
  it("parse, cite their source and use the summaries' capacities", () => {
    for (const preset of Object.values(PAIRING_PRESETS)) {
      const r = PairingRuleSetSchema.parse(preset);
      expect(r.source?.["zh-CN"].length).toBeGreaterThan(5);
    }
    expect(PairingRuleSetSchema.parse(TEACHER_PAIRING_PRESET).capacity.default).toEqual({
      min: 2,
      max: 3,
    });
    expect(PairingRuleSetSchema.parse(SURROGATE_PARENT_PRESET).capacity.default).toEqual({
      min: 2,
      max: 2,
    }); // 各教师代理两位 (L18)
    expect(PairingRuleSetSchema.parse(COUNSELLOR_PAIRING_PRESET).capacity.default).toEqual({
      min: 1,
      max: 2,
    });
    expect(PairingRuleSetSchema.parse(CARING_MOTHER_PRESET).capacity.default).toEqual({
      min: 0,
      max: 1,
    });
    expect(TEACHER_PAIRING_PRESET.source?.["zh-CN"]).toContain("每位教师结对2—3名");
  });

  it("are plain data (JSON round trip)", () => {
    expect(JSON.parse(JSON.stringify(PAIRING_PRESETS))).toEqual(PAIRING_PRESETS);
  });
});

describe("hard rules", () => {
  const plan = (
    input: Partial<PlanPairingsInput> & Pick<PlanPairingsInput, "children" | "mentors">,
  ) => planPairings({ rules: TEACHER_PAIRING_PRESET, asOf, ...input });

  it("counsellors prefer the child's village but need no township; directors stay within the village", () => {
    const children = [
      child("a", { region: "430102001001" }),
      child("b", { region: "430102002001" }),
    ];
    const mentors = [mentor("k1", { kind: "counsellor", region: "430102001005" })];
    const p = plan({ children, mentors, rules: COUNSELLOR_PAIRING_PRESET });
    expect(p.pairs.map((x) => x.pairing.childId)).toEqual(["a", "b"]);
    const one = plan({
      children,
      mentors: [{ ...mentors[0]!, capacity: { max: 1 } }],
      rules: COUNSELLOR_PAIRING_PRESET,
    });
    expect(one.pairs.map((x) => x.pairing.childId)).toEqual(["a"]); // same village scores higher
    const d = plan({
      children,
      mentors: [mentor("d1", { kind: "child-director", region: "430102001001" })],
      rules: CHILD_DIRECTOR_PRESET,
    });
    expect(d.pairs.map((x) => x.pairing.childId)).toEqual(["a"]);
    expect(d.pairs[0]!.pairing.role).toBe("director");
  });

  it("same gender from an age, availability, km distance, and custom hard rules", () => {
    const rules = {
      ...TEACHER_PAIRING_PRESET,
      hard: {
        sameSchoolKinds: [],
        sameGenderFromAge: 10,
        maxDistance: { km: 5 },
        availability: true,
      },
    };
    const children = [
      child("old", { birth: "2012-01-01", gender: "female" }),
      child("young", { birth: "2020-01-01", gender: "female" }),
    ];
    const near = { lat: 28.2, lng: 112.9 };
    const mentors = [
      { ...mentor("m", { gender: "male", max: 5 }), location: near },
      { ...mentor("late", { gender: "female", from: "2026-10-01" }), location: near },
    ];
    const p = plan({
      children,
      mentors,
      rules,
      childLocations: { old: near, young: { lat: 28.21, lng: 112.9 } },
    });
    expect(p.pairs.map((x) => `${x.pairing.childId}-${x.pairing.mentorId}`)).toEqual(["young-m"]);
    const old = p.unmatched.find((u) => u.childId === "old")!;
    const rulesOf = Object.fromEntries(
      old.excluded.map((e) => [e.mentorId, e.violations.map((v) => v.rule)]),
    );
    expect(rulesOf).toEqual({ late: ["availability"], m: ["same-gender"] });
    // Far away: more than 5 km.
    const far = plan({
      children: [children[1]!],
      mentors: [mentors[0]!],
      rules,
      childLocations: { young: { lat: 29.2, lng: 112.9 } },
    });
    expect(far.unmatched[0]!.excluded[0]!.violations[0]!.rule).toBe("max-distance");
    // A custom hard rule.
    const custom = plan({
      children: [children[1]!],
      mentors: [mentors[0]!],
      rules,
      childLocations: { young: near },
      customRules: [
        {
          kind: "hard",
          name: "no-m",
          explanation: text("测试排除", "test exclusion"),
          test: (_c, m) => m.id !== "m",
        },
      ],
    });
    expect(custom.unmatched[0]!.excludedBy).toEqual([{ rule: "no-m", count: 1 }]);
  });

  it("custom soft rules score and explain", () => {
    const p = plan({
      children: [child("a", { school: "s1" })],
      mentors: [mentor("t1", { school: "s1" }), mentor("t2", { school: "s1" })],
      customRules: [
        {
          kind: "soft",
          name: "likes-t2",
          weight: 3,
          explanation: text("兴趣相投", "shared interests"),
          score: (_c, m) => (m.id === "t2" ? 1 : 0),
        },
      ],
    });
    expect(p.pairs[0]!.pairing.mentorId).toBe("t2");
    expect(p.pairs[0]!.breakdown.find((t) => t.rule === "likes-t2")).toMatchObject({
      weight: 3,
      value: 1,
      points: 3,
    });
    expect(p.score.byRule["likes-t2"]).toBe(3);
  });

  it("a mentor's own capacity overrides the kind's", () => {
    const children = ["a", "b", "c", "d"].map((id) => child(id, { school: "s1" }));
    const p = plan({ children, mentors: [mentor("t", { school: "s1", min: 0, max: 4 })] });
    expect(p.stats.matched).toBe(4);
  });
});
