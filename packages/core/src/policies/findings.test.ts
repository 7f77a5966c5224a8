import { describe, expect, it } from "vitest";
import { EXAMPLE_CALENDAR_2026_27 } from "../calendar";
import { calendarSpan } from "../calendar/schema";
import type { ContactRecordInput } from "../model";
import { fromDayNumber } from "../time/calendar-date";
import type { CalendarDate } from "../time/types";
import { PolicyFindingCode } from "./data";
import { evaluateCompliance } from "./evaluate";
import { definePolicy, POLICY_PRESETS } from "./presets";
import { PAIRING_HOME_VISIT, scenario } from "./scenario.test-helper";

/**
 * The findings an evaluation adds about records and the calendar: a record on the `asOf` day or
 * on the first or last covered day is counted, one a day later or earlier is not; the ids kept
 * are the 20 smallest, sorted, whatever the input order; lists of policies are joined.
 */
const MARCH = { from: "2026-03-01", to: "2026-03-31" } as const;

/** A talk with child c1 at `at` (Beijing time, the data's zone). */
const talk = (id: string, at: string): ContactRecordInput => ({
  id,
  kind: "talk",
  at: `${at}+08:00` as ContactRecordInput["at"],
  childIds: ["c1"],
});

function findings(records: ContactRecordInput[], asOf = "2026-03-20") {
  return evaluateCompliance({
    ...scenario(),
    records,
    policies: [PAIRING_HOME_VISIT],
    period: MARCH,
    asOf,
  }).findings;
}

const ofCode = (code: PolicyFindingCode, records: ContactRecordInput[], asOf?: string) =>
  findings(records, asOf).filter((f) => f.code === code);

describe("evaluateCompliance: findings on records", () => {
  it("adds no finding when every record is inside the period and not after asOf", () => {
    expect(findings([talk("a", "2026-03-01T00:00:00"), talk("b", "2026-03-20T23:59:00")])).toEqual(
      [],
    );
    expect(findings([])).toEqual([]);
  });

  it("counts a record on the asOf day, not one on the day after, and words the finding", () => {
    const records = [
      talk("on", "2026-03-20T23:59:00"),
      talk("after", "2026-03-21T00:00:00"),
      talk("later", "2026-03-25T08:00:00"),
    ];
    expect(ofCode(PolicyFindingCode.RECORD_AFTER_AS_OF, records)).toEqual([
      {
        code: PolicyFindingCode.RECORD_AFTER_AS_OF,
        count: 2,
        ids: ["after", "later"],
        path: "records",
        message: {
          "zh-CN": "2 条记录晚于评估日 2026-03-20，未计入",
          en: "2 records are dated after asOf 2026-03-20 and were not counted",
        },
      },
    ]);
  });

  it("counts records on the first and last covered day, not on the days beside them", () => {
    const records = [
      talk("before", "2026-02-28T23:59:00"),
      talk("first", "2026-03-01T00:00:00"),
      talk("last", "2026-03-31T23:59:00"),
      talk("beyond", "2026-04-01T00:00:00"),
    ];
    const outside = ofCode(PolicyFindingCode.RECORD_OUTSIDE_PERIOD, records, "2026-04-10");
    expect(outside).toMatchObject([{ count: 2, ids: ["before", "beyond"] }]);
    expect(ofCode(PolicyFindingCode.RECORD_AFTER_AS_OF, records, "2026-04-10")).toEqual([]);
  });

  it("reports records outside a period covered by a single day", () => {
    // One due day in March (15 March), its window that day alone: the records beside it fall
    // outside every evaluated window.
    const once = definePolicy({
      id: "once",
      name: { "zh-CN": "每月十五日谈心", en: "A talk on the 15th" },
      level: "child",
      counts: { contactKinds: ["talk"] },
      requirement: { type: "interval", everyDays: 30, anchor: "2026-03-15" },
    });
    const records = [talk("on", "2026-03-15T10:00:00"), talk("before", "2026-03-14T10:00:00")];
    const report = evaluateCompliance({
      ...scenario(),
      records,
      policies: [once],
      period: MARCH,
      asOf: "2026-04-10",
    });
    expect(
      report.findings.filter((f) => f.code === PolicyFindingCode.RECORD_OUTSIDE_PERIOD),
    ).toMatchObject([{ count: 1, ids: ["before"] }]);
  });

  it("keeps the 20 smallest ids, sorted, and counts them all, in any input order", () => {
    const ids = Array.from({ length: 25 }, (_, i) => `x${String(i + 10)}`);
    const smallest = ids.slice(0, 20);
    const orders = [
      ids,
      [...ids].reverse(),
      // interleaved: large and small ids alternate, so each insertion point is tried
      ids.map((_, i) => ids[i % 2 === 0 ? i / 2 : ids.length - 1 - (i - 1) / 2]!),
    ];
    for (const order of orders) {
      const records = order.map((id) => talk(id, "2026-04-02T10:00:00"));
      const after = ofCode(PolicyFindingCode.RECORD_AFTER_AS_OF, records);
      expect(after).toMatchObject([{ count: 25, ids: smallest }]);
      const outside = ofCode(PolicyFindingCode.RECORD_OUTSIDE_PERIOD, records);
      expect(outside).toMatchObject([{ count: 25, ids: smallest }]);
    }
  });
});

describe("evaluateCompliance: a calendar that does not cover the period", () => {
  it("names every school-calendar policy it leaves uncovered, joined in each language", () => {
    const span = calendarSpan(EXAMPLE_CALENDAR_2026_27);
    const day = (n: number) => fromDayNumber(n) as CalendarDate;
    const weekly = POLICY_PRESETS.teacherTalksWeekly;
    const again = definePolicy({ ...weekly, id: "talks-again" });
    const report = evaluateCompliance({
      ...scenario(),
      records: [],
      calendar: EXAMPLE_CALENDAR_2026_27,
      policies: [weekly, PAIRING_HOME_VISIT, again],
      period: { from: day(span.last - 6), to: day(span.last + 1) },
      asOf: day(span.last + 1),
    });
    const ids = [weekly.id, again.id];
    expect(
      report.findings.filter((f) => f.code === PolicyFindingCode.CALENDAR_NOT_COVERING),
    ).toEqual([
      {
        code: PolicyFindingCode.CALENDAR_NOT_COVERING,
        count: 2,
        ids,
        path: "calendar",
        message: {
          "zh-CN": `期间超出校历范围，按校历计算的政策在校历外的日期一律视为非上学日（豁免）：${ids.join("、")}`,
          en: `the period reaches beyond the school calendar; school-calendar policies treat those days as non-school days (exempt): ${ids.join(", ")}`,
        },
      },
    ]);
  });
});
