import * as z from "zod";
import { repeats } from "../errors/duplicates";
import { addIssue } from "../errors/issues";
import { text } from "../i18n";
import { InformantSchema } from "../model/records";
import { LocalizedTextSchema, SourceCitationSchema } from "./text";

/**
 * Codes of the problems found in a checklist definition or in the answers given to one.
 * Stable: hosts switch on them.
 * @example
 * validateResponses(checklist, { ghost: 1 }).issues[0].code === ChecklistIssueCode.UNKNOWN_ITEM //=> true
 * @category Checklists
 */
export const ChecklistIssueCode = {
  /** Two items, sections, scales, options or flags share an id. */
  DUPLICATE: "checklist_duplicate",
  /** A reference (section, item, scale) names nothing defined before it. */
  BAD_REFERENCE: "checklist_bad_reference",
  /** A definition is inconsistent (min above max, an unscorable item in a scale…). */
  DEFINITION: "checklist_definition",
  /** An answer names an item the checklist does not have. */
  UNKNOWN_ITEM: "checklist_unknown_item",
  /** An answer has the wrong type for its item (text for a yes/no…). */
  WRONG_TYPE: "checklist_wrong_type",
  /** A number, Likert point, date or text length is outside the item's range. */
  OUT_OF_RANGE: "checklist_out_of_range",
  /** A choice that is not one of the item's options. */
  UNKNOWN_OPTION: "checklist_unknown_option",
  /** A required item that is shown was not answered. */
  REQUIRED_MISSING: "checklist_required_missing",
  /** An item hidden by its condition was answered; the answer is ignored (a warning). */
  HIDDEN_ANSWERED: "checklist_hidden_answered",
  /** The assessment was taken on another checklist. */
  WRONG_CHECKLIST: "checklist_wrong_checklist",
  /** The assessment was taken on another version of the checklist. */
  WRONG_VERSION: "checklist_wrong_version",
  /** The informant may not answer this checklist. */
  INFORMANT: "checklist_informant",
} as const;
/** @category Checklists */
export type ChecklistIssueCode = (typeof ChecklistIssueCode)[keyof typeof ChecklistIssueCode];

/** Ids of items, scales, flags: letters, digits, `_`, `-`, `.`; start with a letter or digit. */
const KeySchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/);

/** A scalar an answer can be compared with. */
const ScalarSchema = z.union([z.string(), z.number(), z.boolean()]);

/**
 * A condition on the answer to an earlier item. Every field given must hold. An item hidden by
 * its own condition counts as unanswered.
 * @example
 * ChecklistConditionSchema.parse({ item: "boarding", equals: true })
 * @category Checklists
 */
export const ChecklistConditionSchema = z.object({
  /** The id of an item defined before the one carrying the condition. */
  item: KeySchema,
  /** The answer equals this value. */
  equals: ScalarSchema.optional(),
  /** The answer differs from this value (an unanswered item also differs). */
  notEquals: ScalarSchema.optional(),
  /** The answer is one of these values. */
  oneOf: z.array(ScalarSchema).min(1).optional(),
  /** A multiple-choice answer includes this option. */
  includes: z.string().optional(),
  /** A numeric answer (number, Likert) is at least this. */
  atLeast: z.number().optional(),
  /** A numeric answer is at most this. */
  atMost: z.number().optional(),
  /** The item is answered (`true`) or not (`false`). */
  answered: z.boolean().optional(),
});
/** @category Checklists */
export type ChecklistCondition = z.infer<typeof ChecklistConditionSchema>;

/**
 * An option of a single- or multiple-choice item; `score` makes the item scorable.
 * @example
 * ChoiceOptionSchema.parse({ value: "dog", label: { "zh-CN": "狗", en: "dog" }, score: 2 }).score //=> 2
 * @category Checklists
 */
export const ChoiceOptionSchema = z.object({
  value: KeySchema,
  label: LocalizedTextSchema,
  score: z.number().optional(),
});
/** @category Checklists */
export type ChoiceOption = z.infer<typeof ChoiceOptionSchema>;

