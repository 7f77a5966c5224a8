import * as z from "zod";
import { NeedDomainSchema } from "../checklists/needs-profile";
import { LocalizedTextSchema } from "../checklists/text";
import { IssueCode } from "../errors/codes";
import { repeats } from "../errors/duplicates";
import { addIssue } from "../errors/issues";
import { text } from "../i18n";
import { CalendarDateSchema, IdSchema } from "../model/primitives";

/**
 * Text in a plan: bilingual when Liushou proposes it, or a plain string a person wrote.
 * @example
 * PlanTextSchema.parse("家访两次") //=> "家访两次"
 * @category Assistance
 */
export const PlanTextSchema = z.union([z.string().min(1), LocalizedTextSchema]);
/** @category Assistance */
export type PlanText = z.infer<typeof PlanTextSchema>;

/**
 * Who carries out a plan item: a role, and the person when known.
 * @example
 * AssistanceOwnerSchema.parse({ role: "class-teacher", personId: "m1" }) //=> { role: "class-teacher", personId: "m1" }
 * @category Assistance
 */
export const AssistanceOwnerSchema = z.object({
  role: z.enum([
    "class-teacher",
    "subject-teacher",
    "mentor",
    "counsellor",
    "guardian",
    "parent",
    "school",
    "village-committee",
    "child-director",
    "other",
  ]),
  personId: IdSchema.optional(),
});
/** @category Assistance */
export type AssistanceOwner = z.infer<typeof AssistanceOwnerSchema>;
/** @category Assistance */
export type AssistanceRole = AssistanceOwner["role"];

/**
 * Status of a plan item: planned → in progress → done, or dropped.
 * @example
 * AssistanceItemStatusSchema.options //=> ["planned", "in-progress", "done", "dropped"]
 * @category Assistance
 */
export const AssistanceItemStatusSchema = z.enum(["planned", "in-progress", "done", "dropped"]);
/** @category Assistance */
export type AssistanceItemStatus = z.infer<typeof AssistanceItemStatusSchema>;

/**
 * A staged result expected by a date (阶段性效果); `reachedOn` is set when progress reports it.
 * @example
 * AssistanceStageSchema.parse({ by: "2026-04-01", expected: "按时完成作业" }).reachedOn //=> undefined
 * @category Assistance
 */
export const AssistanceStageSchema = z.object({
  by: CalendarDateSchema,
  expected: PlanTextSchema,
  reachedOn: CalendarDateSchema.optional(),
});
/** @category Assistance */
export type AssistanceStage = z.infer<typeof AssistanceStageSchema>;

/**
 * A dated progress entry on a plan item.
 * @example
 * ProgressEntrySchema.parse({ on: "2026-03-20", note: "谈心一次", stageReached: 0 }).stageReached //=> 0
 * @category Assistance
 */
export const ProgressEntrySchema = z.object({
  on: CalendarDateSchema,
  note: PlanTextSchema,
  /** Who reports (a mentor or user id of the host). */
  by: IdSchema.optional(),
  /** New status of the item, if it changes. */
  status: AssistanceItemStatusSchema.optional(),
  /** Index of the stage this entry reports reached. */
  stageReached: z.number().int().nonnegative().optional(),
});
/** @category Assistance */
export type ProgressEntry = z.infer<typeof ProgressEntrySchema>;

/**
 * One item of an assistance plan: what, who, by when, the staged results expected, and the
 * progress so far.
 * @example
 * AssistanceItemSchema.parse({ id: "i1", domain: "study", need: "domain:study", what: "每周辅导", owner: { role: "subject-teacher" }, startOn: "2026-03-02", due: "2026-05-31" }).status //=> "planned"
 * @category Assistance
 */
export const AssistanceItemSchema = z
  .object({
    id: IdSchema,
    /** The domain served, or `legal` for a duty the law imposes. */
    domain: z.union([NeedDomainSchema, z.literal("legal")]),
    /** What need the item answers: `domain:study`, `lack:tutoring`, `flag:dropout-risk`, a finding code. */
    need: z.string().min(1),
    what: PlanTextSchema,
    owner: AssistanceOwnerSchema,
    startOn: CalendarDateSchema,
    due: CalendarDateSchema,
    stages: z.array(AssistanceStageSchema).default([]),
    status: AssistanceItemStatusSchema.default("planned"),
    /** Oldest first. */
    progress: z.array(ProgressEntrySchema).default([]),
    /** The item must be reported to the authorities (Art. 11). */
    mandatoryReport: z.boolean().default(false),
  })
  .superRefine((item, ctx) => {
    if (item.due < item.startOn)
      addIssue(
        ctx,
        IssueCode.DATE_ORDER,
        text(
          `完成期限 ${item.due} 早于开始日期 ${item.startOn}`,
          `due ${item.due} is before startOn ${item.startOn}`,
        ),
        { path: ["due"], input: item.due },
      );
    item.stages.forEach((s, i) => {
      if (s.by < item.startOn)
        addIssue(
          ctx,
          IssueCode.DATE_ORDER,
          text(
            `阶段期限 ${s.by} 早于开始日期 ${item.startOn}`,
            `stage date ${s.by} is before startOn ${item.startOn}`,
          ),
          { path: ["stages", i, "by"], input: s.by },
        );
    });
    item.progress.forEach((p, i) => {
      const prev = item.progress[i - 1];
      if (prev && p.on < prev.on)
        addIssue(
          ctx,
          IssueCode.DATE_ORDER,
          text(
            `进展记录须按日期先后排列：${p.on} 早于 ${prev.on}`,
            `progress must be in date order: ${p.on} is before ${prev.on}`,
          ),
          { path: ["progress", i, "on"], input: p.on },
        );
      if (p.stageReached !== undefined && p.stageReached >= item.stages.length)
        addIssue(
          ctx,
          IssueCode.UNKNOWN_ID,
          text(`没有第 ${p.stageReached} 个阶段`, `there is no stage ${p.stageReached}`),
          { path: ["progress", i, "stageReached"], input: p.stageReached },
        );
    });
  });
/** @category Assistance */
export type AssistanceItem = z.infer<typeof AssistanceItemSchema>;

/**
 * An assistance plan (帮扶计划) for one child: items with owners, due dates, staged results
 * and dated progress. Stored beside the child's file (one or more plans per child, by
 * `childId`), like contact records.
 * @example
 * AssistancePlanSchema.parse({ id: "plan1", childId: "c1", createdOn: "2026-03-01", items: [] }).items //=> []
 * @category Assistance
 */
export const AssistancePlanSchema = z
  .object({
    id: IdSchema,
    childId: IdSchema,
    createdOn: CalendarDateSchema,
    /** The needs assessment and findings the plan was built from. */
    basedOn: z
      .object({ assessmentId: IdSchema.optional(), findingCodes: z.array(z.string()).default([]) })
      .default({ findingCodes: [] }),
    /** When the plan is to be reviewed as a whole. */
    reviewOn: CalendarDateSchema.optional(),
    items: z.array(AssistanceItemSchema),
  })
  .superRefine((plan, ctx) => {
    for (const { index, key } of repeats(plan.items, (item) => item.id)) {
      addIssue(
        ctx,
        IssueCode.DUPLICATE_ID,
        text(`计划条目 ${key} 重复`, `plan item ${key} appears twice`),
        { path: ["items", index, "id"], input: key },
      );
    }
  });
/** @category Assistance */
export type AssistancePlan = z.infer<typeof AssistancePlanSchema>;
/** @category Assistance */
export type AssistancePlanInput = z.input<typeof AssistancePlanSchema>;
