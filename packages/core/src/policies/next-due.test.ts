import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors";
import { prepareComplianceData } from "./data";
import { nextDue, type NextDueInput } from "./next-due";
import { MENTOR_TWICE, PAIRING_HOME_VISIT, scenario, TALK_MONTHLY } from "./scenario.test-helper";

/**
 * Whose rows `nextDue` lists for a child, a pairing and a mentor at each policy level, the
 * look-ahead at and beside a bucket's first day, `asOf` given as an instant in two zones, the
 * order of rows due on the same day, and the errors for unknown or malformed subjects.
 */
const POLICIES = [TALK_MONTHLY, PAIRING_HOME_VISIT, MENTOR_TWICE];

const due = (over: Partial<NextDueInput> & Pick<NextDueInput, "subject">) =>
  nextDue({ ...scenario(), policies: POLICIES, asOf: "2026-03-06", ...over }).map((r) => [
    r.policyId,
    r.subjectId,
    r.from,
    r.due,
    r.status,
  ]);

describe("nextDue", () => {
  it("lists the child's own and its pairings' rows, policy by policy on the same day", () => {
    // March is met for both (talk r5 on 3 March, home visit r1 on 5 March): April is next.
    expect(due({ subject: { childId: "c1" } })).toEqual([
      ["talk-monthly", "c1", "2026-04-01", "2026-04-30", "upcoming"],
      ["home-visit-monthly", "p1", "2026-04-01", "2026-04-30", "upcoming"],
    ]);
    expect(due({ subject: { childId: "c2" } })).toEqual([
      ["talk-monthly", "c2", "2026-04-01", "2026-04-30", "upcoming"],
      ["home-visit-monthly", "p2", "2026-04-01", "2026-04-30", "upcoming"],
    ]);
  });

  it("lists a mentor's own rows and its pairings' rows, earliest deadline first", () => {
    // m1 has one talk (r5) in March: two are required, so March is still due.
    expect(due({ subject: { mentorId: "m1" } })).toEqual([
      ["mentor-twice", "m1", "2026-03-01", "2026-03-31", "due"],
      ["home-visit-monthly", "p1", "2026-04-01", "2026-04-30", "upcoming"],
      ["home-visit-monthly", "p2", "2026-04-01", "2026-04-30", "upcoming"],
    ]);
    // m2 (a counsellor) is not selected by the home-visit policy.
    expect(due({ subject: { mentorId: "m2" } })).toEqual([
      ["mentor-twice", "m2", "2026-03-01", "2026-03-31", "due"],
    ]);
  });

  it("lists only pairing-level rows for a pairing", () => {
    expect(due({ subject: { pairingId: "p1" } })).toEqual([
      ["home-visit-monthly", "p1", "2026-04-01", "2026-04-30", "upcoming"],
    ]);
    expect(due({ subject: { pairingId: "p3" } })).toEqual([]);
  });

  it("looks horizonDays ahead of asOf, the last day included", () => {
    const c1 = (horizonDays: number) => due({ subject: { childId: "c1" }, horizonDays });
    expect(c1(0)).toEqual([]);
    expect(c1(25)).toEqual([]); // 31 March
    expect(c1(26)).toEqual([
      ["talk-monthly", "c1", "2026-04-01", "2026-04-30", "upcoming"],
      ["home-visit-monthly", "p1", "2026-04-01", "2026-04-30", "upcoming"],
    ]);
    expect(c1(3650)).toEqual(c1(26));
    const path = (horizonDays: number) => {
      try {
        c1(horizonDays);
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        return (e as ValidationError).issues[0]!.path;
      }
      return expect.unreachable("accepted");
    };
    expect(path(3651)).toBe("horizonDays");
    expect(path(-1)).toBe("horizonDays");
    expect(path(1.5)).toBe("horizonDays");
  });

  it("takes asOf as an instant in the data's zone", () => {
    // 17:00 UTC on 31 March is 1 April in Beijing, when r2 (the same instant) meets April.
    const at = "2026-03-31T17:00:00Z";
    expect(due({ subject: { pairingId: "p1" }, asOf: at })).toEqual([
      ["home-visit-monthly", "p1", "2026-05-01", "2026-05-31", "upcoming"],
    ]);
    const april = [["home-visit-monthly", "p1", "2026-04-01", "2026-04-30", "upcoming"]];
    expect(due({ subject: { pairingId: "p1" }, asOf: at, timeZone: "UTC" })).toEqual(april);
    // The look-ahead starts on asOf's day in that zone: 31 March in UTC, where m1's March is due.
    expect(due({ subject: { mentorId: "m1" }, asOf: at, timeZone: "UTC" })[0]).toEqual([
      "mentor-twice",
      "m1",
      "2026-03-01",
      "2026-03-31",
      "due",
    ]);
    expect(due({ subject: { mentorId: "m1" }, asOf: at })[0]![2]).toBe("2026-04-01");
    const { children, mentors, pairings, records } = scenario();
    const data = prepareComplianceData({ children, mentors, pairings, records, timeZone: "UTC" });
    expect(
      nextDue({ policies: POLICIES, data, asOf: at, subject: { pairingId: "p1" } }).map((r) => [
        r.policyId,
        r.subjectId,
        r.from,
        r.due,
        r.status,
      ]),
    ).toEqual(april);
    expect(
      nextDue({ policies: POLICIES, data, asOf: at, subject: { mentorId: "m1" } })[0],
    ).toMatchObject({
      from: "2026-03-01",
      status: "due",
    });
  });

  it("names the subject in both languages when its shape is wrong", () => {
    expect.assertions(2);
    try {
      due({ subject: { childId: "c1", mentorId: "m1" } as never });
    } catch (e) {
      const { messages } = e as ValidationError;
      expect(messages["zh-CN"].slice(0, 14)).toBe("查询对象校验失败（1 处）：");
      expect(messages.en.slice(0, 27)).toBe("Invalid subject (1 issue): ");
    }
  });

  it("refuses an unknown or malformed subject, naming the field", () => {
    const issue = (subject: unknown) => {
      try {
        due({ subject: subject as NextDueInput["subject"] });
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        const i = (e as ValidationError).issues[0]!;
        return [i.path, i.code];
      }
      return expect.unreachable("accepted");
    };
    try {
      due({ subject: { pairingId: "p9" } });
      expect.unreachable("accepted");
    } catch (e) {
      const { issues, messages } = e as ValidationError;
      expect(issues.map((i) => [i.received, i.message["zh-CN"], i.message.en])).toEqual([
        [
          '"p9"',
          '字段 subject.pairingId：编号 p9 不在输入数据中（收到："p9"）',
          'subject.pairingId: id p9 is not in the input (received: "p9")',
        ],
      ]);
      expect(messages.en.slice(0, 16)).toBe("Invalid subject ");
      expect(messages["zh-CN"].slice(0, 4)).toBe("查询对象");
    }
    expect(issue({ childId: "ghost" })).toEqual(["subject.childId", "unknown_id"]);
    expect(issue({ mentorId: "ghost" })).toEqual(["subject.mentorId", "unknown_id"]);
    expect(issue({ pairingId: "ghost" })).toEqual(["subject.pairingId", "unknown_id"]);
    expect(issue({ childId: "c1", mentorId: "m1" })[0]).toBe("subject");
    try {
      due({ subject: { childId: 1 } as never });
      expect.unreachable("accepted");
    } catch (e) {
      expect((e as ValidationError).messages["zh-CN"].slice(0, 4)).toBe("查询对象");
      expect((e as ValidationError).messages.en.slice(0, 16)).toBe("Invalid subject ");
    }
    const path = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        return (e as ValidationError).issues[0]!.path;
      }
      return expect.unreachable("accepted");
    };
    expect(path(() => due({ subject: { childId: "c1" }, asOf: "tomorrow" }))).toBe("asOf");
    expect(path(() => nextDue(null as never))).toBe("input");
  });
});
