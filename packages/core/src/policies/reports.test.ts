import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors";
import { evaluateCompliance } from "./evaluate";
import { nextDue } from "./next-due";
import { ALL_PRESETS, POLICY_PRESETS } from "./presets";
import { rollUpCompliance } from "./rollup";
import { PAIRING_HOME_VISIT, scenario, TALK_MONTHLY } from "./scenario.test-helper";
import { mentorWorkload } from "./workload";
import { workList } from "./worklist";

describe("rollUpCompliance", () => {
  it("gives rates per mentor, class, school, township and county", () => {
    const s = scenario();
    const report = evaluateCompliance({
      ...s,
      policies: [PAIRING_HOME_VISIT, TALK_MONTHLY],
      period: { from: "2026-03-01", to: "2026-03-31" },
      asOf: "2026-04-10",
    });
    // Rows: p1 met, p2 exempt; talk c1 met, c2 met, c3 missed.
    expect(rollUpCompliance(report, { by: "school" })).toEqual([
      expect.objectContaining({ key: "s1", met: 3, missed: 0, exempt: 1, assessed: 3, rate: 1 }),
      expect.objectContaining({
        key: "s2",
        met: 0,
        missed: 1,
        assessed: 1,
        rate: 0,
        contactRate: 0,
      }),
    ]);
    expect(rollUpCompliance(report, { by: "class" }).map((r) => [r.key, r.rate])).toEqual([
      ["k1", 1],
      ["k2", 1],
      ["k3", 0],
    ]);
    expect(
      rollUpCompliance(report, { by: "township" }).map((r) => [r.key, r.met, r.assessed]),
    ).toEqual([
      ["430102001", 2, 2],
      ["430102002", 1, 1],
      ["430103001", 0, 1],
    ]);
    expect(rollUpCompliance(report, { by: "county" }).map((r) => [r.key, r.assessed])).toEqual([
      ["430102", 3],
      ["430103", 1],
    ]);
    // The child-level talk rows count for every mentor paired with the child in March.
    const mentors = rollUpCompliance(report, { by: "mentor" });
    expect(mentors.find((r) => r.key === "m1")).toMatchObject({ met: 3, exempt: 1 });
    expect(mentors.find((r) => r.key === "m2")).toMatchObject({ met: 1 });
    expect(
      rollUpCompliance(report, { by: "school", policyIds: ["home-visit-monthly"] }),
    ).toHaveLength(1);
    expect(() => rollUpCompliance(report, { by: "planet" as never })).toThrow(ValidationError);
  });
});

describe("workList", () => {
  it("lists overdue rows by risk and due rows within the horizon", () => {
    const s = { ...scenario(), records: [] };
    const report = evaluateCompliance({
      ...s,
      policies: [TALK_MONTHLY, PAIRING_HOME_VISIT],
      period: { from: "2026-03-01", to: "2026-04-30" },
      asOf: "2026-04-02",
    });
    const list = workList(report, { withinDays: 30 });
    // March talks are overdue (5 grace days), March home visit for p1 too (3 grace days).
    expect(list.overdue.map((w) => [w.policyId, w.subjectId, w.risk, w.daysLate])).toEqual([
      ["talk-monthly", "c1", "high", 2],
      ["home-visit-monthly", "p1", "high", 2],
      ["talk-monthly", "c2", "medium", 2],
      ["talk-monthly", "c3", "low", 2],
    ]);
    expect(list.dueSoon.every((w) => w.due === "2026-04-30")).toBe(true);
    expect(list.dueSoon[0]).toMatchObject({ risk: "high", shortBy: 1 });
    expect(workList(report, { withinDays: 7 }).dueSoon).toHaveLength(0);
    expect(workList(report, { includeMissed: true, limit: 2 }).overdue).toHaveLength(2);
  });
});

describe("nextDue", () => {
  it("gives the next open window of each policy for a child, a pairing or a mentor", () => {
    const s = scenario();
    const rows = nextDue({
      ...s,
      policies: [PAIRING_HOME_VISIT, POLICY_PRESETS.highRiskWeekly],
      asOf: "2026-03-06",
      subject: { childId: "c1" },
    });
    // March's home visit is met (r1 on 5 March): next is April. This week's in-person contact
    // is met too (talk r5 on 3 March): next is the week of 9 March.
    expect(rows.map((r) => [r.policyId, r.subjectId, r.from, r.status])).toEqual([
      ["risk-high-weekly", "c1", "2026-03-09", "upcoming"],
      ["home-visit-monthly", "p1", "2026-04-01", "upcoming"],
    ]);
    expect(
      nextDue({
        ...s,
        policies: [PAIRING_HOME_VISIT],
        asOf: "2026-03-06",
        subject: { mentorId: "m1" },
      }).map((r) => r.subjectId),
    ).toEqual(["p1", "p2"]); // both due 30 April
    expect(
      nextDue({
        ...s,
        policies: [PAIRING_HOME_VISIT],
        asOf: "2026-03-06",
        subject: { pairingId: "p2" },
      })[0],
    ).toMatchObject({ from: "2026-04-01", status: "upcoming" }); // March is graced (starts on the 20th)
    expect(() =>
      nextDue({ ...s, policies: ALL_PRESETS, asOf: "2026-03-06", subject: { childId: "nobody" } }),
    ).toThrow(ValidationError);
  });
});

describe("mentorWorkload", () => {
  it("sums what each mentor owes per month and flags those over the limit", () => {
    const s = scenario();
    const rows = mentorWorkload({
      policies: ALL_PRESETS,
      pairings: s.pairings,
      mentors: s.mentors,
      children: s.children,
      maxPerMonth: 14,
    });
    const m1 = rows.find((r) => r.mentorId === "m1")!;
    // 3 talks a week (13.0); the monthly home visit is the school's, anyone may make it, so it is
    // no mentor's load. At max 5 talks a week.
    expect(m1).toMatchObject({ pairings: 2, perMonth: 13, overLimit: false });
    expect(m1.perMonthAtMax).toBeCloseTo((5 * 365.25) / 12 / 7, 1);
    expect(rows.find((r) => r.mentorId === "m2")).toMatchObject({
      pairings: 1,
      perMonth: 2,
      overLimit: false,
    });
    expect(rows.find((r) => r.mentorId === "m3")).toMatchObject({ pairings: 0, perMonth: 13 });
    expect(
      mentorWorkload({
        policies: ALL_PRESETS,
        pairings: s.pairings,
        mentors: s.mentors,
        asOf: "2026-03-01",
      }).find((r) => r.mentorId === "m1")?.pairings,
    ).toBe(1);
    expect(() =>
      mentorWorkload({
        policies: ALL_PRESETS,
        pairings: [{ ...s.pairings[0]!, mentorId: "ghost" }],
        mentors: s.mentors,
      }),
    ).toThrow(ValidationError);
  });
});

describe("rollUpCompliance by bucket", () => {
  it("gives a trend per bucket start", () => {
    const s = scenario();
    const report = evaluateCompliance({
      ...s,
      policies: [PAIRING_HOME_VISIT],
      period: { from: "2026-03-01", to: "2026-04-30" },
      asOf: "2026-04-10",
    });
    expect(
      rollUpCompliance(report, { by: "bucket" }).map((r) => [r.key, r.met, r.due, r.exempt]),
    ).toEqual([
      ["2026-03-01", 1, 0, 1],
      ["2026-04-01", 1, 1, 0],
    ]);
  });
});