const itemBase = {
  /** Stable id: the key of the answer in `Assessment.responses`. */
  id: KeySchema,
  /** The question, in both languages. */
  label: LocalizedTextSchema,
  /** Guidance for the person asking. */
  help: LocalizedTextSchema.optional(),
  /** Id of the section the item belongs to. */
  section: KeySchema.optional(),
  /** A shown required item must be answered (not `null`, not absent). */
  required: z.boolean().default(false),
  /** Shown only when every condition holds (conditions name earlier items). */
  showIf: z.array(ChecklistConditionSchema).min(1).optional(),
};

/**
 * The kinds of checklist items and the answers they take:
 * - `yes-no`: `true`/`false`, scored `scores.yes`/`scores.no` (default 1/0);
 * - `single-choice`: one option value; `multiple-choice`: an array of option values;
 * - `likert`: an integer from `min` to `max`, reversed (`min + max − answer`) when `reverse`;
 * - `number`: a number within `min`/`max` (scored as itself when both bounds are given);
 * - `text`: a string; `date`: a calendar date `YYYY-MM-DD` (neither is scored).
 * @example
 * ChecklistItemSchema.parse({ id: "q1", kind: "likert", min: 0, max: 2, reverse: true, label: { "zh-CN": "…", en: "…" } })
 * @category Checklists
 */
export const ChecklistItemSchema = z.discriminatedUnion("kind", [
  z.object({
    ...itemBase,
    kind: z.literal("yes-no"),
    scores: z.object({ yes: z.number(), no: z.number() }).optional(),
  }),
  z.object({
    ...itemBase,
    kind: z.literal("single-choice"),
    options: z.array(ChoiceOptionSchema).min(2),
  }),
  z.object({
    ...itemBase,
    kind: z.literal("multiple-choice"),
    options: z.array(ChoiceOptionSchema).min(1),
    minSelected: z.number().int().nonnegative().optional(),
    maxSelected: z.number().int().positive().optional(),
  }),
  z.object({
    ...itemBase,
    kind: z.literal("likert"),
    min: z.number().int(),
    max: z.number().int(),
    /** Reverse-scored: an answer `a` scores `min + max − a`. */
    reverse: z.boolean().default(false),
    /** Labels of the points, `min` first. */
    anchors: z.array(LocalizedTextSchema).optional(),
  }),
  z.object({
    ...itemBase,
    kind: z.literal("number"),
    min: z.number().optional(),
    max: z.number().optional(),
    integer: z.boolean().default(false),
    unit: LocalizedTextSchema.optional(),
  }),
  z.object({
    ...itemBase,
    kind: z.literal("text"),
    maxLength: z.number().int().positive().optional(),
  }),
  z.object({ ...itemBase, kind: z.literal("date") }),
]);
/** @category Checklists */
export type ChecklistItem = z.infer<typeof ChecklistItemSchema>;
/** @category Checklists */
export type ChecklistItemKind = ChecklistItem["kind"];

/**
 * One score band: a range of a scale's value (bounds inclusive, either may be open) with a
 * label and the risk weight it contributes.
 * @example
 * BandRangeSchema.parse({ id: "high", label: { "zh-CN": "高", en: "high" }, min: 8 }).risk //=> 0
 * @category Checklists
 */
export const BandRangeSchema = z.object({
  id: KeySchema,
  label: LocalizedTextSchema,
  min: z.number().optional(),
  max: z.number().optional(),
  /** Weight added to the child's risk when the score falls in this band (0 = none). */
  risk: z.number().nonnegative().default(0),
});
/** @category Checklists */
export type BandRange = z.infer<typeof BandRangeSchema>;

/**
 * A set of bands for one population and/or informant (norms differ by country and by who
 * answers). The most specific set that matches is used: population and informant, then
 * informant, then population, then the set with neither.
 * @example
 * BandSetSchema.parse({ informant: "child", ranges: [{ id: "normal", label: { "zh-CN": "正常", en: "normal" }, max: 5 }] }).informant //=> "child"
 * @category Checklists
 */
export const BandSetSchema = z.object({
  /** A population key chosen by the host (`"cn-rural"`, `"uk"`); absent = any. */
  population: z.string().min(1).optional(),
  /** Who answered; absent = any. */
  informant: InformantSchema.optional(),
  /** Checked in order; the first range holding the value wins. */
  ranges: z.array(BandRangeSchema).min(1),
});
/** @category Checklists */
export type BandSet = z.infer<typeof BandSetSchema>;

