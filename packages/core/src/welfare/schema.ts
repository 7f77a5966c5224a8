import * as z from "zod";
import { MAX_SHORT_TEXT_LENGTH } from "../model/limits";
import { CalendarDateSchema, FenSchema, IdSchema, RegionCodeSchema } from "../model/primitives";

/**
 * A child's household as the census records it (“住址、家庭人口、家长姓名、生活情况和家庭教育”
 * (work-unit summary, L190)): how many people, whether the family is in hardship (家庭困难) or on
 * minimum living support (低保), and its yearly income if known.
 * @example
 * HouseholdSchema.parse({ childId: "c1", size: 5, hardship: true, recordedOn: "2026-03-03" }).minimumLivingSupport //=> false
 * @category Welfare
 */
export const HouseholdSchema = z.object({
  childId: IdSchema,
  size: z.number().int().min(1).max(50),
  hardship: z.boolean().default(false),
  /** 低保户: the household receives minimum living support. */
  minimumLivingSupport: z.boolean().default(false),
  /** Household income over a year, in fen, when known. */
  yearlyIncomeFen: FenSchema.optional(),
  recordedOn: CalendarDateSchema,
});
/** @category Welfare */
export type Household = z.infer<typeof HouseholdSchema>;
/** @category Welfare */
export type HouseholdInput = z.input<typeof HouseholdSchema>;

/**
 * A children's home (留守儿童之家) or activity room (活动室) as a resource: where it is, its
 * family phones and computers, whether it has a video room and books, and when it is open.
 * Family calls and activities name it by `resourceId`.
 * @example
 * CareResourceSchema.parse({ id: "room1", kind: "activity-room", name: "留守学生活动室", schoolId: "s1", phones: 1, computers: 4 }).books //=> false
 * @category Welfare
 */
export const CareResourceSchema = z.object({
  id: IdSchema,
  kind: z.enum(["childrens-home", "activity-room"]),
  name: z.string().min(1).max(MAX_SHORT_TEXT_LENGTH),
  schoolId: IdSchema.optional(),
  regionCode: RegionCodeSchema.optional(),
  /** Family phones (亲情电话). */
  phones: z.number().int().min(0).max(100).default(0),
  computers: z.number().int().min(0).max(1000).default(0),
  videoRoom: z.boolean().default(false),
  books: z.boolean().default(false),
  sportsEquipment: z.boolean().default(false),
  /** Opening hours by ISO weekday (1 = Monday), e.g. 16:00–18:00 on school days. */
  openHours: z
    .array(
      z.object({
        weekday: z.number().int().min(1).max(7),
        from: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
        to: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
      }),
    )
    .max(50)
    .default([]),
});
/** @category Welfare */
export type CareResource = z.infer<typeof CareResourceSchema>;
/** @category Welfare */
export type CareResourceInput = z.input<typeof CareResourceSchema>;
