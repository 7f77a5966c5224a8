import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors/errors";
import { text } from "../i18n";
import type { PlanPairingsInput } from "./stages/input";
import { child, mentor } from "./pairing.test-helper";
import { planPairings } from "./plan";
import type { CustomPairingRule, PairingRuleSetInput } from "./rules";

/**
 * The rules of one pair through the public planner: the km limit at and beside it, the points
 * of village, township, experience and workload, and the errors of a host's rule that throws or
 * returns something else than it must.
 */
const asOf = "2026-09-01";
const HARD: NonNullable<PairingRuleSetInput["hard"]> = {
  sameSchoolKinds: [],
  sameGenderFromAge: null,
  maxDistance: null,
  availability: true,
};
const open: PairingRuleSetInput = {
  name: "open",
  role: "mentor",
  mentorKinds: ["subject-teacher"],
  capacity: { default: { min: 0, max: 3 }, byKind: {} },
  hard: HARD,
};

const plan = (input: Partial<PlanPairingsInput>) =>
  planPairings({ children: [child("a")], mentors: [mentor("m")], rules: open, asOf, ...input });

function thrown(f: () => unknown): ValidationError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return e as ValidationError;
  }
  expect.unreachable("no error thrown");
}

/** One degree of latitude on the mean earth radius (6,371.0088 km): 111.195 km. */
const DEGREE_KM = (6371.0088 * Math.PI) / 180;

describe("the km limit", () => {
  const at = (km: number, childAt = { lat: 29, lng: 112 }) =>
    plan({
      rules: { ...open, hard: { ...HARD, maxDistance: { km } } },
      mentors: [{ ...mentor("m"), location: { lat: 28, lng: 112 } }],
      childLocations: { a: childAt },
    });

  it("pairs at the limit and under it, not beyond it, and says by how much", () => {
    expect(at(DEGREE_KM + 0.001).pairs).toHaveLength(1);
    expect(at(DEGREE_KM).pairs).toHaveLength(1);
    expect(at(DEGREE_KM - 0.001).unmatched[0]!.excluded[0]!.violations).toEqual([
      {
        rule: "max-distance",
        explanation: {
          "zh-CN": `距离 111.2 公里，超过上限 ${DEGREE_KM - 0.001} 公里`,
          en: `111.2 km apart, more than the ${DEGREE_KM - 0.001} km limit`,
        },
      },
    ]);
    // the same distance along a parallel is shorter away from the equator
    expect(at(DEGREE_KM - 0.001, { lat: 28, lng: 113 }).pairs).toHaveLength(1);
    expect(at(0.001, { lat: 28, lng: 112 }).pairs).toHaveLength(1);
  });

  it("measures great-circle distances along a parallel and across both axes", () => {
    // 98.179, 148.031 and 204.512 km by the spherical law of cosines
    const km = (childAt: { lat: number; lng: number }) =>
      at(1, childAt).unmatched[0]!.excluded[0]!.violations[0]!.explanation.en;
    expect(km({ lat: 28, lng: 113 })).toBe("98.2 km apart, more than the 1 km limit");
    expect(km({ lat: 29, lng: 113 })).toBe("148.0 km apart, more than the 1 km limit");
    expect(km({ lat: 27.5, lng: 114 })).toBe("204.5 km apart, more than the 1 km limit");
  });

  it("refuses a pair when either side has no coordinates", () => {
    const noChild = plan({
      rules: { ...open, hard: { ...HARD, maxDistance: { km: 5 } } },
      mentors: [{ ...mentor("m"), location: { lat: 28, lng: 112 } }],
    });
    expect(noChild.unmatched[0]!.excludedBy).toEqual([{ rule: "max-distance", count: 1 }]);
    const p = plan({
      rules: { ...open, hard: { ...HARD, maxDistance: { km: 5 } } },
      mentors: [mentor("m")],
      childLocations: { a: { lat: 28, lng: 112 } },
    });
    expect(p.unmatched[0]!.excluded[0]!.violations).toEqual([
      {
        rule: "max-distance",
        explanation: {
          "zh-CN": "缺少儿童或导师的坐标，无法核对距离",
          en: "the child's or the mentor's coordinates are missing, the distance cannot be checked",
        },
      },
    ]);
  });
});

