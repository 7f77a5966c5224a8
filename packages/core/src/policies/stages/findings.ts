/**
 * The findings an evaluation adds to the data's own: policies without a subject, a calendar
 * that does not cover the period or is an example, and records after `asOf` or outside every
 * evaluated window.
 * @module
 */
import { text } from "../../i18n";
import { SmallestDistinctIds } from "../../_lib/smallest-ids";
import { fromDayNumber } from "../../time/calendar-date";
import { PolicyFindingCode, type ComplianceData, type PolicyFinding } from "../data";
import type { Policy } from "../schema";

/** The finding for a policy that matched no subject. @internal */
export function noSubjectFinding(policy: Policy, pi: number): PolicyFinding {
  return {
    code: PolicyFindingCode.NO_SUBJECT,
    count: 1,
    ids: [policy.id],
    path: `policies[${pi}]`,
    message: text(
      `政策 ${policy.id} 在该期间没有适用对象`,
      `policy ${policy.id} applies to no subject in the period`,
    ),
  };
}

/** Findings about the calendar: ids of school-calendar policies it does not cover, example. @internal */
export function calendarFindings(
  data: ComplianceData,
  uncovered: readonly string[],
): PolicyFinding[] {
  const out: PolicyFinding[] = [];
  if (uncovered.length > 0) {
    out.push({
      code: PolicyFindingCode.CALENDAR_NOT_COVERING,
      count: uncovered.length,
      ids: uncovered,
      path: "calendar",
      message: text(
        `期间超出校历范围，按校历计算的政策在校历外的日期一律视为非上学日（豁免）：${uncovered.join("、")}`,
        `the period reaches beyond the school calendar; school-calendar policies treat those days as non-school days (exempt): ${uncovered.join(", ")}`,
      ),
    });
  }
  if (data.calendar?.example) {
    out.push({
      code: PolicyFindingCode.EXAMPLE_CALENDAR,
      count: 1,
      ids: [data.calendar.id],
      path: "calendar",
      message: text(
        "使用的是示例校历，请替换为本省校历",
        "the calendar is an example: replace it with your province's",
      ),
    });
  }
  return out;
}

/** At most this many ids are kept on a finding. */
/**
 * Findings about records after `asOfDay` and outside `[coverFrom, coverTo]` (every evaluated
 * window), each with the 20 smallest ids.
 * @internal
 */
export function recordFindings(
  data: ComplianceData,
  asOfDay: number,
  coverFrom: number,
  coverTo: number,
): PolicyFinding[] {
  const ev = data.events;
  const after = new SmallestDistinctIds();
  const outside = new SmallestDistinctIds();
  let afterCount = 0;
  let outsideCount = 0;
  for (let e = 0; e < ev.n; e++) {
    const d = ev.day[e]!;
    if (d > asOfDay) {
      afterCount++;
      after.addFrom(ev.ids, e);
    }
    if (d < coverFrom || d > coverTo) {
      outsideCount++;
      outside.addFrom(ev.ids, e);
    }
  }
  const out: PolicyFinding[] = [];
  if (afterCount > 0) out.push(recordAfterFinding(afterCount, after.ids, asOfDay));
  if (outsideCount > 0 && coverFrom <= coverTo)
    out.push(recordOutsideFinding(outsideCount, outside.ids, coverFrom, coverTo));
  return out;
}

/** The finding for `count` records dated after `asOfDay` (`ids`: the smallest, sorted). @internal */
export function recordAfterFinding(
  count: number,
  ids: readonly string[],
  asOfDay: number,
): PolicyFinding {
  return {
    code: PolicyFindingCode.RECORD_AFTER_AS_OF,
    count,
    ids: [...ids],
    path: "records",
    message: text(
      `${count} 条记录晚于评估日 ${fromDayNumber(asOfDay)}，未计入`,
      `${count} records are dated after asOf ${fromDayNumber(asOfDay)} and were not counted`,
    ),
  };
}

/** The finding for `count` records outside every window, `[coverFrom, coverTo]`. @internal */
export function recordOutsideFinding(
  count: number,
  ids: readonly string[],
  coverFrom: number,
  coverTo: number,
): PolicyFinding {
  return {
    code: PolicyFindingCode.RECORD_OUTSIDE_PERIOD,
    count,
    ids: [...ids],
    path: "records",
    message: text(
      `${count} 条记录不在评估期间的任何周期内（${fromDayNumber(coverFrom)} 至 ${fromDayNumber(coverTo)}），未计入`,
      `${count} records fall outside every evaluated bucket (${fromDayNumber(coverFrom)} to ${fromDayNumber(coverTo)}) and counted for nothing`,
    ),
  };
}
