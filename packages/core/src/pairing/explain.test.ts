import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors/errors";
import { explainWhyNot, planPairingsGreedy } from "./explain";
import { child, mentor } from "./pairing.test-helper";
import { planPairings } from "./plan";
import type { PairingPlan } from "./plan";
import type { PlanPairingsInput } from "./stages/input";

const asOf = "2026-09-01";
const rules = {
  name: "r",
  role: "mentor" as const,
  mentorKinds: ["class-teacher" as const, "subject-teacher" as const],
  soft: { classTeacher: 10, sameClass: 4 },
};
const why = (input: PlanPairingsInput, childId: string, mentorId: string) =>
  explainWhyNot(input, planPairings(input), childId, mentorId);

describe("explainWhyNot, word for word", () => {
  it("a pair in the plan, and an equally good one the tie-break did not choose", () => {
    const input = {
      children: [child("a", { school: "s1" })],
      mentors: [mentor("t1", { school: "s1" }), mentor("t2", { school: "s1" })],
      rules,
      asOf,
    };
    expect(why(input, "a", "t1")).toEqual({
      childId: "a",
      mentorId: "t1",
      violations: [],
      takenBy: [{ childId: "a", priority: false }],
      scoreLoss: 0,
      displaced: [],
      code: "paired",
      message: { "zh-CN": "该结对已在计划中", en: "this pair is in the plan" },
    });
    expect(why(input, "a", "t2")).toEqual({
      childId: "a",
      mentorId: "t2",
      violations: [],
      takenBy: [],
      scoreLoss: 0,
      displaced: [],
      code: "tie",
      message: {
        "zh-CN": "存在同样优的方案，按编号顺序的确定性规则选择了另一方案",
        en: "an equally good plan exists; the canonical (id-ordered) tie-break chose another",
      },
    });
  });

  it("every hard rule the pair breaks", () => {
    const input = {
      children: [child("a", { school: "s1" })],
      mentors: [mentor("t", { school: "s2", to: "2026-01-01" })],
      rules,
      asOf,
    };
    const w = why(input, "a", "t");
    expect(w.code).toBe("hard-rule");
    expect(w.violations.map((v) => v.rule)).toEqual(["availability", "same-school"]);
    expect(w.message).toEqual({
      "zh-CN":
        "违反硬性规则：导师的可结对期限已于 2026-01-01 结束；帮扶教师须与儿童同校（儿童 s1，教师 s2）",
      en: "breaks a hard rule: the mentor's availability ended on 2026-01-01; teacher mentors must be of the child's school (child s1, mentor s2)",
    });
  });

  it("how many priority children, or children, the pair would leave unmatched", () => {
    const priority = why(
      {
        children: [
          child("a", { school: "s1", cls: "k1" }),
          child("b", { school: "s1", key: true }),
          child("c", { school: "s1", key: true }),
        ],
        mentors: [mentor("t", { kind: "class-teacher", school: "s1", classes: ["k1"], max: 2 })],
        rules,
        asOf,
      },
      "a",
      "t",
    );
    expect(priority).toMatchObject({
      code: "priority",
      takenBy: [
        { childId: "b", priority: true },
        { childId: "c", priority: true },
      ],
      displaced: ["c"],
      message: {
        "zh-CN":
          "名额被优先级更高的儿童（重点对象或高风险）占用：强制该结对会使 1 名优先儿童失去结对",
        en: "the places are held by higher-priority children (key cases or high-risk): forcing this pair would leave 1 priority child(ren) unmatched",
      },
    });
    // a fits only t1, b both: forcing b–t1 leaves a alone.
    const coverage = why(
      {
        children: [
          child("a", { school: "s1", cls: "k1" }),
          child("b", { school: "s1", cls: "k1" }),
        ],
        mentors: [mentor("t1", { school: "s1", max: 1 }), mentor("t2", { school: "s1", max: 1 })],
        rules,
        exclusions: [{ childId: "a", mentorId: "t2" }],
        asOf,
      },
      "b",
      "t1",
    );
    expect(coverage).toMatchObject({
      code: "coverage",
      displaced: ["a"],
      message: {
        "zh-CN": "强制该结对会使 1 名儿童失去结对",
        en: "forcing this pair would leave 1 more child(ren) unmatched",
      },
    });
  });

  it("a mentor left below its minimum", () => {
    const w = why(
      {
        children: [child("a", { school: "s1" })],
        mentors: [mentor("t1", { school: "s1", min: 1 }), mentor("t2", { school: "s1" })],
        rules,
        asOf,
      },
      "a",
      "t2",
    );
    expect(w).toMatchObject({
      code: "minimum",
      takenBy: [],
      displaced: [],
      message: {
        "zh-CN": "强制该结对会使导师达不到最少结对人数",
        en: "forcing this pair would leave a mentor below its minimum",
      },
    });
  });

  it("how many points the pair would cost, with the children it would move", () => {
    const classTeacher = mentor("t1", { kind: "class-teacher", school: "s1", classes: ["k1"] });
    // The class teacher earns a's class (4) and class-teacher (10) points; t2 earns none.
    const alone = {
      children: [child("a", { school: "s1", cls: "k1" })],
      mentors: [classTeacher, mentor("t2", { school: "s1" })],
      rules,
      asOf,
    };
    expect(why(alone, "a", "t2")).toEqual({
      childId: "a",
      mentorId: "t2",
      violations: [],
      takenBy: [],
      scoreLoss: 14,
      displaced: [],
      code: "score",
      message: {
        "zh-CN": "强制该结对会使总分降低 14 分",
        en: "forcing this pair would lower the total score by 14 points",
      },
    });
    // b (class k2) forced onto the class teacher of k1 moves a to t2: a loses 14 points, b gains none.
    const two = {
      children: [child("a", { school: "s1", cls: "k1" }), child("b", { school: "s1", cls: "k2" })],
      mentors: [{ ...classTeacher, capacity: { max: 1 } }, mentor("t2", { school: "s1", max: 1 })],
      rules,
      asOf,
    };
    expect(why(two, "b", "t1")).toMatchObject({
      code: "score",
      takenBy: [{ childId: "a", priority: false }],
      scoreLoss: 14,
      displaced: ["a"],
    });
  });

  it("names one unknown id, and checks the request", () => {
    const input = { children: [child("a")], mentors: [mentor("t1")], rules, asOf };
    const plan = planPairings(input);
    const issuesOf = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        return (e as ValidationError).issues.map((i) => i.path);
      }
      return expect.unreachable("no ValidationError");
    };
    expect(issuesOf(() => explainWhyNot(input, plan, "zz", "t1"))).toEqual(["childId"]);
    expect(issuesOf(() => explainWhyNot(input, plan, "a", "yy"))).toEqual(["mentorId"]);
    expect(issuesOf(() => explainWhyNot(input, plan, 7 as never, "t1"))).toEqual(["childId"]);
    expect(issuesOf(() => explainWhyNot(input, plan, "a", "" as never))).toEqual(["mentorId"]);
    expect(issuesOf(() => explainWhyNot(input, {} as PairingPlan, "a", "t1"))).toEqual(["pairs"]);
    expect(
      issuesOf(() =>
        explainWhyNot(input, { pairs: [{ pairing: { childId: "a" } }] } as never, "a", "t1"),
      ),
    ).toEqual(["pairs[0].pairing.mentorId"]);
  });

  it("names both unknown ids", () => {
    const input = { children: [child("a")], mentors: [mentor("t1")], rules, asOf };
    try {
      why(input, "zz", "yy");
      expect.unreachable("no ValidationError");
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).issues.map((i) => [i.path, i.message.en])).toEqual([
        ["childId", "childId: child zz is not in the input"],
        ["mentorId", "mentorId: mentor yy is not in the input"],
      ]);
    }
  });
});

