import * as z from "zod";
import {
  MAX_IDS_PER_RECORD,
  MAX_SHORT_TEXT_LENGTH,
  MAX_TEXT_LENGTH,
  MAX_TITLE_LENGTH,
} from "../model/limits";
import { CalendarDateSchema, IdSchema, InstantSchema } from "../model/primitives";

/**
 * An entry of the growth diary (成长日记) a teacher keeps for a child.
 * @example
 * GrowthDiaryEntrySchema.parse({ id: "d1", childId: "c1", mentorId: "t1", date: "2026-03-12", text: "今天主动发言" }).date //=> "2026-03-12"
 * @category Records
 */
export const GrowthDiaryEntrySchema = z.object({
  id: IdSchema,
  childId: IdSchema,
  mentorId: IdSchema,
  date: CalendarDateSchema,
  text: z.string().min(1).max(MAX_TEXT_LENGTH),
});
/** @category Records */
export type GrowthDiaryEntry = z.infer<typeof GrowthDiaryEntrySchema>;

/**
 * The contact card (联系卡) between the class teacher and the guardian: who to call on each side,
 * issued on a date, replaced when a side changes.
 * @example
 * ContactCardSchema.parse({ id: "k1", childId: "c1", classTeacherId: "t1", guardianId: "g1", issuedOn: "2026-03-02" }).parentIds //=> []
 * @category Records
 */
export const ContactCardSchema = z.object({
  id: IdSchema,
  childId: IdSchema,
  classTeacherId: IdSchema,
  guardianId: IdSchema,
  parentIds: z.array(IdSchema).max(2).default([]),
  issuedOn: CalendarDateSchema,
  /** The day it was replaced or withdrawn. */
  withdrawnOn: CalendarDateSchema.optional(),
});
/** @category Records */
export type ContactCard = z.infer<typeof ContactCardSchema>;
/** @category Records */
export type ContactCardInput = z.input<typeof ContactCardSchema>;

/**
 * A safety responsibility letter (安全责任书), signed level by level (层层签订): the school with
 * the bureau, the class teacher with the school, the family with the class teacher.
 * @example
 * SafetyLetterSchema.parse({ id: "l1", schoolId: "s1", level: "family", childId: "c1", signedOn: "2026-03-05", year: 2026 }).level //=> "family"
 * @category Records
 */
export const SafetyLetterSchema = z.object({
  id: IdSchema,
  schoolId: IdSchema,
  level: z.enum(["school", "class", "family"]),
  /** The child of a family letter. */
  childId: IdSchema.optional(),
  /** The class of a class letter. */
  classId: IdSchema.optional(),
  signedOn: CalendarDateSchema,
  year: z.number().int().min(2000).max(2100),
});
/** @category Records */
export type SafetyLetter = z.infer<typeof SafetyLetterSchema>;

/**
 * A school's emergency plan (突发事件的应急机制): the contacts between child, school, guardian
 * and government, adopted on a date.
 * @example
 * EmergencyPlanSchema.parse({ id: "e1", schoolId: "s1", adoptedOn: "2026-02-20", contacts: [{ side: "government", name: "镇政府值班室", phone: "0730-1234567" }] }).contacts.length //=> 1
 * @category Records
 */
export const EmergencyPlanSchema = z.object({
  id: IdSchema,
  schoolId: IdSchema,
  adoptedOn: CalendarDateSchema,
  contacts: z
    .array(
      z.object({
        side: z.enum(["school", "guardian", "government", "police", "hospital"]),
        name: z.string().min(1).max(MAX_SHORT_TEXT_LENGTH),
        phone: z.string().min(3).max(32),
      }),
    )
    .min(1)
    .max(100),
});
/** @category Records */
export type EmergencyPlan = z.infer<typeof EmergencyPlanSchema>;

/**
 * An incident handled under the emergency plan: what happened to whom, when, and when it was
 * recorded and closed.
 * @example
 * IncidentSchema.parse({ id: "i1", childId: "c1", kind: "illness", at: "2026-04-02T10:00:00+08:00", planId: "e1" }).kind //=> "illness"
 * @category Records
 */
export const IncidentSchema = z.object({
  id: IdSchema,
  childId: IdSchema,
  kind: z.enum(["illness", "injury", "missing", "violence", "other"]),
  at: InstantSchema,
  planId: IdSchema,
  handledBy: IdSchema.optional(),
  recordedAt: InstantSchema.optional(),
  closedOn: CalendarDateSchema.optional(),
  notes: z.string().max(MAX_TEXT_LENGTH).optional(),
});
/** @category Records */
export type Incident = z.infer<typeof IncidentSchema>;

/**
 * A training or guidance session for guardians (委托监护人的培训教育; 对老年监护人给予指导).
 * @example
 * GuardianTrainingSchema.parse({ id: "g1", date: "2026-04-10", topic: "如何管教孩子", guardianIds: ["gd1"] }).form //=> "session"
 * @category Records
 */
export const GuardianTrainingSchema = z.object({
  id: IdSchema,
  date: CalendarDateSchema,
  topic: z.string().min(1).max(MAX_TITLE_LENGTH),
  form: z.enum(["session", "home-guidance"]).default("session"),
  guardianIds: z.array(IdSchema).min(1).max(MAX_IDS_PER_RECORD),
  schoolId: IdSchema.optional(),
});
/** @category Records */
export type GuardianTraining = z.infer<typeof GuardianTrainingSchema>;
/** @category Records */
export type GuardianTrainingInput = z.input<typeof GuardianTrainingSchema>;

/**
 * A notice to a child's parents: the letter at the start or end of a term (《致家长的一封信》),
 * or the times they can call the child (告知对方可以与孩子通电话的具体时间).
 * @example
 * ParentNoticeSchema.parse({ id: "n1", kind: "call-times", date: "2026-03-05", childIds: ["c1"] }).kind //=> "call-times"
 * @category Records
 */
export const ParentNoticeSchema = z.object({
  id: IdSchema,
  kind: z.enum(["letter-to-parents", "call-times"]),
  date: CalendarDateSchema,
  childIds: z.array(IdSchema).min(1).max(MAX_IDS_PER_RECORD),
  schoolId: IdSchema.optional(),
});
/** @category Records */
export type ParentNotice = z.infer<typeof ParentNoticeSchema>;
/** @category Records */
export type ParentNoticeInput = z.input<typeof ParentNoticeSchema>;
