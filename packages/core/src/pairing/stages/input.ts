/**
 * Stage 1 of planning, the input: validates what a host gives (zod, every problem at once) and
 * normalises it (plan date resolved in its zone, defaults filled, children out of scope set
 * aside). Nothing after this stage sees unchecked data. Private to the pairing module, apart from
 * the schemas it exports.
 * @module
 */
import * as z from "zod";
import { IssueCode } from "../../errors/codes";
import { ValidationError } from "../../errors/errors";
import { duplicateIdIssues } from "../../errors/duplicates";
import { toFieldIssue, type FieldIssue } from "../../errors/issues";
import { safeValidate, validate, requireObject } from "../../errors/validate";
import { text, type LocalizedText } from "../../i18n";
import { GradeSchema, SchoolClassSchema } from "../../model/area";
import { classifyLeftBehind, type DefinitionChoice } from "../../classification/classify";
import {
  ChildFileSchema,
  RiskLevelSchema,
  type ChildFile,
  type ChildFileInput,
} from "../../model/child-file";
import {
  GeoPointSchema,
  MentorSchema,
  PairingSchema,
  type GeoPoint,
  type MentorInput,
  type Pairing,
  type PairingInput,
} from "../../model/mentor";
import {
  AsOfSchema,
  CalendarDateSchema,
  GenderSchema,
  IdSchema,
  RegionCodeSchema,
  TimeZoneSchema,
} from "../../model/primitives";
import type { SchoolClassInput } from "../../model/area";
import { resolveAsOf } from "../../time/convert";
import { DEFAULT_TIME_ZONE, type AsOf, type CalendarDate, type TimeZone } from "../../time/types";
import { BUILTIN_SOFT } from "../evaluate";
import { pairingChildInShape } from "./child-shape";
import { listOf } from "../../_lib/shape";
import { mentorInShape, pairingInShape, schoolClassInShape } from "../../model/mentor-shape";
import { PairingRuleSetSchema, type CustomPairingRule, type PairingRuleSetInput } from "../rules";

/**
 * The fields of a child file that pairing reads, validated; the other fields of each file are
 * passed through untouched (validate whole files with `ChildFileSchema` when they enter the
 * host system). Checking 40,000 full files would cost more than planning them.
 * @example
 * PairingChildSchema.parse(file).keyCase //=> false
 * @category Pairing
 */
export const PairingChildSchema = z.looseObject({
  id: IdSchema,
  child: z.looseObject({
    gender: GenderSchema,
    birthDate: CalendarDateSchema,
    regionCode: RegionCodeSchema,
    schoolId: IdSchema.optional(),
    classId: IdSchema.optional(),
    grade: GradeSchema.optional(),
  }),
  keyCase: z.boolean().default(false),
  riskLevel: RiskLevelSchema.optional(),
}) as unknown as z.ZodType<ChildFile, ChildFileInput>;

const TextSchema = z.object({ "zh-CN": z.string().min(1), en: z.string().min(1) });

/**
 * An explicit exclusion: this child is never paired with this mentor (a conflict, family ties).
 * @example
 * PairingExclusionSchema.parse({ childId: "c1", mentorId: "t2", reason: text("亲属", "family") })
 * @category Pairing
 */
export const PairingExclusionSchema = z.object({
  childId: IdSchema,
  mentorId: IdSchema,
  reason: TextSchema.optional(),
});
/**
 * @example
 * const e: PairingExclusion = { childId: "c1", mentorId: "t2" };
 * @category Pairing
 */
export type PairingExclusion = z.infer<typeof PairingExclusionSchema>;
/** A {@link PairingExclusion} as a host supplies it (numeric ids allowed). @category Pairing */
export type PairingExclusionInput = z.input<typeof PairingExclusionSchema>;

