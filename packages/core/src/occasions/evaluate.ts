import * as z from "zod";
import { PeriodSchema } from "../_lib/period";
import { buildSchoolDayIndex } from "../calendar/school-days";
import {
  SchoolCalendarSchema,
  weekdayOfDay,
  type SchoolCalendar,
  type SchoolCalendarInput,
} from "../calendar/schema";
import { resolveDefinition } from "../classification/classify";
import { isParentAway } from "../classification/definitions";
import { IssueCode } from "../errors/codes";
import { ValidationError } from "../errors/errors";
import { validate } from "../errors/validate";
import { text, type LocalizedText } from "../i18n";
import { ChildFileSchema, type ChildFile, type ChildFileInput } from "../model/child-file";
import {
  MentorSchema,
  PairingSchema,
  type Mentor,
  type MentorInput,
  type Pairing,
} from "../model/mentor";
import { CalendarDateSchema, TimeZoneSchema } from "../model/primitives";
import {
  ActivitySchema,
  ContactRecordSchema,
  type Activity,
  type ContactRecord,
  type ContactRecordInput,
} from "../model/records";
import { ParentNoticeSchema, type ParentNotice, type ParentNoticeInput } from "../records/schema";
import {
  birthdayOfAge,
  dateParts,
  dayNumber,
  fromDayNumber,
  makeDate,
} from "../time/calendar-date";
import type { CalendarDate, TimeZone } from "../time/types";
import { dateInZone } from "../time/zone";
import { OccasionPolicySchema, type OccasionPolicy, type OccasionPolicyInput } from "./schema";

/**
 * An occasion's status: `met`, `missed` (its window closed short), `due` (open, short so far)
 * or `upcoming` (not begun on `asOf`).
 * @category Occasions
 */
export type OccasionStatus = "met" | "missed" | "due" | "upcoming";

/**
 * One subject's occasion: the window, what was required and done, and the ids that counted.
 * @category Occasions
 */
export interface OccasionRow {
  readonly policyId: string;
  readonly level: OccasionPolicy["level"];
  /** The child, class or parent id. */
  readonly subjectId: string;
  /** The child a parent row is about. */
  readonly childId?: string;
  readonly from: CalendarDate;
  readonly to: CalendarDate;
  /** What the window is: a term's name, a holiday's name, "生日" … */
  readonly label: LocalizedText;
  readonly required: number;
  readonly done: number;
  readonly eventIds: readonly string[];
  readonly status: OccasionStatus;
}

const InputSchema = z.object({
  policies: z.array(OccasionPolicySchema),
  children: z.array(ChildFileSchema),
  mentors: z.array(MentorSchema).default([]),
  pairings: z.array(PairingSchema).default([]),
  records: z.array(ContactRecordSchema).default([]),
  activities: z.array(ActivitySchema).default([]),
  notices: z.array(ParentNoticeSchema).default([]),
  calendar: SchoolCalendarSchema.optional(),
  period: PeriodSchema,
  asOf: CalendarDateSchema,
  timeZone: TimeZoneSchema.default("Asia/Shanghai"),
});

interface Window {
  from: number;
  to: number;
  label: LocalizedText;
}

/** An event a subject may count: its day and id. */
interface Event {
  day: number;
  id: string;
}

const needsCalendar = (p: OccasionPolicy) =>
  p.calendar === "school" || ["term", "holidays", "term-start", "term-end"].includes(p.window.type);

