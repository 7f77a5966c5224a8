import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors/errors";
import { SCALE } from "./evaluate";
import { planPairingsGreedy } from "./explain";
import { buildCandidateGraph } from "./stages/graph";
import { parseInput, type PlanPairingsInput } from "./stages/input";
import { compareObjective, type Objective } from "./stages/solve";
import { planPairings, type PairingPlan } from "./plan";
import { TEACHER_PAIRING_PRESET } from "./rules";
import { child, mentor, smallInstance } from "./pairing.test-helper";
import { fuzzRuns, propertyRuns, mutating, testSize } from "../_lib/fuzz.test-helper";
import {
  bruteForceBest,
  oracleCapacity,
  oracleEligible,
  oracleGain,
  oraclePriority,
  oracleRulesOf,
  pairingProblem,
  planObjectiveByOracle,
  type PairingProblem,
} from "./oracle.test-helper";

const asOf = "2026-09-01";

/** The objective of a plan, read from its public result. */
function planObjective(input: PlanPairingsInput, plan: PairingPlan): Objective {
  const inst = buildCandidateGraph(parseInput(input));
  const load = new Map<string, number>();
  for (const p of plan.pairs) load.set(p.pairing.mentorId, (load.get(p.pairing.mentorId) ?? 0) + 1);
  let minimumMet = 0;
  inst.mentors.forEach((m, j) => (minimumMet += Math.min(load.get(m.id) ?? 0, inst.caps[j]!.min)));
  return {
    priorityMatched: plan.stats.priorityMatched,
    matched: plan.stats.matched,
    minimumMet,
    score: Math.round(plan.score.total * SCALE),
  };
}

function shuffle<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe("planPairings: optimality", () => {
  it("matches an independent brute force on small random problems (≤ 6 children × ≤ 4 mentors)", () => {
    fc.assert(
      fc.property(pairingProblem(6, 4), (problem) => {
        const plan = planPairings(problem);
        // The oracle rejects a plan that breaks a hard rule or a capacity, and prices it itself.
        const got = planObjectiveByOracle(problem, plan);
        expect(got).toEqual(bruteForceBest(problem));
        expect(Math.round(plan.score.total * SCALE)).toBe(got.score);
        expect(plan.stats.matched).toBe(got.matched);
        expect(plan.stats.priorityMatched).toBe(got.priorityMatched);
      }),
      { numRuns: fuzzRuns(300) },
    );
  }, 120_000);

  it("prices every pair as the oracle does, rule by rule, and flags priority children", () => {
    fc.assert(
      fc.property(pairingProblem(6, 4), (problem) => {
        const plan = planPairings(problem);
        for (const p of plan.pairs) {
          const c = problem.children.find((x) => x.id === p.pairing.childId)!;
          const m = problem.mentors.find((x) => x.id === p.pairing.mentorId)!;
          const soft = p.breakdown.filter((t) => t.rule !== "workload");
          const points = soft.reduce((a, t) => a + Math.round(t.points * SCALE), 0);
          expect(points).toBe(oracleGain(problem, c, m));
          expect(p.priority).toBe(oraclePriority(c, problem.rules));
        }
        // Each unmatched child either has no eligible mentor, or every eligible one is full.
        for (const u of plan.unmatched) {
          const c = problem.children.find((x) => x.id === u.childId)!;
          const eligible = problem.mentors.filter((m) => oracleEligible(problem, c, m));
          expect(u.reason === "capacity-taken").toBe(eligible.length > 0);
          for (const m of eligible) {
            const held = plan.pairs.filter((x) => x.pairing.mentorId === m.id).length;
            expect(held).toBe(oracleCapacity(m, problem.rules).max);
          }
        }
      }),
      { numRuns: fuzzRuns(200) },
    );
  }, 120_000);

  it("never scores below the greedy baseline", () => {
    fc.assert(
      fc.property(smallInstance(6, 4), (x) => {
        const input: PlanPairingsInput = { ...x, asOf };
        const opt = planObjective(input, planPairings(input));
        const greedy = planObjective(input, planPairingsGreedy(input));
        expect(compareObjective(opt, greedy)).toBeGreaterThanOrEqual(0);
        expect(opt.priorityMatched).toBeGreaterThanOrEqual(greedy.priorityMatched);
      }),
      { numRuns: propertyRuns(200) },
    );
  }, 60_000);

  it("the breakdown of each pair sums to its score, and scores sum to the total", () => {
    fc.assert(
      fc.property(smallInstance(6, 4), (x) => {
        const plan = planPairings({ ...x, asOf });
        let total = 0;
        for (const p of plan.pairs) {
          const sum = p.breakdown.reduce((a, t) => a + Math.round(t.points * SCALE), 0);
          expect(Math.round(p.score * SCALE)).toBe(sum);
          total += sum;
        }
        expect(Math.round(plan.score.total * SCALE)).toBe(total);
      }),
      { numRuns: propertyRuns(100) },
    );
  }, 60_000);
});

