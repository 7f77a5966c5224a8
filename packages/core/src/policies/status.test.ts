import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors/errors";
import { prepareComplianceData, PolicyFindingCode } from "./data";
import { COMPLIANCE_STATUSES, evaluateCompliance } from "./evaluate";
import { definePolicy, POLICY_PRESETS } from "./presets";
import { PAIRING_HOME_VISIT, scenario } from "./scenario.test-helper";
import { requiredContacts, S, windowStatus } from "./stages/status";

/**
 * Contacts owed by a subject in scope for part of a window, and a window's status, each at its
 * limits and on either side of them; the checks `evaluateCompliance` makes of its options.
 */
describe("requiredContacts: min × active ÷ nominal, half up, never above min", () => {
  it("owes min when in scope for the whole window (or more of its days)", () => {
    expect(requiredContacts(3, 30, 30)).toBe(3);
    expect(requiredContacts(3, 31, 30)).toBe(3);
    expect(requiredContacts(0, 30, 30)).toBe(0);
  });

  it("rounds half up: exactly half a contact is owed, just under half is not", () => {
    expect(requiredContacts(1, 15, 30)).toBe(1);
    expect(requiredContacts(1, 14, 30)).toBe(0);
    expect(requiredContacts(1, 16, 30)).toBe(1);
    // 4 × 5 ÷ 8 = 2.5 → 3; 4 × 3 ÷ 8 = 1.5 → 2; 4 × 1 ÷ 8 = 0.5 → 1
    expect(requiredContacts(4, 5, 8)).toBe(3);
    expect(requiredContacts(4, 3, 8)).toBe(2);
    expect(requiredContacts(4, 1, 8)).toBe(1);
    expect(requiredContacts(4, 0, 8)).toBe(0);
  });

  it("one day short of the window owes min when that rounds to it, less when it does not", () => {
    expect(requiredContacts(2, 29, 30)).toBe(2); // 1.93 → 2
    expect(requiredContacts(20, 29, 30)).toBe(19); // 19.33 → 19
    expect(requiredContacts(5, 6, 7)).toBe(4); // 4.29 → 4
  });
});

describe("windowStatus: each status from the day before its first day to the day after its last", () => {
  // a window from day 100 to day 109, due on day 109, closing on day 112 (3 days' grace)
  const status = (scopeDays: number, required: number, done: number, asOf: number) =>
    COMPLIANCE_STATUSES[windowStatus(scopeDays, required, done, asOf, 100, 109, 112)];

  it("not applicable out of scope, exempt when nothing is owed", () => {
    expect(status(0, 1, 0, 105)).toBe("not-applicable");
    expect(status(0, 0, 0, 105)).toBe("not-applicable");
    expect(status(1, 0, 0, 105)).toBe("exempt");
    expect(status(1, 0, 2, 200)).toBe("exempt");
  });

  it("met once done reaches required, whatever the day", () => {
    expect(status(10, 2, 2, 99)).toBe("met");
    expect(status(10, 2, 3, 200)).toBe("met");
    expect(status(10, 2, 1, 200)).toBe("missed");
  });

  it("upcoming before the first day, due to the due day, overdue through the grace, then missed", () => {
    expect(
      [98, 99, 100, 101, 108, 109, 110, 111, 112, 113].map((d) => status(10, 1, 0, d)),
    ).toEqual([
      "upcoming",
      "upcoming",
      "due",
      "due",
      "due",
      "due",
      "overdue",
      "overdue",
      "overdue",
      "missed",
    ]);
  });

  it("uses the status codes of COMPLIANCE_STATUSES", () => {
    expect(Object.entries(S).map(([name, code]) => [name, COMPLIANCE_STATUSES[code]])).toEqual([
      ["met", "met"],
      ["missed", "missed"],
      ["due", "due"],
      ["overdue", "overdue"],
      ["upcoming", "upcoming"],
      ["exempt", "exempt"],
      ["na", "not-applicable"],
    ]);
  });
});