/**
 * The serialisable part of {@link PlanPairingsInput}, validated by zod.
 * @example
 * PlanPairingsInputSchema.parse({ children: [], mentors: [], rules: TEACHER_PAIRING_PRESET, asOf: "2026-09-01" }).onMissing //=> "error"
 * @category Pairing
 */
export const PlanPairingsInputSchema = z.object({
  children: z.array(PairingChildSchema),
  mentors: z.array(MentorSchema),
  existing: z.array(PairingSchema).default([]),
  rules: PairingRuleSetSchema,
  asOf: AsOfSchema,
  classes: z.array(SchoolClassSchema).default([]),
  timeZone: TimeZoneSchema.default(DEFAULT_TIME_ZONE),
  exclusions: z.array(PairingExclusionSchema).default([]),
  /** Home coordinates of children, by child id, for the `maxDistance.km` rule. */
  childLocations: z.record(z.string().min(1).max(64), GeoPointSchema).default({}),
  /**
   * What to do with an active existing pairing naming a child or mentor not given: `error`
   * (default) throws a ValidationError; `end` ends it (`child-left` / `mentor-left`).
   */
  onMissing: z.enum(["error", "end"]).default("error"),
  /** Prefix of the ids of new pairings. */
  idPrefix: z.string().max(16).default("pr-"),
});

/**
 * Input of {@link planPairings}.
 * @example
 * const input: PlanPairingsInput = { children, mentors, rules: TEACHER_PAIRING_PRESET, asOf: "2026-09-01" };
 * @category Pairing
 */
export interface PlanPairingsInput {
  /** The children to pair (child files). */
  children: readonly ChildFileInput[];
  /** Candidate mentors; only those of the rule set's `mentorKinds` are paired. */
  mentors: readonly MentorInput[];
  /** Pairings already on file (any role; only active ones of the rule set's role are re-planned). */
  existing?: readonly PairingInput[];
  rules: PairingRuleSetInput;
  /** The plan date: availability, ages and the start/end of pairings (an instant or `Date` is read in `timeZone`). */
  asOf: AsOf;
  classes?: readonly SchoolClassInput[];
  timeZone?: TimeZone;
  exclusions?: readonly PairingExclusionInput[];
  childLocations?: Readonly<Record<string, GeoPoint>>;
  onMissing?: "error" | "end";
  idPrefix?: string;
  /**
   * When given, only the children left behind on `asOf` under this definition are paired; the
   * active pairings of the others end with `no-longer-left-behind` (a child drops out of scope on
   * the day the rule stops holding: the 16th birthday, a parent's return).
   */
  definition?: DefinitionChoice;
  /** The host's own rules (functions: the only non-serialisable input). */
  customRules?: readonly CustomPairingRule[];
}

const CustomRuleSchema = z.union([
  z.object({
    kind: z.literal("hard"),
    name: z.string().min(1).max(64),
    explanation: TextSchema,
    test: z.custom<(...a: unknown[]) => unknown>(
      (v) => typeof v === "function",
      "expected a function",
    ),
  }),
  z.object({
    kind: z.literal("soft"),
    name: z.string().min(1).max(64),
    weight: z.number().min(0).max(100),
    explanation: TextSchema,
    score: z.custom<(...a: unknown[]) => unknown>(
      (v) => typeof v === "function",
      "expected a function",
    ),
  }),
]);

/** The custom rules of {@link PlanPairingsInput}. */
const CustomRulesSchema = z.array(CustomRuleSchema);

/** {@link PlanPairingsInputSchema} without the children (checked one by one). */
const InputButChildrenSchema = PlanPairingsInputSchema.omit({ children: true });

/** {@link PlanPairingsInputSchema} without the lists that have quick checks. */
const InputButListsSchema = PlanPairingsInputSchema.omit({
  children: true,
  mentors: true,
  existing: true,
  classes: true,
});

/** A partition's own lists (its options are those every partition shares, parsed once). */
const PartitionListsSchema = PlanPairingsInputSchema.pick({
  mentors: true,
  existing: true,
  classes: true,
  exclusions: true,
  childLocations: true,
});

