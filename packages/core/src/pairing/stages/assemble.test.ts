import { describe, expect, it } from "vitest";
import { planPairings } from "../plan";
import { child, mentor } from "../pairing.test-helper";

const asOf = "2026-09-01";
const rules = {
  name: "r",
  role: "mentor" as const,
  mentorKinds: ["class-teacher" as const, "subject-teacher" as const],
};

describe("assemblePlan", () => {
  // Planned inside each test (not when the file is collected), so that a mutation run counts
  // these tests as covering the plan's code.
  const planned = () =>
    planPairings({
      children: [
        child("a", { school: "s1", cls: "k1", key: true }),
        child("b", { school: "s1", cls: "k1" }),
        child("c", { school: "s2", cls: "k9" }),
        child("d", { school: "s3" }),
      ],
      mentors: [
        mentor("t1", { kind: "class-teacher", school: "s1", classes: ["k1"], min: 1, max: 1 }),
        mentor("t2", { school: "s2", min: 2, max: 2 }),
        mentor("v1", { kind: "caring-mother" }),
      ],
      rules: { ...rules, soft: { classTeacher: 3 } },
      existing: [
        { id: "o1", childId: "b", mentorId: "t1", role: "mentor", start: "2025-09-01" },
        { id: "o2", childId: "c", mentorId: "v1", role: "surrogate-parent", start: "2025-09-01" },
      ],
      asOf,
    });

  it("counts the plan", () => {
    const plan = planned();
    expect(plan.stats).toEqual({
      children: 4,
      outOfScope: 0,
      mentors: 3,
      mentorsInScope: 2,
      priorityChildren: 1,
      priorityMatched: 1,
      matched: 2,
      unmatched: 2,
      candidatePairs: 3, // a–t1, b–t1, c–t2
      components: 2,
      largestComponent: 3, // a, b and t1
      mentorsBelowMinimum: [{ mentorId: "t2", min: 2, load: 1 }],
      untouchedExisting: 1,
    });
    expect(plan.score).toEqual({ total: 3, byRule: { classTeacher: 3, stability: 0 } });
  });

  it("names new pairings by a hash of child, mentor, role and date", () => {
    const plan = planned();
    // The first 8 hex digits are the 32-bit FNV-1a hash of "a\0t1\0mentor\02026-09-01".
    expect(plan.diff.added).toEqual([
      { id: "pr-207c823276573127", childId: "a", mentorId: "t1", role: "mentor", start: asOf },
      { id: "pr-8b8db401625457d5", childId: "c", mentorId: "t2", role: "mentor", start: asOf },
    ]);
    expect(plan.pairs.map((p) => [p.pairing.id, p.status, p.priority, p.score])).toEqual([
      ["pr-207c823276573127", "added", true, 3],
      ["pr-8b8db401625457d5", "added", false, 0],
    ]);
  });

  it("lists the history by child, then start, then id", () => {
    const plan = planned();
    expect(plan.history.map((p) => [p.id, p.end ?? null])).toEqual([
      ["pr-207c823276573127", null],
      ["o1", asOf],
      ["o2", null],
      ["pr-8b8db401625457d5", null],
    ]);
    const same = planPairings({
      children: [child("a", { school: "s1" })],
      mentors: [],
      rules,
      asOf,
      existing: [
        { id: "q2", childId: "a", mentorId: "x", role: "buddy", start: "2025-01-01" },
        { id: "q3", childId: "a", mentorId: "x", role: "buddy", start: "2024-01-01" },
        { id: "q1", childId: "a", mentorId: "x", role: "buddy", start: "2025-01-01" },
        { id: "q0", childId: "0", mentorId: "x", role: "buddy", start: "2026-01-01" },
      ],
    });
    expect(same.history.map((p) => p.id)).toEqual(["q0", "q3", "q1", "q2"]);
  });

  it("says whether higher-priority children or a better total hold the places", () => {
    const plan = planned();
    expect(plan.unmatched[0]).toEqual({
      childId: "b",
      priority: false,
      reason: "capacity-taken",
      message: {
        "zh-CN": "1 名符合条件的导师名额已满（部分由优先级更高的儿童占用）",
        en: "the 1 eligible mentor(s) are full (partly with higher-priority children)",
      },
      excludedBy: [],
      excluded: [],
      takenBy: [{ mentorId: "t1", childIds: ["a"] }],
    });
    const better = planPairings({
      children: [child("a", { school: "s1", cls: "k1" }), child("b", { school: "s1", cls: "k2" })],
      mentors: [mentor("t1", { school: "s1", classes: ["k1"], max: 1 })],
      rules: { ...rules, soft: { sameClass: 5 } },
      asOf,
    });
    expect(better.unmatched[0]!.message).toEqual({
      "zh-CN": "1 名符合条件的导师名额已满（由总分更优的方案占用）",
      en: "the 1 eligible mentor(s) are full (a plan with a better total holds their places)",
    });
  });

  it("says when there is no mentor of the kinds at all", () => {
    const none = planPairings({
      children: [child("a")],
      mentors: [mentor("v", { kind: "caring-mother" })],
      rules,
      asOf,
    });
    expect(none.unmatched).toEqual([
      {
        childId: "a",
        priority: false,
        reason: "no-mentors",
        message: {
          "zh-CN": "没有 class-teacher、subject-teacher 类型的导师",
          en: "there is no mentor of kind class-teacher, subject-teacher",
        },
        excludedBy: [],
        excluded: [],
        takenBy: [],
      },
    ]);
    expect(none.stats).toMatchObject({ mentorsInScope: 0, components: 0, largestComponent: 0 });
  });

  it("counts the mentors each hard rule excludes, and lists the 20 nearest first", () => {
    const id = (p: string, k: number) => `${p}${String(k).padStart(2, "0")}`;
    const mentors = [
      // Another school and township: far.
      ...Array.from({ length: 12 }, (_, k) =>
        mentor(id("f", k), { school: "s9", region: "430102002001" }),
      ),
      // The child's school, no longer available: near.
      ...Array.from({ length: 13 }, (_, k) =>
        mentor(id("g", k), { school: "s1", to: "2026-08-31", gender: "female" }),
      ),
      // Another school in the child's township (9 digits, not 12): near.
      mentor("h1", { school: "s8", region: "430102001007" }),
    ];
    const p = planPairings({
      children: [child("a", { school: "s1", birth: "2012-01-01" })],
      mentors,
      rules: { ...rules, hard: { sameGenderFromAge: 10 } },
      asOf,
    });
    const u = p.unmatched[0]!;
    expect(u.reason).toBe("no-eligible-mentor");
    // Equal counts in the order of the rule's name.
    expect(u.excludedBy).toEqual([
      { rule: "same-gender", count: 26 },
      { rule: "availability", count: 13 },
      { rule: "same-school", count: 13 },
    ]);
    expect(u.message).toEqual({
      "zh-CN":
        "没有符合硬性规则的导师（共 26 名：same-gender 排除 26 名，availability 排除 13 名，same-school 排除 13 名）",
      en: "no mentor passes the hard rules (26 in all: same-gender excludes 26, availability excludes 13, same-school excludes 13)",
    });
    expect(u.excluded.map((x) => x.mentorId)).toEqual([
      ...Array.from({ length: 13 }, (_, k) => id("g", k)),
      "h1",
      ...Array.from({ length: 6 }, (_, k) => id("f", k)),
    ]);
    expect(u.excluded[13]!.violations.map((v) => v.rule)).toEqual(["same-school", "same-gender"]);
  });
});