describe("planPairings: invariants", () => {
  it("respects capacities and hard rules, serves priority children first, and is deterministic", () => {
    fc.assert(
      fc.property(smallInstance(12, 6), fc.integer(), (x, seed) => {
        const input: PlanPairingsInput = { ...x, asOf };
        const plan = planPairings(input);
        const inst = buildCandidateGraph(parseInput(input));
        // Hard rules and capacities, checked by the oracle from the raw input.
        planObjectiveByOracle(
          {
            ...x,
            asOf,
            classes: [],
            exclusions: [],
            rules: oracleRulesOf(x.rules),
          } as unknown as PairingProblem,
          plan,
        );
        // No priority child unmatched while a non-priority child holds a place it was eligible for.
        for (const u of plan.unmatched) {
          if (!u.priority) continue;
          for (const t of u.takenBy) {
            for (const holder of t.childIds) {
              expect(inst.priority[inst.childIndex.get(holder)!]).toBe(1);
            }
          }
        }
        // Every child is either paired or explained.
        expect(plan.pairs.length + plan.unmatched.length).toBe(x.children.length);
        // Same input in another order → the same plan.
        const again = planPairings({
          ...input,
          children: shuffle(x.children, seed),
          mentors: shuffle(x.mentors, seed + 1),
          existing: shuffle(x.existing, seed + 2),
        });
        expect(again.pairs).toEqual(plan.pairs);
        expect(again.unmatched).toEqual(plan.unmatched);
        expect(again.score).toEqual(plan.score);
        // Plain data.
        expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
      }),
      { numRuns: propertyRuns(150) },
    );
  }, 60_000);

  it("does not mutate its input", () => {
    fc.assert(
      fc.property(smallInstance(6, 4), (x) => {
        const input: PlanPairingsInput = { ...x, asOf };
        const before = structuredClone(input);
        planPairings(input);
        expect(input).toEqual(before);
      }),
      { numRuns: propertyRuns(30) },
    );
  }, 60_000);
});

describe("planPairings: priorities are exact", () => {
  it("gives the last place to the key case even when another child scores far higher", () => {
    const plan = planPairings({
      children: [
        child("a", { school: "s1", cls: "k1" }),
        child("b", { school: "s1", cls: "k2", key: true }),
      ],
      mentors: [mentor("t", { kind: "class-teacher", school: "s1", classes: ["k1"], max: 1 })],
      rules: {
        name: "x",
        role: "mentor",
        mentorKinds: ["class-teacher"],
        soft: { classTeacher: 100, sameClass: 100 },
        stability: 100,
      },
      existing: [{ id: "old", childId: "a", mentorId: "t", role: "mentor", start: "2025-09-01" }],
      asOf,
    });
    expect(plan.pairs.map((p) => p.pairing.childId)).toEqual(["b"]);
    expect(plan.unmatched[0]).toMatchObject({
      childId: "a",
      reason: "capacity-taken",
      takenBy: [{ mentorId: "t", childIds: ["b"] }],
    });
    expect(plan.diff.ended[0]!.pairing).toMatchObject({
      id: "old",
      end: asOf,
      endReason: "replanned",
    });
  });

  it("prefers covering more children over a higher total", () => {
    // t1 fits a and b; t2 only a. Taking a→t1 (worth more) would leave b alone.
    const plan = planPairings({
      children: [child("a", { school: "s1", cls: "k1" }), child("b", { school: "s1", cls: "k2" })],
      mentors: [
        mentor("t1", { school: "s1", classes: ["k1"], max: 1 }),
        mentor("t2", { school: "s1", classes: [], max: 1 }),
      ],
      rules: {
        name: "x",
        role: "mentor",
        mentorKinds: ["subject-teacher"],
        soft: { sameClass: 50 },
      },
      asOf,
    });
    expect(plan.stats.matched).toBe(2);
  });
});