/** {@link PartitionListsSchema} without the lists that have quick checks. */
const QuickListsSchema = PartitionListsSchema.omit({
  mentors: true,
  existing: true,
  classes: true,
});

/**
 * The options every partition of a partitioned plan shares, parsed once: the part of a
 * {@link ParsedInput} that does not depend on the partition's lists.
 */
export type SharedPairingOptions = Pick<
  ParsedInput,
  "rules" | "asOf" | "timeZone" | "onMissing" | "idPrefix" | "customRules" | "definition"
>;

/** A child out of scope on the plan date: the file and the definition it was judged by. */
export interface OutOfScope {
  readonly file: ChildFile;
  readonly definition: DefinitionChoice;
}

/** The validated input. */
export type ParsedInput = Omit<z.infer<typeof PlanPairingsInputSchema>, "asOf"> & {
  /** The plan date, resolved to a calendar date in `timeZone`. */
  asOf: CalendarDate;
  customRules: readonly CustomPairingRule[];
  /** The left-behind definition the children were judged by, when one was given. */
  definition?: DefinitionChoice;
  /**
   * Children given but not left behind on `asOf` under `definition`, by id, each with the day
   * they left scope (a 16th birthday, the day after a parent came home).
   */
  outOfScope: ReadonlyMap<string, OutOfScope>;
  /** `children` sorted by id. */
  sortedChildren: readonly ChildFile[];
  /** The index of each child in `sortedChildren`, by id. */
  childIndex: ReadonlyMap<string, number>;
};

/** Order by id. */
export const byId = <T extends { id: string }>(a: T, b: T): number =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** The index of each item by its id (built without a `[id, index]` pair per item). */
export function indexById(items: readonly { readonly id: string }[]): Map<string, number> {
  const index = new Map<string, number>();
  for (let i = 0; i < items.length; i++) index.set(items[i]!.id, i);
  return index;
}

/** Names a host's rule may not take: the built-in hard and soft rules. */
const BUILTIN_RULE_NAMES: ReadonlySet<string> = new Set([
  "mentor-kind",
  "availability",
  "capacity",
  "same-school",
  "exclusion",
  "same-gender",
  "max-distance",
  ...BUILTIN_SOFT,
  "workload",
  "stability",
]);

export function issue(path: string, code: string, message: LocalizedText): FieldIssue {
  return {
    path,
    code,
    message: text(`字段 ${path}：${message["zh-CN"]}`, `${path}: ${message.en}`),
  };
}

/** Whether a pairing is active on `asOf` (not ended before it). */
export function isActive(p: Pairing, asOf: CalendarDate): boolean {
  return p.end === undefined || p.end >= asOf;
}

/**
 * Whether the plan re-plans an existing pairing: active, of the rule set's role, and with a
 * mentor of the rule set's kinds (or a mentor not given at all). Other pairings (a second
 * surrogate parent who is a village cadre, say) pass through untouched.
 */
export function isReplanned(
  p: Pairing,
  rules: { role: string; mentorKinds: readonly string[] },
  asOf: CalendarDate,
  kindOf: ReadonlyMap<string, string>,
): boolean {
  if (p.role !== rules.role || !isActive(p, asOf)) return false;
  const kind = kindOf.get(p.mentorId);
  return kind === undefined || rules.mentorKinds.includes(kind);
}

/**
 * Parses the input apart from the children. Mentors, existing pairings and classes already in
 * validated shape skip zod; when one of them is not, everything goes through zod (so do the
 * errors).
 */
