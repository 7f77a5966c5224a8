/**
 * Stage 1 of a compliance evaluation, who owes what: the subjects a policy selects (children,
 * pairings, mentors or schools), each with the days it is in scope and its records.
 * @module
 */
import { LEFT_BEHIND_DEFINITIONS } from "../../classification";
import { builtInVerdict } from "../../classification/definitions";
import type { ChildFile } from "../../model/child-file";
import { dayNumber, fromDayNumber } from "../../time/calendar-date";
import { FAR_FUTURE, FAR_PAST, type ComplianceData, type Csr } from "../data";
import type { Policy } from "../schema";
import { intersect, intersectAll } from "./ranges";

/** One subject of a policy, as the later stages need it. @internal */
export interface Subject {
  /** Index into `children`, `pairings`, `mentors` or `schoolIds` (by the policy's level). */
  readonly index: number;
  /** Days in scope, as flat ranges, within the policy's effective dates (never empty). */
  readonly scoped: readonly number[];
  /** The index holding the subject's events: `events.list[csrStart..csrEnd)`, by day. */
  readonly events: Csr;
  readonly csrStart: number;
  readonly csrEnd: number;
  /** Child index (child and pairing levels), else -1. */
  readonly child: number;
  /** The pairing's mentor index (pairing level), else -1. */
  readonly pairMentor: number;
  /** First day of the subject (file opened, pairing start, mentor available), for anchors. */
  readonly start: number;
}

const ALL = [FAR_PAST, FAR_FUTURE] as const;

/** The selector's conditions on the child file itself (not the left-behind status). */
function childMatches(sel: Policy["selector"], c: ChildFile): boolean {
  return (
    (!sel.riskLevels || (c.riskLevel !== undefined && sel.riskLevels.includes(c.riskLevel))) &&
    (!sel.livingArrangements || sel.livingArrangements.includes(c.livingArrangement)) &&
    (sel.keyCase === undefined || c.keyCase === sel.keyCase) &&
    (sel.boarding === undefined || c.child.boarding === sel.boarding)
  );
}

function pairingMatches(policy: Policy, data: ComplianceData, pj: number): boolean {
  const sel = policy.selector;
  const mentor = data.mentors[data.index.pairingMentor[pj]!]!;
  if (sel.mentorKinds && !sel.mentorKinds.includes(mentor.kind)) return false;
  if (sel.pairingRoles && !sel.pairingRoles.includes(data.pairings[pj]!.role)) return false;
  return childMatches(sel, data.children[data.index.pairingChild[pj]!]!);
}

/** Left-behind day ranges of one child under a definition, within `[first, last]`. */
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
  // The verdict alone (no reasons built): it agrees with `def.classify(...).leftBehind`.
  let current = builtInVerdict(definitionId, child, fromDayNumber(first));
  let start = first;
  for (const d of days) {
    const v = builtInVerdict(definitionId, child, fromDayNumber(d));
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

/**
 * Left-behind ranges of each child for a definition and span, computed on first use and kept
 * with the prepared data (children are immutable once prepared), so evaluating the same data
 * again reuses them.
 */
function leftBehindLookup(
  data: ComplianceData,
  definition: "state-council-2016" | "school",
  first: number,
  last: number,
): (ci: number) => number[] {
  const memo = data.index.leftBehindMemo;
  const key = `${definition}:${first}:${last}`;
  let ranges = memo.get(key);
  if (!ranges) memo.set(key, (ranges = new Array<number[] | undefined>(data.children.length)));
  const cached = ranges;
  return (ci) => (cached[ci] ??= leftBehindRanges(data.children[ci]!, definition, first, last));
}

/**
 * Calls `visit` for every subject of `policy` in scope on at least one day of `[first, last]`
 * within the policy's effective dates, in index order.
 * @internal
 */
export function forEachSubject(
  policy: Policy,
  data: ComplianceData,
  first: number,
  last: number,
  visit: (subject: Subject) => void,
): void {
  const sel = policy.selector;
  const ix = data.index;
  const effFrom = policy.effectiveFrom ? dayNumber(policy.effectiveFrom) : FAR_PAST;
  const effTo = policy.effectiveTo ? dayNumber(policy.effectiveTo) : FAR_FUTURE;
  const lb = sel.leftBehind
    ? leftBehindLookup(data, sel.leftBehind.definition, first, last)
    : undefined;
  // Ranges lie within [FAR_PAST, FAR_FUTURE]: without effective dates they are in scope as
  // they are (shared, never changed), and all days in scope share one array.
  const bounded = effFrom > FAR_PAST || effTo < FAR_FUTURE;
  const offer = (
    index: number,
    ranges: readonly number[],
    csr: Csr,
    owner: number,
    child: number,
    pairMentor: number,
    start: number,
  ) => {
    const scoped = bounded
      ? intersect(ranges, Math.max(effFrom, FAR_PAST), Math.min(effTo, FAR_FUTURE))
      : ranges;
    if (scoped.length === 0) return;
    visit({
      index,
      scoped,
      events: csr,
      csrStart: csr.start[owner]!,
      csrEnd: csr.start[owner + 1]!,
      child,
      pairMentor,
      start,
    });
  };
  switch (policy.level) {
    case "child":
      data.children.forEach((c, ci) => {
        if (!childMatches(sel, c)) return;
        offer(ci, lb ? lb(ci) : ALL, ix.byChild, ci, ci, -1, ix.openedDay[ci]!);
      });
      return;
    case "pairing":
      for (let pj = 0; pj < data.pairings.length; pj++) {
        if (!pairingMatches(policy, data, pj)) continue;
        const ci = ix.pairingChild[pj]!;
        const own = [ix.pairingStart[pj]!, ix.pairingEnd[pj]!];
        const ranges = lb ? (lb(ci).length === 0 ? [] : intersectAll(lb(ci), own)) : own;
        offer(pj, ranges, ix.byChild, ci, ci, ix.pairingMentor[pj]!, ix.pairingStart[pj]!);
      }
      return;
    case "mentor":
      data.mentors.forEach((m, mi) => {
        if (sel.mentorKinds && !sel.mentorKinds.includes(m.kind)) return;
        const a = m.availableFrom ? dayNumber(m.availableFrom) : FAR_PAST;
        const b = m.availableTo ? dayNumber(m.availableTo) : FAR_FUTURE;
        offer(mi, [a, b], ix.byMentor, mi, -1, -1, a);
      });
      return;
    default:
      for (let si = 0; si < data.schoolIds.length; si++)
        offer(si, ALL, ix.bySchool, si, -1, -1, FAR_PAST);
  }
}