/** The windows of a policy overlapping `[a, b]` that do not depend on the subject. */
function sharedWindows(
  p: OccasionPolicy,
  a: number,
  b: number,
  cal: SchoolCalendar | undefined,
): Window[] {
  const out: Window[] = [];
  const w = p.window;
  const term = (t: { name: string; start: CalendarDate; end: CalendarDate }) =>
    text(t.name, t.name);
  switch (w.type) {
    case "week": {
      const index =
        cal && p.calendar === "school" ? buildSchoolDayIndex(cal, a - 7, b + 7) : undefined;
      for (let d = a - (weekdayOfDay(a) - 1); d <= b; d += 7) {
        if (index) {
          let school = false;
          for (let x = d; x < d + 7; x++) if (index.mask[x - index.first]) school = true;
          if (!school) continue;
        }
        out.push({
          from: d,
          to: d + 6,
          label: text(`${fromDayNumber(d)} 当周`, `week of ${fromDayNumber(d)}`),
        });
      }
      break;
    }
    case "month":
    case "year": {
      let { year, month } = dateParts(fromDayNumber(a));
      if (w.type === "year") month = 1;
      for (;;) {
        const from = dayNumber(makeDate(year, month, 1));
        if (from > b) break;
        const next =
          w.type === "year"
            ? dayNumber(makeDate(year + 1, 1, 1))
            : dayNumber(month === 12 ? makeDate(year + 1, 1, 1) : makeDate(year, month + 1, 1));
        out.push({
          from,
          to: next - 1,
          label:
            w.type === "year"
              ? text(`${year}年`, `${year}`)
              : text(`${year}年${month}月`, `${year}-${String(month).padStart(2, "0")}`),
        });
        if (w.type === "year") year++;
        else if (month === 12) (year++, (month = 1));
        else month++;
      }
      break;
    }
    case "term":
      for (const t of cal!.terms)
        out.push({ from: dayNumber(t.start), to: dayNumber(t.end), label: term(t) });
      break;
    case "term-start":
      for (const t of cal!.terms) {
        const s = dayNumber(t.start);
        out.push({
          from: s,
          to: Math.min(s + w.days - 1, dayNumber(t.end)),
          label: text(`${t.name}期初`, `start of ${t.name}`),
        });
      }
      break;
    case "term-end":
      for (const t of cal!.terms) {
        const e = dayNumber(t.end);
        out.push({
          from: Math.max(e - w.days + 1, dayNumber(t.start)),
          to: e,
          label: text(`${t.name}期末`, `end of ${t.name}`),
        });
      }
      break;
    case "holidays":
      for (const h of cal!.holidays) {
        out.push({
          from: dayNumber(h.from),
          to: dayNumber(h.to),
          label: text(h.name, h.nameEn ?? h.name),
        });
      }
      break;
    case "birthday":
      break;
  }
  return out.filter((x) => x.to >= a && x.from <= b).sort((x, y) => x.from - y.from);
}

function birthdayWindows(p: OccasionPolicy, c: ChildFile, a: number, b: number): Window[] {
  if (p.window.type !== "birthday") return [];
  const { daysBefore, daysAfter } = p.window;
  const out: Window[] = [];
  const birth = c.child.birthDate;
  const y0 = dateParts(fromDayNumber(a)).year - dateParts(birth).year - 1;
  const y1 = dateParts(fromDayNumber(b)).year - dateParts(birth).year + 1;
  for (let age = Math.max(1, y0); age <= y1; age++) {
    const d = dayNumber(birthdayOfAge(birth, age));
    const win = {
      from: d - daysBefore,
      to: d + daysAfter,
      label: text(`${age} 岁生日`, `${age}th birthday`),
    };
    if (win.to >= a && win.from <= b) out.push(win);
  }
  return out;
}

/** Whether a parent was at home on at least one day of `[a, b]`. */
function cameHome(parent: ChildFile["parents"][number], a: number, b: number): boolean {
  for (let d = a; d <= b; d++) if (!isParentAway(parent, fromDayNumber(d))) return true;
  return false;
}

/**
 * Evaluates occasion policies (`OCCASION_PRESETS` or a host's own): for every subject — each
 * left-behind child, each class with left-behind children, each migrant parent — and every
 * window overlapping the period, how many contacts, activities or notices counted, and a status.
 * A child counts while left behind under the policy's definition on the window's first day in
 * the period (and, with `pairedWith`, while paired with such a mentor); a class's activities are
 * those with its `classId`; a parent row is met when the
 * parent spent a day at home in the window (up to `asOf`).
 * @param input - The policies, the children, and the `mentors`, `records`, `activities` and
 * `notices` to count; the school `calendar` (needed for terms, holidays and school weeks);
 * `period`, `asOf` and `timeZone`.
 * @returns One row per subject and window, in policy, subject and window order.
 * @throws ValidationError naming the field, and when a policy needs a calendar that is missing.
 * @example
 * evaluateOccasions({ policies: [OCCASION_PRESETS.birthdayWishes], children, records, period, asOf })[0]
 * //=> { policyId: "birthday-wishes", subjectId: "c1", from: "2026-04-28", to: "2026-05-04", status: "met", … }
 * @category Occasions
 */
