import { describe, expect, it } from "vitest";
import { ValidationError } from "../../errors/errors";
import type { FieldIssue } from "../../errors/issues";
import { child, mentor } from "../pairing.test-helper";
import type { PairingRuleSetInput } from "../rules";
import { buildCandidateGraph, type CandidateGraph } from "./graph";
import { parseInput, type PlanPairingsInput } from "./input";
import { compareObjective, solveComponent, solveGraph } from "./solve";

const asOf = "2026-09-01";

function graphOf(
  children: PlanPairingsInput["children"],
  mentors: PlanPairingsInput["mentors"],
  rules: Partial<PairingRuleSetInput> = {},
): CandidateGraph {
  return buildCandidateGraph(
    parseInput({
      children,
      mentors,
      rules: {
        name: "r",
        role: "mentor",
        mentorKinds: ["subject-teacher"],
        stability: 0,
        ...rules,
      },
      asOf,
    }),
  );
}

/** The mentor id each child gets, by child id (`null`: unmatched). */
function chosen(graph: CandidateGraph, edgeOf: Int32Array): Record<string, string | null> {
  return Object.fromEntries(
    graph.children.map((c, i) => {
      const e = edgeOf[i]!;
      return [c.id, e < 0 ? null : graph.mentors[graph.edgeMentor[e]!]!.id];
    }),
  );
}

describe("solveGraph: the levels of the objective", () => {
  it("meets a mentor's minimum before it takes the better-scoring pair", () => {
    // t2 teaches the class (2 points); t1 has a minimum of one child.
    const graph = graphOf(
      [child("a", { school: "s1", cls: "k1" })],
      [
        mentor("t1", { school: "s1", min: 1, max: 1 }),
        mentor("t2", { school: "s1", classes: ["k1"] }),
      ],
      { soft: { sameClass: 2 } },
    );
    expect(chosen(graph, solveGraph(graph))).toEqual({ a: "t1" });
  });

  it("meets a minimum before a better pair, wherever the better pair comes in the row", () => {
    // The same with the better pair first: t1 teaches the class, t2 has the minimum.
    const graph = graphOf(
      [child("a", { school: "s1", cls: "k1" })],
      [
        mentor("t1", { school: "s1", classes: ["k1"] }),
        mentor("t2", { school: "s1", min: 1, max: 1 }),
      ],
      { soft: { sameClass: 2 } },
    );
    expect(chosen(graph, solveGraph(graph))).toEqual({ a: "t2" });
  });

  it("charges no workload for a mentor's first child", () => {
    // t1 could take two (capacity 2), t2 one; t2 teaches the class (1 point). The first child of
    // either costs nothing, so the point decides.
    const graph = graphOf(
      [child("a", { school: "s1", cls: "k1" })],
      [
        mentor("t1", { school: "s1", max: 2 }),
        mentor("t2", { school: "s1", classes: ["k1"], max: 1 }),
      ],
      { soft: { sameClass: 1, workload: 3 } },
    );
    expect(chosen(graph, solveGraph(graph))).toEqual({ a: "t2" });
  });

  it("meets a minimum even when the mentor's second child costs a workload penalty", () => {
    // t1 needs both children (min 2); its second costs 3 points of workload. t2 takes one child
    // at no cost, but then t1 misses its minimum.
    const graph = graphOf(
      [child("a", { school: "s1" }), child("b", { school: "s1" })],
      [mentor("t1", { school: "s1", min: 2, max: 2 }), mentor("t2", { school: "s1", max: 1 })],
      { soft: { workload: 3 } },
    );
    const edgeOf = solveGraph(graph);
    expect(chosen(graph, edgeOf)).toEqual({ a: "t1", b: "t1" });
    expect(solveComponent(graph, graph.components[0]!).objective).toEqual({
      priorityMatched: 0,
      matched: 2,
      minimumMet: 2,
      score: -3000,
    });
  });

  it("spreads the children when a mentor's further children cost workload", () => {
    const graph = graphOf(
      [child("a", { school: "s1" }), child("b", { school: "s1" }), child("c", { school: "s1" })],
      [mentor("t1", { school: "s1", max: 3 }), mentor("t2", { school: "s1", max: 3 })],
      { soft: { workload: 4 } },
    );
    // The k-th child of a mentor of capacity 3 costs 4 × (k − 1) / 2 points: 0, 2, 4.
    const load = Object.values(chosen(graph, solveGraph(graph))).reduce<Record<string, number>>(
      (n, m) => ({ ...n, [m!]: (n[m!] ?? 0) + 1 }),
      {},
    );
    expect(Object.values(load).sort()).toEqual([1, 2]);
    expect(solveComponent(graph, graph.components[0]!).objective).toEqual({
      priorityMatched: 0,
      matched: 3,
      minimumMet: 0,
      score: -2000,
    });
  });

  it("matches a priority child before a child with a better pair", () => {
    const graph = graphOf(
      [child("a", { school: "s1", cls: "k1" }), child("p", { school: "s1", key: true })],
      [mentor("t1", { school: "s1", classes: ["k1"] })],
      { soft: { sameClass: 5 } },
    );
    expect(chosen(graph, solveGraph(graph))).toEqual({ a: null, p: "t1" });
  });
});

