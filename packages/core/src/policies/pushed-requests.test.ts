import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors";
import { dayNumber } from "../time/calendar-date";
import { prepareComplianceData } from "./data";
import { evaluateCompliance } from "./evaluate";
import { summarizeCompliancePartition } from "./partition-merge";
import { definePolicy } from "./presets";
import { complianceCountRequests, complianceCounts } from "./pushed-counts";
import { scenario } from "./scenario.test-helper";
import type { PolicyInput } from "./schema";

/**
 * Which policies storage can count (each condition failed alone), the buckets asked for with
 * asOf on a bucket's first day and the day before it, asOf as an instant in UTC, and the
 * evaluation refusing counts made for another zone or for a policy that cannot be pushed.
 */
const policy = (id: string, over: Partial<PolicyInput> = {}) =>
  definePolicy({
    id,
    name: { "zh-CN": id, en: id },
    level: "child",
    counts: { contactKinds: ["talk", "home-visit"], initiators: ["parent", "mentor"] },
    requirement: { type: "count", min: 1, per: "week" },
    ...over,
  } as PolicyInput);
/** The subject of an error's message, in both languages. */
const subjectOf = (messages: { "zh-CN": string; en: string }) => [
  messages["zh-CN"].replace(/校验失败（.*$/s, ""),
  messages.en.replace(/ \(\d+ issues?\): .*$/s, ""),
];
const MARCH = { from: "2026-03-01", to: "2026-03-31" } as const;
const kinds = ["talk", "home-visit"];
const initiators = ["parent", "mentor"];

