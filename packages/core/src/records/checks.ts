import * as z from "zod";
import { validate } from "../errors/validate";
import { text } from "../i18n";
import { ChildFileSchema, type ChildFile, type ChildFileInput } from "../model/child-file";
import { PairingSchema, type Pairing } from "../model/mentor";
import { CalendarDateSchema, IdSchema, InstantSchema, TimeZoneSchema } from "../model/primitives";
import { dayNumber } from "../time/calendar-date";
import type { CalendarDate, Instant, TimeZone } from "../time/types";
import { dateInZone } from "../time/zone";
import {
  ContactCardSchema,
  EmergencyPlanSchema,
  GrowthDiaryEntrySchema,
  GuardianTrainingSchema,
  SafetyLetterSchema,
  type ContactCardInput,
  type EmergencyPlan,
  type GrowthDiaryEntry,
  type GuardianTrainingInput,
  type SafetyLetter,
} from "./schema";

const files = z.array(ChildFileSchema);

/**
 * Result of {@link checkContactCards}.
 * @category Records
 */
export interface ContactCardCheck {
  /** Children with no card in force on `asOf`. */
  readonly missing: readonly string[];
  /** Cards in force that name a guardian no longer on the child's file. */
  readonly stale: readonly { readonly childId: string; readonly cardId: string }[];
}

/**
 * Checks that each child has a contact card (联系卡) between class teacher and guardian in force
 * on `asOf` (“学校建立班主任、监护人联系卡” (class-teacher summary, L86)), and that it names a
 * guardian still on the file.
 * @param input - The child `files`, the `cards` and `asOf`.
 * @returns The children without a card and the stale cards.
 * @throws ValidationError on malformed files or cards.
 * @example
 * checkContactCards({ files, cards, asOf: "2026-09-30" }).missing //=> ["c7"]
 * @category Records
 */
export function checkContactCards(input: {
  files: readonly (ChildFileInput | ChildFile)[];
  cards: readonly ContactCardInput[];
  asOf: CalendarDate;
}): ContactCardCheck {
  const subject = text("联系卡检查", "contact card check");
  const o = validate(
    z.object({ files, cards: z.array(ContactCardSchema), asOf: CalendarDateSchema }),
    input,
    { subject },
  );
  const missing: string[] = [];
  const stale: { childId: string; cardId: string }[] = [];
  for (const f of o.files) {
    const inForce = o.cards.filter(
      (c) =>
        c.childId === f.id &&
        c.issuedOn <= o.asOf &&
        (c.withdrawnOn === undefined || c.withdrawnOn > o.asOf),
    );
    if (inForce.length === 0) missing.push(f.id);
    for (const c of inForce) {
      if (!f.guardians.some((g) => g.id === c.guardianId))
        stale.push({ childId: f.id, cardId: c.id });
    }
  }
  return { missing, stale };
}

/**
 * Records entered late: written down more than `maxDays` days after the event (及时填写走访记录,
 * community summary, L67, names no number: 3 days is a library default), and records with no
 * `recordedAt` (which cannot be judged). Works for contact records and incidents alike.
 * @param records - Anything with `id`, `at` and an optional `recordedAt`.
 * @param options - `maxDays` (default 3) and the `timeZone` of the days (default `Asia/Shanghai`).
 * @returns The late ones with their delay in days, and the ids without a recorded time.
 * @throws ValidationError on malformed instants or options.
 * @example
 * lateEntries([{ id: "r1", at: "2026-03-02T10:00:00+08:00", recordedAt: "2026-03-09T20:00:00+08:00" }]).late
 * //=> [{ id: "r1", days: 7 }]
 * @category Records
 */
export function lateEntries(
  records: readonly {
    id: string;
    at: Instant | string;
    recordedAt?: Instant | string | undefined;
  }[],
  options: { maxDays?: number; timeZone?: TimeZone } = {},
): { late: { id: string; days: number }[]; undated: string[] } {
  const subject = text("记录及时性", "timely entry");
  const list = validate(
    z.array(
      z.object({ id: IdSchema, at: InstantSchema, recordedAt: InstantSchema.optional() }).loose(),
    ),
    records,
    { subject, path: ["records"] },
  );
  const o = validate(
    z.object({
      maxDays: z.number().int().min(0).max(365).default(3),
      timeZone: TimeZoneSchema.default("Asia/Shanghai"),
    }),
    options,
    { subject },
  );
  const late: { id: string; days: number }[] = [];
  const undated: string[] = [];
  for (const r of list) {
    if (r.recordedAt === undefined) {
      undated.push(r.id);
      continue;
    }
    const days =
      dayNumber(dateInZone(r.recordedAt, o.timeZone)) - dayNumber(dateInZone(r.at, o.timeZone));
    if (days > o.maxDays) late.push({ id: r.id, days });
  }
  return { late, undated };
}

/**
 * The growth diary (成长日记) of each pairing over a period: how many entries its mentor wrote
 * for the child, and the pairings with none. Five summaries keep one, e.g. “建立了教职工关爱留守
 * 儿童的成长日记” (school summary, L166).
 * @param input - The active `pairings`, the `diary` entries and the `period`.
 * @returns One row per pairing active in the period, and the ids of those without an entry.
 * @throws ValidationError on malformed input.
 * @example
 * diaryCoverage({ pairings, diary, period: { from: "2026-03-01", to: "2026-06-30" } }).without //=> ["p3"]
 * @category Records
 */
