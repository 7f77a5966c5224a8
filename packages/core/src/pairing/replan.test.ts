import fc from "fast-check";
import { propertyRuns } from "../_lib/fuzz.test-helper";
import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors/errors";
import { text } from "../i18n";
import { explainWhyNot } from "./explain";
import type { PlanPairingsInput } from "./stages/input";
import { planPairings } from "./plan";
import { child, mentor, smallInstance } from "./pairing.test-helper";

const asOf = "2026-09-01";
const rules = {
  name: "t",
  role: "mentor" as const,
  mentorKinds: ["class-teacher" as const, "subject-teacher" as const],
  capacity: { default: { min: 0, max: 2 }, byKind: {} },
  soft: { classTeacher: 10, sameClass: 4 },
  stability: 5,
};

describe("re-planning (结对+接力)", () => {
  const children = [
    child("a", { school: "s1", cls: "k1" }),
    child("b", { school: "s1", cls: "k1" }),
    child("c", { school: "s1", cls: "k2" }),
  ];
  const mentors = [
    mentor("t1", { kind: "class-teacher", school: "s1", classes: ["k1"] }),
    mentor("t2", { kind: "class-teacher", school: "s1", classes: ["k2"] }),
  ];

  it("ends the pairs of children who are no longer left behind, on the right day", () => {
    const away = [{ from: "2024-02-20", city: "深圳" }];
    const withParents = (c: ReturnType<typeof child>, birth: string) => ({
      ...c,
      child: { ...c.child, birthDate: birth as `${number}-${number}-${number}` },
      parents: [
        { id: `${c.id}-f`, role: "father" as const, name: "父", awayPeriods: away },
        { id: `${c.id}-m`, role: "mother" as const, name: "母", awayPeriods: away },
      ],
    });
    // "a" turns 16 on 2026-08-20 (after the first plan); "b" on 2026-09-02.
    const kids = [withParents(children[0]!, "2010-08-20"), withParents(children[1]!, "2010-09-02")];
    const input = { children: kids, mentors, rules, definition: "state-council-2016" as const };
    const before = planPairings({ ...input, asOf: "2026-08-01" });
    expect(before.pairs.map((p) => p.pairing.childId).sort()).toEqual(["a", "b"]);
    const after = planPairings({ ...input, asOf, existing: before.history });
    expect(after.pairs.map((p) => p.pairing.childId)).toEqual(["b"]);
    expect(
      after.diff.ended.map((e) => [e.pairing.childId, e.pairing.endReason, e.pairing.end]),
    ).toEqual([["a", "no-longer-left-behind", "2026-08-20"]]); // the 16th birthday, not asOf
    expect(after.diff.ended[0]!.explanation.en).toBe("the child is no longer left behind");
    // Without a definition, a child missing from the list is an error unless told to end it.
    expect(() =>
      planPairings({ children: [kids[1]!], mentors, rules, asOf, existing: before.history }),
    ).toThrow(ValidationError);
  });

  it("ends the pair on the day after a parent came home, not on the plan date", () => {
    const home = (c: ReturnType<typeof child>) => ({
      ...c,
      parents: [
        {
          id: `${c.id}-f`,
          role: "father" as const,
          name: "父",
          awayPeriods: [{ from: "2024-02-20", to: "2026-08-10", city: "深圳" }],
        },
        {
          id: `${c.id}-m`,
          role: "mother" as const,
          name: "母",
          awayPeriods: [{ from: "2024-02-20", city: "深圳" }],
        },
      ],
    });
    const kids = [home(children[0]!)];
    const input = { children: kids, mentors, rules, definition: "state-council-2016" as const };
    const before = planPairings({ ...input, asOf: "2026-06-01" });
    expect(before.pairs).toHaveLength(1);
    const after = planPairings({ ...input, asOf, existing: before.history });
    expect(after.diff.ended.map((e) => e.pairing.end)).toEqual(["2026-08-11"]);
  });

  it("ends the pair on its start day when the child was not left behind at any time since", () => {
    const cameHome = {
      ...children[0]!,
      parents: [
        {
          id: "a-f",
          role: "father" as const,
          name: "父",
          awayPeriods: [{ from: "2024-02-20", to: "2025-06-30", city: "深圳" }],
        },
        { id: "a-m", role: "mother" as const, name: "母", awayPeriods: [] },
      ],
    };
    const plan = planPairings({
      children: [cameHome],
      mentors,
      rules,
      asOf,
      definition: "state-council-2016",
      existing: [{ id: "p1", childId: "a", mentorId: "t1", role: "mentor", start: "2025-09-01" }],
    });
    expect(plan.pairs).toEqual([]);
    expect(
      plan.diff.ended.map((e) => [e.pairing.childId, e.pairing.endReason, e.pairing.end]),
    ).toEqual([["a", "no-longer-left-behind", "2025-09-01"]]);
  });

  it("keeps every pair on re-planning the same input", () => {
    const first = planPairings({ children, mentors, rules, asOf: "2026-03-01" });
    const second = planPairings({ children, mentors, rules, asOf, existing: first.history });
    expect(second.diff.kept).toHaveLength(first.pairs.length);
    expect(second.diff.added).toEqual([]);
    expect(second.diff.ended).toEqual([]);
    expect(second.pairs.every((p) => p.status === "kept")).toBe(true);
  });

  it("relays the children of a mentor who left, keeping the history", () => {
    const first = planPairings({ children, mentors, rules, asOf: "2026-03-01" });
    const left = [mentors[0]!, { ...mentors[1]!, availableTo: "2026-06-30" as const }];
    const next = planPairings({
      children,
      mentors: [...left, mentor("t3", { school: "s1", classes: ["k2"] })],
      rules,
      asOf,
      existing: first.history,
    });
    const old = first.pairs.find((p) => p.pairing.mentorId === "t2")!.pairing;
    const ended = next.diff.ended.find((e) => e.pairing.id === old.id)!;
    expect(ended.pairing).toMatchObject({ end: asOf, endReason: "mentor-left" });
    expect(ended.explanation.en).toContain("2026-06-30");
    const relay = next.diff.added.find((p) => p.childId === old.childId)!;
    expect(relay).toMatchObject({ mentorId: "t3", relayFrom: old.id, start: asOf });
    // History keeps the ended pairing and the new one.
    expect(next.history.find((p) => p.id === old.id)).toMatchObject({ endReason: "mentor-left" });
    expect(next.history.find((p) => p.id === relay.id)).toBeDefined();
  });

  it("ends a pair a new rule forbids, with rule-changed, and a pair of a child who left", () => {
    const first = planPairings({ children, mentors, rules, asOf: "2026-03-01" });
    const pair = first.pairs[0]!.pairing;
    const next = planPairings({
      children: children.filter((c) => c.id !== "c"),
      mentors,
      rules,
      asOf,
      existing: first.history,
      exclusions: [
        { childId: pair.childId, mentorId: pair.mentorId, reason: text("亲属关系", "family ties") },
      ],
      onMissing: "end",
    });
    const ended = Object.fromEntries(next.diff.ended.map((e) => [e.pairing.childId, e]));
    expect(ended[pair.childId]!.pairing.endReason).toBe("rule-changed");
    expect(ended[pair.childId]!.explanation.en).toContain("family ties");
    expect(ended.c!.pairing.endReason).toBe("child-left");
  });

  it("stability: keeps an allowed existing pair unless the better plan gains more than the bonus", () => {
    const kids = [child("a", { school: "s1", cls: "k1" })];
    const ms = [
      mentor("t1", { kind: "class-teacher", school: "s1", classes: ["k1"] }),
      mentor("t2", { school: "s1" }),
    ];
    const existing = [
      {
        id: "old",
        childId: "a",
        mentorId: "t2",
        role: "mentor" as const,
        start: "2025-09-01" as const,
      },
    ];
    // Class teacher is worth 10 + 4; stability 20 > 14: keep.
    const keep = planPairings({
      children: kids,
      mentors: ms,
      rules: { ...rules, stability: 20 },
      asOf,
      existing,
    });
    expect(keep.diff.kept.map((p) => p.id)).toEqual(["old"]);
    expect(keep.pairs[0]!.breakdown.find((t) => t.rule === "stability")).toMatchObject({
      value: 1,
      points: 20,
    });
    // Stability 5 < 14: move, ended as re-planned, relayed.
    const move = planPairings({
      children: kids,
      mentors: ms,
      rules: { ...rules, stability: 5 },
      asOf,
      existing,
    });
    expect(move.diff.ended[0]!.pairing.endReason).toBe("replanned");
    expect(move.diff.added[0]).toMatchObject({ mentorId: "t1", relayFrom: "old" });
  });

  it("ends pairs beyond a reduced capacity as rule-changed", () => {
    const kids = ["a", "b", "c"].map((id) => child(id, { school: "s1", cls: "k1" }));
    const existing = kids.map((k, i) => ({
      id: `p${i}`,
      childId: k.id,
      mentorId: "t1",
      role: "mentor" as const,
      start: "2025-09-01" as const,
    }));
    const plan = planPairings({
      children: kids,
      mentors: [mentor("t1", { kind: "class-teacher", school: "s1", classes: ["k1"], max: 2 })],
      rules,
      asOf,
      existing,
    });
    expect(plan.diff.kept).toHaveLength(2);
    expect(plan.diff.ended[0]!.pairing.endReason).toBe("rule-changed");
    expect(plan.diff.ended[0]!.explanation.en).toContain("capacity is now 2");
  });

  it("leaves pairings with mentors of other kinds untouched (a second surrogate parent)", () => {
    const kids = [child("a", { school: "s1", cls: "k1" })];
    const ms = [
      mentor("t1", { kind: "class-teacher", school: "s1", classes: ["k1"] }),
      mentor("cadre", { kind: "other" }),
    ];
    const existing = [
      {
        id: "p-cadre",
        childId: "a",
        mentorId: "cadre",
        role: "mentor" as const,
        start: "2025-09-01" as const,
      },
      {
        id: "p-t1",
        childId: "a",
        mentorId: "t1",
        role: "mentor" as const,
        start: "2025-09-01" as const,
      },
    ];
    const plan = planPairings({ children: kids, mentors: ms, rules, asOf, existing });
    expect(plan.diff.kept.map((p) => p.id)).toEqual(["p-t1"]);
    expect(plan.diff.ended).toEqual([]);
    expect(plan.stats.untouchedExisting).toBe(1);
    expect(plan.history.map((p) => p.id)).toEqual(["p-cadre", "p-t1"]);
  });

  it("never drops an existing pairing: each active one is kept or ended", () => {
    fc.assert(
      fc.property(smallInstance(6, 4), (x) => {
        const plan = planPairings({ ...x, asOf });
        const seen = new Set([
          ...plan.diff.kept.map((p) => p.id),
          ...plan.diff.ended.map((e) => e.pairing.id),
        ]);
        for (const p of x.existing) expect(seen.has(String(p.id))).toBe(true);
        expect(plan.history.length).toBe(x.existing.length + plan.diff.added.length);
        for (const a of plan.diff.added) {
          const old = x.existing.find((p) => String(p.childId) === a.childId);
          if (old) expect(a.relayFrom).toBe(old.id);
        }
      }),
      { numRuns: propertyRuns(150) },
    );
  }, 60_000);
});

