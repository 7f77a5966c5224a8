import * as z from "zod";
import type { LocalizedText } from "../i18n";
import type { ChildFile } from "../model/child-file";
import { RiskLevelSchema } from "../model/child-file";
import type { SchoolClass } from "../model/area";
import { MentorKindSchema, PairingRoleSchema, type Mentor, type MentorKind } from "../model/mentor";
import type { CalendarDate, TimeZone } from "../time/types";

const Weight = z.number().min(0).max(100);
const Text = z.object({ "zh-CN": z.string().min(1), en: z.string().min(1) });

/**
 * Capacity of a mentor: how many children at least (where children suffice) and at most.
 * @example
 * PairingCapacitySchema.parse({ max: 3 }) //=> { min: 0, max: 3 }
 * @category Pairing
 */
export const PairingCapacitySchema = z
  .object({
    min: z.number().int().min(0).max(10_000).default(0),
    max: z.number().int().min(0).max(10_000),
  })
  .refine((c) => c.min <= c.max, { message: "min must not exceed max", path: ["min"] });
/**
 * @example
 * const c: PairingCapacity = { min: 2, max: 3 };
 * @category Pairing
 */
export type PairingCapacity = z.infer<typeof PairingCapacitySchema>;

/**
 * Hard rules: a pair that breaks one is never made.
 * @example
 * PairingHardRulesSchema.parse({}).availability //=> true
 * @category Pairing
 */
export const PairingHardRulesSchema = z.object({
  /** Mentor kinds that must belong to the child's school (teacher mentors). */
  sameSchoolKinds: z.array(MentorKindSchema).default(["class-teacher", "subject-teacher"]),
  /** From this age on (completed years at `asOf`), child and mentor must be of the same gender. */
  sameGenderFromAge: z.number().int().min(0).max(18).nullable().default(null),
  /**
   * Maximum distance: the same area (child's and mentor's region codes share the ancestor at this
   * level) and/or at most `km` between the mentor's location and the child's (given to
   * `planPairings` as `childLocations`). `kinds` limits the rule to some mentor kinds.
   */
  maxDistance: z
    .object({
      area: z.enum(["village", "township", "county"]).optional(),
      km: z.number().positive().optional(),
      kinds: z.array(MentorKindSchema).optional(),
    })
    .nullable()
    .default(null),
  /** Mentors are only paired while `availableFrom ≤ asOf ≤ availableTo`. */
  availability: z.boolean().default(true),
});
/**
 * @example
 * const h: PairingHardRules = { sameSchoolKinds: ["class-teacher"], sameGenderFromAge: 12, maxDistance: { area: "township" }, availability: true };
 * @category Pairing
 */
export type PairingHardRules = z.infer<typeof PairingHardRulesSchema>;

/**
 * Soft rules: weights (0–100 points) of the preferences a pair scores on.
 * @example
 * PairingSoftRulesSchema.parse({ classTeacher: 10 }).workload //=> 0
 * @category Pairing
 */
export const PairingSoftRulesSchema = z.object({
  /** The mentor is the child's class teacher (班主任). */
  classTeacher: Weight.default(0),
  /** The mentor teaches the child's class. */
  sameClass: Weight.default(0),
  /** The mentor teaches a class of the child's grade (needs `classes`). */
  sameGrade: Weight.default(0),
  /** The mentor belongs to the child's school. */
  sameSchool: Weight.default(0),
  /** The mentor lives in the child's village (full points) or township (half). */
  sameVillage: Weight.default(0),
  /** Key cases and high-risk children go to experienced mentors: `min(1, years / experienceYears)`. */
  experience: Weight.default(0),
  /** Workload balance: the k-th child of a mentor with capacity c costs `weight × (k−1)/(c−1)`. */
  workload: Weight.default(0),
});
/**
 * @example
 * const s: PairingSoftRules = PairingSoftRulesSchema.parse({ classTeacher: 10, workload: 2 });
 * @category Pairing
 */
export type PairingSoftRules = z.infer<typeof PairingSoftRulesSchema>;

