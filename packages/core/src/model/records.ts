import * as z from "zod";
import { FieldClass } from "../privacy/field-class";
import {
  MAX_ADDRESS_LENGTH,
  MAX_ID_LENGTH,
  MAX_IDS_PER_RECORD,
  MAX_ITEMS,
  MAX_RESPONSES,
  MAX_SHORT_TEXT_LENGTH,
  MAX_TEXT_LENGTH,
  MAX_TITLE_LENGTH,
} from "./limits";
import { IssueCode } from "../errors/codes";
import { repeats } from "../errors/duplicates";
import { addIssue } from "../errors/issues";
import { invalidArgument } from "../errors/validate";
import { text } from "../i18n";
import { instantMsOrNaN } from "../time/instant-ms";
import { isInstant } from "../time/zone";
import {
  CalendarDateSchema,
  FenSchema,
  IdSchema,
  InstantSchema,
  RegionCodeSchema,
} from "./primitives";

/**
 * Kinds of contact with a child or family: home visit (家访), call with the migrant parents,
 * call with the guardian, family call (亲情电话), video call, heart-to-heart talk (谈心),
 * tutoring (学习辅导), symposium (座谈会), health check (体检), birthday, activity, letter.
 * @category Model
 */
export const ContactKindSchema = z.enum([
  "home-visit",
  "parent-call",
  "guardian-call",
  "family-call",
  "video-call",
  "talk",
  "tutoring",
  "symposium",
  "health-check",
  "birthday",
  "activity",
  "letter",
]);
/** @category Model */
export type ContactKind = z.infer<typeof ContactKindSchema>;

/**
 * Who initiated a contact: a mentor, the school, a parent (a parent's own call counts for the
 * Art. 23 weekly contact), the guardian or the child.
 * @category Model
 */
export const InitiatorSchema = z.enum(["mentor", "school", "parent", "guardian", "child"]);
/** @category Model */
export type Initiator = z.infer<typeof InitiatorSchema>;

/**
 * A contact record (走访记录 / 家访记录). One record may name several children (a symposium, a
 * group talk); it then counts for each.
 * @category Model
 */
export const ContactRecordSchema = z
  .object({
    id: IdSchema,
    kind: ContactKindSchema,
    at: InstantSchema,
    childIds: z.array(IdSchema).min(1).max(MAX_IDS_PER_RECORD),
    mentorId: IdSchema.optional(),
    parentId: IdSchema.optional(),
    initiator: InitiatorSchema.default("mentor"),
    durationMinutes: z.number().int().positive().optional(),
    place: z.string().max(MAX_ADDRESS_LENGTH).optional(),
    summary: z.string().max(MAX_TEXT_LENGTH).optional(),
    followUp: z.string().max(MAX_TEXT_LENGTH).optional(),
    /** When the record was written down (及时填写): checked against `at` by `lateEntries`. */
    recordedAt: InstantSchema.optional(),
    /** The children's home or activity room used (its phone for a family call). */
    resourceId: IdSchema.optional(),
  })
  .superRefine((r, ctx) => {
    for (const { index, key } of repeats(r.childIds, (id) => id)) {
      addIssue(
        ctx,
        IssueCode.DUPLICATE_ID,
        text(`儿童 ${key} 重复列出`, `child ${key} is listed twice`),
        { path: ["childIds", index], input: key },
      );
    }
  });
/** @category Model */
export type ContactRecord = z.infer<typeof ContactRecordSchema>;
/** @category Model */
export type ContactRecordInput = z.input<typeof ContactRecordSchema>;

/**
 * One answer in an assessment: yes/no, a number, a choice, several choices, a date or text.
 * @category Model
 */
export const AnswerSchema = z.union([
  z.boolean(),
  z.number(),
  z.string(),
  z.array(z.string()),
  z.null(),
]);
/** @category Model */
export type Answer = z.infer<typeof AnswerSchema>;

/**
 * Who answered an assessment.
 * @category Model
 */
export const InformantSchema = z.enum([
  "teacher",
  "guardian",
  "parent",
  "child",
  "counsellor",
  "other",
]);
/** @category Model */
export type Informant = z.infer<typeof InformantSchema>;

/**
 * A completed assessment: the answers given to one version of one checklist.
 * @category Model
 */
