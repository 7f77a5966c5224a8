import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors";
import { evaluateCompliance } from "./evaluate";
import { definePolicy } from "./presets";
import { MENTOR_TWICE, PAIRING_HOME_VISIT, scenario, TALK_MONTHLY } from "./scenario.test-helper";
import { workList, type WorkItem } from "./worklist";

/**
 * The order of the work lists (risk, key cases, rows without a child, lateness, shortage,
 * policy, subject), the `withinDays` limit at and beside it, missed rows, `limit`, and the
 * fields of an item.
 */
const talkWeekly = definePolicy({
  id: "talk-weekly",
  name: { "zh-CN": "每周谈心", en: "Weekly talk" },
  level: "child",
  selector: { livingArrangements: ["parent"] },
  counts: { contactKinds: ["talk"] },
  requirement: { type: "count", min: 1, per: "week" },
  graceDays: 14,
});

/** c1 high risk, c2 high risk and a key case, c3 with no risk level recorded; one talk by m1. */
function report(policies = [TALK_MONTHLY, PAIRING_HOME_VISIT, MENTOR_TWICE], asOf = "2026-04-02") {
  const s = scenario();
  s.children[1]!.riskLevel = "high";
  s.children[1]!.keyCase = true;
  delete s.children[2]!.riskLevel;
  s.records = [
    { id: "t1", kind: "talk", at: "2026-04-01T10:00:00+08:00", childIds: ["x9"], mentorId: "m1" },
  ];
  return evaluateCompliance({
    ...s,
    policies,
    period: { from: "2026-03-01", to: "2026-04-30" },
    asOf,
  });
}

const brief = (items: readonly WorkItem[]) =>
  items.map((w) => [w.policyId, w.subjectId, w.status, w.due, w.daysLate, w.shortBy]);