describe("planPairings: teacher preset", () => {
  it("pairs children with their class teacher first and fills each teacher's minimum where children suffice", () => {
    const children = ["1", "2", "3", "4", "5", "6"].map((i) =>
      child(`c${i}`, { school: "s1", cls: Number(i) <= 3 ? "k1" : "k2" }),
    );
    const mentors = [
      mentor("t1", { kind: "class-teacher", school: "s1", classes: ["k1"] }),
      mentor("t2", { kind: "class-teacher", school: "s1", classes: ["k2"] }),
      mentor("t3", { kind: "subject-teacher", school: "s1", classes: ["k1", "k2"] }),
    ];
    const plan = planPairings({ children, mentors, rules: { ...TEACHER_RULES }, asOf });
    expect(plan.stats.matched).toBe(6);
    expect(plan.stats.mentorsBelowMinimum).toEqual([]);
    const of = (id: string) => plan.pairs.find((p) => p.pairing.childId === id)!.pairing.mentorId;
    // Each class teacher takes two of their own class; the subject teacher the rest.
    expect(["c1", "c2", "c3"].filter((c) => of(c) === "t1")).toHaveLength(2);
    expect(["c4", "c5", "c6"].filter((c) => of(c) === "t2")).toHaveLength(2);
    const p = plan.pairs.find((x) => x.pairing.mentorId === "t1")!;
    expect(p.breakdown.find((t) => t.rule === "classTeacher")).toMatchObject({
      value: 1,
      points: 10,
    });
    expect(p.breakdown[0]!.explanation.en).toContain("class teacher");
  });
});

const TEACHER_RULES = {
  name: "teacher-mentors",
  role: "mentor" as const,
  mentorKinds: ["class-teacher" as const, "subject-teacher" as const],
  capacity: { default: { min: 2, max: 3 }, byKind: {} },
  soft: { classTeacher: 10, sameClass: 5, workload: 2 },
};

describe("planPairings: bad input", () => {
  const base = {
    children: [child("a", { school: "s1" })],
    mentors: [mentor("t", { school: "s1" })],
    rules: { name: "x", role: "mentor" as const, mentorKinds: ["subject-teacher" as const] },
    asOf,
  };
  it("rejects duplicate ids with a field path", () => {
    const err = (() => {
      try {
        planPairings({ ...base, children: [...base.children, child("a")] });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).issues[0]).toMatchObject({
      path: "children[1].id",
      code: "duplicate_id",
    });
    expect((err as ValidationError).issues[0]!.message["zh-CN"]).toContain("重复");
  });
  it("names the field of a malformed child file", () => {
    const bad = { ...child("b"), child: { ...child("b").child, birthDate: "2015-02-30" } };
    try {
      planPairings({ ...base, children: [...base.children, bad as never] });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).issues[0]!.path).toBe("children[1].child.birthDate");
    }
  });

  it("rejects unknown ids in existing pairings, or ends them on request", () => {
    const existing = [
      {
        id: "p1",
        childId: "a",
        mentorId: "gone",
        role: "mentor" as const,
        start: "2025-09-01" as const,
      },
    ];
    expect(() => planPairings({ ...base, existing })).toThrow(ValidationError);
    const plan = planPairings({ ...base, existing, onMissing: "end" });
    expect(plan.diff.ended[0]!.pairing).toMatchObject({
      id: "p1",
      end: asOf,
      endReason: "mentor-left",
    });
    expect(plan.diff.added[0]).toMatchObject({ childId: "a", mentorId: "t", relayFrom: "p1" });
    expect(plan.history.map((p) => p.id)).toContain("p1");
  });
  it("rejects negative capacities and a child with two active pairings of the role", () => {
    expect(() =>
      planPairings({ ...base, mentors: [mentor("t", { school: "s1", max: -1 })] }),
    ).toThrow(ValidationError);
    const existing = [
      {
        id: "p1",
        childId: "a",
        mentorId: "t",
        role: "mentor" as const,
        start: "2025-09-01" as const,
      },
      {
        id: "p2",
        childId: "a",
        mentorId: "t",
        role: "mentor" as const,
        start: "2025-10-01" as const,
      },
    ];
    expect(() => planPairings({ ...base, existing })).toThrow(/两条进行中的结对/);
  });
  it("rejects a malformed rule set and a custom rule returning nonsense", () => {
    expect(() =>
      planPairings({ ...base, rules: { ...base.rules, soft: { classTeacher: -1 } } }),
    ).toThrow(ValidationError);
    expect(() =>
      planPairings({
        ...base,
        customRules: [
          {
            kind: "soft",
            name: "bad",
            weight: 1,
            explanation: { "zh-CN": "坏", en: "bad" },
            score: () => 2,
          },
        ],
      }),
    ).toThrow(/customRules\[0\]/);
  });
  it("names what a host's soft rule returned, even a value with no text form", () => {
    expect.assertions(2);
    for (const value of [
      Object.create(null),
      {
        toString: () => {
          throw new Error("no");
        },
      },
    ]) {
      const run = () =>
        planPairings({
          ...base,
          customRules: [
            {
              kind: "soft",
              name: "odd",
              weight: 1,
              explanation: { "zh-CN": "怪", en: "odd" },
              score: () => value as never,
            },
          ],
        });
      expect(run).toThrow(ValidationError);
    }
  });
  it("explains a rule set that cannot be satisfied as unmatched reasons", () => {
    const plan = planPairings({ ...base, mentors: [mentor("t", { school: "s2" })] });
    expect(plan.unmatched[0]).toMatchObject({
      childId: "a",
      reason: "no-eligible-mentor",
      excludedBy: [{ rule: "same-school", count: 1 }],
    });
    expect(plan.unmatched[0]!.excluded[0]!.violations[0]!.explanation["zh-CN"]).toContain("同校");
  });
});