describe("assemblePlan: ended pairings", () => {
  it("ends a pairing not yet started on its start day, and says which rule it breaks now", () => {
    const p = planPairings({
      children: [
        child("a", { school: "s1" }),
        child("b", { school: "s1" }),
        child("c", { school: "s1", gender: "female", birth: "2012-01-01" }),
      ],
      mentors: [
        mentor("t1", { school: "s1", max: 3 }),
        mentor("t2", { school: "s1", to: "2026-08-01" }),
        mentor("t3", { school: "s1", gender: "male" }),
      ],
      rules: { ...rules, hard: { sameGenderFromAge: 10 } },
      asOf,
      idPrefix: "x-",
      existing: [
        {
          id: "x-4a7b98903ee0019f",
          childId: "z",
          mentorId: "q",
          role: "buddy",
          start: "2020-01-01",
        },
        {
          id: "x-4a7b98903ee0019f~2",
          childId: "z",
          mentorId: "q",
          role: "buddy",
          start: "2021-01-01",
        },
        { id: "pb", childId: "b", mentorId: "t2", role: "mentor", start: "2026-09-10" },
        { id: "pc", childId: "c", mentorId: "t3", role: "mentor", start: "2026-01-10" },
      ],
    });
    // The id of a–t3 is taken twice over: the next free suffix.
    expect(p.diff.added.map((x) => x.id)).toEqual(["x-4a7b98903ee0019f~3"]);
    expect(p.diff.ended).toEqual([
      {
        pairing: {
          id: "pb",
          childId: "b",
          mentorId: "t2",
          role: "mentor",
          start: "2026-09-10",
          end: "2026-09-10",
          endReason: "mentor-left",
        },
        explanation: {
          "zh-CN":
            "导师已不可结对：导师的可结对期限已于 2026-08-01 结束；儿童已满 10 岁须同性别结对，导师性别未登记",
          en: "the mentor is no longer available: the mentor's availability ended on 2026-08-01; the child is 10 or older and needs a mentor of the same gender; the mentor's gender is not recorded",
        },
      },
      {
        pairing: {
          id: "pc",
          childId: "c",
          mentorId: "t3",
          role: "mentor",
          start: "2026-01-10",
          end: asOf,
          endReason: "rule-changed",
        },
        explanation: {
          "zh-CN": "该结对已违反硬性规则：儿童已满 10 岁须同性别结对",
          en: "the pair now breaks a hard rule: the child is 10 or older and needs a mentor of the same gender",
        },
      },
    ]);
  });

  it("ends the pairs a mentor has beyond a lowered capacity, and keeps one at capacity", () => {
    const existing = [
      { id: "p1", childId: "a", mentorId: "t1", role: "mentor" as const, start: "2025-09-01" },
      { id: "p2", childId: "b", mentorId: "t1", role: "mentor" as const, start: "2025-09-01" },
    ];
    const children = [child("a", { school: "s1" }), child("b", { school: "s1" })];
    const over = planPairings({
      children,
      mentors: [mentor("t1", { school: "s1", max: 1 })],
      rules: { ...rules, stability: 5 },
      asOf,
      existing,
    });
    expect(over.diff.kept.map((x) => x.id)).toEqual(["p1"]);
    expect(over.diff.ended.map((e) => [e.pairing.id, e.pairing.endReason, e.explanation])).toEqual([
      [
        "p2",
        "rule-changed",
        {
          "zh-CN": "导师容量现为 1 名，原有 2 名结对儿童",
          en: "the mentor's capacity is now 1, and they had 2 children",
        },
      ],
    ]);
    const at = planPairings({
      children,
      mentors: [mentor("t1", { school: "s1", max: 2 })],
      rules: { ...rules, stability: 5 },
      asOf,
      existing,
    });
    expect(at.diff.kept.map((x) => x.id)).toEqual(["p1", "p2"]);
    expect(at.pairs.map((x) => x.status)).toEqual(["kept", "kept"]);
  });
});

