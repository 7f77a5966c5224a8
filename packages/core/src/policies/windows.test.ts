import { describe, expect, it } from "vitest";
import { EXAMPLE_CALENDAR_2025_26 } from "../calendar";
import { dayNumber, fromDayNumber } from "../time/calendar-date";
import type { CalendarDate } from "../time/types";
import { evaluateCompliance } from "./evaluate";
import { definePolicy } from "./presets";
import type { PolicyInput } from "./schema";
import { PAIRING_HOME_VISIT, scenario } from "./scenario.test-helper";
import { countBuckets } from "./stages/windows";

/**
 * The windows a subject owes: the count buckets of each `per` with the period starting and
 * ending on, before and after a bucket limit; the due days of an interval policy anchored on
 * its `anchor`, the policy's `effectiveFrom` or the subject's start.
 */
const d = (date: string) => dayNumber(date as CalendarDate);

function buckets(requirement: PolicyInput["requirement"], from: string, to: string, more = {}) {
  const policy = definePolicy({ ...PAIRING_HOME_VISIT, ...more, requirement });
  return countBuckets(policy, d(from), d(to), EXAMPLE_CALENDAR_2025_26).map(
    (b) => `${fromDayNumber(b.from)}..${fromDayNumber(b.to)}`,
  );
}

describe("countBuckets", () => {
  const week = { type: "count", min: 1, per: "week" } as const;
  const month = { type: "count", min: 1, per: "month" } as const;
  const year = { type: "count", min: 1, per: "year" } as const;
  const term = { type: "count", min: 1, per: "term" } as const;

  it("weeks run Monday to Sunday, from the week of the first day to that of the last", () => {
    // 2 March 2026 is a Monday.
    expect(buckets(week, "2026-03-02", "2026-03-08")).toEqual(["2026-03-02..2026-03-08"]);
    expect(buckets(week, "2026-03-01", "2026-03-02")).toEqual([
      "2026-02-23..2026-03-01",
      "2026-03-02..2026-03-08",
    ]);
    expect(buckets(week, "2026-03-03", "2026-03-09")).toEqual([
      "2026-03-02..2026-03-08",
      "2026-03-09..2026-03-15",
    ]);
    expect(buckets(week, "2026-03-08", "2026-03-08")).toEqual(["2026-03-02..2026-03-08"]);
  });

  it("months run from the first day to the last, across a year's end", () => {
    expect(buckets(month, "2026-03-01", "2026-03-31")).toEqual(["2026-03-01..2026-03-31"]);
    expect(buckets(month, "2026-03-31", "2026-04-01")).toEqual([
      "2026-03-01..2026-03-31",
      "2026-04-01..2026-04-30",
    ]);
    expect(buckets(month, "2025-12-15", "2026-02-01")).toEqual([
      "2025-12-01..2025-12-31",
      "2026-01-01..2026-01-31",
      "2026-02-01..2026-02-28",
    ]);
  });

  it("years run from 1 January to 31 December", () => {
    expect(buckets(year, "2026-01-01", "2026-12-31")).toEqual(["2026-01-01..2026-12-31"]);
    expect(buckets(year, "2025-12-31", "2026-01-01")).toEqual([
      "2025-01-01..2025-12-31",
      "2026-01-01..2026-12-31",
    ]);
    expect(buckets(year, "2024-06-01", "2024-06-02")).toEqual(["2024-01-01..2024-12-31"]);
  });

  it("blocks of days start at the anchor, else at effectiveFrom, else on 1970-01-01", () => {
    const blocks = { type: "count", min: 1, per: "days", days: 10, anchor: "2026-03-05" } as const;
    expect(buckets(blocks, "2026-03-05", "2026-03-14")).toEqual(["2026-03-05..2026-03-14"]);
    expect(buckets(blocks, "2026-03-04", "2026-03-15")).toEqual([
      "2026-02-23..2026-03-04",
      "2026-03-05..2026-03-14",
      "2026-03-15..2026-03-24",
    ]);
    const { anchor: _, ...unanchored } = blocks;
    expect(
      buckets(unanchored, "2026-03-05", "2026-03-14", { effectiveFrom: "2026-03-07" }),
    ).toEqual(["2026-02-25..2026-03-06", "2026-03-07..2026-03-16"]);
    // 1970-01-01 + 2,048 × 10 days is 2026-01-27
    expect(buckets(unanchored, "2026-01-27", "2026-02-05")).toEqual(["2026-01-27..2026-02-05"]);
    expect(buckets(unanchored, "2026-01-26", "2026-01-26")).toEqual(["2026-01-17..2026-01-26"]);
  });

  it("terms are those of the calendar that share a day with the period, in order", () => {
    const autumn = "2025-09-01..2026-01-23";
    const spring = "2026-03-02..2026-07-03";
    expect(buckets(term, "2026-01-23", "2026-03-02", { calendar: "school" })).toEqual([
      autumn,
      spring,
    ]);
    expect(buckets(term, "2026-01-24", "2026-03-01", { calendar: "school" })).toEqual([]);
    expect(buckets(term, "2025-08-01", "2025-09-01", { calendar: "school" })).toEqual([autumn]);
    expect(buckets(term, "2026-07-03", "2026-08-01", { calendar: "school" })).toEqual([spring]);
    // a calendar that lists its terms out of order
    const policy = definePolicy({ ...PAIRING_HOME_VISIT, calendar: "school", requirement: term });
    const reversed = {
      ...EXAMPLE_CALENDAR_2025_26,
      terms: [...EXAMPLE_CALENDAR_2025_26.terms].reverse(),
    };
    expect(
      countBuckets(policy, d("2025-10-01"), d("2026-04-01"), reversed).map((b) => b.from),
    ).toEqual([d("2025-09-01"), d("2026-03-02")]);
  });

  it("an interval policy has no buckets", () => {
    expect(buckets({ type: "interval", everyDays: 7 }, "2026-03-01", "2026-03-31")).toEqual([]);
  });
});

