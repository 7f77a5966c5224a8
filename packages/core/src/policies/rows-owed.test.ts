import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { propertyRuns } from "../_lib/fuzz.test-helper";
import { EXAMPLE_CALENDAR_2025_26 } from "../calendar";
import { buildSchoolDayIndex } from "../calendar/school-days";
import { dayNumber, fromDayNumber } from "../time/calendar-date";
import { prepareComplianceData } from "./data";
import { evaluateCompliance } from "./evaluate";
import { ALL_PRESETS, definePolicy } from "./presets";
import { PAIRING_HOME_VISIT, scenario } from "./scenario.test-helper";
import { forEachSubject } from "./stages/subjects";
import { countBuckets, DayCounts, forEachWindow, windowsOwed } from "./stages/windows";

/**
 * The row table is sized before any row is written, from the windows each subject owes: every
 * window `forEachWindow` visits (all rows of a count policy; an interval subject with no due
 * day in scope visits its windows but keeps no row).
 */
const data = prepareComplianceData({ ...scenario(), calendar: EXAMPLE_CALENDAR_2025_26 });
const FIRST = dayNumber("2025-07-01");
const INTERVALS = [
  definePolicy({
    ...PAIRING_HOME_VISIT,
    id: "interval-anchored",
    requirement: { type: "interval", everyDays: 10, anchor: "2025-09-03", windowEnd: 4 },
  }),
  definePolicy({
    ...PAIRING_HOME_VISIT,
    id: "interval-effective",
    effectiveFrom: "2026-02-10",
    requirement: { type: "interval", everyDays: 21, windowStart: -5 },
  }),
];
const POLICIES = [...ALL_PRESETS, ...INTERVALS];

const periodArb = fc
  .tuple(fc.integer({ min: 0, max: 360 }), fc.integer({ min: 0, max: 420 }))
  .map(([start, length]) => ({ pFrom: FIRST + start, pTo: FIRST + start + length }));

describe("windowsOwed", () => {
  it("is the number of windows forEachWindow visits for each subject", () => {
    fc.assert(
      fc.property(periodArb, ({ pFrom, pTo }) => {
        const [first, last] = [pFrom - 400, pTo + 400];
        const schoolDays = buildSchoolDayIndex(data.calendar!, first, last);
        for (const policy of POLICIES) {
          const buckets = countBuckets(policy, pFrom, pTo, data.calendar);
          const days = new DayCounts(policy, first, last - first + 1, schoolDays);
          forEachSubject(policy, data, first, last, (subject) => {
            let visited = 0;
            const any = forEachWindow(policy, buckets, days, subject, pFrom, pTo, () => visited++);
            expect(windowsOwed(policy, buckets, subject, pFrom, pTo)).toBe(visited);
            if (policy.requirement.type === "count") expect(any).toBe(visited > 0);
          });
        }
      }),
      { numRuns: propertyRuns(30) },
    );
  });

  it("leaves room for every row an evaluation writes, whatever the period", () => {
    fc.assert(
      fc.property(periodArb, ({ pFrom, pTo }) => {
        const period = { from: fromDayNumber(pFrom), to: fromDayNumber(pTo) };
        const report = evaluateCompliance({ data, policies: POLICIES, period, asOf: period.to });
        let owed = 0;
        for (const policy of POLICIES) {
          const buckets = countBuckets(policy, pFrom, pTo, data.calendar);
          forEachSubject(policy, data, pFrom - 400, pTo + 400, (subject) => {
            owed += windowsOwed(policy, buckets, subject, pFrom, pTo);
          });
        }
        // Only interval subjects with no due day in scope write fewer rows than they owe; the
        // table never grew past the room it was given.
        expect(report.length).toBeLessThanOrEqual(owed);
        expect(report._table.capacity).toBe(owed);
      }),
      { numRuns: propertyRuns(20) },
    );
  });
});
