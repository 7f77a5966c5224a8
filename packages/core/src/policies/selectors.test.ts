import { describe, expect, it } from "vitest";
import { EXAMPLE_CALENDAR_2025_26 } from "../calendar";
import type { ContactRecordInput } from "../model";
import { evaluateCompliance } from "./evaluate";
import { definePolicy } from "./presets";
import type { PolicyInput } from "./schema";
import { scenario } from "./scenario.test-helper";

/**
 * Who a policy selects and what it counts: each selector field of a child file, a mentor's
 * available days, a file's opening day, the initiators, distinct children, and the mentors
 * paired with a child on the day of a record.
 */
const MARCH = { from: "2026-03-01", to: "2026-03-31" } as const;

const monthly = (over: Partial<PolicyInput>) =>
  definePolicy({
    id: "monthly",
    name: { "zh-CN": "每月谈话", en: "Monthly talk" },
    level: "child",
    counts: { contactKinds: ["talk", "home-visit"] },
    requirement: { type: "count", min: 1, per: "month" },
    ...over,
  } as PolicyInput);

function evaluate(
  policy: ReturnType<typeof monthly>,
  change: (s: ReturnType<typeof scenario>) => void = () => {},
  asOf = "2026-04-10",
) {
  const s = scenario();
  change(s);
  return [...evaluateCompliance({ ...s, policies: [policy], period: MARCH, asOf })];
}

const subjects = (
  selector: PolicyInput["selector"],
  change?: (s: ReturnType<typeof scenario>) => void,
) => evaluate(monthly({ selector }), change).map((r) => r.subjectId);

describe("selectors of child files", () => {
  it("risk levels, living arrangements, key cases and boarding each select their children", () => {
    expect(subjects({})).toEqual(["c1", "c2", "c3"]);
    expect(subjects({ riskLevels: ["high", "medium"] })).toEqual(["c1", "c2"]);
    expect(subjects({ riskLevels: ["low"] })).toEqual(["c3"]);
    expect(
      subjects({ riskLevels: ["low"] }, (s) => {
        delete s.children[2]!.riskLevel;
      }),
    ).toEqual([]);
    expect(subjects({ livingArrangements: ["relatives", "parent"] })).toEqual(["c2", "c3"]);
    const keyC2 = (s: ReturnType<typeof scenario>) => {
      s.children[1]!.keyCase = true;
    };
    expect(subjects({ keyCase: true }, keyC2)).toEqual(["c2"]);
    expect(subjects({ keyCase: false }, keyC2)).toEqual(["c1", "c3"]);
    const boardC3 = (s: ReturnType<typeof scenario>) => {
      s.children[2]!.child.boarding = true;
    };
    expect(subjects({ boarding: true }, boardC3)).toEqual(["c3"]);
    expect(subjects({ boarding: false }, boardC3)).toEqual(["c1", "c2"]);
  });

  it("pairing roles and mentor kinds select pairings", () => {
    const pairings = (selector: PolicyInput["selector"]) =>
      evaluate(monthly({ level: "pairing", selector })).map((r) => r.subjectId);
    expect(pairings({})).toEqual(["p1", "p2", "p3"]);
    expect(pairings({ pairingRoles: ["surrogate-parent"] })).toEqual(["p2"]);
    expect(pairings({ mentorKinds: ["counsellor"] })).toEqual(["p3"]);
    expect(pairings({ mentorKinds: ["class-teacher"], riskLevels: ["high"] })).toEqual(["p1"]);
  });
});