/**
 * An item of a scale with its weight (a bare id means weight 1).
 * @example
 * ScaleItemSchema.parse({ item: "q1", weight: 2 }) //=> { item: "q1", weight: 2 }
 * @category Checklists
 */
export const ScaleItemSchema = z.union([
  KeySchema,
  z.object({ item: KeySchema, weight: z.number().positive() }),
]);

/**
 * A scale: the sum (or mean) of weighted item scores, or the sum of earlier scales (a total of
 * subscales). With `prorate`, a scale with some items unanswered but at least `minAnswered`
 * answered scores the mean of the answered items times the number of applicable items (the
 * SDQ rule "prorate if at least 3 of 5 answered"); with fewer it has no value.
 * @example
 * ChecklistScaleSchema.parse({ id: "emotion", label: { "zh-CN": "情绪", en: "Emotion" }, items: ["e1", "e2", "e3"], prorate: { minAnswered: 2 } }).method //=> "sum"
 * @category Checklists
 */
export const ChecklistScaleSchema = z.object({
  id: KeySchema,
  label: LocalizedTextSchema,
  /** Scored items (ids, or `{ item, weight }`). */
  items: z.array(ScaleItemSchema).default([]),
  /** Ids of earlier scales to add up (instead of items). */
  scales: z.array(KeySchema).default([]),
  method: z.enum(["sum", "mean"]).default("sum"),
  prorate: z.object({ minAnswered: z.number().int().positive() }).optional(),
  bands: z.array(BandSetSchema).default([]),
});
/** @category Checklists */
export type ChecklistScale = z.infer<typeof ChecklistScaleSchema>;

/**
 * A condition on a scale's value or band, for a derived flag.
 * @example
 * ScaleConditionSchema.parse({ scale: "study", bands: ["high"] }) //=> { scale: "study", bands: ["high"] }
 * @category Checklists
 */
export const ScaleConditionSchema = z.object({
  scale: KeySchema,
  atLeast: z.number().optional(),
  atMost: z.number().optional(),
  /** The scale's band is one of these. */
  bands: z.array(KeySchema).min(1).optional(),
});
/** @category Checklists */
export type ScaleCondition = z.infer<typeof ScaleConditionSchema>;

/**
 * A flag derived from the answers: raised when any (or all) of its conditions hold. Tags let
 * other engines read it (`lack:care`, `domain:safety`); `risk` is its weight in the risk level.
 * @example
 * ChecklistFlagSchema.parse({ id: "f", label: { "zh-CN": "标记", en: "flag" }, when: [{ item: "q1", equals: true }] }).match //=> "any"
 * @category Checklists
 */
export const ChecklistFlagSchema = z.object({
  id: KeySchema,
  label: LocalizedTextSchema,
  when: z.array(z.union([ScaleConditionSchema, ChecklistConditionSchema])).min(1),
  match: z.enum(["any", "all"]).default("any"),
  tags: z.array(z.string().min(1)).default([]),
  risk: z.number().nonnegative().default(0),
});
/** @category Checklists */
export type ChecklistFlag = z.infer<typeof ChecklistFlagSchema>;

/**
 * A section of a checklist (items name it by id).
 * @example
 * ChecklistSectionSchema.parse({ id: "study", title: { "zh-CN": "学习", en: "Study" } }).id //=> "study"
 * @category Checklists
 */
export const ChecklistSectionSchema = z.object({
  id: KeySchema,
  title: LocalizedTextSchema,
});
/** @category Checklists */
export type ChecklistSection = z.infer<typeof ChecklistSectionSchema>;

type Issue = { path: PropertyKey[]; zh: string; en: string; code: string };