function parseRest(
  data: Omit<PlanPairingsInput, "children" | "customRules" | "definition">,
  subject: LocalizedText,
  shared: SharedPairingOptions | undefined,
) {
  // Every row through its quick check, or `undefined` as soon as one (or the list) is not.
  const optionalList = <T>(list: unknown, row: (v: unknown) => T | undefined) =>
    list === undefined ? [] : listOf(list, Infinity, row);
  const mentors = listOf(data.mentors, Infinity, mentorInShape);
  const existing = optionalList(data.existing, pairingInShape);
  const classes = optionalList(data.classes, schoolClassInShape);
  const quick = mentors !== undefined && existing !== undefined && classes !== undefined;
  // With the options parsed once for every partition, only the partition's lists are read.
  const others = shared
    ? safeValidate(quick ? QuickListsSchema : PartitionListsSchema, data, { subject })
    : safeValidate(quick ? InputButListsSchema : InputButChildrenSchema, data, { subject });
  if (!others.success) return others;
  const options = shared && {
    rules: shared.rules,
    asOf: shared.asOf,
    timeZone: shared.timeZone,
    onMissing: shared.onMissing,
    idPrefix: shared.idPrefix,
  };
  return {
    success: true as const,
    data: {
      ...(quick ? { mentors, existing, classes } : {}),
      ...others.data,
      ...options,
    } as z.infer<typeof InputButChildrenSchema>,
  };
}

/**
 * Validates the input and checks ids; throws ValidationError listing every problem.
 * @param shared - The options of a partitioned plan, parsed once for every partition: given,
 * `input` is read for the partition's lists only.
 */