describe("complianceCountRequests", () => {
  it("asks only for child-level contact counts by anyone, per week, month, year or days", () => {
    const policies = [
      policy("pairing", { level: "pairing" }),
      policy("interval", { requirement: { type: "interval", everyDays: 7 } }),
      policy("term", { requirement: { type: "count", min: 1, per: "term" }, calendar: "school" }),
      policy("days", { counts: { contactKinds: ["talk"], unit: "days" } }),
      policy("paired", { counts: { contactKinds: ["talk"], by: "paired-mentor" } }),
      policy("activity", { counts: { contactKinds: ["talk"], activityKinds: ["symposium"] } }),
      policy("no-contact", { counts: { contactKinds: [], activityKinds: ["symposium"] } }),
      policy("ok"),
    ];
    const requests = complianceCountRequests({ policies, period: MARCH, asOf: "2026-03-16" });
    // Weeks from Monday: the one starting on asOf is counted up to the end of asOf's day.
    expect(requests).toEqual(
      [
        ["2026-02-23", "2026-02-22T16:00:00.000Z", "2026-03-01T16:00:00.000Z"],
        ["2026-03-02", "2026-03-01T16:00:00.000Z", "2026-03-08T16:00:00.000Z"],
        ["2026-03-09", "2026-03-08T16:00:00.000Z", "2026-03-15T16:00:00.000Z"],
        ["2026-03-16", "2026-03-15T16:00:00.000Z", "2026-03-16T16:00:00.000Z"],
      ].map(([from, a, b]) => ({
        policyId: "ok",
        from,
        query: { groupBy: "child", at: { from: a, to: b }, kinds, initiators },
      })),
    );
    const sunday = complianceCountRequests({ policies, period: MARCH, asOf: "2026-03-15" });
    expect(sunday.map((r) => r.from)).toEqual(["2026-02-23", "2026-03-02", "2026-03-09"]);
    const noInitiators = policy("ok", { counts: { contactKinds: ["talk"] } });
    expect(
      complianceCountRequests({ policies: [noInitiators], period: MARCH, asOf: "2026-03-01" }),
    ).toEqual([
      {
        policyId: "ok",
        from: "2026-02-23",
        query: {
          groupBy: "child",
          at: { from: "2026-02-22T16:00:00.000Z", to: "2026-03-01T16:00:00.000Z" },
          kinds: ["talk"],
        },
      },
    ]);
  });

  it("reads an instant asOf in the given zone", () => {
    // 16:30 UTC on Sunday 15 March: still the 15th in UTC, so the week of the 16th is not asked.
    const requests = complianceCountRequests({
      policies: [policy("ok")],
      period: MARCH,
      asOf: "2026-03-15T16:30:00Z",
      timeZone: "UTC",
    });
    expect(requests.map((r) => [r.from, r.query.at!.from, r.query.at!.to])).toEqual([
      ["2026-02-23", "2026-02-23T00:00:00.000Z", "2026-03-02T00:00:00.000Z"],
      ["2026-03-02", "2026-03-02T00:00:00.000Z", "2026-03-09T00:00:00.000Z"],
      ["2026-03-09", "2026-03-09T00:00:00.000Z", "2026-03-16T00:00:00.000Z"],
    ]);
  });

  it("are refused by an evaluation in another zone, or of a policy storage cannot count", () => {
    const ok = policy("ok");
    const options = { policies: [ok], period: MARCH, asOf: "2026-03-16" } as const;
    const requests = complianceCountRequests(options);
    const answers = requests.map(() => [{ subjectId: "c1", contacts: 1 }]);
    const counts = complianceCounts(options, requests, answers);
    expect(counts.asOfDay).toBe(dayNumber("2026-03-16"));
    expect(counts.timeZone).toBe("Asia/Shanghai");
    expect(counts.byPolicy.get("ok")!.signature).toBe(
      JSON.stringify([
        ["home-visit", "talk"],
        ["mentor", "parent"],
      ]),
    );
    const received = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        const { issues, messages } = e as ValidationError;
        expect(subjectOf(messages)).toEqual(["达标评估选项", "Invalid compliance options"]);
        const i = issues[0]!;
        return [i.path, i.received, i.message.en];
      }
      return expect.unreachable("accepted");
    };
    const data = (timeZone: "UTC" | "Asia/Shanghai") =>
      prepareComplianceData({ ...scenario(), timeZone });
    expect(received(() => evaluateCompliance({ ...options, data: data("UTC"), counts }))).toEqual([
      "counts",
      "timeZone",
      "counts: the pushed-down counts were made for another timeZone than this evaluation",
    ]);
    const paired = policy("ok", { counts: { contactKinds: ["talk"], by: "paired-mentor" } });
    expect(
      received(() =>
        evaluateCompliance({ ...options, policies: [paired], data: data("Asia/Shanghai"), counts }),
      )[1],
    ).toBe("policies (ok)");
    const rows = [
      ...evaluateCompliance({ ...options, data: data("Asia/Shanghai"), counts }).rows({
        subjectId: "c1",
      }),
    ];
    expect(rows.map((r) => [r.from, r.done, r.status])).toEqual([
      ["2026-02-23", 1, "met"],
      ["2026-03-02", 1, "met"],
      ["2026-03-09", 1, "met"],
      ["2026-03-16", 1, "met"],
      ["2026-03-23", 0, "upcoming"],
      ["2026-03-30", 0, "upcoming"],
    ]);
  });

  it("name what is wrong: the options, the policies, the requests, the answers", () => {
    const ok = policy("ok");
    const options = { policies: [ok], period: MARCH, asOf: "2026-03-16" } as const;
    const requests = complianceCountRequests(options);
    const answers = requests.map(() => []);
    const issue = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        const { issues, messages } = e as ValidationError;
        return [issues[0]!.path, subjectOf(messages)];
      }
      return expect.unreachable("accepted");
    };
    const countOptions = ["下推计数选项", "Invalid pushed-down count options"];
    expect(issue(() => complianceCountRequests(null as never))).toEqual(["period", countOptions]);
    expect(issue(() => complianceCounts(null as never, requests, answers))).toEqual([
      "period",
      countOptions,
    ]);
    expect(issue(() => complianceCountRequests({ ...options, policies: [{}] as never }))).toEqual([
      "policies[0].id",
      ["走访频次政策", "Invalid visit-frequency policies"],
    ]);
    expect(issue(() => complianceCounts(options, requests.slice(1), answers))).toEqual([
      "requests",
      ["下推计数请求（须与选项一致）", "Invalid count requests (must match the options)"],
    ]);
    expect(issue(() => complianceCounts(options, requests, answers.slice(1)))).toEqual([
      "answers",
      ["下推计数结果（每个请求一组）", "Invalid count answers (one list per request)"],
    ]);
    expect(
      issue(() =>
        complianceCounts(options, requests, [[{ subjectId: "c1" }], ...answers.slice(1)] as never),
      ),
    ).toEqual(["answers[0][0].contacts", ["下推计数结果", "Invalid count answers"]]);
  });

  it("are used by a partition's summary", () => {
    const ok = policy("ok");
    const options = { policies: [ok], period: MARCH, asOf: "2026-03-16" } as const;
    const requests = complianceCountRequests(options);
    const answers = requests.map(() => [{ subjectId: "c1", contacts: 1 }]);
    const counts = complianceCounts(options, requests, answers);
    const summary = (withCounts: boolean) =>
      summarizeCompliancePartition({
        ...options,
        key: "a",
        data: { ...scenario(), records: [] },
        ...(withCounts ? { counts } : {}),
      }).countsByPolicy["ok"];
    // c1's four weeks up to asOf are met by the pushed-down counts; nothing without them.
    expect(summary(true)).toMatchObject({ met: 4 });
    expect(summary(false)).toMatchObject({ met: 0 });
  });
});