function checkDefinition(c: z.output<typeof ChecklistBaseSchema>): Issue[] {
  const issues: Issue[] = [];
  const push = (code: string, path: PropertyKey[], zh: string, en: string) =>
    issues.push({ code, path, zh, en });
  const sections = new Set(c.sections.map((s) => s.id));
  for (const { index, key } of repeats(c.sections, (s) => s.id)) {
    push(
      ChecklistIssueCode.DUPLICATE,
      ["sections", index, "id"],
      `分节 ${key} 重复`,
      `section ${key} is defined twice`,
    );
  }
  const items = new Map<string, ChecklistItem>();
  c.items.forEach((item, i) => {
    if (items.has(item.id))
      push(
        ChecklistIssueCode.DUPLICATE,
        ["items", i, "id"],
        `题目 ${item.id} 重复`,
        `item ${item.id} is defined twice`,
      );
    if (item.section !== undefined && !sections.has(item.section))
      push(
        ChecklistIssueCode.BAD_REFERENCE,
        ["items", i, "section"],
        `未定义的分节 ${item.section}`,
        `unknown section ${item.section}`,
      );
    item.showIf?.forEach((cond, j) => {
      if (!items.has(cond.item))
        push(
          ChecklistIssueCode.BAD_REFERENCE,
          ["items", i, "showIf", j, "item"],
          `条件须引用此前定义的题目，${cond.item} 不是`,
          `a condition must name an earlier item; ${cond.item} is not one`,
        );
    });
    if (item.kind === "single-choice" || item.kind === "multiple-choice") {
      const values = new Set<string>();
      item.options.forEach((o, j) => {
        if (values.has(o.value))
          push(
            ChecklistIssueCode.DUPLICATE,
            ["items", i, "options", j, "value"],
            `选项 ${o.value} 重复`,
            `option ${o.value} is listed twice`,
          );
        values.add(o.value);
      });
    }
    if (
      item.kind === "multiple-choice" &&
      item.minSelected !== undefined &&
      item.maxSelected !== undefined &&
      item.minSelected > item.maxSelected
    )
      push(
        ChecklistIssueCode.DEFINITION,
        ["items", i, "minSelected"],
        "最少选择数大于最多选择数",
        "minSelected exceeds maxSelected",
      );
    if (item.kind === "likert" && item.min >= item.max)
      push(
        ChecklistIssueCode.DEFINITION,
        ["items", i, "max"],
        "量表题的 max 须大于 min",
        "a Likert item needs max above min",
      );
    if (item.kind === "likert" && item.anchors && item.anchors.length !== item.max - item.min + 1)
      push(
        ChecklistIssueCode.DEFINITION,
        ["items", i, "anchors"],
        "锚点标签数须等于量表点数",
        "anchors must label every point of the scale",
      );
    if (
      item.kind === "number" &&
      item.min !== undefined &&
      item.max !== undefined &&
      item.min > item.max
    )
      push(
        ChecklistIssueCode.DEFINITION,
        ["items", i, "min"],
        "数值题的 min 大于 max",
        "a number item has min above max",
      );
    items.set(item.id, item);
  });
  const scales = new Map<string, ChecklistScale>();
  c.scales.forEach((s, i) => {
    if (scales.has(s.id))
      push(
        ChecklistIssueCode.DUPLICATE,
        ["scales", i, "id"],
        `分量表 ${s.id} 重复`,
        `scale ${s.id} is defined twice`,
      );
    if ((s.items.length === 0) === (s.scales.length === 0))
      push(
        ChecklistIssueCode.DEFINITION,
        ["scales", i],
        "分量表须且只能由题目或此前的分量表构成",
        "a scale is made of items or of earlier scales, not both and not neither",
      );
    const seen = new Set<string>();
    s.items.forEach((ref, j) => {
      const id = typeof ref === "string" ? ref : ref.item;
      const item = items.get(id);
      if (seen.has(id))
        push(
          ChecklistIssueCode.DUPLICATE,
          ["scales", i, "items", j],
          `题目 ${id} 在分量表中重复`,
          `item ${id} is listed twice in the scale`,
        );
      seen.add(id);
      if (!item) {
        push(
          ChecklistIssueCode.BAD_REFERENCE,
          ["scales", i, "items", j],
          `未定义的题目 ${id}`,
          `unknown item ${id}`,
        );
        return;
      }
      if (!isScorable(item))
        push(
          ChecklistIssueCode.DEFINITION,
          ["scales", i, "items", j],
          `题目 ${id} 不可计分（文本、日期、无分值的选项或无上下限的数值）`,
          `item ${id} cannot be scored (text, date, options without scores, or a number without min and max)`,
        );
    });
    s.scales.forEach((ref, j) => {
      if (!scales.has(ref))
        push(
          ChecklistIssueCode.BAD_REFERENCE,
          ["scales", i, "scales", j],
          `须引用此前定义的分量表，${ref} 不是`,
          `must name an earlier scale; ${ref} is not one`,
        );
    });
    if (s.prorate && s.items.length > 0 && s.prorate.minAnswered > s.items.length)
      push(
        ChecklistIssueCode.DEFINITION,
        ["scales", i, "prorate", "minAnswered"],
        "按比例计分所需作答数超过题目数",
        "prorate.minAnswered exceeds the number of items",
      );
    s.bands.forEach((set, j) =>
      set.ranges.forEach((r, k) => {
        if (r.min !== undefined && r.max !== undefined && r.min > r.max)
          push(
            ChecklistIssueCode.DEFINITION,
            ["scales", i, "bands", j, "ranges", k, "min"],
            "分段的 min 大于 max",
            "a band has min above max",
          );
      }),
    );
    scales.set(s.id, s);
  });
  for (const { index, key } of repeats(c.flags, (f) => f.id)) {
    push(
      ChecklistIssueCode.DUPLICATE,
      ["flags", index, "id"],
      `标记 ${key} 重复`,
      `flag ${key} is defined twice`,
    );
  }
  c.flags.forEach((f, i) => {
    f.when.forEach((w, j) => {
      if ("scale" in w && !scales.has(w.scale))
        push(
          ChecklistIssueCode.BAD_REFERENCE,
          ["flags", i, "when", j, "scale"],
          `未定义的分量表 ${w.scale}`,
          `unknown scale ${w.scale}`,
        );
      if ("item" in w && !items.has(w.item))
        push(
          ChecklistIssueCode.BAD_REFERENCE,
          ["flags", i, "when", j, "item"],
          `未定义的题目 ${w.item}`,
          `unknown item ${w.item}`,
        );
    });
  });
  return issues;
}

