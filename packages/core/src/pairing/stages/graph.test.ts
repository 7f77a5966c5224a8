import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { propertyRuns } from "../../_lib/fuzz.test-helper";
import { isEligible, softGain } from "../evaluate";
import { child, mentor, smallInstance } from "../pairing.test-helper";
import { buildCandidateGraph } from "./graph";
import { parseInput } from "./input";

describe("buildCandidateGraph", () => {
  it("has exactly the eligible pairs, each with its own gain, when children share rows", () => {
    fc.assert(
      fc.property(smallInstance(12, 5), fc.boolean(), (x, sameRegion) => {
        // Many children with the same school, class and village: rows are shared between them.
        const children = sameRegion
          ? x.children.map((c) => ({ ...c, child: { ...c.child, regionCode: "430102001001" } }))
          : x.children;
        const graph = buildCandidateGraph(parseInput({ ...x, children, asOf: "2026-09-01" }));
        const { ctx, mentors, priority } = graph;
        graph.children.forEach((c, i) => {
          const kept = graph.activeByChild.get(i)?.mentorId;
          const expected = mentors.flatMap((m, j) =>
            isEligible(ctx, c, m)
              ? [[j, softGain(ctx, c, m, kept === m.id, priority[i] === 1)]]
              : [],
          );
          const actual: number[][] = [];
          for (let e = graph.edgeStart[i]!; e < graph.edgeStart[i + 1]!; e++)
            actual.push([graph.edgeMentor[e]!, graph.edgeGain[e]!]);
          expect(actual).toEqual(expected);
        });
      }),
      { numRuns: propertyRuns(200) },
    );
  });

  it("gives children of one row the same eligible mentors, in the same order", () => {
    fc.assert(
      fc.property(smallInstance(12, 5), (x) => {
        const graph = buildCandidateGraph(parseInput({ ...x, asOf: "2026-09-01" }));
        const mentorsOf = (i: number) => [
          ...graph.edgeMentor.subarray(graph.edgeStart[i]!, graph.edgeStart[i + 1]!),
        ];
        const first = new Map<number, number>();
        for (let i = 0; i < graph.children.length; i++) {
          const row = graph.rowOf[i]!;
          if (!first.has(row)) first.set(row, i);
          expect(mentorsOf(i)).toEqual(mentorsOf(first.get(row)!));
        }
      }),
      { numRuns: propertyRuns(200) },
    );
  });

  it("puts every child and mentor with an edge in exactly one component", () => {
    fc.assert(
      fc.property(smallInstance(12, 5), (x) => {
        const graph = buildCandidateGraph(parseInput({ ...x, asOf: "2026-09-01" }));
        const childComp = new Map<number, number>();
        const mentorComp = new Map<number, number>();
        graph.components.forEach((comp, k) => {
          for (const i of comp.children) childComp.set(i, k);
          for (const j of comp.mentors) mentorComp.set(j, k);
        });
        for (let i = 0; i < graph.children.length; i++) {
          const deg = graph.edgeStart[i + 1]! - graph.edgeStart[i]!;
          expect(childComp.has(i)).toBe(deg > 0);
          for (let e = graph.edgeStart[i]!; e < graph.edgeStart[i + 1]!; e++)
            expect(mentorComp.get(graph.edgeMentor[e]!)).toBe(childComp.get(i));
        }
        const withEdge = new Set(graph.edgeMentor);
        expect([...mentorComp.keys()].sort((a, b) => a - b)).toEqual(
          [...withEdge].sort((a, b) => a - b),
        );
      }),
      { numRuns: propertyRuns(200) },
    );
  });
});

describe("buildCandidateGraph: rows shared only when nothing reads the pair", () => {
  const rules = {
    name: "r",
    role: "mentor" as const,
    mentorKinds: ["subject-teacher" as const],
    soft: { sameClass: 2 },
    stability: 5,
  };
  const twins = [child("b", { school: "s1", cls: "k1" }), child("a", { school: "s1", cls: "k1" })];
  const mentors = [mentor("t2", { school: "s1", classes: ["k1"] }), mentor("t1", { school: "s1" })];
  const rowOf = (graph: ReturnType<typeof buildCandidateGraph>, id: string) => {
    const i = graph.childIndex.get(id)!;
    const row: [string, number][] = [];
    for (let e = graph.edgeStart[i]!; e < graph.edgeStart[i + 1]!; e++)
      row.push([graph.mentors[graph.edgeMentor[e]!]!.id, graph.edgeGain[e]!]);
    return row;
  };

  it("sorts children and mentors by id", () => {
    const graph = buildCandidateGraph(
      parseInput({ children: twins, mentors, rules, asOf: "2026-09-01" }),
    );
    expect(graph.children.map((c) => c.id)).toEqual(["a", "b"]);
    expect(graph.mentors.map((m) => m.id)).toEqual(["t1", "t2"]);
    expect(rowOf(graph, "b")).toEqual([
      ["t1", 0],
      ["t2", 2000],
    ]);
  });

  it("gives an excluded pair no edge even when the twin's row has it", () => {
    const graph = buildCandidateGraph(
      parseInput({
        children: twins,
        mentors,
        rules,
        asOf: "2026-09-01",
        exclusions: [{ childId: "b", mentorId: "t2" }],
      }),
    );
    expect(rowOf(graph, "a")).toEqual([
      ["t1", 0],
      ["t2", 2000],
    ]);
    expect(rowOf(graph, "b")).toEqual([["t1", 0]]);
  });

  it("adds the stability bonus to the kept pair of one child only", () => {
    const graph = buildCandidateGraph(
      parseInput({
        children: twins,
        mentors,
        rules,
        asOf: "2026-09-01",
        existing: [{ id: "p", childId: "a", mentorId: "t1", role: "mentor", start: "2025-09-01" }],
      }),
    );
    expect(rowOf(graph, "a")).toEqual([
      ["t1", 5000],
      ["t2", 2000],
    ]);
    expect(rowOf(graph, "b")).toEqual([
      ["t1", 0],
      ["t2", 2000],
    ]);
  });
});

