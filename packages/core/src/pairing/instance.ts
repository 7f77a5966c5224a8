/**
 * Input validation and the candidate graph shared by the planner and `explainWhyNot`.
 * Private to the pairing module.
 * @module
 */
import * as z from "zod";
import { IssueCode } from "../errors/codes";
import { ValidationError } from "../errors/errors";
import { duplicateIdIssues } from "../errors/duplicates";
import { toFieldIssue, type FieldIssue } from "../errors/issues";
import { safeValidate, validate, requireObject } from "../errors/validate";
import { text, type LocalizedText } from "../i18n";
import { GradeSchema, SchoolClassSchema } from "../model/area";
import { classifyLeftBehind, type DefinitionChoice } from "../classification/classify";
import {
  ChildFileSchema,
  RiskLevelSchema,
  type ChildFile,
  type ChildFileInput,
} from "../model/child-file";
import {
  GeoPointSchema,
  MentorSchema,
  PairingSchema,
  type GeoPoint,
  type Mentor,
  type MentorInput,
  type Pairing,
  type PairingInput,
} from "../model/mentor";
import {
  AsOfSchema,
  CalendarDateSchema,
  GenderSchema,
  IdSchema,
  RegionCodeSchema,
  TimeZoneSchema,
} from "../model/primitives";
import type { SchoolClassInput } from "../model/area";
import { resolveAsOf } from "../time/convert";
import { DEFAULT_TIME_ZONE, type AsOf, type CalendarDate, type TimeZone } from "../time/types";
import {
  areaOf,
  BUILTIN_SOFT,
  isEligible,
  isPriority,
  makeEvalContext,
  softGain,
  workloadPenalty,
  type EvalContext,
} from "./evaluate";
import { solveFlow } from "./flow";
import {
  capacityOf,
  PairingRuleSetSchema,
  type CustomPairingRule,
  type PairingCapacity,
  type PairingRuleSet,
  type PairingRuleSetInput,
} from "./rules";

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
  /**
   * Children given but not left behind on `asOf` under `definition`, by id, each with the day
   * they left scope (a 16th birthday, the day after a parent came home).
   */
  outOfScope: ReadonlyMap<string, OutOfScope>;
};

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

function issue(path: string, code: string, message: LocalizedText): FieldIssue {
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

/** Validates the input and checks ids; throws ValidationError listing every problem. */
export function parseInput(input: PlanPairingsInput): ParsedInput {
  const subject = text("结对计划输入", "pairing plan input");
  requireObject(input, "input");
  const { customRules = [], children, definition, ...data } = input;
  // Children are checked one by one against the fields pairing reads (a shallow copy with ids
  // and dates normalised, not a full parse of 40,000 files); the rest is parsed whole.
  const rest = safeValidate(PlanPairingsInputSchema.omit({ children: true }), data, { subject });
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
    for (let i = 0; i < children.length && first.length < 100; i++) {
      const source = { schema: PairingChildSchema, input: children[i] };
      const r = PairingChildSchema.safeParse(source.input);
      if (!r.success)
        first.push(...r.error.issues.map((x) => toFieldIssue(x, ["children", i], source)));
      else checked.push(r.data);
    }
  }
  if (first.length > 0 || !rest.success) throw new ValidationError(first, { subject });
  const asOf = resolveAsOf(rest.data.asOf, rest.data.timeZone);
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
    children: checked.filter((c) => !outOfScope.has(c.id)),
  };
  validate(z.array(CustomRuleSchema), customRules, { subject, path: ["customRules"] });
  const issues: FieldIssue[] = [];
  issues.push(
    ...duplicateIdIssues(parsed.children, "children", text("儿童", "child")),
    ...duplicateIdIssues(parsed.mentors, "mentors", text("导师", "mentor")),
    ...duplicateIdIssues(parsed.existing, "existing", text("结对", "pairing")),
  );
  const childIds = new Set(parsed.children.map((c) => c.id));
  const mentorIds = new Set(parsed.mentors.map((m) => m.id));
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
  return { ...parsed, customRules, outOfScope };
}