describe("the same-area and same-school rules", () => {
  const area = (level: "village" | "township" | "county", region: string) =>
    plan({
      rules: { ...open, hard: { ...HARD, maxDistance: { area: level } } },
      children: [child("a", { region: "430102001001" })],
      mentors: [mentor("m", { region })],
    }).pairs.length;

  it("compares 12 digits for a village, 9 for a township and 6 for a county", () => {
    expect(
      ["village", "township", "county"].map((l) => area(l as "village", "430102001002")),
    ).toEqual([0, 1, 1]);
    expect(
      ["village", "township", "county"].map((l) => area(l as "village", "430102002001")),
    ).toEqual([0, 0, 1]);
    expect(
      ["village", "township", "county"].map((l) => area(l as "village", "430103001001")),
    ).toEqual([0, 0, 0]);
    expect(area("township", "430102001")).toBe(1);
    expect(area("township", "430102")).toBe(0);
    // neither code reaches the village: refused, though both are "undefined" there
    const short = plan({
      rules: { ...open, hard: { ...HARD, maxDistance: { area: "village" } } },
      children: [child("a", { region: "430102" })],
      mentors: [mentor("m", { region: "430102" })],
    });
    expect(short.pairs).toEqual([]);
    expect(short.unmatched[0]!.excludedBy).toEqual([{ rule: "max-distance", count: 1 }]);
  });

  it("a teacher needs a child whose school is recorded", () => {
    // a teacher with no school either is refused all the same
    for (const m of [mentor("m", { school: "s1" }), mentor("m")]) {
      const p = plan({
        rules: { ...open, hard: { ...HARD, sameSchoolKinds: ["subject-teacher"] } },
        children: [child("a")],
        mentors: [m],
      });
      expect(p.unmatched[0]!.excluded[0]!.violations).toEqual([
        {
          rule: "same-school",
          explanation: {
            "zh-CN": "儿童档案未登记学校，帮扶教师须同校",
            en: "the child's school is not recorded; teacher mentors must be of the same school",
          },
        },
      ]);
    }
  });

  it("a host's hard rule excludes a pair without any distance rule", () => {
    const p = plan({
      customRules: [
        { kind: "hard", name: "never", explanation: text("不", "never"), test: () => false },
      ],
    });
    expect(p.pairs).toEqual([]);
    expect(p.unmatched[0]!.excludedBy).toEqual([{ rule: "never", count: 1 }]);
  });
});

describe("soft rules", () => {
  const term = (p: ReturnType<typeof plan>, rule: string) =>
    p.pairs[0]!.breakdown.find((t) => t.rule === rule);

  it("same village: 1 for the same 12 digits, ½ for the same township, 0 beyond", () => {
    const village = (region: string) =>
      term(
        plan({
          rules: { ...open, soft: { sameVillage: 4 } },
          children: [child("a", { region: "430102001001" })],
          mentors: [mentor("m", { region })],
        }),
        "sameVillage",
      );
    expect(village("430102001001")).toEqual({
      rule: "sameVillage",
      weight: 4,
      value: 1,
      points: 4,
      explanation: { "zh-CN": "导师与儿童同村", en: "the mentor lives in the child's village" },
    });
    expect(village("430102001002")).toMatchObject({
      value: 0.5,
      points: 2,
      explanation: { "zh-CN": "导师与儿童同乡镇", en: "the mentor lives in the child's township" },
    });
    // 11, 9 (the township's last digit) and 8 digits in common
    expect(village("430102001101")).toMatchObject({ value: 0.5, points: 2 });
    expect(village("430102001")).toMatchObject({ value: 0.5, points: 2 });
    expect(village("430102002001")).toMatchObject({
      value: 0,
      points: 0,
      explanation: { "zh-CN": "导师与儿童不同村镇", en: "the mentor lives in another township" },
    });
    expect(village("430102")).toMatchObject({ value: 0 });
  });

  it("experience: years ÷ experienceYears, at most 1, for priority children only", () => {
    const experience = (exp: number, key: boolean) =>
      term(
        plan({
          rules: { ...open, soft: { experience: 5 }, experienceYears: 4 },
          children: [child("a", { key })],
          mentors: [mentor("m", { exp })],
        }),
        "experience",
      );
    expect(experience(1, true)).toEqual({
      rule: "experience",
      weight: 5,
      value: 0.25,
      points: 1.25,
      explanation: {
        "zh-CN": "重点对象或高风险儿童配有经验的导师：得分 0.25",
        en: "key case or high-risk child matched to an experienced mentor: value 0.25",
      },
    });
    expect(experience(4, true)).toMatchObject({ value: 1, points: 5 });
    expect(experience(9, true)).toMatchObject({ value: 1, points: 5 });
    expect(experience(9, false)).toMatchObject({ value: 0, points: 0 });
  });

  it("workload: the k-th child of a mentor with capacity c costs weight × (k − 1) ÷ (c − 1)", () => {
    const children = ["a", "b", "c"].map((id) => child(id));
    const p = plan({ rules: { ...open, soft: { workload: 2 } }, children });
    const lines = p.pairs.map((x) => x.breakdown.find((t) => t.rule === "workload"));
    expect(lines.map((t) => [t!.value, t!.points])).toEqual([
      [1, 0],
      [2, -1],
      [3, -2],
    ]);
    expect(lines[1]!.explanation).toEqual({
      "zh-CN": "导师的第 2 名结对儿童（容量 3），负担均衡扣分",
      en: "the mentor's child no. 2 (capacity 3): workload balance cost",
    });
    expect(p.score.total).toBe(-3);
    const single = plan({
      rules: { ...open, soft: { workload: 2 } },
      mentors: [mentor("m", { max: 1 })],
    });
    expect(single.pairs[0]!.breakdown).toContainEqual(
      expect.objectContaining({ rule: "workload", value: 1, points: 0 }),
    );
  });
});

