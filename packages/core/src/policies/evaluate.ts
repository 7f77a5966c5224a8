import * as z from "zod";
import { PeriodSchema } from "../_lib/period";
import { buildSchoolDayIndex } from "../calendar/school-days";
import { calendarSpan } from "../calendar/schema";
import { IssueCode } from "../errors/codes";
import { ValidationError } from "../errors/errors";
import { invalidArgument, validate, requireObject } from "../errors/validate";
import { text } from "../i18n";
import { AsOfSchema, TimeZoneSchema } from "../model/primitives";
import { dayNumber, fromDayNumber, isCalendarDate } from "../time/calendar-date";
import { type AsOf, type CalendarDate, type Instant, type TimeZone } from "../time/types";
import {
  FAR_FUTURE,
  FAR_PAST,
  dayOfInstant,
  isPrepared,
  prepareComplianceData,
  type ComplianceData,
  type ComplianceDataInput,
  type PolicyFinding,
} from "./data";
import { ComplianceReport } from "./report";
import { PolicySetSchema, type Policy, type PolicyInput } from "./schema";
import { pushedCountsOf, type ComplianceCounts } from "./pushed-counts";
import { countRule, pushedCount, RecordCounter } from "./stages/counting";
import { calendarFindings, noSubjectFinding, recordFindings } from "./stages/findings";
import { requiredContacts, windowStatus } from "./stages/status";
import { forEachSubject, type Subject } from "./stages/subjects";
import {
  bucketOfDay,
  countBuckets,
  DayCounts,
  forEachWindow,
  inScopeThroughout,
  windowsOwed,
  type Window,
} from "./stages/windows";
import { RowTable } from "./table";
import { int32Map } from "../_lib/typed-map";

export { COMPLIANCE_STATUSES, type ComplianceStatus } from "./statuses";
export { S } from "./stages/status";

/**
 * Options of {@link evaluateCompliance}: the policies, the data (raw, or prepared once with
 * {@link prepareComplianceData}), the period to report on and the date it is judged on.
 * @category Policies
 */
export type ComplianceInput = {
  policies: readonly (PolicyInput | Policy)[];
  /** First and last day (inclusive) reported on: every bucket that overlaps it is evaluated. */
  period: { from: CalendarDate; to: CalendarDate };
  /** The day the report is made: later records are not counted; statuses are judged on it. */
  asOf: AsOf;
  /**
   * Contact counts answered by storage ({@link complianceCounts}): a qualifying policy's
   * count of a child in scope for a whole bucket is taken from them (the row then has no
   * `recordIds`); everything else is counted from the records.
   */
  counts?: ComplianceCounts;
} & ComplianceSource;

/**
 * Where {@link evaluateCompliance} and {@link nextDue} read the data from: the raw lists
 * (`children`, `mentors`, `pairings`, `records`, …), or `data` prepared once with
 * {@link prepareComplianceData}.
 * @example
 * const source: ComplianceSource = { children, mentors, pairings, records };
 * @category Policies
 */
export type ComplianceSource =
  ({ data?: undefined } & ComplianceDataInput) | { data: ComplianceData; timeZone?: TimeZone };

const OptionsSchema = z.object({
  period: PeriodSchema,
  asOf: AsOfSchema,
  timeZone: TimeZoneSchema.optional(),
});

/** Days a bucket may reach before or after the period (a year, an interval window). */
const PAD = 400;

/**
 * Evaluates visit-frequency policies: for every subject (child, pairing, mentor or school the
 * policy selects), every policy and every bucket overlapping the period, how many contacts were
 * required and made (and which records), and a {@link ComplianceStatus}.
 *
 * Rules where the specification leaves a choice:
 * - instants are bucketed into days in `timeZone` (default `Asia/Shanghai`): a visit at 01:00
 *   Beijing time on 1 March counts for March;
 * - weeks run Monday–Sunday; months and years are calendar ones; terms come from the calendar;
 * - a subject in scope for part of a bucket (a pairing starting on the 20th, a child who stops
 *   being left-behind) owes `round(min × active ÷ nominal)` (half rounds up, never above
 *   `min`), where `active` counts the in-scope countable days and `nominal` the bucket's days
 *   (school-calendar policies: its Monday–Friday days); zero makes the bucket `exempt`;
 * - only records on in-scope days count (a visit before the pairing started is not the
 *   pairing's); a record naming several children counts for each; records dated after `asOf`
 *   are not counted (a finding says so);
 * - rows are emitted for subjects in scope at least one day of the evaluated buckets.
 * @param input - Policies, data (or prepared `data`), `period`, `asOf`, `timeZone`.
 * @returns A {@link ComplianceReport}: rows (read lazily), findings, roll-up helpers.
 * @throws ValidationError with field paths for contradictory policies, unknown ids in pairings,
 * an invalid zone, a term policy without a calendar, a period that ends before it starts.
 * @example
 * const report = evaluateCompliance({
 *   policies: [POLICY_PRESETS.homeVisitMonthly], children, mentors, pairings, records,
 *   period: { from: "2026-03-01", to: "2026-03-31" }, asOf: "2026-04-10",
 * });
 * report.row(0) //=> { policyId: "home-visit-monthly", subjectId: "p1", status: "met", required: 1, done: 1, recordIds: ["r1"], … }
 * @category Policies
 */
