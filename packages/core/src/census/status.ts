import * as z from "zod";
import {
  SchoolCalendarSchema,
  type SchoolCalendar,
  type SchoolCalendarInput,
} from "../calendar/schema";
import { IssueCode } from "../errors/codes";
import { ValidationError } from "../errors/errors";
import { validate } from "../errors/validate";
import { text, type LocalizedText } from "../i18n";
import { CalendarDateSchema, IdSchema } from "../model/primitives";
import { addDays, dateParts, makeDate } from "../time/calendar-date";
import type { CalendarDate } from "../time/types";
import {
  CensusPolicySchema,
  CensusRecordSchema,
  type CensusPolicy,
  type CensusPolicyInput,
  type CensusRecord,
  type CensusRecordInput,
} from "./schema";

/**
 * A child's census state in the current round: `verified` (a counting check since the round
 * began), `due` (not yet, the deadline is still ahead), `overdue` (the deadline passed).
 * @category Census
 */
export type CensusState = "verified" | "due" | "overdue";

/**
 * One child's census row.
 * @category Census
 */
export interface CensusRow {
  readonly childId: string;
  readonly state: CensusState;
  /** The last day the child's situation was verified by a counting check, in any round. */
  readonly lastVerifiedOn: CalendarDate | null;
  /** The check that counts for this round, if any. */
  readonly recordId: string | null;
}

/**
 * Result of {@link censusStatus}: the round judged, one row per child, and the counts.
 * @category Census
 */
export interface CensusReport {
  readonly policyId: string;
  readonly round: {
    readonly from: CalendarDate;
    readonly deadline: CalendarDate;
    readonly label: LocalizedText;
  };
  readonly rows: readonly CensusRow[];
  readonly verified: number;
  readonly due: number;
  readonly overdue: number;
  /** `verified / rows.length` (`null` with no child). */
  readonly rate: number | null;
}

const InputSchema = z.object({
  childIds: z.array(IdSchema),
  records: z.array(CensusRecordSchema),
  policy: CensusPolicySchema,
  asOf: CalendarDateSchema,
  calendar: SchoolCalendarSchema.optional(),
});

/** The round `asOf` falls in: the term that started last on or before it, or its year. */
function roundOf(
  policy: CensusPolicy,
  asOf: CalendarDate,
  calendar: SchoolCalendar | undefined,
): CensusReport["round"] {
  if (policy.every === "year") {
    const { year } = dateParts(asOf);
    const from = makeDate(year, 1, 1);
    return {
      from,
      deadline: addDays(from, policy.withinDays - 1),
      label: text(`${year}年`, `${year}`),
    };
  }
  const term = [...(calendar?.terms ?? [])]
    .filter((t) => t.start <= asOf)
    .sort((a, b) => (a.start < b.start ? 1 : -1))[0];
  if (term === undefined) {
    throw new ValidationError(
      [
        {
          path: calendar ? "calendar.terms" : "calendar",
          code: IssueCode.OTHER,
          received: calendar ? "no term before asOf" : "undefined",
          message: text(
            `字段 calendar：按学期摸底须提供校历，且须有 ${asOf} 之前开始的学期`,
            `calendar: a termly census needs a school calendar with a term starting on or before ${asOf}`,
          ),
        },
      ],
      { subject: text("摸底情况", "census status") },
    );
  }
  return {
    from: term.start,
    deadline: addDays(term.start, policy.withinDays - 1),
    label: text(term.name, term.name),
  };
}

/**
 * Who has been verified in the current census round (摸底登记), who is still due and who is
 * overdue, with each child's last verified-on date. A check counts when it is on or after the
 * round's start, on or before `asOf`, and all the policy's `requiredTakers` took part.
 * @param input - `childIds` (the children to census), `records`, the `policy`, `asOf`, and the
 * school `calendar` for a termly policy.
 * @returns The round, one row per child (input order) and the counts.
 * @throws ValidationError on malformed input, or a termly policy without a calendar.
 * @example
 * censusStatus({ childIds: ["c1"], records, policy: CENSUS_PRESETS.termStart, calendar, asOf: "2026-09-20" }).rows[0]
 * //=> { childId: "c1", state: "verified", lastVerifiedOn: "2026-09-03", recordId: "cz1" }
 * @category Census
 */
export function censusStatus(input: {
  childIds: readonly string[];
  records: readonly (CensusRecordInput | CensusRecord)[];
  policy: CensusPolicyInput | CensusPolicy;
  asOf: CalendarDate;
  calendar?: SchoolCalendarInput | SchoolCalendar;
}): CensusReport {
  const o = validate(InputSchema, input, { subject: text("摸底情况", "census status") });
  const round = roundOf(o.policy, o.asOf, o.calendar);
  const counts = (r: CensusRecord) => o.policy.requiredTakers.every((t) => r.takers.includes(t));
  const last = new Map<string, CensusRecord>();
  const inRound = new Map<string, CensusRecord>();
  for (const r of o.records) {
    if (r.verifiedOn > o.asOf || !counts(r)) continue;
    const prev = last.get(r.childId);
    if (!prev || r.verifiedOn > prev.verifiedOn) last.set(r.childId, r);
    if (r.verifiedOn >= round.from) {
      const p = inRound.get(r.childId);
      if (!p || r.verifiedOn > p.verifiedOn) inRound.set(r.childId, r);
    }
  }
  const rows: CensusRow[] = o.childIds.map((childId) => {
    const hit = inRound.get(childId);
    return {
      childId,
      state: hit ? "verified" : o.asOf > round.deadline ? "overdue" : "due",
      lastVerifiedOn: last.get(childId)?.verifiedOn ?? null,
      recordId: hit?.id ?? null,
    };
  });
  const n = (s: CensusState) => rows.filter((r) => r.state === s).length;
  return {
    policyId: o.policy.id,
    round,
    rows,
    verified: n("verified"),
    due: n("due"),
    overdue: n("overdue"),
    rate: rows.length === 0 ? null : n("verified") / rows.length,
  };
}