describe("the school and class rules", () => {
  const ALL = {
    classTeacher: 10,
    sameClass: 5,
    sameGrade: 2,
    sameSchool: 1,
  };
  const classes = [
    { id: "k1", schoolId: "s1", grade: 4, name: "四年级一班", classTeacherId: "t" },
    { id: "k2", schoolId: "s1", grade: 4, name: "四年级二班" },
    { id: "k3", schoolId: "s1", grade: 5, name: "五年级一班" },
  ];
  /** The values of the four rules for one pair, and the explanations of the first two. */
  function values(c: ReturnType<typeof child>, m: ReturnType<typeof mentor>, withClasses = true) {
    const p = plan({
      rules: { ...open, mentorKinds: ["class-teacher", "subject-teacher"], soft: ALL },
      children: [c],
      mentors: [m],
      ...(withClasses ? { classes } : {}),
    });
    const b = p.pairs[0]!.breakdown;
    return Object.fromEntries(b.map((t) => [t.rule, t.value]));
  }

  it("the class teacher is the one the class names, else a class teacher whose first class it is", () => {
    const pupil = child("a", { school: "s1", cls: "k1" });
    expect(values(pupil, mentor("t", { school: "s1", classes: ["k3"] }))).toEqual({
      classTeacher: 1,
      sameClass: 0,
      sameGrade: 0,
      sameSchool: 1,
      stability: 0,
    });
    // k1 names t: another class teacher of k1 is not the class teacher
    expect(
      values(pupil, mentor("u", { kind: "class-teacher", school: "s1", classes: ["k1"] })),
    ).toMatchObject({ classTeacher: 0, sameClass: 1, sameGrade: 1 });
    // k2 names nobody: its class teacher is the class teacher whose first class is k2
    const k2 = child("a", { school: "s1", cls: "k2" });
    expect(
      values(k2, mentor("u", { kind: "class-teacher", school: "s1", classes: ["k2"] })),
    ).toMatchObject({ classTeacher: 1, sameClass: 1 });
    expect(
      values(k2, mentor("u", { kind: "class-teacher", school: "s1", classes: ["k3", "k2"] })),
    ).toMatchObject({ classTeacher: 0, sameClass: 1, sameGrade: 1 });
    expect(
      values(k2, mentor("u", { kind: "subject-teacher", school: "s1", classes: ["k2"] })),
    ).toMatchObject({ classTeacher: 0 });
    expect(values(child("a", { school: "s1" }), mentor("t", { school: "s1" }))).toMatchObject({
      classTeacher: 0,
      sameClass: 0,
    });
    // a class teacher with no class is nobody's class teacher, not that of a child with none
    expect(
      values(child("a", { school: "s1" }), mentor("u", { kind: "class-teacher", school: "s1" })),
    ).toMatchObject({ classTeacher: 0 });
  });

  it("the grade is the child's own, else its class's; the school must be recorded and equal", () => {
    const teachesK3 = mentor("m", { school: "s2", classes: ["k3"] });
    expect(values(child("a", { cls: "k2", grade: 5 }), teachesK3)).toMatchObject({
      sameGrade: 1,
      sameSchool: 0,
    });
    expect(values(child("a", { cls: "k3" }), teachesK3)).toMatchObject({ sameGrade: 1 });
    expect(values(child("a", { cls: "k2" }), teachesK3)).toMatchObject({ sameGrade: 0 });
    expect(values(child("a", { cls: "k9" }), teachesK3)).toMatchObject({ sameGrade: 0 });
    expect(values(child("a", {}), teachesK3)).toMatchObject({ sameGrade: 0 });
    // a class the plan does not know has no grade
    expect(values(child("a", { grade: 5 }), mentor("m", { classes: ["k9", "k3"] }))).toMatchObject({
      sameGrade: 1,
    });
    expect(values(child("a", { cls: "k3" }), teachesK3, false)).toMatchObject({ sameGrade: 0 });
    expect(values(child("a", {}), mentor("m"))).toMatchObject({ sameSchool: 0 });
    expect(values(child("a", { school: "s2" }), teachesK3)).toMatchObject({ sameSchool: 1 });
  });

  it("explains each rule, met or not, and leaves out rules of weight 0", () => {
    const p = plan({
      rules: { ...open, soft: { ...ALL, sameVillage: 0 }, stability: 0 },
      children: [child("a", { school: "s1", cls: "k1" })],
      mentors: [mentor("m", { school: "s2", classes: ["k1"] })],
      classes,
    });
    expect(p.pairs[0]!.breakdown.find((t) => t.rule === "sameSchool")!.explanation["zh-CN"]).toBe(
      "导师与儿童不同校",
    );
    expect(p.pairs[0]!.breakdown.map((t) => [t.rule, t.points, t.explanation.en])).toEqual([
      ["classTeacher", 0, "the mentor is not the child's class teacher"],
      ["sameClass", 5, "the mentor teaches the child's class"],
      ["sameGrade", 2, "the mentor teaches the child's grade"],
      ["sameSchool", 0, "the mentor is not of the child's school"],
    ]);
    const q = plan({
      rules: { ...open, soft: ALL },
      children: [child("a", { school: "s1", cls: "k3" })],
      mentors: [mentor("t", { school: "s1" })],
      classes,
      existing: [{ id: "old", childId: "a", mentorId: "t", role: "mentor", start: "2026-01-01" }],
    });
    expect(q.pairs[0]!.breakdown.map((t) => [t.rule, t.points, t.explanation])).toEqual([
      [
        "classTeacher",
        0,
        { "zh-CN": "导师不是儿童的班主任", en: "the mentor is not the child's class teacher" },
      ],
      [
        "sameClass",
        0,
        { "zh-CN": "导师不任教儿童所在班级", en: "the mentor does not teach the child's class" },
      ],
      [
        "sameGrade",
        0,
        {
          "zh-CN": "导师不任教儿童所在年级（或未知）",
          en: "the mentor does not teach the child's grade (or it is unknown)",
        },
      ],
      [
        "sameSchool",
        1,
        { "zh-CN": "导师与儿童同校", en: "the mentor belongs to the child's school" },
      ],
      [
        "stability",
        5,
        { "zh-CN": "保留原有结对（稳定性）", en: "keeps the existing pair (stability)" },
      ],
    ]);
    const r = plan({
      rules: { ...open, soft: ALL },
      children: [child("a", { school: "s1", cls: "k1" })],
      mentors: [mentor("t", { school: "s1", classes: ["k1"] })],
      classes,
    });
    expect(r.pairs[0]!.breakdown.map((t) => t.explanation["zh-CN"])).toEqual([
      "导师是儿童的班主任",
      "导师任教儿童所在班级",
      "导师任教儿童所在年级",
      "导师与儿童同校",
      "新的结对",
    ]);
    expect(r.pairs[0]!.breakdown.at(-1)!.explanation.en).toBe("a new pair");
  });

  it("a host's rule sees the plan date, time zone and classes", () => {
    const seen: unknown[] = [];
    plan({
      classes,
      timeZone: "Asia/Urumqi",
      customRules: [
        {
          kind: "hard",
          name: "look",
          explanation: text("看", "look"),
          test: (c, m, ctx) => {
            seen.push([c.id, m.id, ctx.asOf, ctx.timeZone, [...ctx.classes.keys()]]);
            return true;
          },
        },
      ],
    });
    expect(seen[0]).toEqual(["a", "m", asOf, "Asia/Urumqi", ["k1", "k2", "k3"]]);
  });
});