describe("evaluateCompliance: the checks of its options, worded", () => {
  const MARCH = { from: "2026-03-01", to: "2026-03-31" } as const;

  function refusal(run: () => unknown) {
    try {
      run();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      const { messages, issues } = e as ValidationError;
      return {
        subject: [
          messages["zh-CN"].split("校验失败")[0],
          messages.en.replace(/ \(\d+ issues?\):[^]*$/, ""),
        ],
        issues: issues.map((i) => [i.path, i.code, i.message["zh-CN"], i.message.en]),
      };
    }
    return expect.unreachable("the evaluation ran");
  }

  it("a school-calendar policy without a calendar names the policy", () => {
    expect(
      refusal(() =>
        evaluateCompliance({
          ...scenario(),
          policies: [PAIRING_HOME_VISIT, POLICY_PRESETS.teacherTalksWeekly],
          period: MARCH,
          asOf: "2026-04-10",
        }),
      ),
    ).toEqual({
      subject: ["达标评估选项", "Invalid compliance options"],
      issues: [
        [
          "calendar",
          "other",
          `字段 calendar：政策 ${POLICY_PRESETS.teacherTalksWeekly.id} 按校历计算，须提供校历（收到：undefined）`,
          `calendar: policy ${POLICY_PRESETS.teacherTalksWeekly.id} follows the school calendar, so a calendar is required (received: undefined)`,
        ],
      ],
    });
  });

  it("names the options, the policies and a time zone that differs from prepared data", () => {
    const bad = refusal(() =>
      evaluateCompliance({
        ...scenario(),
        policies: [PAIRING_HOME_VISIT],
        period: { from: "2026-03-01", to: "2026-02-01" },
        asOf: "2026-04-10",
      }),
    );
    expect(bad.subject).toEqual(["达标评估选项", "Invalid compliance options"]);
    expect(bad.issues.map((i) => i[0])).toEqual(["period.to"]);
    const policies = refusal(() =>
      evaluateCompliance({
        ...scenario(),
        policies: [{ ...PAIRING_HOME_VISIT, graceDays: -1 }],
        period: MARCH,
        asOf: "2026-04-10",
      }),
    );
    expect(policies.subject).toEqual(["走访频次政策", "Invalid visit-frequency policies"]);
    expect(policies.issues.map((i) => i[0])).toEqual(["policies[0].graceDays"]);
    const data = prepareComplianceData({ ...scenario(), timeZone: "UTC" });
    const zone = refusal(() =>
      evaluateCompliance({
        data,
        timeZone: "Asia/Shanghai",
        policies: [PAIRING_HOME_VISIT],
        period: MARCH,
        asOf: "2026-04-10",
      }),
    );
    expect(zone.subject).toEqual([
      "时区（须与已准备数据一致）",
      "Invalid time zone (must match the prepared data)",
    ]);
    expect(zone.issues.map((i) => i[0])).toEqual(["timeZone"]);
    // the same zone as the prepared data is accepted
    expect(
      evaluateCompliance({
        data,
        timeZone: "UTC",
        policies: [PAIRING_HOME_VISIT],
        period: MARCH,
        asOf: "2026-04-10",
      }).timeZone,
    ).toBe("UTC");
  });

  it("an instant asOf is read in the data's zone: 16:00 UTC on 4 March is 5 March in Beijing", () => {
    const report = (asOf: string, timeZone?: string) =>
      evaluateCompliance({
        ...scenario(),
        ...(timeZone ? { timeZone } : {}),
        policies: [PAIRING_HOME_VISIT],
        period: MARCH,
        asOf: asOf as "2026-03-05",
      });
    const p1 = (r: ReturnType<typeof report>) => [...r].find((row) => row.subjectId === "p1")!;
    // r1 is at 10:00 Beijing time on 5 March: counted from that day on
    const before = report("2026-03-04T15:59:59Z");
    expect(before.asOf).toBe("2026-03-04");
    expect(p1(before)).toMatchObject({ status: "due", done: 0 });
    const on = report("2026-03-04T16:00:00Z");
    expect(on.asOf).toBe("2026-03-05");
    expect(p1(on)).toMatchObject({ status: "met", done: 1 });
    expect(report("2026-03-04T23:30:00Z", "UTC").asOf).toBe("2026-03-04");
  });

  it("a policy that selects nobody gets a finding naming it and its index", () => {
    const nobody = definePolicy({
      ...PAIRING_HOME_VISIT,
      id: "nobody",
      selector: { mentorKinds: ["peer-buddy"] },
    });
    const report = evaluateCompliance({
      ...scenario(),
      policies: [PAIRING_HOME_VISIT, nobody],
      period: MARCH,
      asOf: "2026-04-10",
    });
    expect(report.findings.filter((f) => f.code === PolicyFindingCode.NO_SUBJECT)).toEqual([
      {
        code: PolicyFindingCode.NO_SUBJECT,
        count: 1,
        ids: ["nobody"],
        path: "policies[1]",
        message: {
          "zh-CN": "政策 nobody 在该期间没有适用对象",
          en: "policy nobody applies to no subject in the period",
        },
      },
    ]);
  });
});
