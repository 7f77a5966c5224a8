import * as z from "zod";
import { LocalizedTextSchema } from "../checklists/text";
import { MAX_ADDRESS_LENGTH, MAX_TEXT_LENGTH } from "../model/limits";
import { CalendarDateSchema, IdSchema } from "../model/primitives";
import { SeedCitationSchema } from "../sources/cite";

/**
 * Who took part in a census visit: the class teacher (班主任), a village cadre (村委干部), the
 * community (社区), another teacher, or someone else.
 * @example
 * CensusTakerSchema.parse("village-cadre") //=> "village-cadre"
 * @category Census
 */
export const CensusTakerSchema = z.enum([
  "class-teacher",
  "village-cadre",
  "community",
  "teacher",
  "other",
]);
/** @category Census */
export type CensusTaker = z.infer<typeof CensusTakerSchema>;

/**
 * One census check of a child's situation (摸底登记): the day it was verified, who took part
 * and what was found (is anyone supervising study and daily life, the child's health).
 * @example
 * CensusRecordSchema.parse({ id: "cz1", childId: "c1", verifiedOn: "2026-09-03", takers: ["class-teacher", "village-cadre"] }).takers.length //=> 2
 * @category Census
 */
export const CensusRecordSchema = z.object({
  id: IdSchema,
  childId: IdSchema,
  verifiedOn: CalendarDateSchema,
  takers: z.array(CensusTakerSchema).min(1).max(10).default(["class-teacher"]),
  /** 学习、生活上有无人监护管理: someone supervises study and daily life. */
  supervised: z.boolean().optional(),
  /** 身体状况: health as found. */
  health: z.string().max(MAX_ADDRESS_LENGTH).optional(),
  notes: z.string().max(MAX_TEXT_LENGTH).optional(),
});
/** @category Census */
export type CensusRecord = z.infer<typeof CensusRecordSchema>;
/** @category Census */
export type CensusRecordInput = z.input<typeof CensusRecordSchema>;

/**
 * How often the census is taken and by when: once a term within `withinDays` of the term's
 * start (needs the school calendar), or once a calendar year within `withinDays` of 1 January;
 * `requiredTakers` must all have taken part for a check to count.
 * @example
 * CensusPolicySchema.parse({ id: "x", name: { "zh-CN": "每学期摸底", en: "Termly census" }, every: "term", withinDays: 30 }).requiredTakers //=> []
 * @category Census
 */
export const CensusPolicySchema = z.object({
  id: IdSchema,
  name: LocalizedTextSchema,
  every: z.enum(["term", "year"]),
  /** Days after the start of the term or year by which each child is verified. */
  withinDays: z.number().int().min(1).max(366),
  requiredTakers: z.array(CensusTakerSchema).default([]),
  /** Where the cadence comes from; `withinDays` is a library default unless a source says it. */
  citations: z.array(SeedCitationSchema).default([]),
});
/** @category Census */
export type CensusPolicy = z.infer<typeof CensusPolicySchema>;
/** @category Census */
export type CensusPolicyInput = z.input<typeof CensusPolicySchema>;