/**
 * A rule set for one kind of pairing: which mentors, the role they take, capacities, hard
 * rules, soft-rule weights, priorities and stability. Plain data: store it, send it, diff it.
 * @example
 * const rules = PairingRuleSetSchema.parse({ name: "teachers", role: "mentor", mentorKinds: ["class-teacher"] });
 * rules.capacity.default //=> { min: 0, max: 1 }
 * @category Pairing
 */
export const PairingRuleSetSchema = z.object({
  /** A short stable name. */
  name: z.string().min(1).max(64),
  /** Where the rule set comes from (the wording of the work summary it follows). */
  source: Text.optional(),
  /** The role the new pairings carry. */
  role: PairingRoleSchema,
  /** Mentor kinds this rule set pairs; other mentors are left out of the plan. */
  mentorKinds: z.array(MentorKindSchema).min(1),
  capacity: z
    .object({
      default: PairingCapacitySchema.default({ min: 0, max: 1 }),
      byKind: z.partialRecord(MentorKindSchema, PairingCapacitySchema).default({}),
    })
    .default({ default: { min: 0, max: 1 }, byKind: {} }),
  hard: PairingHardRulesSchema.default({
    sameSchoolKinds: ["class-teacher", "subject-teacher"],
    sameGenderFromAge: null,
    maxDistance: null,
    availability: true,
  }),
  soft: PairingSoftRulesSchema.default({
    classTeacher: 0,
    sameClass: 0,
    sameGrade: 0,
    sameSchool: 0,
    sameVillage: 0,
    experience: 0,
    workload: 0,
  }),
  /** Years of experience that earn full points on the `experience` rule. */
  experienceYears: z.number().positive().max(60).default(5),
  /** Bonus (points) for keeping each existing pair that is still allowed (结对+接力). */
  stability: Weight.default(5),
  /** Who is served first: key cases and children at these risk levels. */
  priority: z
    .object({
      keyCase: z.boolean().default(true),
      riskLevels: z.array(RiskLevelSchema).default(["high", "critical"]),
    })
    .default({ keyCase: true, riskLevels: ["high", "critical"] }),
});
/**
 * A validated rule set (defaults applied).
 * @example
 * const rules: PairingRuleSet = PairingRuleSetSchema.parse(TEACHER_PAIRING_PRESET);
 * @category Pairing
 */
export type PairingRuleSet = z.infer<typeof PairingRuleSetSchema>;
/**
 * A rule set as a host writes it (defaults optional).
 * @example
 * const mine: PairingRuleSetInput = { ...TEACHER_PAIRING_PRESET, stability: 8 };
 * @category Pairing
 */
export type PairingRuleSetInput = z.input<typeof PairingRuleSetSchema>;

/**
 * What a custom rule sees besides the child and the mentor.
 * @example
 * const test = (c: ChildFile, m: Mentor, ctx: PairingRuleContext) => ctx.asOf >= "2026-09-01";
 * @category Pairing
 */
export interface PairingRuleContext {
  readonly asOf: CalendarDate;
  readonly timeZone: TimeZone;
  /** Classes by id, when given to the planner. */
  readonly classes: ReadonlyMap<string, SchoolClass>;
}

/**
 * A host's own hard rule: `test` returns `true` when the pair is allowed.
 * @example
 * const notRelatives: CustomHardRule = {
 *   kind: "hard", name: "not-relatives",
 *   explanation: text("导师是儿童的亲属", "the mentor is a relative of the child"),
 *   test: (child, mentor) => !relatives.has(`${child.id}:${mentor.id}`),
 * };
 * @category Pairing
 */
export interface CustomHardRule {
  readonly kind: "hard";
  readonly name: string;
  /** Why a pair breaking the rule is excluded. */
  readonly explanation: LocalizedText;
  readonly test: (child: ChildFile, mentor: Mentor, ctx: PairingRuleContext) => boolean;
}

/**
 * A host's own soft rule: `score` returns a value in [0, 1], worth `weight × value` points.
 * @example
 * const sharedInterest: CustomSoftRule = {
 *   kind: "soft", name: "shared-interest", weight: 2,
 *   explanation: text("兴趣相同", "shares an interest"),
 *   score: (child, mentor) => (interests(mentor).includes(child.child.interests ?? "") ? 1 : 0),
 * };
 * @category Pairing
 */