describe("the days a subject is in scope", () => {
  it("a mentor from availableFrom to availableTo", () => {
    const rows = evaluate(
      monthly({ level: "mentor", selector: { mentorKinds: ["counsellor"] } }),
      (s) => {
        s.mentors[1] = { ...s.mentors[1]!, availableFrom: "2026-03-16", availableTo: "2026-03-31" };
      },
    );
    // 16 of 31 days: round(16 ÷ 31) = 1 contact owed
    expect(rows.map((r) => [r.subjectId, r.required, r.done, r.recordIds])).toEqual([
      ["m2", 1, 0, []],
    ]);
    const late = evaluate(
      monthly({ level: "mentor", selector: { mentorKinds: ["counsellor"] } }),
      (s) => {
        s.mentors[1] = { ...s.mentors[1]!, availableFrom: "2026-03-17" };
      },
    );
    // 15 of 31 days: round(15 ÷ 31) = 0, exempt
    expect(late.map((r) => [r.subjectId, r.required, r.status])).toEqual([["m2", 0, "exempt"]]);
    const gone = evaluate(
      monthly({ level: "mentor", selector: { mentorKinds: ["counsellor"] } }),
      (s) => {
        s.mentors[1] = { ...s.mentors[1]!, availableTo: "2026-02-28" };
      },
    );
    expect(gone).toEqual([]);
    // one day of the month in scope: a window, owing nothing; none: no window at all
    const oneDay = evaluate(
      monthly({ level: "mentor", selector: { mentorKinds: ["counsellor"] } }),
      (s) => {
        s.mentors[1] = { ...s.mentors[1]!, availableTo: "2026-03-01" };
      },
    );
    expect(oneDay.map((r) => [r.subjectId, r.required, r.status])).toEqual([["m2", 0, "exempt"]]);
    const twoDays = evaluate(
      monthly({ level: "mentor", selector: { mentorKinds: ["counsellor"] } }),
      (s) => {
        s.mentors[1] = { ...s.mentors[1]!, availableTo: "2026-03-02" };
      },
    );
    expect(twoDays.map((r) => [r.subjectId, r.required, r.status])).toEqual([["m2", 0, "exempt"]]);
  });

  it("exempt days from the first listed to the last", () => {
    // 16 of 31 days exempt leaves 15: round(15 ÷ 31) = 0; one exempt day less would owe 1
    const owed = (from: string, to: string) =>
      evaluate(monthly({ exemptions: [{ from, to }] }))
        .filter((r) => r.subjectId === "c3")
        .map((r) => [r.required, r.status]);
    expect(owed("2026-03-01", "2026-03-16")).toEqual([[0, "exempt"]]);
    expect(owed("2026-03-16", "2026-03-31")).toEqual([[0, "exempt"]]);
    expect(owed("2026-03-02", "2026-03-16")).toEqual([[1, "missed"]]);
  });

  it("an interval window whose due day is in scope but every countable day exempt owes nothing", () => {
    // Due every 14 days from 2 March (2, 16 and 30 March), each window the 6 days before.
    const owed = (from: string, to: string) =>
      evaluate(
        monthly({
          requirement: { type: "interval", everyDays: 14, windowStart: -6, anchor: "2026-03-02" },
          exemptions: [{ from, to }],
        }),
      )
        .filter((r) => r.subjectId === "c3" && r.due === "2026-03-16")
        .map((r) => [r.required, r.status]);
    expect(owed("2026-03-10", "2026-03-16")).toEqual([[0, "exempt"]]);
    // one countable day left in the window (10 March): the visit is owed
    expect(owed("2026-03-11", "2026-03-16")).toEqual([[1, "missed"]]);
  });

  it("a pairing's records only from its first day", () => {
    // p2 (c2 with m1) starts on 20 March
    const rows = evaluate(
      monthly({ level: "pairing", counts: { contactKinds: ["talk"], by: "paired-mentor" } }),
      (s) => {
        s.records = [
          {
            id: "before",
            kind: "talk",
            at: "2026-03-19T10:00:00+08:00",
            childIds: ["c2"],
            mentorId: "m1",
          },
          {
            id: "on",
            kind: "talk",
            at: "2026-03-20T10:00:00+08:00",
            childIds: ["c2"],
            mentorId: "m1",
          },
        ];
      },
    );
    expect(rows.find((r) => r.subjectId === "p2")!.recordIds).toEqual(["on"]);
  });

  it("a policy until its effectiveTo, a pairing until its end, a term policy only in terms", () => {
    // in force for 15 of March's 31 days: round(15 ÷ 31) = 0 owed
    const until = evaluate(monthly({ effectiveTo: "2026-03-15" })).map((r) => [
      r.subjectId,
      r.required,
    ]);
    expect(until).toEqual([
      ["c1", 0],
      ["c2", 0],
      ["c3", 0],
    ]);
    // p3 ended in February: no window in March
    const ended = evaluate(monthly({ level: "pairing" }), (s) => {
      s.pairings[2] = { ...s.pairings[2]!, start: "2026-01-01", end: "2026-02-10" };
    });
    expect(ended.map((r) => r.subjectId)).toEqual(["p1", "p2"]);
    // the winter vacation of the example calendar: no term, no window
    const s = scenario();
    const vacation = evaluateCompliance({
      ...s,
      calendar: EXAMPLE_CALENDAR_2025_26,
      policies: [
        monthly({ calendar: "school", requirement: { type: "count", min: 1, per: "term" } }),
      ],
      period: { from: "2026-01-24", to: "2026-03-01" },
      asOf: "2026-03-01",
    });
    expect([...vacation]).toEqual([]);
  });

  it("an interval policy is due from the day a child's file was opened", () => {
    const rows = evaluate(
      monthly({ requirement: { type: "interval", everyDays: 10 }, selector: {} }),
      (s) => {
        s.children[2] = { ...s.children[2]!, openedOn: "2026-03-05" };
      },
    ).filter((r) => r.subjectId === "c3");
    expect(rows.map((r) => r.due)).toEqual(["2026-03-05", "2026-03-15", "2026-03-25"]);
  });
});

