import * as z from "zod";
import { IssueCode } from "../errors/codes";
import { addIssue } from "../errors/issues";
import { text } from "../i18n/locale";
import { MAX_ITEMS, MAX_NAME_LENGTH } from "./limits";
import {
  CalendarDateSchema,
  GenderSchema,
  IdSchema,
  MobileSchema,
  RegionCodeSchema,
} from "./primitives";

/**
 * Kinds of people who can be paired with a child: teacher mentors (class teacher 班主任,
 * subject teacher 科任老师), volunteers (caring mother 爱心妈妈, counsellor 爱心辅导员),
 * village and township staff (child director 儿童主任, child supervisor 儿童督导员), a peer
 * buddy (手拉手好朋友, a pupil), or other.
 * @category Model
 */
export const MentorKindSchema = z.enum([
  "class-teacher",
  "subject-teacher",
  "caring-mother",
  "counsellor",
  "child-director",
  "child-supervisor",
  "peer-buddy",
  "other",
]);
/** @category Model */
export type MentorKind = z.infer<typeof MentorKindSchema>;

/**
 * Coordinates in decimal degrees (WGS 84).
 * @category Model
 */
export const GeoPointSchema = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
});
/** @category Model */
export type GeoPoint = z.infer<typeof GeoPointSchema>;

/**
 * A mentor: anyone who can be paired with a child. Capacity and availability override the
 * defaults of the pairing rules.
 * @category Model
 */
export const MentorSchema = z
  .object({
    id: IdSchema,
    kind: MentorKindSchema,
    name: z.string().min(1).max(MAX_NAME_LENGTH),
    gender: GenderSchema.optional(),
    schoolId: IdSchema.optional(),
    /** Classes the mentor teaches (a class teacher's own class first). */
    classIds: z.array(IdSchema).max(MAX_ITEMS).default([]),
    regionCode: RegionCodeSchema.optional(),
    location: GeoPointSchema.optional(),
    phone: MobileSchema.optional(),
    /** Overrides the rule set's capacity for this mentor's kind. */
    capacity: z
      .object({
        min: z.number().int().nonnegative().optional(),
        max: z.number().int().nonnegative().optional(),
      })
      .optional(),
    availableFrom: CalendarDateSchema.optional(),
    availableTo: CalendarDateSchema.optional(),
    /** Years of experience in care work, for matching key cases. */
    experienceYears: z.number().nonnegative().optional(),
    /** For a peer buddy: the pupil's child file id. */
    childId: IdSchema.optional(),
  })
  .superRefine((m, ctx) => {
    const min = m.capacity?.min;
    const max = m.capacity?.max;
    if (min !== undefined && max !== undefined && min > max) {
      addIssue(
        ctx,
        IssueCode.OTHER,
        text(
          `最少结对人数 ${min} 大于最多结对人数 ${max}`,
          `capacity.min ${min} must not exceed capacity.max ${max}`,
        ),
        { path: ["capacity", "min"], input: min },
      );
    }
  });
/** @category Model */
export type Mentor = z.infer<typeof MentorSchema>;
/** @category Model */
export type MentorInput = z.input<typeof MentorSchema>;

/**
 * The role a pairing gives the mentor.
 * @category Model
 */
export const PairingRoleSchema = z.enum([
  "mentor",
  "surrogate-parent",
  "volunteer",
  "counsellor",
  "director",
  "buddy",
]);
/** @category Model */
export type PairingRole = z.infer<typeof PairingRoleSchema>;

/**
 * Why a pairing ended.
 * @category Model
 */
export const PairingEndReasonSchema = z.enum([
  "mentor-left",
  "child-left",
  "no-longer-left-behind",
  "replanned",
  "rule-changed",
  "other",
]);
/** @category Model */
export type PairingEndReason = z.infer<typeof PairingEndReasonSchema>;

/**
 * A pairing (结对) of one child with one mentor over a period. `relayFrom` names the pairing it
 * took over from (结对+接力), so the history of who cared for the child stays on file.
 * @category Model
 */
export const PairingSchema = z
  .object({
    id: IdSchema,
    childId: IdSchema,
    mentorId: IdSchema,
    role: PairingRoleSchema,
    start: CalendarDateSchema,
    end: CalendarDateSchema.optional(),
    endReason: PairingEndReasonSchema.optional(),
    relayFrom: IdSchema.optional(),
  })
  .superRefine((p, ctx) => {
    if (p.end !== undefined && p.end < p.start) {
      addIssue(
        ctx,
        IssueCode.DATE_ORDER,
        text(
          `结束日期 ${p.end} 早于开始日期 ${p.start}`,
          `end ${p.end} is before start ${p.start}`,
        ),
        { path: ["end"], input: p.end },
      );
    }
    if (p.end === undefined && p.endReason !== undefined) {
      addIssue(
        ctx,
        IssueCode.OTHER,
        text("填写结束原因时须同时填写结束日期", "endReason needs an end date"),
        { path: ["endReason"], input: p.endReason },
      );
    }
  });
/** @category Model */
export type Pairing = z.infer<typeof PairingSchema>;
/** {@link Pairing} as a host supplies it: plain strings or `Date`s for dates, numbers allowed for ids, defaults not yet applied. @category Model */
export type PairingInput = z.input<typeof PairingSchema>;
