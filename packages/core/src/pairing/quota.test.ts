import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors/errors";
import type { LocalizedText } from "../i18n";
import { planMentoringGroups } from "./groups";
import { planPairings } from "./plan";
import { recommendPerClass } from "./quota";
import {
  CADRE_PAIRING_PRESET,
  CLASS_TEACHER_CARING_MOTHER_PRESET,
  SURROGATE_PARENT_PRESET,
  TEACHER_PAIRING_PRESET,
} from "./rules";
import { child, mentor } from "./pairing.test-helper";

describe("recommendPerClass (每班推荐4—5名)", () => {
  const k1 = ["a", "b", "c", "d", "e", "f", "g"].map((id) =>
    child(id, { school: "s1", cls: "k1" }),
  );
  const k2 = [child("x", { school: "s1", cls: "k2" }), child("y", { school: "s1", cls: "k2" })];

  it("puts forward at most five per class, key cases and higher risk first", () => {
    const kids = [
      ...k1.slice(0, 5),
      child("f", { school: "s1", cls: "k1", key: true }),
      child("g", { school: "s1", cls: "k1", risk: "high" }),
      ...k2,
      child("z", { school: "s1" }),
    ];
    const r = recommendPerClass(kids, TEACHER_PAIRING_PRESET);
    expect(r.byClass).toEqual([
      {
        classId: "k1",
        recommended: ["f", "g", "a", "b", "c"],
        notRecommended: ["d", "e"],
        short: false,
      },
      { classId: "k2", recommended: ["x", "y"], notRecommended: [], short: true },
    ]);
    expect(r.withoutClass).toEqual(["z"]);
    // Input order, the very objects given.
    expect(r.recommended.map((c) => c.id)).toEqual(["a", "b", "c", "f", "g", "x", "y", "z"]);
    expect(r.recommended[0]).toBe(kids[0]);
  });

  it("feeds the planner, and rejects a malformed quota", () => {
    const r = recommendPerClass(k1, TEACHER_PAIRING_PRESET);
    const plan = planPairings({
      children: r.recommended,
      mentors: [
        mentor("t1", { kind: "class-teacher", school: "s1", classes: ["k1"] }),
        mentor("t2", { school: "s1" }),
      ],
      rules: TEACHER_PAIRING_PRESET,
      asOf: "2026-09-01",
    });
    expect(plan.pairs).toHaveLength(5);
    expect(() => recommendPerClass(k1, { classQuota: { min: 5, max: 4 } })).toThrow(
      ValidationError,
    );
  });
});

describe("pairing presets of the summaries", () => {
  it("gives each teacher two children as surrogate parent (各教师代理两位)", () => {
    const kids = ["a", "b", "c", "d"].map((id) => child(id, { school: "s1", cls: "k1" }));
    const plan = planPairings({
      children: kids,
      mentors: [mentor("t1", { school: "s1" }), mentor("t2", { school: "s1" })],
      rules: SURROGATE_PARENT_PRESET,
      asOf: "2026-09-01",
    });
    const load = new Map<string, number>();
    for (const p of plan.pairs)
      load.set(p.pairing.mentorId, (load.get(p.pairing.mentorId) ?? 0) + 1);
    expect([...load.values()]).toEqual([2, 2]);
  });

  it("makes the class teacher the caring mother of the whole class", () => {
    const kids = [
      ...["a", "b", "c"].map((id) => child(id, { school: "s1", cls: "k1" })),
      child("d", { school: "s1", cls: "k2" }),
    ];
    const plan = planPairings({
      children: kids,
      mentors: [
        mentor("t1", { kind: "class-teacher", school: "s1", classes: ["k1"] }),
        mentor("t2", { kind: "class-teacher", school: "s1", classes: ["k2"] }),
      ],
      rules: CLASS_TEACHER_CARING_MOTHER_PRESET,
      asOf: "2026-09-01",
    });
    const of = Object.fromEntries(plan.pairs.map((p) => [p.pairing.childId, p.pairing.mentorId]));
    expect(of).toEqual({ a: "t1", b: "t1", c: "t1", d: "t2" });
  });

  it("pairs work-unit cadres one-to-one across townships", () => {
    const kids = [child("a", { region: "430102001001" }), child("b", { region: "430999002003" })];
    const plan = planPairings({
      children: kids,
      mentors: [
        mentor("u1", { kind: "other", region: "430100000000" }),
        mentor("u2", { kind: "other" }),
      ],
      rules: CADRE_PAIRING_PRESET,
      asOf: "2026-09-01",
    });
    expect(plan.pairs).toHaveLength(2);
    expect(new Set(plan.pairs.map((p) => p.pairing.mentorId)).size).toBe(2);
  });
});