export const AssessmentSchema = z.object({
  id: IdSchema,
  childId: IdSchema,
  checklistId: IdSchema,
  checklistVersion: z.string().min(1).max(MAX_SHORT_TEXT_LENGTH),
  takenAt: InstantSchema,
  informant: InformantSchema,
  assessorId: IdSchema.optional(),
  responses: z
    .record(z.string().max(MAX_ID_LENGTH), AnswerSchema)
    .superRefine((r, ctx) => {
      const n = Object.keys(r).length;
      if (n > MAX_RESPONSES) {
        addIssue(
          ctx,
          "too_big",
          text(
            `答案不能超过 ${MAX_RESPONSES} 项（上限 ${MAX_RESPONSES}，收到 ${n} 项）`,
            `must have at most ${MAX_RESPONSES} answers (limit ${MAX_RESPONSES}, got ${n})`,
          ),
        );
      }
    })
    // Answers about the child's mind, health, family and safety: sensitive as a whole.
    .meta({ fieldClass: FieldClass.SENSITIVE }),
});
/** @category Model */
export type Assessment = z.infer<typeof AssessmentSchema>;
/** {@link Assessment} as a host supplies it: plain strings or `Date`s for dates, numbers allowed for ids, defaults not yet applied. @category Model */
export type AssessmentInput = z.input<typeof AssessmentSchema>;

/**
 * Status of a micro-wish: submitted → approved → claimed → fulfilled → thanked, or cancelled.
 * @category Model
 */
export const WishStatusSchema = z.enum([
  "submitted",
  "approved",
  "claimed",
  "fulfilled",
  "thanked",
  "cancelled",
]);
/** @category Model */
export type WishStatus = z.infer<typeof WishStatusSchema>;

/**
 * A donor: a person, a company or an organisation.
 * @category Model
 */
export const DonorSchema = z.object({
  name: z.string().min(1).max(MAX_SHORT_TEXT_LENGTH),
  kind: z.enum(["person", "company", "organisation", "government"]).default("person"),
  contact: z
    .string()
    .max(MAX_SHORT_TEXT_LENGTH)
    .meta({ fieldClass: FieldClass.IDENTIFYING })
    .optional(),
});
/** @category Model */
export type Donor = z.infer<typeof DonorSchema>;
/** {@link Donor} as a host supplies it: plain strings or `Date`s for dates, numbers allowed for ids, defaults not yet applied. @category Model */
export type DonorInput = z.input<typeof DonorSchema>;

/**
 * A micro-wish (微心愿): a child's small wish, claimed and fulfilled by a donor.
 * @category Model
 */
export const MicroWishSchema = z.object({
  id: IdSchema,
  childId: IdSchema,
  title: z.string().min(1).max(MAX_TITLE_LENGTH),
  description: z.string().max(MAX_TEXT_LENGTH).optional(),
  costFen: FenSchema.optional(),
  status: WishStatusSchema,
  donor: DonorSchema.optional(),
  /** Every status change, oldest first. */
  history: z
    .array(
      z.object({
        status: WishStatusSchema,
        at: InstantSchema,
        actorId: IdSchema.optional(),
        note: z.string().max(MAX_TEXT_LENGTH).optional(),
      }),
    )
    .max(MAX_ITEMS)
    .default([]),
});
/** @category Model */
export type MicroWish = z.infer<typeof MicroWishSchema>;
/** {@link MicroWish} as a host supplies it: plain strings or `Date`s for dates, numbers allowed for ids, defaults not yet applied. @category Model */
export type MicroWishInput = z.input<typeof MicroWishSchema>;

/**
 * Kinds of care activities, and of the school's own work that policies count: a class's weekly
 * activity (班队活动) and law lesson (法制课), the weekly check of the record books (周检查), the
 * appraisal of teachers (月考核) and of schools (考评), and the term's work summary (工作总结).
 * @category Model
 */
export const ActivityKindSchema = z.enum([
  "theme-class-meeting",
  "festival",
  "birthday-party",
  "family-call",
  "letter-to-parents",
  "mental-health-lesson",
  "symposium",
  "outing",
  "other",
  "class-activity",
  "law-lesson",
  "record-book-check",
  "teacher-appraisal",
  "school-appraisal",
  "work-summary",
]);
/** @category Model */
export type ActivityKind = z.infer<typeof ActivityKindSchema>;

