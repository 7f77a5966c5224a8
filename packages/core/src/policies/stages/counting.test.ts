import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { propertyRuns } from "../../_lib/fuzz.test-helper";
import { EXAMPLE_CALENDAR_2025_26 } from "../../calendar";
import type { ContactRecordInput } from "../../model";
import { dayNumber } from "../../time/calendar-date";
import { prepareComplianceData } from "../data";
import { ALL_PRESETS } from "../presets";
import { contactRecordsArb, scenario } from "../scenario.test-helper";
import { RowTable } from "../table";
import { countRule, RecordCounter } from "./counting";
import { forEachSubject } from "./subjects";
import { bucketOfDay, countBuckets, inScopeThroughout } from "./windows";

const BASE_MS = Date.parse("2026-02-20T00:00:00Z");
const KINDS = ["home-visit", "talk", "parent-call", "family-call", "video-call", "letter"] as const;

const recordsArb = contactRecordsArb({
  kinds: KINDS,
  children: ["c1", "c2", "c3"],
  mentors: ["m1", "m2", undefined],
  from: BASE_MS,
  days: 140,
  minLength: 40,
  maxLength: 200,
});

/** Each subject's counts and pooled records, bucket by bucket, by one of the two ways. */
function counted(records: ContactRecordInput[], asOf: string, oneCall: boolean) {
  const data = prepareComplianceData({
    ...scenario(),
    records,
    calendar: EXAMPLE_CALENDAR_2025_26,
  });
  const from = dayNumber("2026-03-01");
  const to = dayNumber("2026-05-31");
  const out: unknown[] = [];
  for (const policy of ALL_PRESETS) {
    const buckets = countBuckets(policy, from, to, data.calendar);
    if (buckets.length === 0) continue;
    const table = new RowTable(16, [buckets]);
    const counter = new RecordCounter(data, dayNumber(asOf), table);
    const rule = countRule(policy);
    const done = new Int32Array(buckets.length);
    const records = new Int32Array(buckets.length);
    forEachSubject(policy, data, from - 400, to + 400, (s) => {
      if (!inScopeThroughout(buckets, s.scoped)) return;
      counter.begin(s);
      if (oneCall) counter.countBuckets(rule, s, bucketOfDay(buckets), done, records);
      else
        buckets.forEach((b, i) => {
          const before = table.poolN;
          done[i] = counter.count(rule, s, b);
          records[i] = table.poolN - before;
        });
      out.push([policy.id, s.index, [...done], [...records]]);
    });
    out.push([...table.pool.subarray(0, table.poolN)]);
  }
  return out;
}

describe("counting a whole subject's buckets", () => {
  it("in one pass gives each bucket the counts and records of counting it alone", () => {
    const asOf = fc
      .integer({ min: 0, max: 140 })
      .map((d) => new Date(BASE_MS + d * 86_400_000).toISOString().slice(0, 10));
    let compared = 0;
    fc.assert(
      fc.property(recordsArb, asOf, (records, day) => {
        const one = counted(records, day, true);
        expect(one).toEqual(counted(records, day, false));
        compared += one.length;
      }),
      { numRuns: propertyRuns(60) },
    );
    expect(compared).toBeGreaterThan(0);
  });
});