describe("assemblePlan, lines and lists shared between entries", () => {
  // Three children of one class and one teacher with one place: the pairs' lines and the
  // unmatched children's lists are alike, so the plan holds each once, frozen.
  const plan = () =>
    planPairings({
      children: [
        child("a", { school: "s1", cls: "k1" }),
        child("b", { school: "s1", cls: "k1" }),
        child("c", { school: "s1", cls: "k1" }),
        child("d", { school: "s1", cls: "k1" }),
      ],
      mentors: [
        mentor("t1", { kind: "class-teacher", school: "s1", classes: ["k1"], max: 1 }),
        mentor("t2", { kind: "class-teacher", school: "s1", classes: ["k1"], max: 1 }),
      ],
      rules: { ...rules, soft: { classTeacher: 3, sameClass: 2 } },
      asOf,
    });

  it("shares each alike score line between pairs, frozen, with the same values as before", () => {
    const { pairs } = plan();
    expect(pairs).toHaveLength(2);
    const [p, q] = pairs;
    expect(p!.breakdown.map((t) => t.rule)).toEqual(q!.breakdown.map((t) => t.rule));
    for (let k = 0; k < p!.breakdown.length; k++) {
      const t = p!.breakdown[k]!;
      if (t.rule !== "workload") expect(q!.breakdown[k]).toBe(t);
      expect(Object.isFrozen(t)).toBe(true);
    }
    expect(p!.breakdown.find((t) => t.rule === "sameClass")).toMatchObject({
      weight: 2,
      value: 1,
      points: 2,
    });
    // Each pair keeps its own list: changing one pair's breakdown leaves the other's alone.
    expect(p!.breakdown).not.toBe(q!.breakdown);
  });

  it("shares the takenBy list of children with the same eligible mentors, frozen", () => {
    const { unmatched } = plan();
    expect(unmatched.map((u) => u.reason)).toEqual(["capacity-taken", "capacity-taken"]);
    const [u, v] = unmatched;
    expect(u!.takenBy).toBe(v!.takenBy);
    expect(u!.takenBy.map((h) => h.mentorId)).toEqual(["t1", "t2"]);
    expect(Object.isFrozen(u!.takenBy)).toBe(true);
    expect(Object.isFrozen(u!.takenBy[0])).toBe(true);
    expect(Object.isFrozen(u!.takenBy[0]!.childIds)).toBe(true);
    expect(() => (u!.excluded as unknown[]).push(1)).toThrow(TypeError);
    expect(u!.excludedBy).toEqual([]);
  });
});