export interface CustomSoftRule {
  readonly kind: "soft";
  readonly name: string;
  readonly weight: number;
  readonly explanation: LocalizedText;
  readonly score: (child: ChildFile, mentor: Mentor, ctx: PairingRuleContext) => number;
}

/**
 * @example
 * const rules: CustomPairingRule[] = [notRelatives, sharedInterest];
 * @category Pairing
 */
export type CustomPairingRule = CustomHardRule | CustomSoftRule;

/** Capacity of a mentor under a rule set: the mentor's own override, else its kind's, else the default. */
export function capacityOf(mentor: Mentor, rules: PairingRuleSet): PairingCapacity {
  const base = rules.capacity.byKind[mentor.kind] ?? rules.capacity.default;
  const max = mentor.capacity?.max ?? base.max;
  const min = Math.min(mentor.capacity?.min ?? base.min, max);
  return { min, max };
}

const TEACHERS: MentorKind[] = ["class-teacher", "subject-teacher"];

/**
 * Teacher mentors (帮扶教师): each teacher takes 2–3 children of their own school, the class
 * teacher first, key cases to experienced teachers, load balanced.
 * Source: “每班推荐4—5名典型留守儿童与我校在职教师结对，每位教师结对2—3名留守儿童”.
 * @example
 * planPairings({ children, mentors, rules: TEACHER_PAIRING_PRESET, asOf: "2026-09-01" })
 * @category Pairing
 */
export const TEACHER_PAIRING_PRESET: PairingRuleSetInput = {
  name: "teacher-mentors",
  source: {
    "zh-CN": "每班推荐4—5名典型留守儿童与我校在职教师结对，每位教师结对2—3名留守儿童",
    en: "Each class recommends 4–5 typical left-behind children for pairing with teachers; each teacher pairs with 2–3 children.",
  },
  role: "mentor",
  mentorKinds: TEACHERS,
  capacity: { default: { min: 2, max: 3 }, byKind: {} },
  hard: {
    sameSchoolKinds: TEACHERS,
    sameGenderFromAge: null,
    maxDistance: null,
    availability: true,
  },
  soft: {
    classTeacher: 10,
    sameClass: 5,
    sameGrade: 2,
    sameSchool: 0,
    sameVillage: 1,
    experience: 4,
    workload: 2,
  },
  experienceYears: 5,
  stability: 5,
  priority: { keyCase: true, riskLevels: ["high", "critical"] },
};

/**
 * Surrogate parents (代理家长): every teacher helps at least one child and is surrogate parent for
 * at most two. Source: “让教师成为‘代理家长’”; “每一位老师都与留守孩子结对子”.
 * @example
 * planPairings({ children, mentors, rules: SURROGATE_PARENT_PRESET, asOf: "2026-09-01" })
 * @category Pairing
 */
export const SURROGATE_PARENT_PRESET: PairingRuleSetInput = {
  name: "surrogate-parents",
  source: {
    "zh-CN": "让教师成为“代理家长”；每一位老师都与留守孩子结对子",
    en: "Teachers become surrogate parents; every teacher pairs with left-behind children.",
  },
  role: "surrogate-parent",
  mentorKinds: TEACHERS,
  capacity: { default: { min: 1, max: 2 }, byKind: {} },
  hard: {
    sameSchoolKinds: TEACHERS,
    sameGenderFromAge: null,
    maxDistance: null,
    availability: true,
  },
  soft: {
    classTeacher: 10,
    sameClass: 5,
    sameGrade: 2,
    sameSchool: 0,
    sameVillage: 2,
    experience: 4,
    workload: 2,
  },
  experienceYears: 5,
  stability: 5,
  priority: { keyCase: true, riskLevels: ["high", "critical"] },
};

/**
 * Caring counsellors (爱心辅导员): 1–2 children each, in the same township, visiting twice a month.
 * Source: “每位爱心辅导员负责一至两名儿童的帮扶”.
 * @example
 * planPairings({ children, mentors, rules: COUNSELLOR_PAIRING_PRESET, asOf: "2026-09-01" })
 * @category Pairing
 */
