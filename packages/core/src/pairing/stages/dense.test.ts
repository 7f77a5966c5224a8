import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ValidationError } from "../../errors/errors";
import { child, mentor } from "../pairing.test-helper";
import type { Component } from "./components";
import { buildCandidateGraph, type CandidateGraph } from "./graph";
import { parseInput } from "./input";
import { DENSE_MIN_CELLS, denseLayout, solveDense } from "./dense";
import { compareObjective, noChoice, objectiveOf, solveComponent, solveGraph } from "./solve";

/** A complete instance: every child may take every mentor; points from a table, ties likely. */
interface Complete {
  children: number;
  mentors: { min: number; max: number }[];
  keyCases: number[];
  points: number[];
  weight: number;
  workload: number;
}

function graphOf(o: Complete): CandidateGraph {
  const key = new Set(o.keyCases);
  const M = o.mentors.length;
  return buildCandidateGraph(
    parseInput({
      children: Array.from({ length: o.children }, (_, i) =>
        child(`c${String(i).padStart(4, "0")}`, { key: key.has(i) }),
      ),
      mentors: o.mentors.map((cap, j) => mentor(`m${String(j).padStart(4, "0")}`, cap)),
      asOf: "2026-09-01",
      rules: {
        name: "complete",
        role: "mentor",
        mentorKinds: ["subject-teacher"],
        hard: { sameSchoolKinds: [], sameGenderFromAge: null, maxDistance: null },
        soft: { workload: o.workload },
        stability: 0,
      },
      customRules: [
        {
          kind: "soft",
          name: "table",
          weight: o.weight,
          explanation: { "zh-CN": "分值表", en: "points table" },
          score: (c, m) =>
            o.points[(Number(c.id.slice(1)) * M + Number(m.id.slice(1))) % o.points.length]!,
        },
      ],
    }),
  );
}

/** Complete instances of at least `DENSE_MIN_CELLS` cells, with more places than children or fewer. */
const completeInstance = (tall: boolean): fc.Arbitrary<Complete> =>
  fc
    .record({
      mentors: fc.integer({ min: tall ? 40 : 90, max: tall ? 70 : 140 }),
      min: fc.integer({ min: 0, max: 1 }),
      keyCases: fc.array(fc.nat(), { maxLength: 30 }),
      points: fc.array(fc.constantFrom(0, 0.25, 0.5, 1), { minLength: 1, maxLength: 7 }),
      weight: fc.constantFrom(1, 3, 100),
      workload: fc.constantFrom(0, 2),
      maxes: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 5 }),
    })
    .map((r) => {
      const mentors = Array.from({ length: r.mentors }, (_, j) => {
        const max = r.maxes[j % r.maxes.length]!;
        return { min: Math.min(r.min, max), max };
      });
      const places = mentors.reduce((s, m) => s + m.max, 0);
      // Tall: about twice as many children as places; wide: about a third fewer.
      const children = Math.max(
        tall ? places * 2 : Math.ceil((places * 2) / 3),
        Math.ceil(DENSE_MIN_CELLS / places),
      );
      return {
        children,
        mentors,
        keyCases: r.keyCases.map((k) => k % children),
        points: r.points,
        weight: r.weight,
        workload: r.workload,
      };
    });

/** {@link solveDense} of a complete component, with a cost matrix of its own. */
function solveDenseAlone(graph: CandidateGraph, comp: Component, out: Int32Array): boolean {
  const layout = denseLayout(graph, comp);
  if (!layout) throw new Error("the component is not solved dense");
  return solveDense(graph, layout, out, new Float64Array(layout.cells));
}

/** Each chosen edge is the child's own, and no mentor takes more than its maximum. */
function expectFeasible(graph: CandidateGraph, edgeOf: Int32Array): void {
  const load = new Map<number, number>();
  edgeOf.forEach((e, i) => {
    if (e < 0) return;
    expect(e >= graph.edgeStart[i]! && e < graph.edgeStart[i + 1]!).toBe(true);
    const j = graph.edgeMentor[e]!;
    load.set(j, (load.get(j) ?? 0) + 1);
  });
  for (const [j, l] of load) expect(l).toBeLessThanOrEqual(graph.caps[j]!.max);
}