describe("a host's rules that fail", () => {
  const withRule = (rule: CustomPairingRule) =>
    thrown(() =>
      plan({
        customRules: [
          {
            kind: "soft",
            name: "fine",
            weight: 1,
            explanation: text("好", "fine"),
            score: () => 1,
          },
          rule,
        ],
      }),
    );

  it("a hard rule that throws names the rule, its index and the pair, and keeps the cause", () => {
    const cause = new Error("boom");
    const e = withRule({
      kind: "hard",
      name: "explodes",
      explanation: text("炸", "explodes"),
      test: () => {
        throw cause;
      },
    });
    expect(e.issues).toEqual([
      {
        path: "customRules[1]",
        code: "custom_rule",
        message: {
          "zh-CN": "字段 customRules[1]（explodes）：规则抛出异常（儿童 a，导师 m）",
          en: "customRules[1] (explodes): the rule threw (child a, mentor m)",
        },
      },
    ]);
    expect(e.cause).toBe(cause);
    expect(e.messages.en).toMatch(/^Invalid custom pairing rule \(1 issue\): /);
    expect(e.messages["zh-CN"]).toMatch(/^自定义结对规则校验失败（1 处）：/);
  });

  it("a hard rule must return a boolean", () => {
    const e = withRule({
      kind: "hard",
      name: "truthy",
      explanation: text("真", "truthy"),
      test: () => 1 as unknown as boolean,
    });
    expect(e.issues[0]!.message.en).toBe(
      "customRules[1] (truthy): expected a boolean (child a, mentor m)",
    );
    expect(e.issues[0]!.message["zh-CN"]).toBe(
      "字段 customRules[1]（truthy）：应返回布尔值（儿童 a，导师 m）",
    );
  });

  it("soft rules are called pair after pair, in their order; one that throws mid-row names its pair", () => {
    const calls: string[] = [];
    const logging = (name: string, throwsOn?: string): CustomPairingRule => ({
      kind: "soft",
      name,
      weight: 1,
      explanation: text(name, name),
      score: (c, m) => {
        calls.push(`${name}:${c.id}-${m.id}`);
        if (`${c.id}-${m.id}` === throwsOn) throw new RangeError(name);
        return 0.5;
      },
    });
    const many = {
      children: [child("a"), child("b")],
      mentors: [mentor("m1"), mentor("m2"), mentor("m3")],
    };
    plan({ ...many, customRules: [logging("x"), logging("y")] });
    // Graph order (every pair of each child, rules in order), then the chosen pairs' breakdowns.
    expect(calls.slice(0, 12)).toEqual(
      ["a-m1", "a-m2", "a-m3", "b-m1", "b-m2", "b-m3"].flatMap((p) => [`x:${p}`, `y:${p}`]),
    );
    calls.length = 0;
    const e = thrown(() => plan({ ...many, customRules: [logging("x"), logging("y", "b-m2")] }));
    expect(calls).toEqual(
      ["a-m1", "a-m2", "a-m3", "b-m1", "b-m2"].flatMap((p) => [`x:${p}`, `y:${p}`]),
    );
    expect(e.issues[0]!.message.en).toBe("customRules[1] (y): the rule threw (child b, mentor m2)");
    expect(e.cause).toBeInstanceOf(RangeError);
  });

  it("a soft rule must return a number from 0 to 1, both ends included", () => {
    const soft = (value: unknown): CustomPairingRule => ({
      kind: "soft",
      name: "score",
      weight: 2,
      explanation: text("分", "score"),
      score: () => value as number,
    });
    for (const [bad, shown] of [
      [-0.001, "-0.001"],
      [1.001, "1.001"],
      [Number.NaN, "NaN"],
      ["1", '"1"'],
      [undefined, "undefined"],
    ] as const) {
      expect(withRule(soft(bad)).issues[0]!.message.en).toBe(
        `customRules[1] (score): expected a number in [0, 1] (child a, mentor m, received ${shown})`,
      );
    }
    expect(withRule(soft(2)).issues[0]!.message["zh-CN"]).toBe(
      "字段 customRules[1]（score）：应返回 0 到 1 之间的数（儿童 a，导师 m，收到 2）",
    );
    for (const ok of [0, 1]) {
      const p = plan({ customRules: [soft(ok)] });
      expect(p.pairs[0]!.breakdown.find((t) => t.rule === "score")).toEqual({
        rule: "score",
        weight: 2,
        value: ok,
        points: 2 * ok,
        explanation: { "zh-CN": `分：得分 ${ok.toFixed(2)}`, en: `score: value ${ok.toFixed(2)}` },
      });
    }
  });
});
