import * as z from "zod";
import { PeriodSchema } from "../_lib/period";
import { buildSchoolDayIndex, type SchoolDayIndex } from "../calendar/school-days";
import { calendarSpan, weekdayOfDay } from "../calendar/schema";
import { LEFT_BEHIND_DEFINITIONS } from "../classification";
import { IssueCode } from "../errors/codes";
import { ValidationError } from "../errors/errors";
import { validate, requireObject } from "../errors/validate";
import { text } from "../i18n";
import type { ChildFile } from "../model/child-file";
import { AsOfSchema, TimeZoneSchema } from "../model/primitives";
import { dateParts, dayNumber, fromDayNumber, isCalendarDate } from "../time/calendar-date";
import { type AsOf, type CalendarDate, type TimeZone } from "../time/types";
import {
  ACTIVITY_KIND_CODE,
  CONTACT_KIND_CODE,
  FAR_FUTURE,
  FAR_PAST,
  INITIATOR_CODE,
  NO_INITIATOR,
  PolicyFindingCode,
  dayOfInstant,
  prepareComplianceData,
  type ComplianceData,
  type ComplianceDataInput,
  type PolicyFinding,
} from "./data";
import { ComplianceReport } from "./report";
import type { ComplianceStatus } from "./statuses";
import { PolicySetSchema, type Policy, type PolicyInput } from "./schema";
import { RowTable } from "./table";

export { COMPLIANCE_STATUSES, type ComplianceStatus } from "./statuses";

/** Status codes in the row table. @internal */
export const S = { met: 0, missed: 1, due: 2, overdue: 3, upcoming: 4, exempt: 5, na: 6 } as const;

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
} & (({ data?: undefined } & ComplianceDataInput) | { data: ComplianceData; timeZone?: TimeZone });

const OptionsSchema = z.object({
  period: PeriodSchema,
  asOf: AsOfSchema,
  timeZone: TimeZoneSchema.optional(),
});

/** Days a bucket may reach before or after the period (a year, an interval window). */
const PAD = 400;

interface Bucket {
  from: number;
  to: number;
}

function monthStartDay(day: number): number {
  const { year, month } = dateParts(fromDayNumber(day));
  return Math.round(Date.UTC(year, month - 1, 1) / 86_400_000);
}

function nextMonthDay(day: number): number {
  const { year, month } = dateParts(fromDayNumber(day));
  return Math.round(Date.UTC(year, month, 1) / 86_400_000);
}

/** The count buckets of a policy that overlap `[pFrom, pTo]`. */
function countBuckets(
  policy: Policy,
  pFrom: number,
  pTo: number,
  calendar: ComplianceData["calendar"],
): Bucket[] {
  const r = policy.requirement;
  if (r.type !== "count") return [];
  const out: Bucket[] = [];
  switch (r.per) {
    case "week": {
      let d = pFrom - (weekdayOfDay(pFrom) - 1);
      for (; d <= pTo; d += 7) out.push({ from: d, to: d + 6 });
      break;
    }
    case "month": {
      for (let d = monthStartDay(pFrom); d <= pTo;) {
        const next = nextMonthDay(d);
        out.push({ from: d, to: next - 1 });
        d = next;
      }
      break;
    }
    case "year": {
      for (let y = dateParts(fromDayNumber(pFrom)).year; ; y++) {
        const from = Math.round(Date.UTC(y, 0, 1) / 86_400_000);
        if (from > pTo) break;
        out.push({ from, to: Math.round(Date.UTC(y + 1, 0, 1) / 86_400_000) - 1 });
      }
      break;
    }
    case "days": {
      const len = r.days!;
      const anchor = r.anchor
        ? dayNumber(r.anchor)
        : policy.effectiveFrom
          ? dayNumber(policy.effectiveFrom)
          : 0;
      let d = anchor + Math.floor((pFrom - anchor) / len) * len;
      for (; d <= pTo; d += len) out.push({ from: d, to: d + len - 1 });
      break;
    }
    case "term": {
      for (const t of calendar!.terms) {
        const from = dayNumber(t.start);
        const to = dayNumber(t.end);
        if (to >= pFrom && from <= pTo) out.push({ from, to });
      }
      out.sort((a, b) => a.from - b.from);
      break;
    }
  }
  return out;
}

