import * as z from "zod";
import { validate, requireObject } from "../errors/validate";
import { text } from "../i18n";
import { ChildFileSchema, type ChildFile, type ChildFileInput } from "../model/child-file";
import {
  MentorSchema,
  PairingSchema,
  type Mentor,
  type MentorInput,
  type Pairing,
  type PairingInput,
} from "../model/mentor";
import { AsOfSchema } from "../model/primitives";
import { resolveAsOf } from "../time/convert";
import type { AsOf } from "../time/types";
import { throwIfIssues, unknownIdIssue } from "./issues";
import { PolicySetSchema, type Policy, type PolicyInput } from "./schema";

/**
 * What one mentor owes under a plan.
 * @category Policies
 */
export interface MentorWorkload {
  readonly mentorId: string;
  /** Pairings of the mentor counted in the plan. */
  readonly pairings: number;
  /** Contacts owed per month at the policies' minimums (one decimal). */
  readonly perMonth: number;
  /** The same at the policies' maximums where given (a "3–5" range counts 5). */
  readonly perMonthAtMax: number;
  readonly byPolicy: readonly { readonly policyId: string; readonly perMonth: number }[];
  /** `perMonth` exceeds the limit. */
  readonly overLimit: boolean;
}

/**
 * Options of {@link mentorWorkload}.
 * @category Policies
 */
export interface WorkloadInput {
  policies: readonly (PolicyInput | Policy)[];
  /** The pairing plan. */
  pairings: readonly (PairingInput | Pairing)[];
  mentors: readonly (MentorInput | Mentor)[];
  /** The children, to apply child selectors (risk level…); without them child selectors are ignored. */
  children?: readonly (ChildFileInput | ChildFile)[];
  /** Count only pairings active on this day (an instant or `Date` is read in `Asia/Shanghai`); default every pairing in the plan. */
  asOf?: AsOf;
  /** Contacts per month above which a mentor is over the limit. Default 20. */
  maxPerMonth?: number;
}

const DAYS_PER_MONTH = 365.25 / 12;

/** Contacts a requirement asks for in an average month, at `min` (or `max`). */
function monthlyRate(p: Policy, atMax: boolean): number {
  const r = p.requirement;
  if (r.type === "interval") return DAYS_PER_MONTH / r.everyDays;
  const n = atMax && r.max !== undefined ? r.max : r.min;
  switch (r.per) {
    case "week":
      return (n * DAYS_PER_MONTH) / 7;
    case "month":
      return n;
    case "term":
      return (n * 2) / 12;
    case "year":
      return n / 12;
    case "days":
      return (n * DAYS_PER_MONTH) / r.days!;
  }
}

/**
 * The contacts each mentor owes per month under a pairing plan and a policy set, and who is
 * over a limit. Pairing-level policies count for the pairing's mentor; child-level policies
 * made `by: "paired-mentor"` for each mentor paired with the child; mentor-level policies for
 * the mentor. School-level policies and child-level ones anyone may meet are not a mentor's.
 * Rates are averages: a week is 7/30.44 of a month, a term half of six months; school holidays
 * are not subtracted (a plan is judged on an ordinary month).
 * @param input - Policies, pairings, mentors, optional children, `asOf`, `maxPerMonth`.
 * @returns One row per mentor, heaviest first.
 * @example
 * mentorWorkload({ policies: ALL_PRESETS, pairings, mentors, maxPerMonth: 20 })[0]
 * //=> { mentorId: "m1", pairings: 3, perMonth: 16, perMonthAtMax: 24.7, overLimit: false, … }
 * @category Policies
 */