/**
 * An activity (New Year, Children's Day, Mid-Autumn, Double Ninth, a birthday party…).
 * @category Model
 */
export const ActivitySchema = z.object({
  id: IdSchema,
  kind: ActivityKindSchema,
  title: z.string().min(1).max(MAX_TITLE_LENGTH),
  date: CalendarDateSchema,
  festival: z
    .enum([
      "new-year",
      "spring-festival",
      "childrens-day",
      "mid-autumn",
      "double-ninth",
      "national-day",
      "other",
    ])
    .optional(),
  schoolId: IdSchema.optional(),
  /** The class that held it, for a class's own activity (a theme meeting, a law lesson). */
  classId: IdSchema.optional(),
  /** The children's home or activity room where it took place. */
  resourceId: IdSchema.optional(),
  regionCode: RegionCodeSchema.optional(),
  childIds: z.array(IdSchema).max(MAX_IDS_PER_RECORD).default([]),
  mentorIds: z.array(IdSchema).max(MAX_IDS_PER_RECORD).default([]),
  notes: z.string().max(MAX_TEXT_LENGTH).optional(),
});
/** @category Model */
export type Activity = z.infer<typeof ActivitySchema>;
/** {@link Activity} as a host supplies it: plain strings or `Date`s for dates, numbers allowed for ids, defaults not yet applied. @category Model */
export type ActivityInput = z.input<typeof ActivitySchema>;

/**
 * One item of donated goods.
 * @category Model
 */
export const GoodsItemSchema = z.object({
  item: z.string().min(1).max(MAX_SHORT_TEXT_LENGTH),
  quantity: z.number().int().positive(),
  /** Value of all units together, in fen. */
  valueFen: FenSchema.optional(),
});
/** @category Model */
export type GoodsItem = z.infer<typeof GoodsItemSchema>;
/** {@link GoodsItem} as a host supplies it: plain strings or `Date`s for dates, numbers allowed for ids, defaults not yet applied. @category Model */
export type GoodsItemInput = z.input<typeof GoodsItemSchema>;

/**
 * Aid: a donation, a subsidy (两免一补) or hardship relief (济难救助), in money (integer fen)
 * or goods.
 * @category Model
 */
export const AidSchema = z
  .object({
    id: IdSchema,
    kind: z.enum(["donation", "subsidy", "hardship-relief"]),
    form: z.enum(["money", "goods"]),
    amountFen: FenSchema.meta({ fieldClass: FieldClass.FINANCIAL }).optional(),
    goods: z.array(GoodsItemSchema).max(MAX_ITEMS).default([]),
    donor: DonorSchema.optional(),
    date: CalendarDateSchema,
    childIds: z.array(IdSchema).max(MAX_IDS_PER_RECORD).default([]),
    schoolId: IdSchema.optional(),
    notes: z.string().max(MAX_TEXT_LENGTH).optional(),
  })
  .superRefine((a, ctx) => {
    if (a.form === "money" && a.amountFen === undefined) {
      addIssue(
        ctx,
        IssueCode.MISSING_AMOUNT,
        text("现金资助须填写金额（分）", "money aid needs amountFen"),
        { path: ["amountFen"], input: undefined },
      );
    }
    if (a.form === "goods" && a.goods.length === 0) {
      addIssue(
        ctx,
        IssueCode.MISSING_AMOUNT,
        text("物资资助须列出物品", "goods aid needs at least one item"),
        { path: ["goods"], input: a.goods },
      );
    }
  });
/** @category Model */
export type Aid = z.infer<typeof AidSchema>;
/** {@link Aid} as a host supplies it: plain strings or `Date`s for dates, numbers allowed for ids, defaults not yet applied. @category Model */
export type AidInput = z.input<typeof AidSchema>;

const CONTACT_KINDS: ReadonlySet<string> = new Set(ContactKindSchema.options);
const INITIATORS: ReadonlySet<string> = new Set(InitiatorSchema.options);
const RECORD_KEYS: ReadonlySet<string> = new Set(Object.keys(ContactRecordSchema.shape));

const TEXT_FIELDS = [
  ["place", MAX_ADDRESS_LENGTH],
  ["summary", MAX_TEXT_LENGTH],
  ["followUp", MAX_TEXT_LENGTH],
] as const;