export function evaluateCompliance(input: ComplianceInput): ComplianceReport {
  return evaluateFromOrigin(input);
}

/**
 * {@link evaluateCompliance}, with the interval windows of a subject that has no start of its
 * own counted from `origin` instead of the period's first day: {@link nextDue} looks back over
 * the grace days for overdue buckets without moving those windows. `checked`: the policies,
 * already validated by {@link checkPolicies} (they are not validated again).
 * @internal
 */
export function evaluateFromOrigin(
  input: ComplianceInput,
  origin?: CalendarDate,
  checked?: Policy[],
): ComplianceReport {
  const { policies, data, asOfDay, period } = checkInput(input, checked);
  const pFrom = dayNumber(period.from);
  const pTo = dayNumber(period.to);
  const originDay = origin === undefined ? pFrom : dayNumber(origin);
  const first = pFrom - PAD;
  const last = pTo + PAD;
  const schoolDays = data.calendar ? buildSchoolDayIndex(data.calendar, first, last) : undefined;

  const bucketsOf = policies.map((policy) => countBuckets(policy, pFrom, pTo, data.calendar));
  // Who owes what, walked twice: the first walk counts the rows (exactly, for count policies; at
  // most, for interval ones) so the row table is allocated once at its size, the second
  // evaluates. The subjects are not kept in between: holding every policy's subjects through
  // the evaluation costs the garbage collector more than walking them again.
  let rows = 0;
  policies.forEach((policy, pi) =>
    forEachSubject(policy, data, first, last, (subject) => {
      rows += windowsOwed(policy, bucketsOf[pi]!, subject, pFrom, pTo, originDay);
    }),
  );
  // Record indices: at most about one per link of a record to a child (the pool grows past it
  // when several policies count the same records).
  const table = new RowTable(rows, bucketsOf, data.events.childList.length);
  const counter = new RecordCounter(data, asOfDay, table);
  const findings: PolicyFinding[] = [...data.findings];
  const uncovered: string[] = [];
  let coverFrom = FAR_FUTURE;
  let coverTo = FAR_PAST;

  policies.forEach((policy, pi) => {
    // When: the policy's buckets and countable days.
    const buckets = bucketsOf[pi]!;
    if (buckets.length > 0) {
      coverFrom = Math.min(coverFrom, buckets[0]!.from);
      coverTo = Math.max(coverTo, buckets[buckets.length - 1]!.to);
    }
    const days = new DayCounts(policy, first, last - first + 1, schoolDays);
    const measures = days.bucketDays(buckets);
    if (policy.calendar === "school") {
      const cs = calendarSpan(data.calendar!);
      if (pFrom < cs.first || pTo > cs.last) uncovered.push(policy.id);
    }
    const rule = countRule(policy);
    const pushed = pushedCountsOf(input.counts, policy, asOfDay, data.timeZone);
    const min = policy.requirement.type === "count" ? policy.requirement.min : 1;
    const grace = policy.graceDays;
    const rowsBefore = table.n;

    // For each window of a subject: what was done, and the status.
    let subject: Subject;
    const visit = (w: Window) => {
      if (w.from < coverFrom) coverFrom = w.from;
      if (w.to > coverTo) coverTo = w.to;
      let done =
        (pushed && pushedCount(pushed, data, subject, w)) ?? counter.count(rule, subject, w);
      let required = 0;
      if (w.scopeDays === 0) {
        table.discardRecords();
        done = 0;
      } else required = requiredContacts(min, w.activeDays, w.nominalDays);
      const closes = w.to + grace;
      const status = windowStatus(w.scopeDays, required, done, asOfDay, w.from, w.due, closes);
      table.push(pi, subject.index, w.from, w.to, w.due, required, done, status);
    };
    // A subject in scope on every day of a count policy's buckets owes each bucket the same
    // contacts: its rows are counted and pushed bucket by bucket, with no window to measure.
    const owed = int32Map(buckets, (_, i) =>
      requiredContacts(min, measures.active[i]!, measures.nominal[i]!),
    );
    const dayBucket = buckets.length > 0 ? bucketOfDay(buckets) : undefined;
    const done = new Int32Array(buckets.length);
    const records = new Int32Array(buckets.length);
    forEachSubject(policy, data, first, last, (s) => {
      counter.begin((subject = s));
      if (
        dayBucket &&
        !pushed &&
        inScopeThroughout(buckets, s.scoped) &&
        table.startBuckets(pi, s.index)
      ) {
        counter.countBuckets(rule, s, dayBucket, done, records);
        for (let i = 0; i < buckets.length; i++) {
          const b = buckets[i]!;
          const status = windowStatus(
            b.to - b.from + 1,
            owed[i]!,
            done[i]!,
            asOfDay,
            b.from,
            b.to,
            b.to + grace,
          );
          table.pushCounts(owed[i]!, done[i]!, status, records[i]!);
        }
        return;
      }
      const subjectRows = table.n;
      const any = forEachWindow(
        policy,
        buckets,
        days,
        subject,
        pFrom,
        pTo,
        visit,
        originDay,
        measures,
      );
      // An interval subject none of whose due days is in scope gets no rows.
      if (!any && policy.requirement.type === "interval") table.truncate(subjectRows);
    });
    if (table.n === rowsBefore) findings.push(noSubjectFinding(policy, pi));
  });

  findings.push(...calendarFindings(data, uncovered));
  findings.push(...recordFindings(data, asOfDay, coverFrom, coverTo));
  return new ComplianceReport({
    policies,
    data,
    table,
    findings,
    asOf: fromDayNumber(asOfDay),
    timeZone: data.timeZone,
    period,
    cover: [coverFrom, coverTo],
  });
}