export function evaluateOccasions(input: {
  policies: readonly (OccasionPolicyInput | OccasionPolicy)[];
  children: readonly (ChildFileInput | ChildFile)[];
  mentors?: readonly (MentorInput | Mentor)[];
  /** Needed by policies with `pairedWith`. */
  pairings?: readonly Pairing[];
  records?: readonly (ContactRecordInput | ContactRecord)[];
  activities?: readonly (z.input<typeof ActivitySchema> | Activity)[];
  notices?: readonly (ParentNoticeInput | ParentNotice)[];
  calendar?: SchoolCalendarInput | SchoolCalendar;
  period: { from: CalendarDate; to: CalendarDate };
  asOf: CalendarDate;
  timeZone?: TimeZone;
}): OccasionRow[] {
  const subject = text("特定时段评估", "occasion evaluation");
  const o = validate(InputSchema, input, { subject });
  o.policies.forEach((p, i) => {
    if (needsCalendar(p) && o.calendar === undefined) {
      throw new ValidationError(
        [
          {
            path: "calendar",
            code: IssueCode.OTHER,
            received: "undefined",
            message: text(
              `字段 calendar：政策 ${p.id}（policies[${i}]）按学期、假期或上学周计算，须提供校历`,
              `calendar: policy ${p.id} (policies[${i}]) follows terms, holidays or school weeks, so a calendar is required`,
            ),
          },
        ],
        { subject },
      );
    }
  });
  const a = dayNumber(o.period.from);
  const b = dayNumber(o.period.to);
  const asOf = dayNumber(o.asOf);
  const kindOf = new Map(o.mentors.map((m) => [m.id, m.kind]));
  const rows: OccasionRow[] = [];

  const status = (w: Window, done: number, min: number): OccasionStatus =>
    done >= min ? "met" : w.from > asOf ? "upcoming" : w.to >= asOf ? "due" : "missed";
  const emit = (
    p: OccasionPolicy,
    subjectId: string,
    w: Window,
    events: Event[],
    childId?: string,
  ) => {
    const hits = events.filter((e) => e.day >= w.from && e.day <= Math.min(w.to, asOf));
    const ids = [...new Set(hits.map((e) => e.id))];
    rows.push({
      policyId: p.id,
      level: p.level,
      subjectId,
      ...(childId !== undefined ? { childId } : {}),
      from: fromDayNumber(w.from),
      to: fromDayNumber(w.to),
      label: w.label,
      required: p.min,
      done: ids.length,
      eventIds: ids,
      status: status(w, ids.length, p.min),
    });
  };

  for (const p of o.policies) {
    const def = resolveDefinition(p.definition);
    const paired = (c: ChildFile, day: CalendarDate) =>
      p.pairedWith === undefined ||
      o.pairings.some(
        (pr) =>
          pr.childId === c.id &&
          pr.start <= day &&
          (pr.end === undefined || pr.end >= day) &&
          p.pairedWith!.includes(kindOf.get(pr.mentorId)!),
      );
    const inScope = (c: ChildFile, w: Window) => {
      const day = fromDayNumber(Math.max(w.from, a));
      return def.classify(c, { asOf: day }).leftBehind && paired(c, day);
    };
    const shared = sharedWindows(p, a, b, o.calendar);
    const c = p.counts;
    const contactOk = (r: ContactRecord, day: number) =>
      c.contactKinds.includes(r.kind) &&
      (!c.initiators || c.initiators.includes(r.initiator)) &&
      (!c.mentorKinds ||
        (r.mentorId !== undefined && c.mentorKinds.includes(kindOf.get(r.mentorId)!))) &&
      (!c.weekendsOnly || weekdayOfDay(day) >= 6);

    if (p.level === "child") {
      for (const child of o.children) {
        const events: Event[] = [];
        for (const r of o.records) {
          if (!r.childIds.includes(child.id)) continue;
          const day = dayNumber(dateInZone(r.at, o.timeZone));
          if (contactOk(r, day)) events.push({ day, id: r.id });
        }
        for (const act of o.activities) {
          if (c.activityKinds.includes(act.kind) && act.childIds.includes(child.id)) {
            events.push({ day: dayNumber(act.date), id: act.id });
          }
        }
        for (const n of o.notices) {
          if (c.noticeKinds.includes(n.kind) && n.childIds.includes(child.id)) {
            events.push({ day: dayNumber(n.date), id: n.id });
          }
        }
        const windows = p.window.type === "birthday" ? birthdayWindows(p, child, a, b) : shared;
        for (const w of windows) if (inScope(child, w)) emit(p, child.id, w, events);
      }
    } else if (p.level === "class") {
      const classIds = [
        ...new Set(
          o.children
            .filter((ch) => ch.child.classId !== undefined && shared.some((w) => inScope(ch, w)))
            .map((ch) => ch.child.classId!),
        ),
      ].sort();
      for (const classId of classIds) {
        const events = o.activities
          .filter((act) => act.classId === classId && c.activityKinds.includes(act.kind))
          .map((act) => ({ day: dayNumber(act.date), id: act.id }));
        for (const w of shared) emit(p, classId, w, events);
      }
    } else {
      for (const child of o.children) {
        for (const parent of child.parents) {
          for (const w of shared) {
            if (!inScope(child, w)) continue;
            const x = Math.max(w.from, a);
            const y = Math.min(w.to, b);
            let away = false;
            for (let d = x; d <= y && !away; d++) away = isParentAway(parent, fromDayNumber(d));
            if (!away) continue;
            const home = x <= Math.min(y, asOf) && cameHome(parent, x, Math.min(y, asOf));
            emit(p, parent.id, w, home ? [{ day: x, id: `${parent.id}:home` }] : [], child.id);
          }
        }
      }
    }
  }
  return rows;
}