function isId(v: unknown): v is string {
  return typeof v === "string" && v.length >= 1 && v.length <= MAX_ID_LENGTH;
}

function optional(v: unknown, check: (v: unknown) => boolean): boolean {
  return v === undefined || check(v);
}

/**
 * A fast check for the common case when validating millions of contact records: returns the
 * record with its defaults applied when it is plainly well formed (the same rules as
 * {@link ContactRecordSchema}, no unknown keys), or `undefined` when it needs the full schema
 * (which then names what is wrong). It never accepts what the schema would reject.
 * @example
 * quickContactRecord({ id: "r1", kind: "talk", at: "2026-03-01T09:00:00+08:00", childIds: ["c1"] })?.initiator //=> "mentor"
 * quickContactRecord({ id: "r1", kind: "talk", at: "yesterday", childIds: ["c1"] }) //=> undefined
 * @category Model
 */
export function quickContactRecord(raw: unknown): ContactRecord | undefined {
  if (plainContactRecordMs(raw) === undefined) return undefined;
  const r = raw as Record<string, unknown>;
  return (r.initiator === undefined ? { ...r, initiator: "mentor" } : r) as ContactRecord;
}

/** Whether an array of ids has no id twice (small arrays without a `Set`). */
function distinct(ids: readonly unknown[]): boolean {
  if (ids.length > 16) return new Set(ids).size === ids.length;
  for (let i = 1; i < ids.length; i++)
    for (let j = 0; j < i; j++) if (ids[i] === ids[j]) return false;
  return true;
}

/**
 * The check of {@link quickContactRecord} without building the record: the milliseconds of a
 * plainly well-formed record's `at`, or `undefined` when it needs the full schema.
 * @internal
 */
export function plainContactRecordMs(raw: unknown): number | undefined {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return undefined;
  const r = raw as Record<string, unknown>;
  for (const key in r) if (!RECORD_KEYS.has(key)) return undefined;
  const ids = r.childIds;
  if (!isId(r.id) || typeof r.kind !== "string" || !CONTACT_KINDS.has(r.kind)) return undefined;
  if (!Array.isArray(ids) || ids.length === 0) return undefined;
  if (ids.length > MAX_IDS_PER_RECORD || !ids.every(isId) || !distinct(ids)) return undefined;
  if (!optional(r.mentorId, isId) || !optional(r.parentId, isId)) return undefined;
  if (!optional(r.recordedAt, isInstant) || !optional(r.resourceId, isId)) return undefined;
  const initiator = r.initiator;
  if (initiator !== undefined && !(typeof initiator === "string" && INITIATORS.has(initiator)))
    return undefined;
  const minutes = r.durationMinutes;
  if (minutes !== undefined && !(Number.isSafeInteger(minutes) && (minutes as number) > 0))
    return undefined;
  for (let t = 0; t < TEXT_FIELDS.length; t++) {
    const [k, max] = TEXT_FIELDS[t]!;
    const v = r[k];
    if (v !== undefined && !(typeof v === "string" && v.length <= max)) return undefined;
  }
  const ms = instantMsOrNaN(r.at);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * Groups contact records by the children they name (a record naming several children is listed
 * under each), keeping their order. Group once, then hand each child its own records, instead of
 * passing every record for every child.
 * @example
 * const byChild = groupRecordsByChild(records);
 * for (const file of files) checkLegalDuties(file, { asOf, records: byChild.get(file.id) ?? [] });
 * @category Model
 */
export function groupRecordsByChild<R extends { readonly childIds: readonly string[] }>(
  records: readonly R[],
): Map<string, R[]> {
  if (!Array.isArray(records)) {
    throw invalidArgument(
      "records",
      "invalid_type",
      text("应为走访记录数组", "expected an array of contact records"),
      records,
    );
  }
  const byChild = new Map<string, R[]>();
  records.forEach((r, i) => {
    if (!Array.isArray((r as Partial<R> | null)?.childIds)) {
      throw invalidArgument(
        `records[${i}].childIds`,
        "invalid_type",
        text("应为儿童编号数组", "expected an array of child ids"),
        r,
      );
    }
    for (const id of r.childIds) {
      const list = byChild.get(id);
      if (list) list.push(r);
      else byChild.set(id, [r]);
    }
  });
  return byChild;
}
