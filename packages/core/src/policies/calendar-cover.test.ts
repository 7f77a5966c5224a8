import { describe, expect, it } from "vitest";
import { EXAMPLE_CALENDAR_2026_27 } from "../calendar";
import { calendarSpan } from "../calendar/schema";
import { fromDayNumber } from "../time/calendar-date";
import type { CalendarDate } from "../time/types";
import { PolicyFindingCode } from "./data";
import { evaluateCompliance } from "./evaluate";
import { POLICY_PRESETS } from "./presets";
import { PAIRING_HOME_VISIT, scenario } from "./scenario.test-helper";

/**
 * The calendar-not-covering finding: a period from the calendar's first day to its last is
 * covered; one day more on either side is not, and the finding names the school-calendar
 * policies only.
 */
const span = calendarSpan(EXAMPLE_CALENDAR_2026_27);
const day = (n: number) => fromDayNumber(n) as CalendarDate;

function notCovering(from: number, to: number) {
  const report = evaluateCompliance({
    ...scenario(),
    records: [],
    calendar: EXAMPLE_CALENDAR_2026_27,
    policies: [PAIRING_HOME_VISIT, POLICY_PRESETS.teacherTalksWeekly],
    period: { from: day(from), to: day(to) },
    asOf: day(to),
  });
  return report.findings.filter((f) => f.code === PolicyFindingCode.CALENDAR_NOT_COVERING);
}

describe("evaluateCompliance: a period at the ends of the school calendar", () => {
  it("is covered from the calendar's first day to its last", () => {
    expect(notCovering(span.first, span.first + 6)).toEqual([]);
    expect(notCovering(span.last - 6, span.last)).toEqual([]);
  });

  it("is not covered from the day before the first or to the day after the last", () => {
    const id = POLICY_PRESETS.teacherTalksWeekly.id;
    const finding = {
      code: PolicyFindingCode.CALENDAR_NOT_COVERING,
      count: 1,
      ids: [id],
      path: "calendar",
      message: {
        "zh-CN": `期间超出校历范围，按校历计算的政策在校历外的日期一律视为非上学日（豁免）：${id}`,
        en: `the period reaches beyond the school calendar; school-calendar policies treat those days as non-school days (exempt): ${id}`,
      },
    };
    expect(notCovering(span.first - 1, span.first + 6)).toEqual([finding]);
    expect(notCovering(span.last - 6, span.last + 1)).toEqual([finding]);
  });

  it("names the example calendar", () => {
    const report = evaluateCompliance({
      ...scenario(),
      calendar: EXAMPLE_CALENDAR_2026_27,
      policies: [PAIRING_HOME_VISIT],
      period: { from: "2026-09-01", to: "2026-09-30" },
      asOf: "2026-10-10",
    });
    expect(report.findings.filter((f) => f.code === PolicyFindingCode.EXAMPLE_CALENDAR)).toEqual([
      {
        code: PolicyFindingCode.EXAMPLE_CALENDAR,
        count: 1,
        ids: [EXAMPLE_CALENDAR_2026_27.id],
        path: "calendar",
        message: {
          "zh-CN": "使用的是示例校历，请替换为本省校历",
          en: "the calendar is an example: replace it with your province's",
        },
      },
    ]);
  });
});
