import * as z from "zod";
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
    { message: "counts names nothing to count", path: ["counts"] },
  )
  .refine((p) => !p.counts.parentHome || p.level === "parent", {
    message: "parentHome applies to the parent level",
    path: ["counts", "parentHome"],
  })
  .refine((p) => p.pairedWith === undefined || p.level === "child", {
    message: "pairedWith applies to the child level",
    path: ["pairedWith"],
  })
  .refine((p) => p.window.type !== "birthday" || p.level === "child", {
    message: "a birthday window applies to the child level",
    path: ["window"],
  });
/** @category Occasions */
export type OccasionPolicy = z.infer<typeof OccasionPolicySchema>;
/** @category Occasions */
export type OccasionPolicyInput = z.input<typeof OccasionPolicySchema>;