export function parseInput(input: PlanPairingsInput, shared?: SharedPairingOptions): ParsedInput {
  const subject = text("结对计划输入", "pairing plan input");
  requireObject(input, "input");
  const { children, customRules: ownRules, definition: ownDefinition, ...data } = input;
  const customRules = shared ? shared.customRules : (ownRules ?? []);
  const definition = shared ? shared.definition : ownDefinition;
  // Children are checked one by one against the fields pairing reads (a shallow copy with ids
  // and dates normalised, not a full parse of 40,000 files): a file already in that shape is
  // copied without zod, any other goes through `PairingChildSchema`. The rest is parsed whole.
  const rest = parseRest(data, subject, shared);
  const first: FieldIssue[] = rest.success ? [] : [...rest.error.issues];
  const checked: ChildFile[] = [];
  if (!Array.isArray(children)) {
    first.push(
      issue(
        "children",
        "invalid_type",
        text("应为儿童档案数组", "expected an array of child files"),
      ),
    );
  } else {
    const validRegions = new Set<string>();
    for (let i = 0; i < children.length && first.length < 100; i++) {
      const fast = pairingChildInShape(children[i], validRegions);
      if (fast !== undefined) {
        checked.push(fast);
        continue;
      }
      const source = { schema: PairingChildSchema, input: children[i] };
      const r = PairingChildSchema.safeParse(source.input);
      if (!r.success)
        first.push(...r.error.issues.map((x) => toFieldIssue(x, ["children", i], source)));
      else checked.push(r.data);
    }
  }
  if (first.length > 0 || !rest.success) throw new ValidationError(first, { subject });
  const asOf = shared ? shared.asOf : resolveAsOf(rest.data.asOf, rest.data.timeZone);
  const outOfScope = new Map<string, OutOfScope>();
  if (definition !== undefined) {
    const fileIssues: FieldIssue[] = [];
    (children as readonly unknown[]).forEach((c, i) => {
      const file = safeValidate(ChildFileSchema, c, { path: ["children", i] });
      if (!file.success) fileIssues.push(...file.error.issues);
      else if (!classifyLeftBehind(file.data, { asOf, definition }).leftBehind) {
        outOfScope.set(file.data.id, { file: file.data, definition });
      }
    });
    if (fileIssues.length > 0) throw new ValidationError(fileIssues, { subject });
  }
  const parsed = {
    ...rest.data,
    asOf,
    children: outOfScope.size === 0 ? checked : checked.filter((c) => !outOfScope.has(c.id)),
  };
  if (!shared) validate(CustomRulesSchema, customRules, { subject, path: ["customRules"] });
  const issues: FieldIssue[] = [];
  // The id sets are needed below anyway; a list whose set is smaller has a repeated id, and only
  // then is it searched again for the issues. The children's is the index the graph reads.
  const sortedChildren = [...parsed.children].sort(byId);
  const childIds = indexById(sortedChildren);
  const mentorIds = new Set(parsed.mentors.map((m) => m.id));
  if (childIds.size !== parsed.children.length)
    issues.push(...duplicateIdIssues(parsed.children, "children", text("儿童", "child")));
  if (mentorIds.size !== parsed.mentors.length)
    issues.push(...duplicateIdIssues(parsed.mentors, "mentors", text("导师", "mentor")));
  issues.push(...duplicateIdIssues(parsed.existing, "existing", text("结对", "pairing")));
  const kindOf = new Map(parsed.mentors.map((m) => [m.id, m.kind] as const));
  const activeChild = new Map<string, number>();
  parsed.existing.forEach((p, i) => {
    if (!isReplanned(p, parsed.rules, parsed.asOf, kindOf)) return;
    if (parsed.onMissing === "error") {
      if (!childIds.has(p.childId) && !outOfScope.has(p.childId)) {
        issues.push(
          issue(
            `existing[${i}].childId`,
            IssueCode.UNKNOWN_ID,
            text(
              `现有结对中的儿童 ${p.childId} 不在 children 中（如儿童已离开，请设 onMissing: "end"）`,
              `child ${p.childId} of an existing pairing is not in children (set onMissing: "end" if the child left)`,
            ),
          ),
        );
      }
      if (!mentorIds.has(p.mentorId)) {
        issues.push(
          issue(
            `existing[${i}].mentorId`,
            IssueCode.UNKNOWN_ID,
            text(
              `现有结对中的导师 ${p.mentorId} 不在 mentors 中（如导师已离开，请设 onMissing: "end"）`,
              `mentor ${p.mentorId} of an existing pairing is not in mentors (set onMissing: "end" if the mentor left)`,
            ),
          ),
        );
      }
    }
    const prev = activeChild.get(p.childId);
    if (prev !== undefined) {
      issues.push(
        issue(
          `existing[${i}].childId`,
          IssueCode.DUPLICATE_ID,
          text(
            `儿童 ${p.childId} 在角色 ${p.role} 下有两条进行中的结对（existing[${prev}] 与 existing[${i}]）`,
            `child ${p.childId} has two active pairings in role ${p.role} (existing[${prev}] and existing[${i}])`,
          ),
        ),
      );
    } else activeChild.set(p.childId, i);
  });
  parsed.exclusions.forEach((e, i) => {
    if (!childIds.has(e.childId))
      issues.push(
        issue(
          `exclusions[${i}].childId`,
          IssueCode.UNKNOWN_ID,
          text(`儿童 ${e.childId} 不在 children 中`, `child ${e.childId} is not in children`),
        ),
      );
    if (!mentorIds.has(e.mentorId))
      issues.push(
        issue(
          `exclusions[${i}].mentorId`,
          IssueCode.UNKNOWN_ID,
          text(`导师 ${e.mentorId} 不在 mentors 中`, `mentor ${e.mentorId} is not in mentors`),
        ),
      );
  });
  const ruleNames = new Set<string>();
  if (!shared)
    customRules.forEach((r, i) => {
      if (BUILTIN_RULE_NAMES.has(r.name) || ruleNames.has(r.name)) {
        issues.push(
          issue(
            `customRules[${i}].name`,
            IssueCode.DUPLICATE_ID,
            text(`规则名 ${r.name} 已被使用`, `rule name ${r.name} is already taken`),
          ),
        );
      }
      ruleNames.add(r.name);
    });
  if (issues.length > 0) throw new ValidationError(issues, { subject });
  return { ...parsed, customRules, definition, outOfScope, sortedChildren, childIndex: childIds };
}