/** Left-behind day ranges per prepared data, definition and span (children are immutable once prepared). */
const LB_CACHE = new WeakMap<ComplianceData, Map<string, (number[] | null)[]>>();

/** Left-behind day ranges of each child under a definition, within `[first, last]`. */
function leftBehindRanges(
  child: ChildFile,
  definitionId: "state-council-2016" | "school",
  first: number,
  last: number,
): number[] {
  const def = LEFT_BEHIND_DEFINITIONS[definitionId];
  const candidates = def.changeDates ? def.changeDates(child) : [];
  const days = [...new Set(candidates.map(dayNumber))]
    .filter(Number.isFinite)
    .filter((d) => d > first && d <= last)
    .sort((a, b) => a - b);
  const out: number[] = [];
  let current = def.classify(child, { asOf: fromDayNumber(first) }).leftBehind;
  let start = first;
  for (const d of days) {
    const v = def.classify(child, { asOf: fromDayNumber(d) }).leftBehind;
    if (v === current) continue;
    if (current) out.push(start, d - 1);
    current = v;
    start = d;
  }
  if (current) out.push(start, last);
  // An open end at the edges of the window means "beyond it" too.
  if (out.length > 0) {
    if (out[0] === first) out[0] = FAR_PAST;
    if (out[out.length - 1] === last) out[out.length - 1] = FAR_FUTURE;
  }
  return out;
}

/** The selector's conditions on the child file itself (not the left-behind status). */
function staticChildMatch(sel: Policy["selector"], c: ChildFile): boolean {
  return (
    (!sel.riskLevels || (c.riskLevel !== undefined && sel.riskLevels.includes(c.riskLevel))) &&
    (!sel.livingArrangements || sel.livingArrangements.includes(c.livingArrangement)) &&
    (sel.keyCase === undefined || c.keyCase === sel.keyCase) &&
    (sel.boarding === undefined || c.child.boarding === sel.boarding)
  );
}