describe("buildCandidateGraph: shared rows after other rows", () => {
  const rules = {
    name: "r",
    role: "mentor" as const,
    mentorKinds: ["subject-teacher" as const],
    soft: { sameClass: 2, sameGrade: 1 },
  };
  const mentors = [mentor("t1", { school: "s1", classes: ["k1"] }), mentor("t2", { school: "s1" })];
  const rowsOf = (graph: ReturnType<typeof buildCandidateGraph>) =>
    Object.fromEntries(
      graph.children.map((c, i) => {
        const row: [string, number][] = [];
        for (let e = graph.edgeStart[i]!; e < graph.edgeStart[i + 1]!; e++)
          row.push([graph.mentors[graph.edgeMentor[e]!]!.id, graph.edgeGain[e]!]);
        return [c.id, row];
      }),
    );

  it("copies a row shared by two children that comes after another child's", () => {
    const children = [
      child("a", { school: "s1", cls: "k2" }),
      child("b", { school: "s1", cls: "k1" }),
      child("c", { school: "s1", cls: "k1" }),
    ];
    const graph = buildCandidateGraph(parseInput({ children, mentors, rules, asOf: "2026-09-01" }));
    expect(rowsOf(graph)).toEqual({
      a: [
        ["t1", 0],
        ["t2", 0],
      ],
      b: [
        ["t1", 2000],
        ["t2", 0],
      ],
      c: [
        ["t1", 2000],
        ["t2", 0],
      ],
    });
  });

  it("keeps apart children of one class whose own grades differ", () => {
    // t1 teaches k1, a class of grade 3; b's file says grade 4.
    const children = [
      child("a", { school: "s1", cls: "k1", grade: 3 }),
      child("b", { school: "s1", cls: "k1", grade: 4 }),
    ];
    const classes = [{ id: "k1", schoolId: "s1", grade: 3, name: "三年级一班" }];
    const graph = buildCandidateGraph(
      parseInput({ children, mentors, rules, classes, asOf: "2026-09-01" }),
    );
    expect(rowsOf(graph)).toEqual({
      a: [
        ["t1", 3000],
        ["t2", 0],
      ],
      b: [
        ["t1", 2000],
        ["t2", 0],
      ],
    });
  });
});

describe("buildCandidateGraph: more edges than the first buffer holds", () => {
  // 30 classmates × 40 teachers of their school = 1,200 edges, past the 1,024 the edge lists
  // start with; every teacher with an even number teaches the class (2 points, 2,000 × SCALE).
  const rules = {
    name: "r",
    role: "mentor" as const,
    mentorKinds: ["subject-teacher" as const],
    soft: { sameClass: 2 },
  };
  const pad = (n: number) => String(n).padStart(3, "0");
  const children = Array.from({ length: 30 }, (_, i) =>
    child(`c${pad(i)}`, { school: "s1", cls: "k1" }),
  );
  const mentors = Array.from({ length: 40 }, (_, j) =>
    mentor(`t${pad(j)}`, { school: "s1", ...(j % 2 === 0 ? { classes: ["k1"] } : {}) }),
  );
  const row = mentors.map((_, j) => [j, j % 2 === 0 ? 2000 : 0]);
  // Given in reverse order: the graph sorts both by id.
  const reversed = { children: [...children].reverse(), mentors: [...mentors].reverse() };
  const rowsOf = (graph: ReturnType<typeof buildCandidateGraph>) =>
    graph.children.map((_, i) => {
      const edges: number[][] = [];
      for (let e = graph.edgeStart[i]!; e < graph.edgeStart[i + 1]!; e++)
        edges.push([graph.edgeMentor[e]!, graph.edgeGain[e]!]);
      return edges;
    });

  it("keeps every edge when the children share one row", () => {
    const graph = buildCandidateGraph(parseInput({ ...reversed, rules, asOf: "2026-09-01" }));
    expect(graph.children.map((c) => c.id)).toEqual(children.map((c) => c.id));
    expect(graph.mentors.map((m) => m.id)).toEqual(mentors.map((m) => m.id));
    expect(graph.edgeMentor).toHaveLength(1200);
    expect(rowsOf(graph)).toEqual(children.map(() => row));
  });

  it("keeps every edge when each child's row is evaluated on its own", () => {
    // An exclusion makes every row the child's own: each edge is added one by one.
    const graph = buildCandidateGraph(
      parseInput({
        ...reversed,
        rules,
        asOf: "2026-09-01",
        exclusions: [{ childId: "c029", mentorId: "t039" }],
      }),
    );
    expect(graph.edgeMentor).toHaveLength(1199);
    expect(rowsOf(graph)).toEqual(children.map((_, i) => (i === 29 ? row.slice(0, 39) : row)));
  });
});

