import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors";
import type { MentorInput, Pairing } from "../model";
import { definePolicy } from "./presets";
import type { PolicyInput } from "./schema";
import { scenario } from "./scenario.test-helper";
import { mentorWorkload, type WorkloadInput } from "./workload";

/**
 * The monthly rate of every kind of requirement (worked out by hand from a 30.4375-day month),
 * who owes what at each policy level and selector, the pairings active on `asOf` at and beside
 * their first and last day, the limit at and beside `perMonth`, and the order of the rows.
 */
const policy = (id: string, over: Partial<PolicyInput>) =>
  definePolicy({
    id,
    name: { "zh-CN": id, en: id },
    level: "pairing",
    counts: { contactKinds: ["talk"] },
    requirement: { type: "count", min: 1, per: "month" },
    ...over,
  } as PolicyInput);

const MONTH = 365.25 / 12;
const mentors: MentorInput[] = [
  { id: "m1", kind: "class-teacher", name: "陈老师", schoolId: "s1", classIds: ["k1"] },
  { id: "m2", kind: "counsellor", name: "周阿姨" },
  { id: "m3", kind: "subject-teacher", name: "孙老师", schoolId: "s2", classIds: ["k3"] },
];
const one: Pairing[] = [
  { id: "p1", childId: "c1", mentorId: "m1", role: "mentor", start: "2026-01-01" },
];
const load = (over: Partial<WorkloadInput>) =>
  mentorWorkload({ policies: [], pairings: one, mentors, ...over });
const of = (rows: ReturnType<typeof mentorWorkload>, id: string) =>
  rows.find((r) => r.mentorId === id)!;