/** A connected component of the candidate graph. */
export interface Component {
  readonly children: number[];
  readonly mentors: number[];
}

/** The candidate graph: children and mentors sorted by id, edges in compressed-row form. */
export interface Instance {
  readonly input: ParsedInput;
  readonly ctx: EvalContext;
  readonly rules: PairingRuleSet;
  readonly children: ChildFile[];
  /** Mentors of the rule set's kinds, sorted by id. */
  readonly mentors: Mentor[];
  /** Every mentor given, by id (also those out of scope). */
  readonly allMentors: ReadonlyMap<string, Mentor>;
  readonly childIndex: ReadonlyMap<string, number>;
  readonly mentorIndex: ReadonlyMap<string, number>;
  readonly priority: Uint8Array;
  readonly caps: PairingCapacity[];
  /** The existing pairing the plan re-plans, by child index (see {@link isReplanned}). */
  readonly activeByChild: ReadonlyMap<number, Pairing>;
  /** Kind of every mentor given, by id. */
  readonly kindOf: ReadonlyMap<string, string>;
  readonly edgeStart: Int32Array;
  readonly edgeMentor: Int32Array;
  readonly edgeGain: Float64Array;
  readonly components: Component[];
}

const byId = <T extends { id: string }>(a: T, b: T): number =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** Builds the candidate graph (hard rules applied, soft gains computed) and its components. */
export function buildInstance(input: ParsedInput): Instance {
  const rules = input.rules;
  const ctx = makeEvalContext({
    rules,
    custom: input.customRules,
    asOf: input.asOf,
    timeZone: input.timeZone,
    classes: input.classes,
    exclusions: input.exclusions,
    childLocations: input.childLocations,
  });
  const children = [...input.children].sort(byId);
  const allMentors = new Map(input.mentors.map((m) => [m.id, m] as const));
  const mentors = input.mentors.filter((m) => rules.mentorKinds.includes(m.kind)).sort(byId);
  const childIndex = new Map(children.map((c, i) => [c.id, i] as const));
  const mentorIndex = new Map(mentors.map((m, i) => [m.id, i] as const));
  const priority = Uint8Array.from(children, (c) => (isPriority(c, rules) ? 1 : 0));
  const caps = mentors.map((m) => capacityOf(m, rules));
  const kindOf = new Map(input.mentors.map((m) => [m.id, m.kind] as const));
  const activeByChild = new Map<number, Pairing>();
  for (const p of input.existing) {
    if (!isReplanned(p, rules, input.asOf, kindOf)) continue;
    const ci = childIndex.get(p.childId);
    if (ci !== undefined) activeByChild.set(ci, p);
  }

  // Buckets so each child only meets mentors it could be paired with.
  const md = rules.hard.maxDistance;
  const bySchool = new Map<string, number[]>();
  const byArea = new Map<string, number[]>();
  const global: number[] = [];
  mentors.forEach((m, j) => {
    if (rules.hard.sameSchoolKinds.includes(m.kind)) {
      if (m.schoolId === undefined) return; // can never pass same-school
      const list = bySchool.get(m.schoolId) ?? [];
      list.push(j);
      bySchool.set(m.schoolId, list);
    } else if (md?.area !== undefined && (md.kinds === undefined || md.kinds.includes(m.kind))) {
      const a = areaOf(m.regionCode, md.area);
      if (a === undefined) return; // can never pass max-distance
      const list = byArea.get(a) ?? [];
      list.push(j);
      byArea.set(a, list);
    } else global.push(j);
  });

  const edgeStart = new Int32Array(children.length + 1);
  const em: number[] = [];
  const eg: number[] = [];
  children.forEach((c, i) => {
    edgeStart[i] = em.length;
    // Mentor indexes from up to three buckets, each ascending; merge only when needed.
    const lists: (readonly number[])[] = [];
    if (c.child.schoolId !== undefined) lists.push(bySchool.get(c.child.schoolId) ?? []);
    if (md?.area !== undefined) {
      const a = areaOf(c.child.regionCode, md.area);
      if (a !== undefined) lists.push(byArea.get(a) ?? []);
    }
    lists.push(global);
    const nonEmpty = lists.filter((l) => l.length > 0);
    let cand: readonly number[];
    if (nonEmpty.length <= 1) cand = nonEmpty[0] ?? [];
    else {
      const merged = nonEmpty.flat();
      merged.sort((a, b) => a - b);
      cand = merged;
    }
    const existingMentor = activeByChild.get(i)?.mentorId;
    const pri = priority[i] === 1;
    for (const j of cand) {
      const m = mentors[j]!;
      if (!isEligible(ctx, c, m)) continue;
      em.push(j);
      eg.push(softGain(ctx, c, m, existingMentor === m.id, pri));
    }
  });
  edgeStart[children.length] = em.length;
  const edgeMentor = Int32Array.from(em);
  const edgeGain = Float64Array.from(eg);

  // Connected components (union–find over children 0..n-1 and mentors n..n+m-1).
  const n = children.length;
  const parent = Int32Array.from({ length: n + mentors.length }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  for (let i = 0; i < n; i++) {
    for (let e = edgeStart[i]!; e < edgeStart[i + 1]!; e++) {
      const a = find(i);
      const b = find(n + edgeMentor[e]!);
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  }
  const compOf = new Map<number, Component>();
  const components: Component[] = [];
  for (let i = 0; i < n; i++) {
    if (edgeStart[i + 1] === edgeStart[i]) continue;
    const r = find(i);
    let comp = compOf.get(r);
    if (!comp) {
      comp = { children: [], mentors: [] };
      compOf.set(r, comp);
      components.push(comp);
    }
    comp.children.push(i);
  }
  for (let j = 0; j < mentors.length; j++) {
    const comp = compOf.get(find(n + j));
    if (comp) comp.mentors.push(j);
  }
  return {
    input,
    ctx,
    rules,
    children,
    mentors,
    allMentors,
    childIndex,
    mentorIndex,
    priority,
    caps,
    activeByChild,
    kindOf,
    edgeStart,
    edgeMentor,
    edgeGain,
    components,
  };
}

/** The lexicographic objective of an assignment, level by level. */
export interface Objective {
  priorityMatched: number;
  matched: number;
  minimumMet: number;
  /** Total points × SCALE (soft rules, stability, minus workload). */
  score: number;
}

/** Compares objectives lexicographically: > 0 when `a` is better. */
export function compareObjective(a: Objective, b: Objective): number {
  return (
    a.priorityMatched - b.priorityMatched ||
    a.matched - b.matched ||
    a.minimumMet - b.minimumMet ||
    a.score - b.score
  );
}

/** Solution of a component: the chosen edge per child index (absent = unmatched). */
export interface ComponentSolution {
  readonly edgeOf: Map<number, number>;
  readonly objective: Objective;
  readonly searches: number;
}

/** Objective of an assignment (edge per child) inside a component. */
export function objectiveOf(
  inst: Instance,
  comp: Component,
  edgeOf: ReadonlyMap<number, number>,
): Objective {
  const load = new Map<number, number>();
  const o: Objective = { priorityMatched: 0, matched: 0, minimumMet: 0, score: 0 };
  for (const i of comp.children) {
    const e = edgeOf.get(i);
    if (e === undefined) continue;
    o.matched++;
    if (inst.priority[i]) o.priorityMatched++;
    o.score += inst.edgeGain[e]!;
    const j = inst.edgeMentor[e]!;
    load.set(j, (load.get(j) ?? 0) + 1);
  }
  for (const j of comp.mentors) {
    const l = load.get(j) ?? 0;
    const cap = inst.caps[j]!;
    o.minimumMet += Math.min(l, cap.min);
    for (let k = 1; k <= l; k++) o.score -= workloadPenalty(inst.rules, k, cap.max);
  }
  return o;
}

/**
 * Solves one component exactly. With `forced`, that child may only take that mentor and must
 * be matched (used to price a pair that was not made).
 */
export function solveComponent(
  inst: Instance,
  comp: Component,
  forced?: { child: number; mentor: number },
): ComponentSolution {
  const R = comp.children.length;
  const C = comp.mentors.length;
  const colOf = new Map<number, number>();
  comp.mentors.forEach((j, c) => colOf.set(j, c));
  const rowHi = new Float64Array(R);
  const edgeStart = new Int32Array(R + 1);
  const edgeCol: number[] = [];
  const edgeGain: number[] = [];
  const edgeGlobal: number[] = [];
  let maxGainSum = 0;
  let maxEdge = 0;
  const bigHi = R * (R + 2) + 1;
  comp.children.forEach((i, r) => {
    edgeStart[r] = edgeCol.length;
    rowHi[r] = inst.priority[i] ? R + 2 : 1;
    let best = 0;
    for (let e = inst.edgeStart[i]!; e < inst.edgeStart[i + 1]!; e++) {
      const j = inst.edgeMentor[e]!;
      if (forced && forced.child === i && forced.mentor !== j) continue;
      const g = inst.edgeGain[e]!;
      edgeCol.push(colOf.get(j)!);
      edgeGain.push(g);
      edgeGlobal.push(e);
      if (g > best) best = g;
    }
    if (forced && forced.child === i) rowHi[r] = bigHi;
    maxGainSum += best;
    if (best > maxEdge) maxEdge = best;
  });
  edgeStart[R] = edgeCol.length;
  const cap = new Int32Array(C);
  const slotStart = new Int32Array(C + 1);
  let penaltySum = 0;
  // A mentor never takes more children than it has candidates.
  const deg = new Int32Array(C);
  for (let k = 0; k < edgeCol.length; k++) deg[edgeCol[k]!]!++;
  comp.mentors.forEach((j, c) => {
    cap[c] = Math.min(inst.caps[j]!.max, deg[c]!);
    slotStart[c + 1] = slotStart[c]! + cap[c]!;
    for (let k = 1; k <= cap[c]!; k++)
      penaltySum += workloadPenalty(inst.rules, k, inst.caps[j]!.max);
  });
  const M = maxGainSum + penaltySum + 1;
  const slotGain = new Float64Array(slotStart[C]!);
  comp.mentors.forEach((j, c) => {
    const { min, max } = inst.caps[j]!;
    for (let k = 0; k < cap[c]!; k++) {
      slotGain[slotStart[c]! + k] = (k < min ? M : 0) - workloadPenalty(inst.rules, k + 1, max);
    }
  });
  const bound = (2 * (R + C) + 2) * (M + maxEdge + M);
  if (!(bound < 2 ** 52)) {
    throw new ValidationError(
      [
        issue(
          "rules.soft",
          "too_large",
          text(
            "实例过大，整数精度不足：请降低权重或拆分计划",
            "instance too large for exact integer arithmetic: lower the weights or split the plan",
          ),
        ),
      ],
      { subject: text("结对计划输入", "pairing plan input") },
    );
  }
  const res = solveFlow({
    rows: R,
    cols: C,
    rowHi,
    edgeStart,
    edgeCol,
    edgeGain,
    cap,
    slotStart,
    slotGain,
  });
  const edgeOf = new Map<number, number>();
  comp.children.forEach((i, r) => {
    const e = res.rowEdge[r]!;
    if (e >= 0) edgeOf.set(i, edgeGlobal[e]!);
  });
  return { edgeOf, objective: objectiveOf(inst, comp, edgeOf), searches: res.searches };
}