describe("buildCandidateGraph: rules that read the pair itself", () => {
  const rules = {
    name: "r",
    role: "mentor" as const,
    mentorKinds: ["class-teacher" as const, "subject-teacher" as const],
    hard: { sameSchoolKinds: ["class-teacher" as const] },
  };
  const mentorsOf = (graph: ReturnType<typeof buildCandidateGraph>, id: string) => {
    const i = graph.childIndex.get(id)!;
    const out: [string, number][] = [];
    for (let e = graph.edgeStart[i]!; e < graph.edgeStart[i + 1]!; e++)
      out.push([graph.mentors[graph.edgeMentor[e]!]!.id, graph.edgeGain[e]!]);
    return out;
  };
  const explanation = { "zh-CN": "规则", en: "rule" };

  it("lists a child's candidates of its school and of no school by mentor id", () => {
    // Class teachers must share the school; subject teachers may come from anywhere.
    const graph = buildCandidateGraph(
      parseInput({
        children: [child("a", { school: "s1", cls: "k1" })],
        mentors: [
          mentor("t1", { kind: "class-teacher", school: "s1", classes: ["k1"] }),
          mentor("t2", { school: "s2" }),
          mentor("t3", { kind: "class-teacher", school: "s1", classes: ["k2"] }),
          mentor("t4", { kind: "class-teacher", school: "s2", classes: ["k3"] }),
        ],
        rules,
        asOf: "2026-09-01",
      }),
    );
    expect(mentorsOf(graph, "a")).toEqual([
      ["t1", 0],
      ["t2", 0],
      ["t3", 0],
    ]);
  });

  const twins = [child("a", { school: "s1", cls: "k1" }), child("b", { school: "s1", cls: "k1" })];
  const teachers = [mentor("t1", { school: "s1" }), mentor("t2", { school: "s1" })];

  it("evaluates a host's hard rule for each child, even for children alike", () => {
    const graph = buildCandidateGraph(
      parseInput({
        children: twins,
        mentors: teachers,
        rules,
        asOf: "2026-09-01",
        customRules: [
          {
            kind: "hard",
            name: "not-b-t1",
            explanation,
            test: (c, m) => c.id !== "b" || m.id !== "t1",
          },
        ],
      }),
    );
    expect(mentorsOf(graph, "a")).toEqual([
      ["t1", 0],
      ["t2", 0],
    ]);
    expect(mentorsOf(graph, "b")).toEqual([["t2", 0]]);
  });

  it("evaluates a host's soft rule for each child, even for children alike", () => {
    const graph = buildCandidateGraph(
      parseInput({
        children: twins,
        mentors: teachers,
        rules,
        asOf: "2026-09-01",
        customRules: [
          { kind: "soft", name: "b", weight: 3, explanation, score: (c) => (c.id === "b" ? 1 : 0) },
        ],
      }),
    );
    expect(mentorsOf(graph, "a")).toEqual([
      ["t1", 0],
      ["t2", 0],
    ]);
    expect(mentorsOf(graph, "b")).toEqual([
      ["t1", 3000],
      ["t2", 3000],
    ]);
  });

  it("measures the km limit from each child's own location", () => {
    const graph = buildCandidateGraph(
      parseInput({
        children: twins,
        mentors: [
          { ...mentor("t1", { school: "s1" }), location: { lat: 28, lng: 113 } },
          { ...mentor("t2", { school: "s1" }), location: { lat: 28.5, lng: 113 } },
        ],
        rules: { ...rules, hard: { ...rules.hard, maxDistance: { km: 10 } } },
        asOf: "2026-09-01",
        childLocations: { a: { lat: 28, lng: 113 }, b: { lat: 28.5, lng: 113 } },
      }),
    );
    expect(mentorsOf(graph, "a")).toEqual([["t1", 0]]);
    expect(mentorsOf(graph, "b")).toEqual([["t2", 0]]);
  });
});
