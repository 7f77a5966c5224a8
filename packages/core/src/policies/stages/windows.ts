/**
 * Stage 2 of a compliance evaluation, when: the count buckets of a policy (weeks, months,
 * years, terms, fixed runs of days), the countable days in them, and for each subject the
 * buckets or interval windows it owes, with how many of their days it is in scope.
 * @module
 */
import type { SchoolDayIndex } from "../../calendar/school-days";
import { weekdayOfDay } from "../../calendar/schema";
import { dateParts, dayNumber, fromDayNumber } from "../../time/calendar-date";
import { FAR_PAST, type ComplianceData } from "../data";
import type { Policy } from "../schema";
import { coversWhole, inRanges, overlaps } from "./ranges";
import type { Subject } from "./subjects";

/** A count bucket: first and last day (inclusive). @internal */
export interface Bucket {
  readonly from: number;
  readonly to: number;
}

const DAY_MS = 86_400_000;

function monthStartDay(day: number): number {
  const { year, month } = dateParts(fromDayNumber(day));
  return Math.round(Date.UTC(year, month - 1, 1) / DAY_MS);
}

function nextMonthDay(day: number): number {
  const { year, month } = dateParts(fromDayNumber(day));
  return Math.round(Date.UTC(year, month, 1) / DAY_MS);
}