describe("planPairings: large instances", () => {
  /** A few schools, hundreds of children, teachers with mixed capacities, some existing pairs. */
  function large(seed: number): PlanPairingsInput {
    let s = seed >>> 0 || 1;
    const rnd = (n: number) => {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      return (s >>> 8) % n;
    };
    const children = Array.from({ length: testSize(500, 100) }, (_, i) =>
      child(`c${String(i).padStart(4, "0")}`, {
        school: `s${rnd(5)}`,
        cls: `k${rnd(4)}`,
        gender: rnd(2) ? "male" : "female",
        key: rnd(10) === 0,
        ...(rnd(8) === 0 ? { risk: "high" as const } : {}),
        region: `4301020010${String(rnd(20)).padStart(2, "0")}`,
      }),
    );
    const mentors = Array.from({ length: testSize(90, 18) }, (_, j) =>
      mentor(`t${String(j).padStart(3, "0")}`, {
        kind: j % 3 === 0 ? "class-teacher" : "subject-teacher",
        school: `s${j % 5}`,
        classes: [`k${rnd(4)}`],
        min: rnd(3),
        max: 3,
        exp: rnd(12),
        region: `4301020010${String(rnd(20)).padStart(2, "0")}`,
      }),
    );
    const existing = children
      .filter(() => rnd(3) === 0)
      .map((c, k) => ({
        id: `old${k}`,
        childId: c.id,
        mentorId: mentors[rnd(mentors.length)]!.id,
        role: "mentor" as const,
        start: "2025-09-01" as const,
      }));
    return { children, mentors, existing, rules: TEACHER_PAIRING_PRESET, asOf };
  }

  it("holds every invariant and is deterministic under shuffled input", () => {
    for (const seed of mutating ? [1] : [1, 2, 3]) {
      const input = large(seed);
      const plan = planPairings(input);
      const inst = buildCandidateGraph(parseInput(input));
      const load = new Map<string, number>();
      for (const p of plan.pairs)
        load.set(p.pairing.mentorId, (load.get(p.pairing.mentorId) ?? 0) + 1);
      inst.mentors.forEach((m, j) =>
        expect(load.get(m.id) ?? 0).toBeLessThanOrEqual(inst.caps[j]!.max),
      );
      for (const p of plan.pairs) {
        const ci = inst.childIndex.get(p.pairing.childId)!;
        const m = inst.allMentors.get(p.pairing.mentorId)!;
        expect(m.schoolId).toBe(inst.children[ci]!.child.schoolId);
      }
      for (const u of plan.unmatched.filter((x) => x.priority)) {
        for (const t of u.takenBy)
          for (const h of t.childIds) expect(inst.priority[inst.childIndex.get(h)!]).toBe(1);
      }
      const greedy = planPairingsGreedy(input);
      expect(plan.stats.priorityMatched).toBeGreaterThanOrEqual(greedy.stats.priorityMatched);
      expect(
        compareObjective(planObjective(input, plan), planObjective(input, greedy)),
      ).toBeGreaterThanOrEqual(0);
      const again = planPairings({
        ...input,
        children: shuffle(input.children, seed * 7),
        mentors: shuffle(input.mentors, seed * 11),
        existing: shuffle(input.existing ?? [], seed * 13),
      });
      expect(again.pairs).toEqual(plan.pairs);
      expect(again.diff).toEqual(plan.diff);
    }
  }, 60_000);
});