describe("interval windows", () => {
  const every14 = (more: Partial<PolicyInput> = {}) =>
    definePolicy({
      ...PAIRING_HOME_VISIT,
      id: "every-14",
      requirement: { type: "interval", everyDays: 14, windowStart: -1, windowEnd: 1 },
      ...more,
    });

  function dues(policy: ReturnType<typeof every14>, from: string, to: string) {
    const report = evaluateCompliance({
      ...scenario(),
      policies: [policy],
      period: { from: from as CalendarDate, to: to as CalendarDate },
      asOf: to,
    });
    return [...report].map((r) => `${r.subjectId} ${r.from} ${r.due} ${r.to}`);
  }

  it("are due every everyDays days from the pairing's start, the first in the period first", () => {
    // p1 starts on 1 January 2026: due 12 and 26 March; p2 starts on 20 March.
    expect(dues(every14(), "2026-03-01", "2026-03-31")).toEqual([
      "p1 2026-03-11 2026-03-12 2026-03-13",
      "p1 2026-03-25 2026-03-26 2026-03-27",
      "p2 2026-03-19 2026-03-20 2026-03-21",
    ]);
    // A period starting on a due day keeps it; one ending on a due day keeps it too.
    expect(dues(every14(), "2026-03-12", "2026-03-26")).toEqual([
      "p1 2026-03-11 2026-03-12 2026-03-13",
      "p1 2026-03-25 2026-03-26 2026-03-27",
      "p2 2026-03-19 2026-03-20 2026-03-21",
    ]);
    expect(dues(every14(), "2026-03-13", "2026-03-25")).toEqual([
      "p2 2026-03-19 2026-03-20 2026-03-21",
    ]);
  });

  it("start at effectiveFrom when the policy comes into force after the subject's start", () => {
    expect(dues(every14({ effectiveFrom: "2026-03-05" }), "2026-03-01", "2026-03-31")).toEqual([
      "p1 2026-03-04 2026-03-05 2026-03-06",
      "p1 2026-03-18 2026-03-19 2026-03-20",
      "p2 2026-03-19 2026-03-20 2026-03-21",
    ]);
  });

  it("start at the period's first day for a subject with no start (a school)", () => {
    const school = definePolicy({
      id: "school-every-14",
      name: { "zh-CN": "学校每两周活动", en: "School activity fortnightly" },
      level: "school",
      counts: { activityKinds: ["class-activity"] },
      requirement: { type: "interval", everyDays: 14 },
    });
    expect(dues(school, "2026-03-03", "2026-03-31")).toEqual([
      "s1 2026-03-03 2026-03-03 2026-03-03",
      "s1 2026-03-17 2026-03-17 2026-03-17",
      "s1 2026-03-31 2026-03-31 2026-03-31",
      "s2 2026-03-03 2026-03-03 2026-03-03",
      "s2 2026-03-17 2026-03-17 2026-03-17",
      "s2 2026-03-31 2026-03-31 2026-03-31",
    ]);
  });
});