describe("workList", () => {
  it("puts key cases before others of the same risk, and rows without a risk or child last", () => {
    const list = workList(report(), { withinDays: 28 });
    expect(brief(list.overdue)).toEqual([
      ["talk-monthly", "c2", "overdue", "2026-03-31", 2, 1],
      ["talk-monthly", "c1", "overdue", "2026-03-31", 2, 1],
      ["home-visit-monthly", "p1", "overdue", "2026-03-31", 2, 1],
      ["talk-monthly", "c3", "overdue", "2026-03-31", 2, 1],
    ]);
    // Same rank and deadline: the larger shortage first, then policy order, then subject order.
    expect(brief(list.dueSoon)).toEqual([
      ["talk-monthly", "c2", "due", "2026-04-30", -28, 1],
      ["home-visit-monthly", "p2", "due", "2026-04-30", -28, 1],
      ["talk-monthly", "c1", "due", "2026-04-30", -28, 1],
      ["home-visit-monthly", "p1", "due", "2026-04-30", -28, 1],
      ["mentor-twice", "m2", "due", "2026-04-30", -28, 2],
      ["mentor-twice", "m3", "due", "2026-04-30", -28, 2],
      ["talk-monthly", "c3", "due", "2026-04-30", -28, 1],
      ["mentor-twice", "m1", "due", "2026-04-30", -28, 1],
    ]);
    const fields = (w: WorkItem) => [w.risk, w.keyCase, "risk" in w, w.required, w.done];
    expect(list.dueSoon.map(fields)).toEqual([
      ["high", true, true, 1, 0],
      ["high", true, true, 1, 0],
      ["high", false, true, 1, 0],
      ["high", false, true, 1, 0],
      [undefined, false, false, 2, 0],
      [undefined, false, false, 2, 0],
      [undefined, false, false, 1, 0],
      [undefined, false, false, 2, 1],
    ]);
  });

  it("lists a row due exactly withinDays after asOf, and not one day later", () => {
    const r = report([TALK_MONTHLY]);
    const soon = (withinDays: number) => workList(r, { withinDays }).dueSoon.length;
    expect(soon(27)).toBe(0);
    expect(soon(28)).toBe(3);
    expect(soon(29)).toBe(3);
    // 7 days by default; 0 lists only what is due on asOf itself.
    expect(workList(r).dueSoon).toHaveLength(0);
    expect(workList(report([TALK_MONTHLY], "2026-04-30"), { withinDays: 0 }).dueSoon).toHaveLength(
      3,
    );
    expect(workList(report([TALK_MONTHLY], "2026-04-23")).dueSoon).toHaveLength(3);
    expect(workList(report([TALK_MONTHLY], "2026-04-22")).dueSoon).toHaveLength(0);
  });

  it("lists upcoming rows within the horizon, soonest first", () => {
    // asOf 2 April, c3 (living with a parent): the week of 30 March is due on 5 April, the weeks of 6, 13 and
    // 20 April are upcoming; 16 and 23 March are overdue (14 grace days), the oldest first.
    const list = workList(report([talkWeekly]), { withinDays: 18 });
    expect(brief(list.overdue)).toEqual([
      ["talk-weekly", "c3", "overdue", "2026-03-22", 11, 1],
      ["talk-weekly", "c3", "overdue", "2026-03-29", 4, 1],
    ]);
    expect(brief(list.dueSoon)).toEqual([
      ["talk-weekly", "c3", "due", "2026-04-05", -3, 1],
      ["talk-weekly", "c3", "upcoming", "2026-04-12", -10, 1],
      ["talk-weekly", "c3", "upcoming", "2026-04-19", -17, 1],
    ]);
  });

  it("adds missed rows only when asked, and cuts both lists at limit", () => {
    const r = report();
    expect(workList(r).overdue.map((w) => w.status)).not.toContain("missed");
    expect(brief(workList(r, { includeMissed: true }).overdue)).toEqual([
      ["talk-monthly", "c2", "overdue", "2026-03-31", 2, 1],
      ["talk-monthly", "c1", "overdue", "2026-03-31", 2, 1],
      ["home-visit-monthly", "p1", "overdue", "2026-03-31", 2, 1],
      ["mentor-twice", "m1", "missed", "2026-03-31", 2, 2],
      ["mentor-twice", "m2", "missed", "2026-03-31", 2, 2],
      ["mentor-twice", "m3", "missed", "2026-03-31", 2, 2],
      ["talk-monthly", "c3", "overdue", "2026-03-31", 2, 1],
    ]);
    const cut = workList(r, { withinDays: 28, limit: 1 });
    expect(brief(cut.overdue)).toEqual([["talk-monthly", "c2", "overdue", "2026-03-31", 2, 1]]);
    expect(brief(cut.dueSoon)).toEqual([["talk-monthly", "c2", "due", "2026-04-30", -28, 1]]);
  });

  it("orders a list whose keys do not pack into one number as one whose keys do", () => {
    // Daily buckets over three years, some owing 2^30 contacts: rank × days × shortage ×
    // items passes 2^53, and the keys are compared one by one.
    const daily = (id: string, min: number) =>
      definePolicy({
        id,
        name: { "zh-CN": id, en: id },
        level: "child",
        counts: { contactKinds: ["talk"] },
        requirement: { type: "count", min, per: "days", days: 1 },
        graceDays: 2,
      });
    const s = scenario();
    s.children[1]!.keyCase = true;
    const r = evaluateCompliance({
      ...s,
      policies: [daily("small", 1), daily("huge", 2 ** 30), TALK_MONTHLY],
      period: { from: "2023-04-03", to: "2026-04-02" },
      asOf: "2026-03-20",
    });
    const order = ["small", "huge", "talk-monthly"];
    const rank = (w: WorkItem) =>
      ["critical", "high", "medium", "low"].indexOf(w.risk ?? "none") * 2 + (w.keyCase ? 0 : 1);
    const key = (w: WorkItem) => [
      (rank(w) + 10) % 10,
      w.due,
      -w.shortBy,
      order.indexOf(w.policyId),
      w.subjectId,
      w.from,
    ];
    const sorted = (items: readonly WorkItem[]) =>
      items.every((w, k) => {
        if (k === 0) return true;
        const [a, b] = [key(items[k - 1]!), key(w)];
        const at = a.findIndex((x, j) => x !== b[j]);
        return at >= 0 && a[at]! < b[at]!;
      });
    const long = workList(r, { includeMissed: true }).overdue;
    expect(long.length).toBeGreaterThan(3000);
    expect(new Set(long.map((w) => w.shortBy)).size).toBeGreaterThan(1);
    expect(sorted(long)).toBe(true);
    const short = workList(r, { withinDays: 30 });
    expect(short.overdue.length).toBeGreaterThan(0);
    expect(sorted(short.overdue) && sorted(short.dueSoon)).toBe(true);
  });

  it("refuses anything but a report, and options out of range", () => {
    const r = report([TALK_MONTHLY]);
    const issue = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        const i = (e as ValidationError).issues[0]!;
        return [i.path, i.code, i.message.en];
      }
      return expect.unreachable("no error");
    };
    expect(issue(() => workList({ ...r } as never))).toEqual([
      "report",
      "invalid_type",
      "report: expected a report from evaluateCompliance (received: object)",
    ]);
    try {
      workList(null as never);
      expect.unreachable("accepted");
    } catch (e) {
      expect((e as ValidationError).issues[0]!.message["zh-CN"]).toBe(
        "字段 report：应为 evaluateCompliance 返回的报告（收到：null）",
      );
    }
    try {
      workList(r, { withinDays: 400 });
      expect.unreachable("accepted");
    } catch (e) {
      const { messages } = e as ValidationError;
      expect([messages["zh-CN"].slice(0, 6), messages.en.slice(0, 26)]).toEqual([
        "工作清单选项",
        "Invalid work-list options ",
      ]);
    }
    expect(issue(() => workList(r, { withinDays: 367 }))[0]).toBe("withinDays");
    expect(issue(() => workList(r, { withinDays: -1 }))[0]).toBe("withinDays");
    expect(issue(() => workList(r, { limit: 0 }))[0]).toBe("limit");
    expect(workList(r, { withinDays: 366, limit: 2 }).dueSoon).toHaveLength(2);
  });
});