describe("solveComponent with a forced pair", () => {
  it("makes the forced pair even when a priority child loses its mentor", () => {
    const graph = graphOf(
      [child("f", { school: "s1" }), child("p", { school: "s1", key: true })],
      [mentor("t1", { school: "s1" })],
    );
    const forced = { child: graph.childIndex.get("f")!, mentor: graph.mentorIndex.get("t1")! };
    const s = solveComponent(graph, graph.components[0]!, forced);
    expect(chosen(graph, s.edgeOf)).toEqual({ f: "t1", p: null });
    expect(s.objective).toEqual({ priorityMatched: 0, matched: 1, minimumMet: 0, score: 0 });
    expect(chosen(graph, solveGraph(graph))).toEqual({ f: null, p: "t1" });
  });

  it("gives the forced child only the forced mentor, though another scores more", () => {
    const graph = graphOf(
      [child("f", { school: "s1", cls: "k1" })],
      [mentor("t1", { school: "s1", classes: ["k1"] }), mentor("t2", { school: "s1" })],
      { soft: { sameClass: 2 } },
    );
    const forced = { child: graph.childIndex.get("f")!, mentor: graph.mentorIndex.get("t2")! };
    const s = solveComponent(graph, graph.components[0]!, forced);
    expect(chosen(graph, s.edgeOf)).toEqual({ f: "t2" });
    expect(s.objective.score).toBe(0);
    expect(chosen(graph, solveGraph(graph))).toEqual({ f: "t1" });
  });
});

describe("solveGraph: exact integer arithmetic", () => {
  // Two children, one mentor: the solve refuses when 8 × (2M + the largest gain) reaches 2^52,
  // where M = the sum of the children's best gains + 1. With both gains g that is
  // 8 × (5g + 2) ≥ 2^52, first reached, exactly, at g = (2^49 − 2) / 5.
  const limit = (2 ** 49 - 2) / 5;
  const withGains = (g: number): CandidateGraph => {
    const graph = graphOf(
      [child("a", { school: "s1" }), child("b", { school: "s1" })],
      [mentor("t1", { school: "s1", max: 2 })],
    );
    return { ...graph, edgeGain: Float64Array.of(g, g) };
  };

  it("refuses gains at and past the limit, with the field and both texts", () => {
    expect.assertions(1 + 3 * 2);
    expect(Number.isInteger(limit)).toBe(true);
    for (const g of [limit, limit + 1]) {
      try {
        solveGraph(withGains(g));
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        expect((e as ValidationError).messages.en).toMatch(
          /^Invalid pairing plan input \(1 issue\)/,
        );
        expect(
          (e as ValidationError).issues.map((i: FieldIssue) => [i.path, i.code, i.message]),
        ).toEqual([
          [
            "rules.soft",
            "too_large",
            {
              "zh-CN": "字段 rules.soft：实例过大，整数精度不足：请降低权重或拆分计划",
              en: "rules.soft: instance too large for exact integer arithmetic: lower the weights or split the plan",
            },
          ],
        ]);
      }
    }
  });

  it("counts the largest gain wherever it is", () => {
    // Gains 2h and h: 8 × (2 × (3h + 1) + 2h) = 8 × (8h + 2) passes 2^52 at h = 2^46.
    const h = 2 ** 46;
    const graph = graphOf(
      [child("a", { school: "s1" }), child("b", { school: "s1" })],
      [mentor("t1", { school: "s1", max: 2 })],
    );
    expect(() => solveGraph({ ...graph, edgeGain: Float64Array.of(2 * h, h) })).toThrow(
      ValidationError,
    );
    expect(() => solveGraph({ ...graph, edgeGain: Float64Array.of(h, 2 * h) })).toThrow(
      ValidationError,
    );
    expect(() =>
      solveGraph({ ...graph, edgeGain: Float64Array.of(h - 1, 2 * h - 2) }),
    ).not.toThrow();
  });

  it("solves exactly just below the limit", () => {
    const graph = withGains(limit - 1);
    expect(chosen(graph, solveGraph(graph))).toEqual({ a: "t1", b: "t1" });
  });
});

describe("compareObjective", () => {
  const o = (priorityMatched: number, matched: number, minimumMet: number, score: number) => ({
    priorityMatched,
    matched,
    minimumMet,
    score,
  });

  it("ranks priority children, then children, then minimums, then the score", () => {
    expect(compareObjective(o(2, 2, 0, 0), o(1, 5, 5, 9000))).toBeGreaterThan(0);
    expect(compareObjective(o(1, 5, 5, 9000), o(2, 2, 0, 0))).toBeLessThan(0);
    expect(compareObjective(o(1, 3, 0, 0), o(1, 2, 5, 9000))).toBeGreaterThan(0);
    expect(compareObjective(o(1, 3, 2, 0), o(1, 3, 1, 9000))).toBeGreaterThan(0);
    expect(compareObjective(o(1, 3, 1, 9000), o(1, 3, 2, 0))).toBeLessThan(0);
    expect(compareObjective(o(1, 3, 2, 500), o(1, 3, 2, 400))).toBeGreaterThan(0);
    expect(compareObjective(o(1, 3, 2, 400), o(1, 3, 2, 500))).toBeLessThan(0);
    expect(compareObjective(o(1, 3, 2, 400), o(1, 3, 2, 400))).toBe(0);
  });
});