describe("planMentoringGroups (帮扶小组)", () => {
  it("cuts the children into groups of near-equal size, each with a teacher", () => {
    const kids = [
      ...["a", "b", "c", "d"].map((id) => child(id, { school: "s1", cls: "k1", grade: 3 })),
      ...["e", "f", "g"].map((id) => child(id, { school: "s1", cls: "k2", grade: 4 })),
    ];
    const teachers = [
      mentor("t1", { school: "s1" }),
      mentor("t2", { kind: "class-teacher", school: "s1", classes: ["k2"] }),
      mentor("t3", { kind: "class-teacher", school: "s1", classes: ["k1"] }),
    ];
    const groups = planMentoringGroups({ children: kids, mentors: teachers, groups: 2 });
    expect(groups).toEqual([
      { id: "group-1", mentorId: "t3", childIds: ["a", "b", "c"] },
      { id: "group-2", mentorId: "t2", childIds: ["d", "e", "f", "g"] },
    ]);
    expect(planMentoringGroups({ children: kids, mentors: teachers })).toHaveLength(3);
    expect(() => planMentoringGroups({ children: kids, mentors: teachers, groups: 4 })).toThrow(
      ValidationError,
    );
  });
});

describe("recommendPerClass: the order of need and the quota's limits", () => {
  const kids = [
    child("n", { cls: "k1" }),
    child("l", { cls: "k1", risk: "low" }),
    child("m", { cls: "k1", risk: "medium" }),
    child("h", { cls: "k1", risk: "high" }),
    child("c", { cls: "k1", risk: "critical" }),
    child("k", { cls: "k1", key: true }),
    child("kl", { cls: "k1", key: true, risk: "low" }),
  ];
  const order = (r: ReturnType<typeof recommendPerClass>) => r.byClass[0]!.recommended;

  it("ranks key cases, then priority risk levels, then the other levels, then ids", () => {
    // Key case 10, a priority level 5 more, then critical 4, high 3, medium 2, low 1.
    expect(order(recommendPerClass(kids, { classQuota: { min: 1, max: 7 } }))).toEqual([
      "kl",
      "k",
      "c",
      "h",
      "m",
      "l",
      "n",
    ]);
    const mediumOnly = { keyCase: false, riskLevels: ["medium" as const] };
    expect(
      order(recommendPerClass(kids, { classQuota: { min: 1, max: 7 }, priority: mediumOnly })),
    ).toEqual(["m", "c", "h", "kl", "l", "k", "n"]);
  });

  it("takes at most max per class, and marks a class with fewer than min as short", () => {
    const two = [child("b", { cls: "k2" }), child("a", { cls: "k2" })];
    const r = recommendPerClass([...two, ...kids], { classQuota: { min: 2, max: 2 } });
    expect(r.byClass).toEqual([
      {
        classId: "k1",
        recommended: ["kl", "k"],
        notRecommended: ["c", "h", "m", "l", "n"],
        short: false,
      },
      { classId: "k2", recommended: ["a", "b"], notRecommended: [], short: false },
    ]);
    expect(recommendPerClass(two, { classQuota: { min: 3, max: 5 } }).byClass[0]!.short).toBe(true);
    expect(recommendPerClass(two, { classQuota: { min: 1, max: 5 } }).byClass[0]!.short).toBe(
      false,
    );
  });
});

describe("planMentoringGroups: who leads a group", () => {
  it("orders children by grade (none last), class and id, and makes no more groups than children", () => {
    const kids = [
      child("z", { school: "s1", cls: "k1" }),
      child("b", { school: "s1", cls: "k2", grade: 4 }),
      child("a", { school: "s1", cls: "k2", grade: 4 }),
      child("c", { school: "s1", cls: "k1", grade: 4 }),
      child("d", { school: "s1", cls: "k9", grade: 3 }),
    ];
    const teachers = ["t1", "t2", "t3", "t4", "t5", "t6"].map((id) => mentor(id, { school: "s1" }));
    expect(
      planMentoringGroups({ children: kids, mentors: teachers }).map((g) => g.childIds),
    ).toEqual([["d"], ["c"], ["a"], ["b"], ["z"]]);
    expect(planMentoringGroups({ children: kids, mentors: teachers, groups: 2 })).toEqual([
      { id: "group-1", mentorId: "t1", childIds: ["d", "c"] },
      { id: "group-2", mentorId: "t2", childIds: ["a", "b", "z"] },
    ]);
    expect(planMentoringGroups({ children: [], mentors: teachers, groups: 6 })).toEqual([
      { id: "group-1", mentorId: "t1", childIds: [] },
    ]);
  });

  it("gives a group the free class teacher of most of its children (ties by class id)", () => {
    const ct = (id: string, cls: string) =>
      mentor(id, { kind: "class-teacher", school: "s1", classes: [cls] });
    const mentors = [
      mentor("t0", { school: "s1", classes: ["k2", "k3"] }),
      ct("t3", "k3"),
      ct("t2", "k2"),
    ];
    const one = (ids: [string, string][]) =>
      planMentoringGroups({
        children: ids.map(([id, cls]) => child(id, { school: "s1", cls })),
        mentors,
        groups: 1,
      })[0]!.mentorId;
    expect(
      one([
        ["x", "k2"],
        ["y", "k3"],
      ]),
    ).toBe("t2");
    expect(
      one([
        ["x", "k2"],
        ["y", "k3"],
        ["z", "k3"],
      ]),
    ).toBe("t3");
    // The class teacher leads only one group; the next goes to a free teacher of the school.
    const twice = planMentoringGroups({
      children: ["a", "b"].map((id) => child(id, { school: "s1", cls: "k2" })),
      mentors,
      groups: 2,
    });
    expect(twice.map((g) => g.mentorId)).toEqual(["t2", "t0"]);
  });

  it("else the first free teacher of the group's school, else the first free teacher", () => {
    const mentors = [mentor("u", { school: "s9" }), mentor("v"), mentor("w", { school: "s1" })];
    const lead = (c: ReturnType<typeof child>) =>
      planMentoringGroups({ children: [c], mentors, groups: 1 })[0]!.mentorId;
    expect(lead(child("a", { school: "s1", cls: "k1" }))).toBe("w");
    expect(lead(child("a", { cls: "k1" }))).toBe("u");
    expect(lead(child("a", { school: "s2" }))).toBe("u");
    expect(planMentoringGroups({ children: [], mentors, groups: 3 })).toHaveLength(1);
  });
});

