import * as z from "zod";
import { refusal } from "../_lib/refusal";
import { LocalizedTextSchema } from "../checklists/text";
import { DefinitionChoiceSchema } from "../classification/classify";
import { MentorKindSchema } from "../model/mentor";
import { IdSchema } from "../model/primitives";
import { ActivityKindSchema, ContactKindSchema, InitiatorSchema } from "../model/records";
import { SeedCitationSchema } from "../sources/cite";

/**
 * When an occasion falls, per subject:
 * - `week`, `month`, `term`, `year`: each one (a `school` calendar skips weeks with no school day);
 * - `birthday`: each birthday of the child, from `daysBefore` to `daysAfter`;
 * - `holidays`: each public holiday and vacation the calendar lists;
 * - `term-start` / `term-end`: the first or last `days` days of each term.
 * @example
 * OccasionWindowSchema.parse({ type: "month" }) //=> { type: "month" }
 * @category Occasions
 */
export const OccasionWindowSchema = z.discriminatedUnion("type", [
  z.object({ type: z.enum(["week", "month", "term", "year", "holidays"]) }),
  z.object({
    type: z.literal("birthday"),
    daysBefore: z.number().int().min(0).max(31).default(3),
    daysAfter: z.number().int().min(0).max(31).default(3),
  }),
  z.object({ type: z.enum(["term-start", "term-end"]), days: z.number().int().min(1).max(60) }),
]);
/** @category Occasions */
export type OccasionWindow = z.infer<typeof OccasionWindowSchema>;

/**
 * A cadence the period policies cannot express: the level it applies to (a child, a class, or
 * each migrant parent), the window, what counts, and how many are needed.
 * @example
 * OccasionPolicySchema.parse({
 *   id: "law-lesson-weekly", name: { "zh-CN": "每周法制课", en: "Weekly law lesson" },
 *   level: "class", window: { type: "week" }, counts: { activityKinds: ["law-lesson"] },
 * }).min //=> 1
 * @category Occasions
 */
export const OccasionPolicySchema = z
  .object({
    id: IdSchema,
    name: LocalizedTextSchema,
    description: LocalizedTextSchema.optional(),
    level: z.enum(["child", "class", "parent"]),
    window: OccasionWindowSchema,
    counts: z
      .object({
        contactKinds: z.array(ContactKindSchema).default([]),
        activityKinds: z.array(ActivityKindSchema).default([]),
        noticeKinds: z.array(z.enum(["letter-to-parents", "call-times"])).default([]),
        /** Contacts only by these initiators (a parent's own call). */
        initiators: z.array(InitiatorSchema).optional(),
        /** Contacts only with a mentor of these kinds (the class teacher, a subject teacher). */
        mentorKinds: z.array(MentorKindSchema).optional(),
        /** Contacts only on Saturdays and Sundays. */
        weekendsOnly: z.boolean().default(false),
        /** Parent level: the parent came home (a day not away) in the window. */
        parentHome: z.boolean().default(false),
      })
      .prefault({}),
    min: z.number().int().min(1).max(100).default(1),
    /** `school`: weeks with no school day are skipped. */
    calendar: z.enum(["calendar", "school"]).default("calendar"),
    /** Which children are in scope: default the schools' definition. */
    definition: DefinitionChoiceSchema.default("school"),
    /** Child level: only children paired, on the window's first day, with a mentor of these kinds. */
    pairedWith: z.array(MentorKindSchema).optional(),
    citations: z.array(SeedCitationSchema).default([]),
  })
  .refine(
    (p) =>
      p.counts.parentHome ||
      p.counts.contactKinds.length + p.counts.activityKinds.length + p.counts.noticeKinds.length >
        0,
    refusal("counts 未指定任何要计数的内容", "counts names nothing to count", ["counts"]),
  )
  .refine(
    (p) => !p.counts.parentHome || p.level === "parent",
    refusal("parentHome 只适用于家长层级", "parentHome applies to the parent level", [
      "counts",
      "parentHome",
    ]),
  )
  .refine(
    (p) => p.pairedWith === undefined || p.level === "child",
    refusal("pairedWith 只适用于儿童层级", "pairedWith applies to the child level", ["pairedWith"]),
  )
  .refine(
    (p) => p.window.type !== "birthday" || p.level === "child",
    refusal("生日时段只适用于儿童层级", "a birthday window applies to the child level", ["window"]),
  );
/** @category Occasions */
export type OccasionPolicy = z.infer<typeof OccasionPolicySchema>;
/** @category Occasions */
export type OccasionPolicyInput = z.input<typeof OccasionPolicySchema>;