describe("planPairingsGreedy, the baseline", () => {
  const pairsOf = (plan: PairingPlan) =>
    plan.pairs.map((p) => `${p.pairing.childId}–${p.pairing.mentorId}`);
  const teacherOfK1 = mentor("t1", {
    kind: "class-teacher",
    school: "s1",
    classes: ["k1"],
    max: 1,
  });

  it("serves priority children first, then children by id", () => {
    const input = {
      children: [
        child("a", { school: "s1", cls: "k1" }),
        child("b", { school: "s1", cls: "k1", key: true }),
      ],
      mentors: [teacherOfK1, mentor("t2", { school: "s1", max: 1 })],
      rules,
      asOf,
    };
    // The key case b takes the class teacher; the exact plan, equal in score, breaks the tie by id.
    expect(pairsOf(planPairingsGreedy(input))).toEqual(["a–t2", "b–t1"]);
    expect(pairsOf(planPairings(input))).toEqual(["a–t1", "b–t2"]);
  });

  it("takes the first of equally good mentors, up to each one's maximum", () => {
    const children = [child("a", { school: "s1" }), child("b", { school: "s1" })];
    const two = [mentor("t1", { school: "s1", max: 2 }), mentor("t2", { school: "s1", max: 2 })];
    expect(pairsOf(planPairingsGreedy({ children, mentors: two, rules, asOf }))).toEqual([
      "a–t1",
      "b–t1",
    ]);
    const one = [mentor("t1", { school: "s1", max: 1 })];
    const plan = planPairingsGreedy({ children, mentors: one, rules, asOf });
    expect(pairsOf(plan)).toEqual(["a–t1"]);
    expect(plan.unmatched.map((u) => [u.childId, u.reason])).toEqual([["b", "capacity-taken"]]);
  });

  it("prices a mentor's next place with the workload penalty", () => {
    const input = {
      children: [child("a", { school: "s1" }), child("b", { school: "s1" })],
      mentors: [mentor("t1", { school: "s1", max: 2 }), mentor("t2", { school: "s1", max: 2 })],
      rules: { ...rules, soft: { ...rules.soft, workload: 3 } },
      asOf,
    };
    expect(pairsOf(planPairingsGreedy(input))).toEqual(["a–t1", "b–t2"]);
  });

  it("is not optimal: the first child may take the only mentor the next one could have", () => {
    const input = {
      children: [child("a", { school: "s1", cls: "k1" }), child("b", { school: "s1", cls: "k1" })],
      mentors: [teacherOfK1, mentor("t2", { school: "s1", max: 1 })],
      exclusions: [{ childId: "b", mentorId: "t2" }],
      rules,
      asOf,
    };
    const greedy = planPairingsGreedy(input);
    expect(pairsOf(greedy)).toEqual(["a–t1"]);
    expect(greedy.stats.matched).toBe(1);
    expect(pairsOf(planPairings(input))).toEqual(["a–t2", "b–t1"]);
  });
});

