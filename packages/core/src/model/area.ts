import * as z from "zod";
import { MAX_SHORT_TEXT_LENGTH } from "./limits";
import { IdSchema, RegionCodeSchema } from "./primitives";

/**
 * An administrative area, province down to village, identified by its region code.
 * @example
 * AreaSchema.parse({ code: "430102001001", name: "Example Village", level: "village", parentCode: "430102001" })
 * @category Model
 */
export const AreaSchema = z.object({
  code: RegionCodeSchema,
  name: z.string().min(1).max(MAX_SHORT_TEXT_LENGTH),
  level: z.enum(["province", "city", "county", "township", "village"]),
  parentCode: RegionCodeSchema.optional(),
});
/** @category Model */
export type Area = z.infer<typeof AreaSchema>;
/** {@link Area} as a host supplies it: plain strings or `Date`s for dates, numbers allowed for ids, defaults not yet applied. @category Model */
export type AreaInput = z.input<typeof AreaSchema>;

/**
 * School stage: primary (grades 1–6), middle (7–9), nine-year (1–9), high (10–12).
 * @category Model
 */
export const SchoolStageSchema = z.enum(["primary", "middle", "nine-year", "high"]);
/** @category Model */
export type SchoolStage = z.infer<typeof SchoolStageSchema>;

/**
 * A school and the area it serves.
 * @category Model
 */
export const SchoolSchema = z.object({
  id: IdSchema,
  name: z.string().min(1).max(MAX_SHORT_TEXT_LENGTH),
  stage: SchoolStageSchema,
  /** Region code of the township or village where the school is (county at least). */
  regionCode: RegionCodeSchema,
  /** Whether the school boards pupils. */
  boarding: z.boolean().default(false),
});
/** @category Model */
export type School = z.infer<typeof SchoolSchema>;
/** {@link School} as a host supplies it: plain strings or `Date`s for dates, numbers allowed for ids, defaults not yet applied. @category Model */
export type SchoolInput = z.input<typeof SchoolSchema>;

/**
 * Grade 1–12 (小学一年级 = 1, 初一 = 7, 高一 = 10).
 * @category Model
 */
export const GradeSchema = z.number().int().min(1).max(12);

/**
 * A class (班级) of a school in a given grade.
 * @category Model
 */
export const SchoolClassSchema = z.object({
  id: IdSchema,
  schoolId: IdSchema,
  grade: GradeSchema,
  name: z.string().min(1).max(MAX_SHORT_TEXT_LENGTH),
  /** Mentor id of the class teacher (班主任), if known. */
  classTeacherId: IdSchema.optional(),
});
/** @category Model */
export type SchoolClass = z.infer<typeof SchoolClassSchema>;
/** {@link SchoolClass} as a host supplies it: plain strings or `Date`s for dates, numbers allowed for ids, defaults not yet applied. @category Model */
export type SchoolClassInput = z.input<typeof SchoolClassSchema>;