describe("explainWhyNot", () => {
  it("names the hard rule", () => {
    const input: PlanPairingsInput = {
      children: [child("a", { school: "s1" })],
      mentors: [mentor("t", { school: "s2" })],
      rules,
      asOf,
    };
    const why = explainWhyNot(input, planPairings(input), "a", "t");
    expect(why.code).toBe("hard-rule");
    expect(why.violations.map((v) => v.rule)).toEqual(["same-school"]);
  });

  it("names the higher-priority children holding the places", () => {
    const input: PlanPairingsInput = {
      children: [child("a", { school: "s1", cls: "k1" }), child("b", { school: "s1", key: true })],
      mentors: [mentor("t", { kind: "class-teacher", school: "s1", classes: ["k1"], max: 1 })],
      rules,
      asOf,
    };
    const why = explainWhyNot(input, planPairings(input), "a", "t");
    expect(why.code).toBe("priority");
    expect(why.takenBy).toEqual([{ childId: "b", priority: true }]);
    expect(why.displaced).toEqual(["b"]);
  });

  it("prices a pair that would lower the total", () => {
    const input: PlanPairingsInput = {
      children: [child("a", { school: "s1", cls: "k1" })],
      mentors: [
        mentor("t1", { kind: "class-teacher", school: "s1", classes: ["k1"] }),
        mentor("t2", { school: "s1" }),
      ],
      rules,
      asOf,
    };
    const plan = planPairings(input);
    expect(explainWhyNot(input, plan, "a", "t1").code).toBe("paired");
    const why = explainWhyNot(input, plan, "a", "t2");
    expect(why).toMatchObject({ code: "score", scoreLoss: 14 });
    expect(why.message["zh-CN"]).toContain("14");
  });

  it("reports coverage loss and rejects unknown ids", () => {
    const input: PlanPairingsInput = {
      children: [child("a", { school: "s1" }), child("b", { school: "s1", cls: "k1" })],
      mentors: [mentor("t1", { school: "s1", max: 1 }), mentor("t2", { school: "s1", max: 1 })],
      rules: {
        ...rules,
        capacity: { default: { min: 0, max: 1 }, byKind: {} },
        hard: {
          sameSchoolKinds: [],
          sameGenderFromAge: null,
          maxDistance: null,
          availability: true,
        },
      },
      exclusions: [{ childId: "a", mentorId: "t2" }],
      asOf,
    };
    const plan = planPairings(input);
    expect(plan.stats.matched).toBe(2);
    expect(explainWhyNot(input, plan, "b", "t1").code).toBe("coverage");
    expect(() => explainWhyNot(input, plan, "zz", "t1")).toThrow(ValidationError);
    expect(() => explainWhyNot(input, plan, "", "t1")).toThrow(ValidationError);
    expect(() => explainWhyNot(input, {} as never, "b", "t1")).toThrow(ValidationError);
  });
});
