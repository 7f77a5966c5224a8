import * as z from "zod";
import { validate, requireObject } from "../errors/validate";
import { text } from "../i18n";
import { AsOfSchema, IdSchema, TimeZoneSchema } from "../model/primitives";
import { addDays, fromDayNumber, isCalendarDate } from "../time/calendar-date";
import { dayOfInstant, isPrepared } from "./data";
import { throwIfIssues, unknownIdIssue } from "./issues";
import {
  checkPolicies,
  evaluateFromOrigin,
  S,
  type ComplianceInput,
  type ComplianceSource,
} from "./evaluate";
import type { ComplianceRow } from "./report";
import { DEFAULT_TIME_ZONE, type CalendarDate } from "../time/types";

/**
 * Whose next windows to list: a child (its child-level rows and its pairings' rows), a pairing,
 * or a mentor (its mentor-level rows and its pairings' rows).
 * @category Policies
 */
export type DueSubject = { childId: string } | { pairingId: string } | { mentorId: string };

const SubjectSchema = z.union([
  z.object({ childId: IdSchema }).strict(),
  z.object({ pairingId: IdSchema }).strict(),
  z.object({ mentorId: IdSchema }).strict(),
]);

/**
 * Options of {@link nextDue}: everything {@link evaluateCompliance} takes except the period,
 * the subject, and how far ahead to look.
 * @category Policies
 */
export type NextDueInput = Pick<ComplianceInput, "policies" | "asOf"> &
  ComplianceSource & {
    subject: DueSubject;
    /** Days after `asOf` to look ahead. Default 400 (a year plus a term). */
    horizonDays?: number;
  };

/**
 * The next open window of each policy for a child, a pairing or a mentor: the earliest bucket
 * that is overdue, due or upcoming on `asOf` (met, missed, exempt and not-applicable buckets
 * are skipped).
 * @param input - The compliance input without `period`, plus `subject` and `horizonDays`.
 * @returns One row per policy and subject, earliest deadline first.
 * @example
 * nextDue({ ...data, policies: ALL_PRESETS, asOf: "2026-04-10", subject: { childId: "c1" } })
 * //=> [{ policyId: "risk-high-weekly", from: "2026-04-06", due: "2026-04-12", status: "due", … }, …]
 * @category Policies
 */
export function nextDue(input: NextDueInput): ComplianceRow[] {
  requireObject(input, "input");
  const subject = validate(SubjectSchema, input.subject, {
    path: ["subject"],
    subject: text("查询对象", "subject"),
  });
  const horizon = validate(z.number().int().min(0).max(3650).default(400), input.horizonDays, {
    path: ["horizonDays"],
  });
  const asOfIn = validate(AsOfSchema, input.asOf, {
    path: ["asOf"],
  });
  const zone = isPrepared(input.data)
    ? input.data.timeZone
    : (validate(TimeZoneSchema.optional(), input.timeZone, { path: ["timeZone"] }) ??
      DEFAULT_TIME_ZONE);
  const asOf: CalendarDate = isCalendarDate(asOfIn)
    ? asOfIn
    : fromDayNumber(dayOfInstant(Date.parse(asOfIn), zone));
  // Buckets that closed up to the longest grace before `asOf` may still be overdue; interval
  // windows of a subject with no start of its own still count from `asOf`.
  const policies = checkPolicies(input.policies);
  const lookBack = policies.reduce((most, p) => Math.max(most, p.graceDays), 0);
  const report = evaluateFromOrigin(
    {
      ...input,
      policies,
      period: { from: addDays(asOf, -lookBack), to: addDays(asOf, horizon) },
    } as ComplianceInput,
    asOf,
    policies,
  );
  const t = report._table;
  const d = report._data;
  const ix = d.index;
  const known =
    "childId" in subject
      ? ix.childById.has(subject.childId)
      : "mentorId" in subject
        ? ix.mentorById.has(subject.mentorId)
        : d.pairings.some((p) => p.id === subject.pairingId);
  if (!known) {
    const [field, id] = Object.entries(subject)[0] as [string, string];
    throwIfIssues(
      [unknownIdIssue(`subject.${field}`, id, "编号", "id")],
      text("查询对象", "subject"),
    );
  }
  const best = new Map<string, number>();
  for (let i = 0; i < t.n; i++) {
    const st = t.status[i]!;
    if (st !== S.due && st !== S.overdue && st !== S.upcoming) continue;
    const policy = report.policies[t.policy[i]!]!;
    const s = t.subject[i]!;
    let match = false;
    if ("childId" in subject) {
      if (policy.level === "child") match = d.children[s]!.id === subject.childId;
      else if (policy.level === "pairing")
        match = d.children[ix.pairingChild[s]!]!.id === subject.childId;
    } else if ("pairingId" in subject) {
      match = policy.level === "pairing" && d.pairings[s]!.id === subject.pairingId;
    } else {
      if (policy.level === "mentor") match = d.mentors[s]!.id === subject.mentorId;
      else if (policy.level === "pairing")
        match = d.mentors[ix.pairingMentor[s]!]!.id === subject.mentorId;
    }
    if (!match) continue;
    const key = `${t.policy[i]}:${s}`;
    const prev = best.get(key);
    if (prev === undefined || t.due[i]! < t.due[prev]!) best.set(key, i);
  }
  return [...best.values()]
    .sort(
      (a, b) =>
        t.due[a]! - t.due[b]! || t.policy[a]! - t.policy[b]! || t.subject[a]! - t.subject[b]!,
    )
    .map((i) => report.row(i));
}
