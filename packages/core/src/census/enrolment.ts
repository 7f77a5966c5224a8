import * as z from "zod";
import { refusal } from "../_lib/refusal";
import { isParentAway } from "../classification/definitions";
import { validate } from "../errors/validate";
import { text } from "../i18n";
import { ChildFileSchema, type ChildFile, type ChildFileInput } from "../model/child-file";
import { CalendarDateSchema } from "../model/primitives";
import { ageOn } from "../time/calendar-date";
import type { CalendarDate } from "../time/types";

/**
 * A pupil who dropped out, with the day if the file records it.
 * @category Census
 */
export interface Dropout {
  readonly childId: string;
  readonly since: CalendarDate | null;
}

/**
 * Result of {@link enrolmentStatistics}. Rates are `null` when their denominator is zero.
 * @category Census
 */
export interface EnrolmentStatistics {
  readonly from: CalendarDate;
  readonly asOf: CalendarDate;
  /** Left-behind children of compulsory-school age, or in grades 1–9 (the denominator pool). */
  readonly children: number;
  readonly enrolled: number;
  readonly droppedOut: number;
  readonly notEnrolled: number;
  /** Transferred away or graduated: no longer this school's to keep, left out of both rates. */
  readonly left: number;
  /** 入学率: enrolled ÷ (enrolled + dropped out + never enrolled). */
  readonly enrolmentRate: number | null;
  /** 巩固率: pupils of `from` still in school ÷ pupils of `from`. */
  readonly retentionRate: number | null;
  /** Dropouts since `from` (and those with no date on file), by id. */
  readonly dropouts: readonly Dropout[];
}

const InputSchema = z
  .object({
    files: z.array(ChildFileSchema),
    from: CalendarDateSchema,
    asOf: CalendarDateSchema,
    /** Ages of compulsory schooling; default 6–15 (a library default: provinces differ). */
    schoolAge: z
      .object({ from: z.number().int().min(3).max(20), to: z.number().int().min(3).max(20) })
      .refine(
        (a) => a.from <= a.to,
        refusal("学龄的起始年龄不能大于结束年龄", "schoolAge.from must not be above schoolAge.to", [
          "to",
        ]),
      )
      .default({ from: 6, to: 15 }),
  })
  .refine(
    (o) => o.from <= o.asOf,
    refusal("起始日期不能晚于统计日期", "from must not be after asOf", ["from"]),
  );

/**
 * Enrolment and retention of left-behind children (入学率、巩固率) and the dropouts by name: the
 * targets “确保留守儿童入学率、巩固率均达到100%” (county summary, L309) and “没有让一个留守儿童出现辍学
 * 退学的现象” (class-teacher summary, L293). A child counts when a parent is away on `asOf` and
 * the child is of compulsory-school age or in grades 1–9. The retention base is every pupil
 * enrolled on `from`: those enrolled now, and those who dropped out after `from` (a dropout
 * with no date counts as after, so it is never hidden).
 * @param input - `files`, the start of the period `from` (e.g. the school year's first day), `asOf`, and `schoolAge`.
 * @returns Counts, both rates and the dropouts.
 * @throws ValidationError on malformed files or dates.
 * @example
 * enrolmentStatistics({ files, from: "2026-09-01", asOf: "2027-01-20" }).retentionRate //=> 0.98
 * @category Census
 */
export function enrolmentStatistics(input: {
  files: readonly (ChildFileInput | ChildFile)[];
  from: CalendarDate;
  asOf: CalendarDate;
  schoolAge?: { from: number; to: number };
}): EnrolmentStatistics {
  const o = validate(InputSchema, input, {
    subject: text("入学与巩固统计", "enrolment statistics"),
  });
  let children = 0;
  let enrolled = 0;
  let droppedOut = 0;
  let notEnrolled = 0;
  let left = 0;
  const dropouts: Dropout[] = [];
  for (const f of o.files) {
    if (!f.parents.some((p) => isParentAway(p, o.asOf))) continue;
    const age = ageOn(f.child.birthDate, o.asOf);
    const { status, since } = f.child.schooling;
    const inGrades = f.child.grade !== undefined && f.child.grade <= 9;
    const schoolAge = age >= o.schoolAge.from && age <= o.schoolAge.to;
    if (!schoolAge && !(inGrades && (status === "enrolled" || status === "dropped-out"))) continue;
    children++;
    if (status === "enrolled") enrolled++;
    else if (status === "dropped-out") {
      droppedOut++;
      if (since === undefined || since > o.from)
        dropouts.push({ childId: f.id, since: since ?? null });
    } else if (status === "not-enrolled") notEnrolled++;
    else left++;
  }
  const pool = enrolled + droppedOut + notEnrolled;
  const base = enrolled + dropouts.length;
  return {
    from: o.from,
    asOf: o.asOf,
    children,
    enrolled,
    droppedOut,
    notEnrolled,
    left,
    enrolmentRate: pool === 0 ? null : enrolled / pool,
    retentionRate: base === 0 ? null : enrolled / base,
    dropouts,
  };
}