describe("what a policy counts", () => {
  const talk = (id: string, day: string, over: Partial<ContactRecordInput> = {}) =>
    ({
      id,
      kind: "talk",
      at: `2026-03-${day}T10:00:00+08:00`,
      childIds: ["c1"],
      ...over,
    }) as ContactRecordInput;

  it("only the initiators named, when some are", () => {
    const rows = evaluate(
      monthly({ counts: { contactKinds: ["talk"], initiators: ["parent", "child"] } }),
      (s) => {
        s.records = [
          talk("by-mentor", "02"),
          talk("by-parent", "03", { initiator: "parent" }),
          talk("by-child", "04", { initiator: "child" }),
          talk("by-school", "05", { initiator: "school" }),
        ];
      },
    );
    expect(rows.find((r) => r.subjectId === "c1")!.recordIds).toEqual(["by-parent", "by-child"]);
  });

  it("distinct children, for a school", () => {
    const rows = evaluate(
      monthly({
        level: "school",
        counts: { contactKinds: ["talk"], unit: "children" },
        requirement: { type: "count", min: 2, per: "month" },
      }),
      (s) => {
        s.records = [
          talk("a", "02", { childIds: ["c1", "c2"] }),
          talk("b", "03", { childIds: ["c2", "c1"] }),
          talk("c", "04", { childIds: ["c1"] }),
        ];
      },
    );
    expect(rows.map((r) => [r.subjectId, r.done, r.status, r.recordIds])).toEqual([
      ["s1", 2, "met", ["a", "b", "c"]],
      ["s2", 0, "missed", []],
    ]);
  });

  it("a child's contacts by a mentor paired with the child on that day", () => {
    // m1 is paired with c2 from 20 March on (p2)
    const rows = evaluate(
      monthly({ counts: { contactKinds: ["talk"], by: "paired-mentor" } }),
      (s) => {
        s.records = [
          talk("before", "19", { childIds: ["c2"], mentorId: "m1" }),
          talk("on", "20", { childIds: ["c2"], mentorId: "m1" }),
          talk("other", "21", { childIds: ["c2"], mentorId: "m3" }),
          talk("none", "22", { childIds: ["c2"] }),
        ];
      },
    );
    expect(rows.find((r) => r.subjectId === "c2")!.recordIds).toEqual(["on"]);
    // p3 (c1 with m2) ending on 10 March: m2's contacts count up to that day
    const ended = evaluate(
      monthly({ counts: { contactKinds: ["talk"], by: "paired-mentor" } }),
      (s) => {
        s.pairings[2] = { ...s.pairings[2]!, end: "2026-03-10" };
        s.records = [
          talk("last", "10", { mentorId: "m2" }),
          talk("after", "11", { mentorId: "m2" }),
        ];
      },
    );
    expect(ended.find((r) => r.subjectId === "c1")!.recordIds).toEqual(["last"]);
  });
});