function intersect(ranges: readonly number[], a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < ranges.length; i += 2) {
    const x = Math.max(ranges[i]!, a);
    const y = Math.min(ranges[i + 1]!, b);
    if (x <= y) out.push(x, y);
  }
  return out;
}

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
  requireObject(input, "input");
  const opts = validate(
    OptionsSchema,
    { period: input.period, asOf: input.asOf, timeZone: input.timeZone },
    { subject: text("达标评估选项", "compliance options") },
  );
  const policies = validate(PolicySetSchema, input.policies, {
    path: ["policies"],
    subject: text("走访频次政策", "visit-frequency policies"),
  });
  let data: ComplianceData;
  if (input.data !== undefined) {
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
  const zone = data.timeZone;
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
  const asOfDay = isCalendarDate(opts.asOf)
    ? dayNumber(opts.asOf)
    : dayOfInstant(Date.parse(opts.asOf), zone);
  const pFrom = dayNumber(opts.period.from);
  const pTo = dayNumber(opts.period.to);
  const first = pFrom - PAD;
  const last = pTo + PAD;
  const span = last - first + 1;

  // Size the row table once from the subjects each policy can select (no regrowth copies).
  let estimate = 0;
  for (const policy of policies) {
    const r = policy.requirement;
    const nb =
      r.type === "count"
        ? countBuckets(policy, pFrom, pTo, data.calendar).length
        : Math.ceil((pTo - pFrom + 1) / r.everyDays) + 1;
    let subjects: number;
    const sel = policy.selector;
    if (policy.level === "child") {
      subjects = 0;
      for (const c of data.children) if (staticChildMatch(sel, c)) subjects++;
    } else if (policy.level === "pairing") {
      subjects = 0;
      data.pairings.forEach((pr, pj) => {
        const m = data.mentors[data.index.pairingMentor[pj]!]!;
        if (sel.mentorKinds && !sel.mentorKinds.includes(m.kind)) return;
        if (sel.pairingRoles && !sel.pairingRoles.includes(pr.role)) return;
        if (staticChildMatch(sel, data.children[data.index.pairingChild[pj]!]!)) subjects++;
      });
    } else if (policy.level === "mentor") {
      subjects = sel.mentorKinds
        ? data.mentors.filter((m) => sel.mentorKinds!.includes(m.kind)).length
        : data.mentors.length;
    } else subjects = data.schoolIds.length;
    estimate += subjects * nb;
  }
  const table = new RowTable(Math.max(1024, estimate));
  const findings: PolicyFinding[] = [...data.findings];
  const schoolIndex: SchoolDayIndex | undefined = data.calendar
    ? buildSchoolDayIndex(data.calendar, first, last)
    : undefined;
  const ev = data.events;
  const ix = data.index;
  const stamp = new Int32Array(data.children.length);
  let stampN = 0;
  let coverFrom = FAR_FUTURE;
  let coverTo = FAR_PAST;
  const countable = new Int32Array(span + 1);
  const nominal = new Int32Array(span + 1);
  const uncovered: string[] = [];

  policies.forEach((policy, pi) => {
    const r = policy.requirement;
    const sel = policy.selector;
    const school = policy.calendar === "school";
    // Prefix sums of countable and nominal days for this policy over [first, last].
    const effFrom = policy.effectiveFrom ? dayNumber(policy.effectiveFrom) : FAR_PAST;
    const effTo = policy.effectiveTo ? dayNumber(policy.effectiveTo) : FAR_FUTURE;
    const exempt = policy.exemptions.map((e) => [dayNumber(e.from), dayNumber(e.to)] as const);
    for (let i = 0; i < span; i++) {
      const d = first + i;
      let c = school ? schoolIndex!.mask[i]! : 1;
      if (c) for (const [a, b] of exempt) if (d >= a && d <= b) c = 0;
      countable[i + 1] = countable[i]! + c;
      nominal[i + 1] = nominal[i]! + (school ? (weekdayOfDay(d) <= 5 ? 1 : 0) : 1);
    }
    const cnt = (a: number, b: number) => countable[b - first + 1]! - countable[a - first]!;
    const nom = (a: number, b: number) => nominal[b - first + 1]! - nominal[a - first]!;
    if (school) {
      const cs = calendarSpan(data.calendar!);
      if (pFrom < cs.first || pTo > cs.last) uncovered.push(policy.id);
    }

    const kindOk = new Uint8Array(32);
    for (const k of policy.counts.contactKinds) kindOk[CONTACT_KIND_CODE.get(k)!] = 1;
    for (const k of policy.counts.activityKinds) kindOk[ACTIVITY_KIND_CODE.get(k)!] = 1;
    const initOk = new Uint8Array(256).fill(policy.counts.initiators ? 0 : 1);
    initOk[NO_INITIATOR] = 1;
    if (policy.counts.initiators)
      for (const k of policy.counts.initiators) initOk[INITIATOR_CODE.get(k)!] = 1;
    const unit = policy.counts.unit;
    const byPaired = policy.counts.by === "paired-mentor";
    const level = policy.level;
    const buckets = r.type === "count" ? countBuckets(policy, pFrom, pTo, data.calendar) : [];
    if (buckets.length > 0) {
      coverFrom = Math.min(coverFrom, buckets[0]!.from);
      coverTo = Math.max(coverTo, buckets[buckets.length - 1]!.to);
    }
    const grace = policy.graceDays;
    const min = r.type === "count" ? r.min : 1;

    let lb: (number[] | null)[] | undefined;
    if (sel.leftBehind) {
      // Cached on the prepared data: evaluating the same period again reuses the ranges.
      let perData = LB_CACHE.get(data);
      if (!perData) LB_CACHE.set(data, (perData = new Map()));
      const key = `${sel.leftBehind.definition}:${first}:${last}`;
      lb = perData.get(key);
      if (!lb) {
        lb = data.children.map(() => null);
        perData.set(key, lb);
      }
    }
    const lbRanges = (ci: number): number[] => {
      let v = lb![ci];
      if (v === null || v === undefined) {
        v = leftBehindRanges(data.children[ci]!, sel.leftBehind!.definition, first, last);
        lb![ci] = v;
      }
      return v;
    };
    const childMatches = (c: ChildFile): boolean => staticChildMatch(sel, c);

    const rowsBefore = table.n;
    // One subject: its in-scope day ranges, its events (CSR slice), and how to check the mentor.
    // Per-subject state, set by evaluateSubject (no closure is allocated per subject).
    let scoped: number[] = [];
    let p = 0;
    let sCsrEnd = 0;
    let sList: Int32Array = ix.byChild.list;
    let sChild = -1;
    let sPairMentor = -1;
    let sSubject = 0;
    const mentorOk = (e: number, d: number): boolean => {
      if (!byPaired) return true;
      for (let k = ev.mentorStart[e]!; k < ev.mentorStart[e + 1]!; k++) {
        const m = ev.mentorList[k]!;
        if (sPairMentor >= 0) {
          if (m === sPairMentor) return true;
        } else {
          for (const pj of ix.pairingsByChild[sChild]!) {
            if (ix.pairingMentor[pj] === m && d >= ix.pairingStart[pj]! && d <= ix.pairingEnd[pj]!)
              return true;
          }
        }
      }
      return false;
    };
    const inScope = (d: number): boolean => {
      for (let i = 0; i < scoped.length; i += 2)
        if (d >= scoped[i]! && d <= scoped[i + 1]!) return true;
      return false;
    };
    const emit = (
      from: number,
      to: number,
      due: number,
      scopeDays: number,
      activeDays: number,
      nominalDays: number,
    ) => {
      while (p < sCsrEnd && ev.day[sList[p]!]! < from) p++;
      // A bucket wholly inside one in-scope range needs no per-record scope check.
      let whole = false;
      for (let i = 0; i < scoped.length; i += 2)
        if (scoped[i]! <= from && scoped[i + 1]! >= to) whole = true;
      let done = 0;
      let lastDay = FAR_PAST;
      stampN++;
      for (let q = p; q < sCsrEnd; q++) {
        const e = sList[q]!;
        const d = ev.day[e]!;
        if (d > to) break;
        if (
          d > asOfDay ||
          !kindOk[ev.kind[e]!] ||
          !initOk[ev.initiator[e]!] ||
          (!whole && !inScope(d)) ||
          (byPaired && !mentorOk(e, d))
        )
          continue;
        if (unit === "contacts") done++;
        else if (unit === "days") {
          if (d !== lastDay) done++;
          lastDay = d;
        } else {
          for (let k = ev.childStart[e]!; k < ev.childStart[e + 1]!; k++) {
            const c = ev.childList[k]!;
            if (stamp[c] !== stampN) {
              stamp[c] = stampN;
              done++;
            }
          }
        }
        table.addRecord(e);
      }
      let required = 0;
      let status: number;
      if (scopeDays === 0) {
        status = S.na;
        table.discardRecords();
        done = 0;
      } else {
        required =
          activeDays >= nominalDays
            ? min
            : Math.min(min, Math.floor((min * activeDays) / nominalDays + 0.5));
        if (required === 0) status = S.exempt;
        else if (done >= required) status = S.met;
        else if (asOfDay < from) status = S.upcoming;
        else if (asOfDay <= due) status = S.due;
        else if (asOfDay <= to + grace) status = S.overdue;
        else status = S.missed;
      }
      table.push(pi, sSubject, from, to, due, to + grace, required, done, status);
    };
    const evaluateSubject = (
      subject: number,
      ranges: number[],
      csrStart: number,
      csrEnd: number,
      list: Int32Array,
      childIdx: number,
      pairMentor: number,
      subjectStart: number,
    ) => {
      scoped = intersect(ranges, Math.max(effFrom, FAR_PAST), Math.min(effTo, FAR_FUTURE));
      if (scoped.length === 0) return;
      p = csrStart;
      sCsrEnd = csrEnd;
      sList = list;
      sChild = childIdx;
      sPairMentor = pairMentor;
      sSubject = subject;
      if (r.type === "count") {
        if (
          intersect(scoped, buckets[0]?.from ?? 0, buckets[buckets.length - 1]?.to ?? -1).length ===
          0
        )
          return;
        for (const b of buckets) {
          let scopeDays = 0;
          let activeDays = 0;
          for (let i = 0; i < scoped.length; i += 2) {
            const x = Math.max(scoped[i]!, b.from);
            const y = Math.min(scoped[i + 1]!, b.to);
            if (x <= y) {
              scopeDays += y - x + 1;
              activeDays += cnt(x, y);
            }
          }
          emit(b.from, b.to, b.to, scopeDays, activeDays, nom(b.from, b.to));
        }
      } else {
        const every = r.everyDays;
        let anchor: number;
        if (r.anchor) anchor = dayNumber(r.anchor);
        else {
          const start = Math.max(subjectStart, effFrom, scoped[0]!);
          anchor = start > FAR_PAST ? start : pFrom;
        }
        let k = Math.max(0, Math.ceil((pFrom - anchor) / every));
        let any = false;
        for (let due = anchor + k * every; due <= pTo; k++, due = anchor + k * every) {
          const from = due + r.windowStart;
          const to = due + r.windowEnd;
          coverFrom = Math.min(coverFrom, from);
          coverTo = Math.max(coverTo, to);
          const dueInScope = inScope(due) ? 1 : 0;
          any ||= dueInScope === 1;
          let activeDays = 0;
          if (dueInScope) {
            for (let i = 0; i < scoped.length; i += 2) {
              const x = Math.max(scoped[i]!, from);
              const y = Math.min(scoped[i + 1]!, to);
              if (x <= y) activeDays += cnt(x, y);
            }
          }
          emit(from, to, due, dueInScope, activeDays > 0 ? 1 : 0, 1);
        }
        if (!any) {
          // No window of this subject is in scope: drop its rows.
          while (
            table.n > 0 &&
            table.subject[table.n - 1] === subject &&
            table.policy[table.n - 1] === pi &&
            table.status[table.n - 1] === S.na &&
            table.n > rowsBefore
          ) {
            table.n--;
          }
          table.poolN = table.recStart[table.n]!;
        }
      }
    };

    const ALL = [FAR_PAST, FAR_FUTURE];
    if (level === "child") {
      data.children.forEach((c, ci) => {
        if (!childMatches(c)) return;
        const ranges = lb ? lbRanges(ci) : ALL;
        const start = c.openedOn ? dayNumber(c.openedOn) : FAR_PAST;
        evaluateSubject(
          ci,
          ranges,
          ix.byChild.start[ci]!,
          ix.byChild.start[ci + 1]!,
          ix.byChild.list,
          ci,
          -1,
          start,
        );
      });
    } else if (level === "pairing") {
      data.pairings.forEach((pr, pj) => {
        const ci = ix.pairingChild[pj]!;
        const mi = ix.pairingMentor[pj]!;
        const mentor = data.mentors[mi]!;
        if (sel.mentorKinds && !sel.mentorKinds.includes(mentor.kind)) return;
        if (sel.pairingRoles && !sel.pairingRoles.includes(pr.role)) return;
        if (!childMatches(data.children[ci]!)) return;
        const own = [ix.pairingStart[pj]!, ix.pairingEnd[pj]!];
        const ranges = lb
          ? lbRanges(ci).length === 0
            ? []
            : intersectAll(lbRanges(ci), own)
          : own;
        evaluateSubject(
          pj,
          ranges,
          ix.byChild.start[ci]!,
          ix.byChild.start[ci + 1]!,
          ix.byChild.list,
          ci,
          mi,
          ix.pairingStart[pj]!,
        );
      });
    } else if (level === "mentor") {
      data.mentors.forEach((m, mi) => {
        if (sel.mentorKinds && !sel.mentorKinds.includes(m.kind)) return;
        const a = m.availableFrom ? dayNumber(m.availableFrom) : FAR_PAST;
        const b = m.availableTo ? dayNumber(m.availableTo) : FAR_FUTURE;
        evaluateSubject(
          mi,
          [a, b],
          ix.byMentor.start[mi]!,
          ix.byMentor.start[mi + 1]!,
          ix.byMentor.list,
          -1,
          -1,
          a,
        );
      });
    } else {
      data.schoolIds.forEach((_, si) => {
        evaluateSubject(
          si,
          ALL,
          ix.bySchool.start[si]!,
          ix.bySchool.start[si + 1]!,
          ix.bySchool.list,
          -1,
          -1,
          FAR_PAST,
        );
      });
    }
    if (table.n === rowsBefore) {
      findings.push({
        code: PolicyFindingCode.NO_SUBJECT,
        count: 1,
        ids: [policy.id],
        path: `policies[${pi}]`,
        message: text(
          `政策 ${policy.id} 在该期间没有适用对象`,
          `policy ${policy.id} applies to no subject in the period`,
        ),
      });
    }
  });

  if (uncovered.length > 0) {
    findings.push({
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
    findings.push({
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
  let outside = 0;
  let after = 0;
  const outsideIds: string[] = [];
  const afterIds: string[] = [];
  for (let e = 0; e < ev.n; e++) {
    const d = ev.day[e]!;
    if (d > asOfDay) {
      after++;
      afterIds.push(ev.ids[e]!);
    }
    if (d < coverFrom || d > coverTo) {
      outside++;
      outsideIds.push(ev.ids[e]!);
    }
  }
  if (after > 0) {
    findings.push({
      code: PolicyFindingCode.RECORD_AFTER_AS_OF,
      count: after,
      ids: firstIds(afterIds),
      path: "records",
      message: text(
        `${after} 条记录晚于评估日 ${fromDayNumber(asOfDay)}，未计入`,
        `${after} records are dated after asOf ${fromDayNumber(asOfDay)} and were not counted`,
      ),
    });
  }
  if (outside > 0 && coverFrom <= coverTo) {
    findings.push({
      code: PolicyFindingCode.RECORD_OUTSIDE_PERIOD,
      count: outside,
      ids: firstIds(outsideIds),
      path: "records",
      message: text(
        `${outside} 条记录不在评估期间的任何周期内（${fromDayNumber(coverFrom)} 至 ${fromDayNumber(coverTo)}），未计入`,
        `${outside} records fall outside every evaluated bucket (${fromDayNumber(coverFrom)} to ${fromDayNumber(coverTo)}) and counted for nothing`,
      ),
    });
  }
  return new ComplianceReport({
    policies,
    data,
    table,
    findings,
    asOf: fromDayNumber(asOfDay),
    timeZone: zone,
    period: opts.period,
  });
}

/** The 20 smallest ids, sorted: finding lists that do not depend on input order. */
function firstIds(ids: string[]): string[] {
  return ids.sort().slice(0, 20);
}

function intersectAll(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < b.length; i += 2) out.push(...intersect(a, b[i]!, b[i + 1]!));
  return out;
}