describe("solveDense: a complete component on its slot matrix", () => {
  for (const tall of [false, true]) {
    it(`reaches the flow's optimum, level by level, with ${tall ? "fewer" : "more"} places than children`, () => {
      fc.assert(
        fc.property(completeInstance(tall), (o) => {
          const graph = graphOf(o);
          expect(graph.components).toHaveLength(1);
          const comp = graph.components[0]!;
          expect(denseLayout(graph, comp)).toBeDefined();
          const edgeOf = noChoice(graph);
          expect(solveDenseAlone(graph, comp, edgeOf)).toBe(true);
          expectFeasible(graph, edgeOf);
          const flow = solveComponent(graph, comp).objective;
          expect(compareObjective(objectiveOf(graph, comp, edgeOf), flow)).toBe(0);
          // The plan's solve takes this path, and gives the same choice.
          expect(solveGraph(graph)).toEqual(edgeOf);
        }),
        { numRuns: 12 },
      );
    });
  }

  it.each([
    ["fewer", 700, { min: 1, max: 1 }],
    ["more", 260, { min: 1, max: 2 }],
  ])(
    "refuses gains too large for exact arithmetic (%s places than children), and leaves them to the flow, which refuses too",
    (_, children, cap) => {
      // Gains a million times the largest points a rule set gives.
      const o: Complete = {
        children,
        mentors: Array.from({ length: children === 700 ? 100 : 130 }, () => cap),
        keyCases: [3, 50, 200],
        points: [0, 1, 0.5],
        weight: 100,
        workload: 0,
      };
      const plain = graphOf(o);
      const graph = { ...plain, edgeGain: plain.edgeGain.map((g) => g * 1e6) };
      const comp = graph.components[0]!;
      expect(denseLayout(graph, comp)).toBeDefined();
      const untouched = noChoice(graph);
      expect(solveDenseAlone(graph, comp, untouched)).toBe(false);
      expect(untouched).toEqual(noChoice(graph));
      const refusal = (() => {
        try {
          solveGraph(graph);
        } catch (e) {
          return e;
        }
      })();
      expect(refusal).toBeInstanceOf(ValidationError);
      expect((refusal as ValidationError).issues[0]!.code).toBe("too_large");
      // The same component with the points as they are is solved dense.
      expect(solveDenseAlone(plain, comp, noChoice(plain))).toBe(true);
    },
  );

  it("meets mentors' minimums before it spares their workload, as the flow does", () => {
    // 260 children, no points; 130 mentors of at least and at most 2 children, whose second
    // child costs the largest workload penalty, and 130 of one child and no penalty. Meeting
    // every minimum puts all the children with the first 130 mentors.
    const o: Complete = {
      children: 260,
      mentors: Array.from({ length: 260 }, (_, j) =>
        j < 130 ? { min: 2, max: 2 } : { min: 0, max: 1 },
      ),
      keyCases: [],
      points: [0],
      weight: 1,
      workload: 100,
    };
    const graph = graphOf(o);
    const comp = graph.components[0]!;
    const edgeOf = noChoice(graph);
    expect(solveDenseAlone(graph, comp, edgeOf)).toBe(true);
    const objective = objectiveOf(graph, comp, edgeOf);
    expect(objective).toEqual(solveComponent(graph, comp).objective);
    expect(objective.minimumMet).toBe(260);
  });

  it("takes only large complete components", () => {
    const small: Complete = {
      children: 20,
      mentors: [{ min: 0, max: 2 }],
      keyCases: [],
      points: [1],
      weight: 1,
      workload: 0,
    };
    const g = graphOf(small);
    expect(denseLayout(g, g.components[0]!)).toBeUndefined();
    const large = graphOf({
      ...small,
      children: 300,
      mentors: Array(150).fill({ min: 0, max: 2 }),
    });
    const comp = large.components[0]!;
    // Each mentor's places: its maximum (2), never more than the 300 children.
    expect(denseLayout(large, comp)?.cells).toBe(300 * 150 * 2);
    // Children with an edge to a mentor outside the component's list: not complete.
    const cut = { ...comp, mentors: comp.mentors.slice(1) };
    expect(denseLayout(large, cut)).toBeUndefined();
    // A child whose edges are not in the order of the component's mentors.
    const edgeMentor = large.edgeMentor.slice();
    [edgeMentor[0], edgeMentor[1]] = [edgeMentor[1]!, edgeMentor[0]!];
    expect(denseLayout({ ...large, edgeMentor }, comp)).toBeUndefined();
  });
});