/** Validates a policy set (ids unique, every rule consistent). @internal */
export function checkPolicies(policies: ComplianceInput["policies"]): Policy[] {
  return validate(PolicySetSchema, policies, {
    path: ["policies"],
    subject: text("走访频次政策", "visit-frequency policies"),
  });
}

/**
 * Validates the options and policies (unless `checked` are given), prepares the data if given
 * raw, checks the calendar.
 */
function checkInput(
  input: ComplianceInput,
  checked?: Policy[],
): {
  policies: Policy[];
  data: ComplianceData;
  asOfDay: number;
  period: { from: CalendarDate; to: CalendarDate };
} {
  requireObject(input, "input");
  const opts = checkOptions(input);
  const policies = checked ?? checkPolicies(input.policies);
  let data: ComplianceData;
  if (input.data !== undefined) {
    if (!isPrepared(input.data)) {
      throw invalidArgument(
        "data",
        "invalid_type",
        text(
          "应为 prepareComplianceData 准备好的数据；原始名单请直接传入（children、mentors、pairings、records…）",
          "expected data prepared by prepareComplianceData; pass raw lists as they are (children, mentors, pairings, records…)",
        ),
        input.data,
      );
    }
    data = input.data;
    if (opts.timeZone !== undefined && opts.timeZone !== data.timeZone) {
      validate(z.literal(data.timeZone), opts.timeZone, {
        path: ["timeZone"],
        subject: text("时区（须与已准备数据一致）", "time zone (must match the prepared data)"),
      });
    }
  } else {
    data = prepareComplianceData(input);
  }
  const needsCalendar = policies.findIndex((p) => p.calendar === "school");
  if (needsCalendar >= 0 && data.calendar === undefined) {
    const id = policies[needsCalendar]!.id;
    throw new ValidationError(
      [
        {
          path: "calendar",
          code: IssueCode.OTHER,
          received: "undefined",
          message: text(
            `字段 calendar：政策 ${id} 按校历计算，须提供校历（收到：undefined）`,
            `calendar: policy ${id} follows the school calendar, so a calendar is required (received: undefined)`,
          ),
        },
      ],
      { subject: text("达标评估选项", "compliance options") },
    );
  }
  return { policies, data, asOfDay: asOfDayIn(opts.asOf, data.timeZone), period: opts.period };
}

/** Validates an evaluation's `period`, `asOf` and `timeZone`. @internal */
export function checkOptions(
  input: Pick<ComplianceInput, "period" | "asOf" | "timeZone">,
): z.output<typeof OptionsSchema> {
  return validate(
    OptionsSchema,
    { period: input.period, asOf: input.asOf, timeZone: input.timeZone },
    { subject: text("达标评估选项", "compliance options") },
  );
}

/** The day number of a (validated) `asOf` in `zone`. @internal */
export function asOfDayIn(asOf: CalendarDate | Instant, zone: TimeZone): number {
  return isCalendarDate(asOf) ? dayNumber(asOf) : dayOfInstant(Date.parse(asOf), zone);
}