describe("explainWhyNot, the points lost and the request's texts", () => {
  it("subtracts the forced plan's points from the best plan's", () => {
    // a earns 14 points with its class teacher t1 and 4 with t2, who teaches its class.
    const input = {
      children: [child("a", { school: "s1", cls: "k1" })],
      mentors: [
        mentor("t1", { kind: "class-teacher", school: "s1", classes: ["k1"] }),
        mentor("t2", { school: "s1", classes: ["k1"] }),
      ],
      rules,
      asOf,
    };
    expect(why(input, "a", "t2")).toMatchObject({
      code: "score",
      scoreLoss: 10,
      message: { en: "forcing this pair would lower the total score by 10 points" },
    });
  });

  it("says in both languages which id is unknown, under the request's subject", () => {
    const input = { children: [child("a")], mentors: [mentor("t1")], rules, asOf };
    try {
      why(input, "zz", "yy");
      expect.unreachable("no ValidationError");
    } catch (e) {
      const err = e as ValidationError;
      expect(err.issues.map((i) => i.message["zh-CN"])).toEqual([
        "字段 childId：儿童 zz 不在输入中",
        "字段 mentorId：导师 yy 不在输入中",
      ]);
      expect(err.messages.en.startsWith("Invalid why-not request (2 issues)")).toBe(true);
      expect(err.messages["zh-CN"].startsWith("结对解释请求校验失败")).toBe(true);
    }
    try {
      explainWhyNot(input, undefined as never, "a", "t1");
      expect.unreachable("no ValidationError");
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).issues.map((i) => i.path)).toEqual(["pairs"]);
      expect((e as ValidationError).messages.en.startsWith("Invalid why-not request")).toBe(true);
      expect((e as ValidationError).messages["zh-CN"].startsWith("结对解释请求校验失败")).toBe(
        true,
      );
    }
  });
});

describe("planPairingsGreedy, workload against each mentor's maximum", () => {
  it("prices the next place of mentors of different maximums", () => {
    // After a takes t1, t1's second place costs the whole workload weight (maximum 2) and t2's
    // half of it (maximum 3): b and c both go to t2.
    const input = {
      children: ["a", "b", "c"].map((id) => child(id, { school: "s1" })),
      mentors: [mentor("t1", { school: "s1", max: 2 }), mentor("t2", { school: "s1", max: 3 })],
      rules: { ...rules, soft: { ...rules.soft, workload: 3 } },
      asOf,
    };
    expect(
      planPairingsGreedy(input).pairs.map((p) => `${p.pairing.childId}–${p.pairing.mentorId}`),
    ).toEqual(["a–t1", "b–t2", "c–t2"]);
  });
});