/**
 * Whether an item yields a number that a scale can add up: yes/no and Likert items, choices
 * whose options all have scores, numbers with both bounds.
 * @example
 * isScorable({ id: "n", kind: "text", required: false, label: { "zh-CN": "备注", en: "note" } }) //=> false
 * @category Checklists
 */
export function isScorable(item: ChecklistItem): boolean {
  if (typeof item !== "object" || item === null) return false;
  switch (item.kind) {
    case "yes-no":
    case "likert":
      return true;
    case "single-choice":
    case "multiple-choice":
      return item.options.every((o) => o.score !== undefined);
    case "number":
      return item.min !== undefined && item.max !== undefined;
    default:
      return false;
  }
}

const ChecklistBaseSchema = z.object({
  /** Stable id of the instrument (`liushou.needs`). */
  id: KeySchema,
  /** Version of this definition; a stored assessment always scores with the version it was taken on. */
  version: z.string().min(1).max(32),
  title: LocalizedTextSchema,
  description: LocalizedTextSchema.optional(),
  /** Where the items come from (work summaries, law, a published instrument). */
  source: z.array(SourceCitationSchema).default([]),
  /** Licence or permission under which the host uses the instrument, if any. */
  licence: z.string().optional(),
  /** Who may answer; absent = anyone. */
  informants: z.array(InformantSchema).min(1).optional(),
  sections: z.array(ChecklistSectionSchema).default([]),
  items: z.array(ChecklistItemSchema).min(1),
  scales: z.array(ChecklistScaleSchema).default([]),
  flags: z.array(ChecklistFlagSchema).default([]),
});

/**
 * A checklist: versioned data describing items, sections, conditions, scales with bands per
 * population and informant, derived flags and their risk weights. Cross-references are
 * checked (items, sections and scales named must exist and come first).
 * @example
 * const c = ChecklistSchema.parse({
 *   id: "demo", version: "1", title: { "zh-CN": "示例", en: "Demo" },
 *   items: [{ id: "q1", kind: "yes-no", label: { "zh-CN": "是否寄宿", en: "Boarding?" } }],
 * });
 * c.items[0].required //=> false
 * @category Checklists
 */
export const ChecklistSchema = ChecklistBaseSchema.superRefine((c, ctx) => {
  for (const issue of checkDefinition(c)) {
    addIssue(ctx, issue.code, text(issue.zh, issue.en), { path: issue.path, input: undefined });
  }
});
/** A validated checklist definition. @category Checklists */
export type Checklist = z.infer<typeof ChecklistSchema>;
/** A checklist definition as authored (defaults not yet applied). @category Checklists */
export type ChecklistInput = z.input<typeof ChecklistSchema>;