/** The count buckets of a policy that overlap `[pFrom, pTo]` (none for an interval policy). @internal */
export function countBuckets(
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
      for (let d = pFrom - (weekdayOfDay(pFrom) - 1); d <= pTo; d += 7)
        out.push({ from: d, to: d + 6 });
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
        const from = Math.round(Date.UTC(y, 0, 1) / DAY_MS);
        if (from > pTo) break;
        out.push({ from, to: Math.round(Date.UTC(y + 1, 0, 1) / DAY_MS) - 1 });
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
      for (let d = anchor + Math.floor((pFrom - anchor) / len) * len; d <= pTo; d += len)
        out.push({ from: d, to: d + len - 1 });
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

/**
 * Prefix sums of a policy's countable days (school days when it follows the calendar, minus
 * its exemptions) and nominal days (Monday–Friday for school-calendar policies) over
 * `[first, first + span)`: any range is then counted in constant time.
 * @internal
 */
export class DayCounts {
  private readonly countable: Int32Array;
  private readonly nominal: Int32Array;

  constructor(
    policy: Policy,
    private readonly first: number,
    span: number,
    schoolDays: SchoolDayIndex | undefined,
  ) {
    const school = policy.calendar === "school";
    const exempt = policy.exemptions.map((e) => [dayNumber(e.from), dayNumber(e.to)] as const);
    this.countable = new Int32Array(span + 1);
    this.nominal = new Int32Array(span + 1);
    for (let i = 0; i < span; i++) {
      const d = first + i;
      let c = school ? schoolDays!.mask[i]! : 1;
      if (c) for (const [a, b] of exempt) if (d >= a && d <= b) c = 0;
      this.countable[i + 1] = this.countable[i]! + c;
      this.nominal[i + 1] = this.nominal[i]! + (school ? (weekdayOfDay(d) <= 5 ? 1 : 0) : 1);
    }
  }

  /** Countable days in `[a, b]`. */
  active(a: number, b: number): number {
    return this.countable[b - this.first + 1]! - this.countable[a - this.first]!;
  }

  /** Nominal days in `[a, b]`. */
  nominalDays(a: number, b: number): number {
    return this.nominal[b - this.first + 1]! - this.nominal[a - this.first]!;
  }

  /** Countable days of `[a, b]` inside `scoped`. */
  activeIn(scoped: readonly number[], a: number, b: number): number {
    let active = 0;
    for (let i = 0; i < scoped.length; i += 2) {
      const x = Math.max(scoped[i]!, a);
      const y = Math.min(scoped[i + 1]!, b);
      if (x <= y) active += this.active(x, y);
    }
    return active;
  }

  /**
   * Countable and nominal days of each bucket, computed once per policy: a subject in scope
   * over all the buckets needs no measuring.
   */
  bucketDays(buckets: readonly Bucket[]): { active: Int32Array; nominal: Int32Array } {
    const active = new Int32Array(buckets.length);
    const nominal = new Int32Array(buckets.length);
    buckets.forEach((b, i) => {
      active[i] = this.active(b.from, b.to);
      nominal[i] = this.nominalDays(b.from, b.to);
    });
    return { active, nominal };
  }

  /** Sets `w.scopeDays` (days of the window in `scoped`) and `w.activeDays` (countable ones). */
  measure(scoped: readonly number[], w: Window): void {
    let scope = 0;
    let active = 0;
    for (let i = 0; i < scoped.length; i += 2) {
      const x = Math.max(scoped[i]!, w.from);
      const y = Math.min(scoped[i + 1]!, w.to);
      if (x <= y) {
        scope += y - x + 1;
        active += this.active(x, y);
      }
    }
    w.scopeDays = scope;
    w.activeDays = active;
  }
}

/** One window a subject owes: its days, due day, and the share of it the subject owes. @internal */
export interface Window {
  from: number;
  to: number;
  due: number;
  /** Days of the window the subject is in scope (0: not applicable). */
  scopeDays: number;
  /** In-scope countable days, and the window's nominal days: `required ∝ active ÷ nominal`. */
  activeDays: number;
  nominalDays: number;
}

/**
 * The day an interval policy's due days count from, for one subject: the policy's anchor, else
 * the latest of the subject's start, the policy's effective date and the subject's first day in
 * scope, else `origin` (the period's first day, unless the caller names another).
 */
function intervalAnchor(policy: Policy, subject: Subject, origin: number): number {
  const r = policy.requirement;
  if (r.type === "interval" && r.anchor) return dayNumber(r.anchor);
  const effFrom = policy.effectiveFrom ? dayNumber(policy.effectiveFrom) : FAR_PAST;
  const start = Math.max(subject.start, effFrom, subject.scoped[0]!);
  return start > FAR_PAST ? start : origin;
}

/**
 * Whether `scoped` holds every day of a count policy's `buckets` (in day order, at least one):
 * each bucket then owes the subject its full share, and no window needs measuring.
 * @internal
 */
export function inScopeThroughout(buckets: readonly Bucket[], scoped: readonly number[]): boolean {
  return (
    buckets.length > 0 && coversWhole(scoped, buckets[0]!.from, buckets[buckets.length - 1]!.to)
  );
}

/**
 * Which bucket each day falls in, for counting a subject's records in one pass: `of[d - first]`
 * is the index of the bucket holding day `d` (`first ≤ d ≤ last`), or -1 between buckets.
 * @internal
 */
export interface BucketOfDay {
  readonly first: number;
  readonly last: number;
  readonly of: Int32Array;
}

/** The {@link BucketOfDay} of a policy's count buckets (in day order, at least one). @internal */
export function bucketOfDay(buckets: readonly Bucket[]): BucketOfDay {
  const first = buckets[0]!.from;
  const last = buckets[buckets.length - 1]!.to;
  const of = new Int32Array(last - first + 1).fill(-1);
  buckets.forEach((b, i) => of.fill(i, b.from - first, b.to - first + 1));
  return { first, last, of };
}

/**
 * How many windows {@link forEachWindow} visits for `subject`: exactly the rows a count policy
 * emits for it, and at most the rows of an interval policy (whose subject keeps none when no
 * due day is in scope). Sizes the row table before any row is written.
 * @internal
 */
export function windowsOwed(
  policy: Policy,
  buckets: readonly Bucket[],
  subject: Subject,
  pFrom: number,
  pTo: number,
  origin = pFrom,
): number {
  const r = policy.requirement;
  if (r.type === "count") {
    if (buckets.length === 0) return 0;
    return overlaps(subject.scoped, buckets[0]!.from, buckets[buckets.length - 1]!.to)
      ? buckets.length
      : 0;
  }
  const anchor = intervalAnchor(policy, subject, origin);
  const k = Math.max(0, Math.ceil((pFrom - anchor) / r.everyDays));
  return Math.max(0, Math.floor((pTo - anchor) / r.everyDays) - k + 1);
}

/**
 * Calls `visit` for each window `subject` owes under `policy` in `[pFrom, pTo]`, in day
 * order: every bucket of a count policy, or every interval window whose due day falls in the
 * period (counted from `origin` for a subject with no start of its own). The window object is
 * reused between calls. `measures` are the buckets' {@link DayCounts.bucketDays} (computed here
 * when not given).
 * @returns Whether any window is in scope (an interval subject with none gets no rows).
 * @internal
 */
export function forEachWindow(
  policy: Policy,
  buckets: readonly Bucket[],
  days: DayCounts,
  subject: Subject,
  pFrom: number,
  pTo: number,
  visit: (w: Window) => void,
  origin = pFrom,
  measures?: { readonly active: Int32Array; readonly nominal: Int32Array },
): boolean {
  const r = policy.requirement;
  const scoped = subject.scoped;
  const w: Window = { from: 0, to: 0, due: 0, scopeDays: 0, activeDays: 0, nominalDays: 1 };
  if (r.type === "count") {
    if (buckets.length === 0) return false;
    const first = buckets[0]!.from;
    const last = buckets[buckets.length - 1]!.to;
    if (!overlaps(scoped, first, last)) return false;
    const whole = inScopeThroughout(buckets, scoped);
    const per = measures ?? days.bucketDays(buckets);
    for (let i = 0; i < buckets.length; i++) {
      const b = buckets[i]!;
      w.from = b.from;
      w.to = w.due = b.to;
      if (whole) {
        w.scopeDays = b.to - b.from + 1;
        w.activeDays = per.active[i]!;
      } else days.measure(scoped, w);
      w.nominalDays = per.nominal[i]!;
      visit(w);
    }
    return true;
  }
  const every = r.everyDays;
  const anchor = intervalAnchor(policy, subject, origin);
  let any = false;
  let k = Math.max(0, Math.ceil((pFrom - anchor) / every));
  for (let due = anchor + k * every; due <= pTo; k++, due = anchor + k * every) {
    const dueInScope = inRanges(scoped, due);
    any ||= dueInScope;
    w.from = due + r.windowStart;
    w.to = due + r.windowEnd;
    w.due = due;
    w.scopeDays = dueInScope ? 1 : 0;
    w.activeDays = dueInScope && days.activeIn(scoped, w.from, w.to) > 0 ? 1 : 0;
    w.nominalDays = 1;
    visit(w);
  }
  return any;
}
