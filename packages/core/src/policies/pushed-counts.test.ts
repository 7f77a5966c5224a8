import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { propertyRuns } from "../_lib/fuzz.test-helper";
import { EXAMPLE_CALENDAR_2025_26 } from "../calendar";
import { ValidationError } from "../errors/errors";
import type { ContactRecord, ContactRecordInput } from "../model";
import { quickContactRecord } from "../model/records";
import { countContactRecords } from "../ports/storage/count";
import { prepareComplianceData } from "./data";
import { evaluateCompliance } from "./evaluate";
import { ALL_PRESETS, POLICY_PRESETS } from "./presets";
import { complianceCountRequests, complianceCounts } from "./pushed-counts";
import { contactRecordsArb, scenario } from "./scenario.test-helper";

const KINDS = ["home-visit", "talk", "parent-call", "family-call", "health-check"] as const;
const BASE_MS = Date.parse("2026-02-20T00:00:00+08:00");
const options = {
  policies: ALL_PRESETS,
  period: { from: "2026-03-01", to: "2026-05-31" },
  asOf: "2026-05-20",
} as const;

const recordsArb = contactRecordsArb({
  kinds: KINDS,
  children: ["c1", "c2", "c3", "c-unknown"],
  mentors: ["m1"],
  from: BASE_MS,
  days: 110,
  maxLength: 60,
});

/** What an adapter answers: the pure reference of `countContacts` over the same records. */
function answer(records: readonly ContactRecordInput[]) {
  const stored = records.map((r) => quickContactRecord(r) as ContactRecord);
  const requests = complianceCountRequests(options);
  const answers = requests.map((r) => countContactRecords(stored, r.query));
  return { requests, answers, counts: complianceCounts(options, requests, answers) };
}

/** Rows without their record ids: pushed-down rows do not list them. */
function rowsOf(report: ReturnType<typeof evaluateCompliance>) {
  return report.toJSON().rows.map(({ recordIds: _ids, ...row }) => row);
}

describe("pushed-down counts", () => {
  it("ask for the qualifying policies' buckets up to asOf only", () => {
    const requests = complianceCountRequests(options);
    expect([...new Set(requests.map((r) => r.policyId))]).toEqual([
      "home-visit-monthly",
      "parent-call-monthly",
      "parents-contact-teacher-monthly",
    ]);
    expect(requests.filter((r) => r.policyId === "home-visit-monthly")).toEqual([
      ...["03", "04", "05"].map((m) => ({
        policyId: "home-visit-monthly",
        from: `2026-${m}-01`,
        query: expect.objectContaining({ groupBy: "child", kinds: ["home-visit"] }),
      })),
    ]);
    // May is counted up to the end of asOf's day (Beijing time).
    expect(requests[2]!.query.at).toEqual({
      from: "2026-04-30T16:00:00.000Z",
      to: "2026-05-20T16:00:00.000Z",
    });
  });

  it("give the pure evaluator's rows and findings on random records", () => {
    fc.assert(
      fc.property(recordsArb, (records) => {
        const data = prepareComplianceData({
          ...scenario(),
          records,
          calendar: EXAMPLE_CALENDAR_2025_26,
        });
        const pure = evaluateCompliance({ ...options, data });
        const pushed = evaluateCompliance({ ...options, data, counts: answer(records).counts });
        expect(rowsOf(pushed)).toEqual(rowsOf(pure));
        expect(pushed.findings).toEqual(pure.findings);
      }),
      { numRuns: propertyRuns(60) },
    );
  });

  it("are what the evaluation counts: a changed answer changes the row", () => {
    const s = scenario();
    const records = s.records;
    const data = prepareComplianceData({ ...s, calendar: EXAMPLE_CALENDAR_2025_26 });
    const { requests, answers } = answer(records);
    const i = requests.findIndex((r) => r.policyId === "home-visit-monthly");
    const bumped = answers.map((a, k) =>
      k === i ? [...a, { subjectId: "c1", contacts: 7 }].slice(-1) : a,
    );
    const report = evaluateCompliance({
      ...options,
      data,
      counts: complianceCounts(options, requests, bumped),
    });
    const row = report
      .toJSON()
      .rows.find(
        (r) =>
          r.policyId === "home-visit-monthly" && r.subjectId === "c1" && r.from === "2026-03-01",
      );
    expect(row).toMatchObject({ done: 7, status: "met", recordIds: [] });
  });

  it("refuse answers that do not match the requests or the evaluation", () => {
    const { requests, answers, counts } = answer([]);
    expect(() => complianceCounts(options, requests, answers.slice(1))).toThrow(ValidationError);
    expect(() => complianceCounts(options, requests.slice(1), answers.slice(1))).toThrow(
      ValidationError,
    );
    expect(() =>
      complianceCounts(options, requests, [
        [{ subjectId: "c1", contacts: -1 }],
        ...answers.slice(1),
      ]),
    ).toThrow(ValidationError);
    const data = prepareComplianceData({ ...scenario(), calendar: EXAMPLE_CALENDAR_2025_26 });
    expect(() => evaluateCompliance({ ...options, asOf: "2026-05-21", data, counts })).toThrow(
      /asOf/,
    );
    const other = {
      ...POLICY_PRESETS.homeVisitMonthly,
      counts: { ...POLICY_PRESETS.homeVisitMonthly.counts, contactKinds: ["talk" as const] },
    };
    expect(() => evaluateCompliance({ ...options, policies: [other], data, counts })).toThrow(
      /home-visit-monthly/,
    );
  });
});