export const COUNSELLOR_PAIRING_PRESET: PairingRuleSetInput = {
  name: "caring-counsellors",
  source: {
    "zh-CN": "每位爱心辅导员负责一至两名儿童的帮扶",
    en: "Each caring counsellor is responsible for helping one or two children.",
  },
  role: "counsellor",
  mentorKinds: ["counsellor"],
  capacity: { default: { min: 1, max: 2 }, byKind: {} },
  hard: {
    sameSchoolKinds: [],
    sameGenderFromAge: null,
    maxDistance: { area: "township" },
    availability: true,
  },
  soft: {
    classTeacher: 0,
    sameClass: 0,
    sameGrade: 0,
    sameSchool: 0,
    sameVillage: 6,
    experience: 4,
    workload: 1,
  },
  experienceYears: 3,
  stability: 5,
  priority: { keyCase: true, riskLevels: ["high", "critical"] },
};

/**
 * Caring mothers (爱心妈妈) and other volunteers paired one-to-one (一对一), same township.
 * Source: “按照‘结对+接力’的模式陆续开展了志愿者和孩子‘一对一’的亲情陪伴”.
 * @example
 * planPairings({ children, mentors, rules: CARING_MOTHER_PRESET, asOf: "2026-09-01" })
 * @category Pairing
 */
export const CARING_MOTHER_PRESET: PairingRuleSetInput = {
  name: "caring-mothers",
  source: {
    "zh-CN": "按照“结对+接力”的模式陆续开展了志愿者和孩子“一对一”的亲情陪伴",
    en: "Volunteers and children paired one-to-one for family-like companionship, as 'pair + relay'.",
  },
  role: "volunteer",
  mentorKinds: ["caring-mother"],
  capacity: { default: { min: 0, max: 1 }, byKind: {} },
  hard: {
    sameSchoolKinds: [],
    sameGenderFromAge: null,
    maxDistance: { area: "township" },
    availability: true,
  },
  soft: {
    classTeacher: 0,
    sameClass: 0,
    sameGrade: 0,
    sameSchool: 0,
    sameVillage: 6,
    experience: 2,
    workload: 0,
  },
  experienceYears: 3,
  stability: 5,
  priority: { keyCase: true, riskLevels: ["high", "critical"] },
};

/**
 * Child directors (儿童主任): the village's child director follows every child of the village
 * (民发〔2019〕34号: one child director per village).
 * @example
 * planPairings({ children, mentors, rules: CHILD_DIRECTOR_PRESET, asOf: "2026-09-01" })
 * @category Pairing
 */
export const CHILD_DIRECTOR_PRESET: PairingRuleSetInput = {
  name: "child-directors",
  source: {
    "zh-CN": "民发〔2019〕34号：村（居）委会设立儿童主任",
    en: "Ministry of Civil Affairs 2019 No. 34: each village (residents') committee has a child director.",
  },
  role: "director",
  mentorKinds: ["child-director"],
  capacity: { default: { min: 0, max: 10_000 }, byKind: {} },
  hard: {
    sameSchoolKinds: [],
    sameGenderFromAge: null,
    maxDistance: { area: "village" },
    availability: true,
  },
  soft: {
    classTeacher: 0,
    sameClass: 0,
    sameGrade: 0,
    sameSchool: 0,
    sameVillage: 1,
    experience: 0,
    workload: 0,
  },
  experienceYears: 5,
  stability: 5,
  priority: { keyCase: true, riskLevels: ["high", "critical"] },
};

/**
 * Every preset by name.
 * @example
 * Object.keys(PAIRING_PRESETS) //=> ["teacher-mentors", "surrogate-parents", "caring-counsellors", "caring-mothers", "child-directors"]
 * @category Pairing
 */
export const PAIRING_PRESETS = {
  "teacher-mentors": TEACHER_PAIRING_PRESET,
  "surrogate-parents": SURROGATE_PARENT_PRESET,
  "caring-counsellors": COUNSELLOR_PAIRING_PRESET,
  "caring-mothers": CARING_MOTHER_PRESET,
  "child-directors": CHILD_DIRECTOR_PRESET,
} as const satisfies Record<string, PairingRuleSetInput>;