export function diaryCoverage(input: {
  pairings: readonly Pairing[];
  diary: readonly GrowthDiaryEntry[];
  period: { from: CalendarDate; to: CalendarDate };
}): { rows: { pairingId: string; entries: number }[]; without: string[] } {
  const o = validate(
    z.object({
      pairings: z.array(PairingSchema),
      diary: z.array(GrowthDiaryEntrySchema),
      period: z.object({ from: CalendarDateSchema, to: CalendarDateSchema }),
    }),
    input,
    { subject: text("成长日记", "growth diary") },
  );
  const { from, to } = o.period;
  const rows = o.pairings
    .filter((p) => p.start <= to && (p.end === undefined || p.end >= from))
    .map((p) => ({
      pairingId: p.id,
      entries: o.diary.filter(
        (e) =>
          e.childId === p.childId &&
          e.mentorId === p.mentorId &&
          e.date >= (p.start > from ? p.start : from) &&
          e.date <= (p.end !== undefined && p.end < to ? p.end : to),
      ).length,
    }));
  return { rows, without: rows.filter((r) => r.entries === 0).map((r) => r.pairingId) };
}

/**
 * Result of {@link checkSafetyDocuments}.
 * @category Records
 */
export interface SafetyDocumentsCheck {
  /** The emergency plan in force, if any (the latest adopted on or before `asOf`). */
  readonly plan: EmergencyPlan | null;
  /** Sides the plan has no contact for, of school, guardian and government. */
  readonly planMissingSides: readonly ("school" | "guardian" | "government")[];
  readonly schoolLetter: SafetyLetter | null;
  /** Classes of the children with no class letter this year. */
  readonly classesWithout: readonly string[];
  /** Children with no family letter this year. */
  readonly childrenWithout: readonly string[];
}

/**
 * Checks a school's emergency plan and its safety responsibility letters for a year, signed
 * level by level: “学校建立了留守儿童、学校、家长(监护人)、政府之间完备的联系方式和突发事件的应急机制。
 * 层层签订了安全责任书” (school summary, L170).
 * @param input - The `schoolId`, its children's `files`, the `plans` and `letters`, the `year` and `asOf`.
 * @returns The plan in force and its missing sides, and who has no letter.
 * @throws ValidationError on malformed input.
 * @example
 * checkSafetyDocuments({ schoolId: "s1", files, plans, letters, year: 2026, asOf: "2026-09-30" }).childrenWithout //=> []
 * @category Records
 */
export function checkSafetyDocuments(input: {
  schoolId: string;
  files: readonly (ChildFileInput | ChildFile)[];
  plans: readonly EmergencyPlan[];
  letters: readonly SafetyLetter[];
  year: number;
  asOf: CalendarDate;
}): SafetyDocumentsCheck {
  const o = validate(
    z.object({
      schoolId: IdSchema,
      files,
      plans: z.array(EmergencyPlanSchema),
      letters: z.array(SafetyLetterSchema),
      year: z.number().int().min(2000).max(2100),
      asOf: CalendarDateSchema,
    }),
    input,
    { subject: text("安全责任书与应急预案", "safety letters and emergency plan") },
  );
  const plan =
    o.plans
      .filter((p) => p.schoolId === o.schoolId && p.adoptedOn <= o.asOf)
      .sort((a, b) => (a.adoptedOn < b.adoptedOn ? 1 : -1))[0] ?? null;
  const sides = (["school", "guardian", "government"] as const).filter(
    (s) => !plan?.contacts.some((c) => c.side === s),
  );
  const letters = o.letters.filter(
    (l) => l.schoolId === o.schoolId && l.year === o.year && l.signedOn <= o.asOf,
  );
  const classes = [...new Set(o.files.map((f) => f.child.classId).filter((k) => k !== undefined))];
  return {
    plan,
    planMissingSides: sides,
    schoolLetter: letters.find((l) => l.level === "school") ?? null,
    classesWithout: classes.filter(
      (k) => !letters.some((l) => l.level === "class" && l.classId === k),
    ),
    childrenWithout: o.files
      .filter((f) => !letters.some((l) => l.level === "family" && l.childId === f.id))
      .map((f) => f.id),
  };
}

/**
 * The primary guardians of the children, trained or guided in a period, and those not yet:
 * “加强了委托监护人的培训教育” (school summary, L177), “对老年监护人（如儿童的爷爷奶奶、外公外婆
 * 等）给予一定的指导” (street summary, L79).
 * @param input - The child `files`, the `trainings` and the `period`.
 * @returns Guardian ids trained and not trained (a guardian of several children counts once).
 * @throws ValidationError on malformed input.
 * @example
 * guardianTrainingCoverage({ files, trainings, period: { from: "2026-01-01", to: "2026-12-31" } }).untrained //=> ["g7"]
 * @category Records
 */
export function guardianTrainingCoverage(input: {
  files: readonly (ChildFileInput | ChildFile)[];
  trainings: readonly GuardianTrainingInput[];
  period: { from: CalendarDate; to: CalendarDate };
}): { trained: string[]; untrained: string[]; rate: number | null } {
  const o = validate(
    z.object({
      files,
      trainings: z.array(GuardianTrainingSchema),
      period: z.object({ from: CalendarDateSchema, to: CalendarDateSchema }),
    }),
    input,
    { subject: text("监护人培训", "guardian training") },
  );
  const guardians = [
    ...new Set(o.files.flatMap((f) => f.guardians.filter((g) => g.primary).map((g) => g.id))),
  ];
  const seen = new Set(
    o.trainings
      .filter((t) => t.date >= o.period.from && t.date <= o.period.to)
      .flatMap((t) => t.guardianIds),
  );
  const trained = guardians.filter((g) => seen.has(g));
  return {
    trained,
    untrained: guardians.filter((g) => !seen.has(g)),
    rate: guardians.length === 0 ? null : trained.length / guardians.length,
  };
}