/** The message of the ValidationError `f` throws, and each issue's path and English text. */
function refusal(f: () => unknown): [LocalizedText, [string, string][]] {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    const v = e as ValidationError;
    return [v.messages, v.issues.map((i) => [i.path, i.message.en])];
  }
  return expect.unreachable("no error thrown");
}

describe("recommendPerClass and planMentoringGroups: refusals in words", () => {
  it("names the per-class quota, or the child files, that are wrong", () => {
    expect(refusal(() => recommendPerClass([], { classQuota: { min: 5, max: 4 } }))).toEqual([
      {
        "zh-CN":
          "每班推荐名额校验失败（1 处）：字段 classQuota.min：最少人数不能多于最多人数（收到：5）",
        en: "Invalid per-class quota (1 issue): classQuota.min: min must not exceed max (received: 5)",
      },
      [["classQuota.min", "classQuota.min: min must not exceed max (received: 5)"]],
    ]);
    expect(
      refusal(() => recommendPerClass([{ id: "a" } as never], { classQuota: { min: 1, max: 4 } })),
    ).toEqual([
      {
        "zh-CN": "儿童档案校验失败（1 处）：字段 children[0].child：应为对象（收到：undefined）",
        en: "Invalid child files (1 issue): children[0].child: expected object (received: undefined)",
      },
      [["children[0].child", "children[0].child: expected object (received: undefined)"]],
    ]);
  });

  it("refuses more groups than mentors, naming the groups field", () => {
    const mentors = [mentor("t1"), mentor("t2")];
    expect(refusal(() => planMentoringGroups({ children: [], mentors, groups: 3 }))).toEqual([
      {
        "zh-CN": "帮扶小组校验失败（1 处）：字段 groups：帮扶小组数不能多于帮扶教师数 2（收到：3）",
        en: "Invalid mentoring groups (1 issue): groups: groups must not exceed the number of mentors, 2 (received: 3)",
      },
      [["groups", "groups: groups must not exceed the number of mentors, 2 (received: 3)"]],
    ]);
    // As many groups as mentors is allowed, and so is leaving the number out.
    expect(planMentoringGroups({ children: [child("a")], mentors, groups: 2 })).toHaveLength(1);
    expect(planMentoringGroups({ children: [child("a"), child("b")], mentors })).toHaveLength(2);
  });
});

describe("planMentoringGroups: children without a class", () => {
  it("puts a child without a class before the classes of its grade", () => {
    const kids = [
      child("a", { school: "s1", cls: "k1", grade: 3 }),
      child("z", { school: "s1", grade: 3 }),
      child("b", { school: "s1", cls: "k1", grade: 2 }),
    ];
    const mentors = ["t1", "t2", "t3"].map((id) => mentor(id, { school: "s1" }));
    for (const given of [kids, [...kids].reverse()])
      expect(planMentoringGroups({ children: given, mentors }).map((g) => g.childIds)).toEqual([
        ["b"],
        ["z"],
        ["a"],
      ]);
  });

  it("counts only children with a class towards the group's class", () => {
    // Two of the three have no class: the one class on file still picks its class teacher.
    const kids = [
      child("a", { school: "s1" }),
      child("b", { school: "s1" }),
      child("c", { school: "s1", cls: "k1" }),
    ];
    const mentors = [
      mentor("t1", { school: "s1" }),
      mentor("t2", { kind: "class-teacher", school: "s1", classes: ["k1"] }),
    ];
    expect(planMentoringGroups({ children: kids, mentors, groups: 1 })[0]!.mentorId).toBe("t2");
  });

  it("never takes a class teacher without classes for a group without a class", () => {
    const kids = [child("a", { school: "s1" })];
    const mentors = [
      mentor("t0", { kind: "class-teacher", school: "s2" }),
      mentor("t1", { school: "s1" }),
    ];
    expect(planMentoringGroups({ children: kids, mentors, groups: 1 })[0]!.mentorId).toBe("t1");
  });
});