export function mentorWorkload(input: WorkloadInput): MentorWorkload[] {
  requireObject(input, "input");
  const subject = text("工作量计算输入", "workload input");
  const policies = validate(PolicySetSchema, input.policies, { path: ["policies"], subject });
  const pairings = validate(z.array(PairingSchema), input.pairings, {
    path: ["pairings"],
    subject,
  });
  const mentors = validate(z.array(MentorSchema), input.mentors, { path: ["mentors"], subject });
  const children = input.children
    ? validate(z.array(ChildFileSchema), input.children, { path: ["children"], subject })
    : undefined;
  const asOfIn = validate(AsOfSchema.optional(), input.asOf, { path: ["asOf"], subject });
  const asOf = asOfIn === undefined ? undefined : resolveAsOf(asOfIn, undefined);
  const limit = validate(z.number().nonnegative().default(20), input.maxPerMonth, {
    path: ["maxPerMonth"],
    subject,
  });
  const mentorById = new Map(mentors.map((m) => [m.id, m]));
  const childById = children ? new Map(children.map((c) => [c.id, c])) : undefined;
  const issues = pairings.flatMap((p, i) => [
    ...(mentorById.has(p.mentorId)
      ? []
      : [unknownIdIssue(`pairings[${i}].mentorId`, p.mentorId, "帮扶人", "mentor")]),
    ...(!childById || childById.has(p.childId)
      ? []
      : [unknownIdIssue(`pairings[${i}].childId`, p.childId, "儿童", "child")]),
  ]);
  throwIfIssues(issues, subject);
  const active = pairings.filter(
    (p) => asOf === undefined || (p.start <= asOf && (p.end === undefined || p.end >= asOf)),
  );
  const childOk = (p: Policy, childId: string): boolean => {
    const c = childById?.get(childId);
    if (!c) return true;
    const s = p.selector;
    return (
      (!s.riskLevels || (c.riskLevel !== undefined && s.riskLevels.includes(c.riskLevel))) &&
      (!s.livingArrangements || s.livingArrangements.includes(c.livingArrangement)) &&
      (s.keyCase === undefined || c.keyCase === s.keyCase) &&
      (s.boarding === undefined || c.child.boarding === s.boarding)
    );
  };
  const acc = new Map<string, { pairings: number; min: Map<string, number>; max: number }>();
  for (const m of mentors) acc.set(m.id, { pairings: 0, min: new Map(), max: 0 });
  const owe = (mentorId: string, p: Policy) => {
    const a = acc.get(mentorId)!;
    a.min.set(p.id, (a.min.get(p.id) ?? 0) + monthlyRate(p, false));
    a.max += monthlyRate(p, true);
  };
  for (const pr of active) {
    const m = mentorById.get(pr.mentorId)!;
    acc.get(m.id)!.pairings++;
    for (const p of policies) {
      if (!childOk(p, pr.childId)) continue;
      if (p.level === "pairing") {
        if (p.selector.mentorKinds && !p.selector.mentorKinds.includes(m.kind)) continue;
        if (p.selector.pairingRoles && !p.selector.pairingRoles.includes(pr.role)) continue;
        owe(m.id, p);
      } else if (p.level === "child" && p.counts.by === "paired-mentor") {
        owe(m.id, p);
      }
    }
  }
  for (const m of mentors) {
    for (const p of policies) {
      if (
        p.level === "mentor" &&
        (!p.selector.mentorKinds || p.selector.mentorKinds.includes(m.kind))
      )
        owe(m.id, p);
    }
  }
  const round = (x: number) => Math.round(x * 10) / 10;
  return mentors
    .map((m) => {
      const a = acc.get(m.id)!;
      const perMonth = [...a.min.values()].reduce((x, y) => x + y, 0);
      return {
        mentorId: m.id,
        pairings: a.pairings,
        perMonth: round(perMonth),
        perMonthAtMax: round(a.max),
        byPolicy: [...a.min.entries()].map(([policyId, v]) => ({ policyId, perMonth: round(v) })),
        overLimit: perMonth > limit,
      };
    })
    .sort(
      (x, y) =>
        y.perMonth - x.perMonth || (x.mentorId < y.mentorId ? -1 : x.mentorId > y.mentorId ? 1 : 0),
    );
}