describe("mentorWorkload", () => {
  it("turns every kind of requirement into a monthly rate, at its minimum and its maximum", () => {
    const rows = load({
      policies: [
        policy("week", { requirement: { type: "count", min: 1, max: 3, per: "week" } }),
        policy("month", { requirement: { type: "count", min: 2, per: "month" } }),
        policy("term", { requirement: { type: "count", min: 3, per: "term" }, calendar: "school" }),
        policy("year", { requirement: { type: "count", min: 6, per: "year" } }),
        policy("days", { requirement: { type: "count", min: 1, per: "days", days: 10 } }),
        policy("interval", { requirement: { type: "interval", everyDays: 15 } }),
      ],
    });
    const m1 = of(rows, "m1");
    expect(m1.byPolicy).toEqual([
      { policyId: "week", perMonth: 4.3 }, // 30.4375 / 7 = 4.348
      { policyId: "month", perMonth: 2 },
      { policyId: "term", perMonth: 0.5 }, // 3 × 2 terms ÷ 12 months
      { policyId: "year", perMonth: 0.5 },
      { policyId: "days", perMonth: 3 }, // 30.4375 / 10
      { policyId: "interval", perMonth: 2 }, // 30.4375 / 15 = 2.029
    ]);
    const min = MONTH / 7 + 2 + 0.5 + 0.5 + MONTH / 10 + MONTH / 15; // 12.42
    const max = (3 * MONTH) / 7 + 2 + 0.5 + 0.5 + MONTH / 10 + MONTH / 15; // 21.12
    expect(m1).toMatchObject({ pairings: 1, perMonth: 12.4, perMonthAtMax: 21.1 });
    expect(Math.abs(m1.perMonth - min)).toBeLessThan(0.05);
    expect(Math.abs(m1.perMonthAtMax - max)).toBeLessThan(0.05);
    // Two weeks a pairing, for two pairings: the rate adds up per policy.
    const two = load({
      policies: [policy("week", { requirement: { type: "count", min: 2, per: "week" } })],
      pairings: [...one, { ...one[0]!, id: "p2", childId: "c2" }],
    });
    expect(of(two, "m1")).toMatchObject({
      pairings: 2,
      perMonth: 17.4, // 4 × 4.348
      perMonthAtMax: 17.4,
      byPolicy: [{ policyId: "week", perMonth: 17.4 }],
    });
  });

  it("charges pairing, paired-mentor child and mentor policies, never school or anyone's", () => {
    const s = scenario();
    const rows = load({
      pairings: s.pairings, // p1 c1–m1 mentor, p2 c2–m1 surrogate parent, p3 c1–m2 counsellor
      policies: [
        policy("teachers", { selector: { mentorKinds: ["class-teacher", "subject-teacher"] } }),
        policy("surrogate", { selector: { pairingRoles: ["surrogate-parent"] } }),
        policy("paired", {
          level: "child",
          counts: { contactKinds: ["talk"], by: "paired-mentor" },
        }),
        policy("anyone", { level: "child" }),
        policy("own", { level: "mentor", selector: { mentorKinds: ["counsellor"] } }),
        policy("every-mentor", { level: "mentor" }),
        policy("school", {
          level: "school",
          counts: { activityKinds: ["symposium"], unit: "days" },
        }),
      ],
    });
    expect(rows.map((r) => [r.mentorId, r.pairings, r.perMonth, r.byPolicy])).toEqual([
      [
        "m1",
        2,
        6,
        [
          { policyId: "teachers", perMonth: 2 },
          { policyId: "paired", perMonth: 2 },
          { policyId: "surrogate", perMonth: 1 },
          { policyId: "every-mentor", perMonth: 1 },
        ],
      ],
      [
        "m2",
        1,
        3,
        [
          { policyId: "paired", perMonth: 1 },
          { policyId: "own", perMonth: 1 },
          { policyId: "every-mentor", perMonth: 1 },
        ],
      ],
      ["m3", 0, 1, [{ policyId: "every-mentor", perMonth: 1 }]],
    ]);
  });

  it("applies child selectors only when the children are given", () => {
    const s = scenario();
    delete s.children[2]!.riskLevel;
    s.children[1]!.keyCase = true;
    s.children[0]!.child.boarding = true;
    const pairings: Pairing[] = [
      ...one,
      { id: "p2", childId: "c2", mentorId: "m2", role: "mentor", start: "2026-01-01" },
      { id: "p3", childId: "c3", mentorId: "m3", role: "mentor", start: "2026-01-01" },
    ];
    const owing = (selector: PolicyInput["selector"], withChildren = true) =>
      load({
        pairings,
        policies: [policy("p", { selector })],
        ...(withChildren ? { children: s.children } : {}),
      })
        .filter((r) => r.perMonth > 0)
        .map((r) => r.mentorId);
    expect(owing({ riskLevels: ["high", "low"] })).toEqual(["m1"]); // c3 has no risk level
    expect(owing({ riskLevels: ["medium"] })).toEqual(["m2"]);
    expect(owing({ livingArrangements: ["parent", "relatives"] })).toEqual(["m2", "m3"]);
    expect(owing({ keyCase: true })).toEqual(["m2"]);
    expect(owing({ keyCase: false })).toEqual(["m1", "m3"]);
    expect(owing({ boarding: true })).toEqual(["m1"]);
    expect(owing({ boarding: false })).toEqual(["m2", "m3"]);
    expect(owing({ riskLevels: ["medium"] }, false)).toEqual(["m1", "m2", "m3"]);
  });

  it("counts the pairings active on asOf, first and last day included", () => {
    const pairing: Pairing = { ...one[0]!, start: "2026-03-10", end: "2026-03-20" };
    const count = (asOf: string) => of(load({ pairings: [pairing], asOf }), "m1").pairings;
    expect([
      count("2026-03-09"),
      count("2026-03-10"),
      count("2026-03-20"),
      count("2026-03-21"),
    ]).toEqual([0, 1, 1, 0]);
    // An instant is read in Beijing time: 16:00 UTC on 20 March is already the 21st there.
    expect(count("2026-03-20T15:59:59Z")).toBe(1);
    expect(count("2026-03-20T16:00:00Z")).toBe(0);
    expect(
      of(load({ pairings: [{ ...one[0]!, start: "2026-03-10" }], asOf: "2030-01-01" }), "m1")
        .pairings,
    ).toBe(1);
  });

  it("flags a mentor over the limit, not one at it, and puts the heaviest first", () => {
    const policies = [policy("month", { requirement: { type: "count", min: 2, per: "month" } })];
    const pairings: Pairing[] = [
      { id: "p1", childId: "c1", mentorId: "m3", role: "mentor", start: "2026-01-01" },
      { id: "p2", childId: "c2", mentorId: "m2", role: "mentor", start: "2026-01-01" },
      { id: "p3", childId: "c3", mentorId: "m2", role: "mentor", start: "2026-01-01" },
    ];
    const rows = (maxPerMonth?: number) =>
      load({ policies, pairings, ...(maxPerMonth === undefined ? {} : { maxPerMonth }) }).map(
        (r) => [r.mentorId, r.perMonth, r.overLimit],
      );
    expect(rows(3)).toEqual([
      ["m2", 4, true],
      ["m3", 2, false],
      ["m1", 0, false],
    ]);
    expect(rows(4)).toEqual([
      ["m2", 4, false],
      ["m3", 2, false],
      ["m1", 0, false],
    ]);
    expect(rows(0).map((r) => r[2])).toEqual([true, true, false]);
    // Equal loads in id order; the default limit is 20.
    const even = load({ policies, pairings: [pairings[0]!, { ...pairings[1]!, mentorId: "m1" }] });
    expect(even.map((r) => [r.mentorId, r.perMonth])).toEqual([
      ["m1", 2],
      ["m3", 2],
      ["m2", 0],
    ]);
    // Mentors given out of id order: equal loads still come in id order.
    const reversed = load({ policies, pairings: [], mentors: [...mentors].reverse() });
    expect(reversed.map((r) => r.mentorId)).toEqual(["m1", "m2", "m3"]);
    const heavy = policy("heavy", { requirement: { type: "count", min: 20, per: "month" } });
    expect(of(load({ policies: [heavy] }), "m1").overLimit).toBe(false);
    expect(of(load({ policies: [heavy, policy("more", {})] }), "m1").overLimit).toBe(true);
  });

  it("refuses a pairing with an unknown mentor, or an unknown child when children are given", () => {
    const paths = (input: Partial<WorkloadInput>) => {
      try {
        load(input);
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        return (e as ValidationError).issues.map((i) => [i.path, i.code]);
      }
      return expect.unreachable("accepted");
    };
    const ghost: Pairing = { ...one[0]!, childId: "nobody", mentorId: "ghost" };
    expect(paths({ pairings: [ghost] })).toEqual([["pairings[0].mentorId", "unknown_id"]]);
    expect(paths({ pairings: [one[0]!, ghost], children: scenario().children })).toEqual([
      ["pairings[1].mentorId", "unknown_id"],
      ["pairings[1].childId", "unknown_id"],
    ]);
    expect(paths({ maxPerMonth: -1 })).toEqual([["maxPerMonth", "too_small"]]);
    const first = (input: Partial<WorkloadInput>) => paths(input)[0]![0];
    expect(first({ policies: [{ id: "x" }] as never })).toMatch(/^policies\[0\]/);
    expect(first({ pairings: [{ id: "x" }] as never })).toMatch(/^pairings\[0\]/);
    expect(first({ mentors: [{ id: "x" }] as never })).toMatch(/^mentors\[0\]/);
    expect(first({ children: [{ id: "x" }] as never })).toMatch(/^children\[0\]/);
    expect(first({ asOf: "soon" as never })).toBe("asOf");
    try {
      load({ pairings: [ghost] });
      expect.unreachable("accepted");
    } catch (e) {
      const { issues, messages } = e as ValidationError;
      expect(issues[0]!.message.en).toBe(
        'pairings[0].mentorId: mentor ghost is not in the input (received: "ghost")',
      );
      expect(issues[0]!.message["zh-CN"]).toBe(
        '字段 pairings[0].mentorId：帮扶人 ghost 不在输入数据中（收到："ghost"）',
      );
      expect(issues).toHaveLength(1);
      expect([messages["zh-CN"].slice(0, 7), messages.en.slice(0, 23)]).toEqual([
        "工作量计算输入",
        "Invalid workload input ",
      ]);
    }
    try {
      load({ pairings: [{ ...one[0]!, childId: "nobody" }], children: scenario().children });
      expect.unreachable("accepted");
    } catch (e) {
      expect((e as ValidationError).issues.map((i) => i.message)).toEqual([
        {
          "zh-CN": '字段 pairings[0].childId：儿童 nobody 不在输入数据中（收到："nobody"）',
          en: 'pairings[0].childId: child nobody is not in the input (received: "nobody")',
        },
      ]);
    }
    expect(() => mentorWorkload(null as never)).toThrow(/input/);
  });
});
