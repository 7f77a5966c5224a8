import * as z from "zod";
import { IssueCode } from "../errors/codes";
import { addIssue } from "../errors/issues";
import { text } from "../i18n";
import { CalendarDateSchema, IdSchema, RegionCodeSchema } from "../model/primitives";
import { dayNumber } from "../time/calendar-date";

/**
 * A school term (学期): first and last day of teaching, inclusive.
 * @example
 * TermSchema.parse({ id: "2026-autumn", name: "2026—2027学年第一学期", start: "2026-09-01", end: "2027-01-22" })
 * @category Calendar
 */
export const TermSchema = z
  .object({
    id: IdSchema,
    /** Name as printed on the school's calendar, usually Chinese. */
    name: z.string().min(1),
    start: CalendarDateSchema,
    end: CalendarDateSchema,
  })
  .superRefine((t, ctx) => {
    if (t.end < t.start) {
      addIssue(
        ctx,
        IssueCode.DATE_ORDER,
        text(
          `学期结束日期 ${t.end} 早于开始日期 ${t.start}`,
          `term end ${t.end} is before its start ${t.start}`,
        ),
        { path: ["end"], input: t.end },
      );
    }
  });
/** @category Calendar */
export type Term = z.infer<typeof TermSchema>;

/**
 * A day off inside or outside a term: a public holiday (National Day, Qingming…), a school's own
 * day off, or a named vacation. `from`/`to` are inclusive.
 * @example
 * HolidaySchema.parse({ name: "清明节", from: "2027-04-03", to: "2027-04-05" }).kind //=> "public-holiday"
 * @category Calendar
 */
export const HolidaySchema = z
  .object({
    name: z.string().min(1),
    /** English name, for bilingual output. */
    nameEn: z.string().min(1).optional(),
    from: CalendarDateSchema,
    to: CalendarDateSchema,
    kind: z.enum(["public-holiday", "school", "vacation"]).default("public-holiday"),
  })
  .superRefine((h, ctx) => {
    if (h.to < h.from) {
      addIssue(
        ctx,
        IssueCode.DATE_ORDER,
        text(
          `假期结束日期 ${h.to} 早于开始日期 ${h.from}`,
          `holiday end ${h.to} is before its start ${h.from}`,
        ),
        { path: ["to"], input: h.to },
      );
    }
  });
/** @category Calendar */
export type Holiday = z.infer<typeof HolidaySchema>;

/**
 * A school calendar (校历), supplied by the host: terms, days off, and make-up school days
 * (调休上课, usually a Saturday or Sunday). A day is a school day when it lies in a term and
 * is a weekday that is not a holiday, or is a make-up day.
 * @example
 * const cal = SchoolCalendarSchema.parse({
 *   id: "demo", name: "示例校历",
 *   terms: [{ id: "t1", name: "第一学期", start: "2026-09-01", end: "2027-01-22" }],
 *   holidays: [{ name: "国庆节", from: "2026-10-01", to: "2026-10-07" }],
 *   makeUpDays: ["2026-10-10"],
 * });
 * @category Calendar
 */
export const SchoolCalendarSchema = z
  .object({
    id: IdSchema,
    name: z.string().min(1),
    /** Province or county the calendar belongs to. */
    regionCode: RegionCodeSchema.optional(),
    /** True for the library's ready examples: a host must replace them with its own province's. */
    example: z.boolean().default(false),
    terms: z.array(TermSchema).min(1),
    holidays: z.array(HolidaySchema).default([]),
    makeUpDays: z.array(CalendarDateSchema).default([]),
    note: z.string().optional(),
  })
  .superRefine((cal, ctx) => {
    const sorted = cal.terms
      .map((t, i) => ({ t, i }))
      .sort((a, b) => (a.t.start < b.t.start ? -1 : 1));
    for (let k = 1; k < sorted.length; k++) {
      const prev = sorted[k - 1]!;
      const cur = sorted[k]!;
      if (cur.t.start <= prev.t.end) {
        addIssue(
          ctx,
          IssueCode.DATE_ORDER,
          text(
            `学期 ${cur.t.id} 与学期 ${prev.t.id} 日期重叠`,
            `term ${cur.t.id} overlaps term ${prev.t.id}`,
          ),
          { path: ["terms", cur.i, "start"], input: cur.t.start },
        );
      }
    }
    const ids = new Set<string>();
    cal.terms.forEach((t, i) => {
      if (ids.has(t.id))
        addIssue(
          ctx,
          IssueCode.DUPLICATE_ID,
          text(`学期编号 ${t.id} 重复`, `term id ${t.id} is used twice`),
          { path: ["terms", i, "id"], input: t.id },
        );
      ids.add(t.id);
    });
    cal.makeUpDays.forEach((d, i) => {
      const inTerm = cal.terms.some((t) => d >= t.start && d <= t.end);
      if (!inTerm) {
        addIssue(
          ctx,
          IssueCode.OTHER,
          text(`调休上课日 ${d} 不在任何学期内`, `make-up school day ${d} is outside every term`),
          { path: ["makeUpDays", i], input: d },
        );
      }
      if (cal.holidays.some((h) => d >= h.from && d <= h.to)) {
        addIssue(
          ctx,
          IssueCode.OTHER,
          text(
            `调休上课日 ${d} 同时被列为假期`,
            `make-up school day ${d} is also listed as a holiday`,
          ),
          { path: ["makeUpDays", i], input: d },
        );
      }
    });
  });
/** A validated school calendar. @category Calendar */
export type SchoolCalendar = z.infer<typeof SchoolCalendarSchema>;
/** A school calendar as a host supplies it (defaults not yet applied). @category Calendar */
export type SchoolCalendarInput = z.input<typeof SchoolCalendarSchema>;

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). @internal */
export function weekdayOfDay(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/**
 * First and last day numbers a calendar covers: its terms and the holidays it lists (a listed
 * summer vacation after the last term is covered, its days are known to be no school days).
 * @internal
 */
export function calendarSpan(cal: SchoolCalendar): { first: number; last: number } {
  let first = Infinity;
  let last = -Infinity;
  for (const t of cal.terms) {
    first = Math.min(first, dayNumber(t.start));
    last = Math.max(last, dayNumber(t.end));
  }
  for (const h of cal.holidays) {
    first = Math.min(first, dayNumber(h.from));
    last = Math.max(last, dayNumber(h.to));
  }
  return { first, last };
}
