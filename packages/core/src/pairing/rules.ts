import * as z from "zod";
import { refusal } from "../_lib/refusal";
import type { LocalizedText } from "../i18n";
import type { ChildFile, RiskLevel } from "../model/child-file";
import { RiskLevelSchema } from "../model/child-file";
import type { SchoolClass } from "../model/area";
import { MentorKindSchema, PairingRoleSchema, type Mentor, type MentorKind } from "../model/mentor";
import type { CalendarDate, TimeZone } from "../time/types";
import { cite, SeedCitationSchema } from "../sources/cite";

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
  .refine(
    (c) => c.min <= c.max,
    refusal("最少人数不能多于最多人数", "min must not exceed max", ["min"]),
  );
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
  /** The lines of the work summaries it follows, checkable against the seed file. */
  citations: z.array(SeedCitationSchema).optional(),
  /**
   * How many children each class recommends for this kind of pairing (每班推荐4—5名), chosen
   * by `recommendPerClass` before planning: key cases and higher risk first.
   */
  classQuota: PairingCapacitySchema.optional(),
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

/** Hard rules with no school and no distance required (volunteers, cadres), as a fresh object. */
function openHard(over: Partial<PairingRuleSetInput["hard"] & object> = {}) {
  return {
    sameSchoolKinds: [],
    sameGenderFromAge: null,
    maxDistance: null,
    availability: true,
    ...over,
  };
}

/** Soft weights, zero unless named, as a fresh object. */
function softWeights(over: Partial<PairingSoftRules>) {
  return {
    classTeacher: 0,
    sameClass: 0,
    sameGrade: 0,
    sameSchool: 0,
    sameVillage: 0,
    experience: 0,
    workload: 0,
    ...over,
  };
}

/** Key cases and high or critical risk first, as a fresh object. */
const keyCasesFirst = () => ({ keyCase: true, riskLevels: ["high", "critical"] as RiskLevel[] });

/**
 * Teacher mentors (帮扶教师): each class recommends 4–5 typical children (`classQuota`, applied by
 * `recommendPerClass`), each teacher takes 2–3 of them in their own school, the class teacher
 * first, key cases to experienced teachers, load balanced.
 * Source: “每班推荐4—5名典型留守儿童与我校在职教师结对，每位教师结对2—3名留守儿童” (school
 * summary, L106).
 * @example
 * const { recommended } = recommendPerClass(children, TEACHER_PAIRING_PRESET);
 * planPairings({ children: recommended, mentors, rules: TEACHER_PAIRING_PRESET, asOf: "2026-09-01" })
 * @category Pairing
 */
export const TEACHER_PAIRING_PRESET: PairingRuleSetInput = {
  name: "teacher-mentors",
  source: {
    "zh-CN": "每班推荐4—5名典型留守儿童与我校在职教师结对，每位教师结对2—3名留守儿童",
    en: "Each class recommends 4–5 typical left-behind children for pairing with teachers; each teacher pairs with 2–3 children.",
  },
  citations: [
    cite("school", 106, "每班推荐4—5名典型留守儿童与我校在职教师结对，每位教师结对2—3名留守儿童"),
  ],
  classQuota: { min: 4, max: 5 },
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
 * Surrogate parents (代理家长): each teacher is surrogate parent for two children (capacity
 * exactly two where children suffice). Source: “各教师代理两位留守儿童的家长” (school summary,
 * L18). The same summary also says “每位教师需帮扶一位留守儿童” (school summary, L21): a school that follows
 * that line sets `capacity.default` to `{ min: 1, max: 1 }`.
 * @example
 * planPairings({ children, mentors, rules: SURROGATE_PARENT_PRESET, asOf: "2026-09-01" })
 * @category Pairing
 */
export const SURROGATE_PARENT_PRESET: PairingRuleSetInput = {
  name: "surrogate-parents",
  source: {
    "zh-CN": "各教师代理两位留守儿童的家长",
    en: "Each teacher is the surrogate parent of two left-behind children.",
  },
  citations: [cite("school", 18, "实行代理家长制……各教师代理两位留守儿童的家长")],
  role: "surrogate-parent",
  mentorKinds: TEACHERS,
  capacity: { default: { min: 2, max: 2 }, byKind: {} },
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
 * Caring counsellors (爱心辅导员) of a community children's home: 1–2 children each, visiting
 * twice a month; nearer children score higher (same village), but no distance is required.
 * Source: “每位爱心辅导员负责一至两名儿童的帮扶” (community summary, L67).
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
  citations: [cite("community", 67, "每位爱心辅导员负责一至两名儿童的帮扶")],
  role: "counsellor",
  mentorKinds: ["counsellor"],
  capacity: { default: { min: 1, max: 2 }, byKind: {} },
  hard: openHard(),
  soft: softWeights({ sameVillage: 6, experience: 4, workload: 1 }),
  experienceYears: 3,
  stability: 5,
  priority: keyCasesFirst(),
};

/**
 * Caring mothers (爱心妈妈) and other volunteers paired one-to-one (一对一); nearer children
 * score higher, but no distance is required. Source: “按照“结对+接力”的模式陆续开展了志愿者和孩子
 * “一对一”的亲情陪伴” (city report, L27); a community mother “负责孩子的全年的学习开销，还定期到学校
 * 看望，节假日领回到自己家中” (school summary, L7).
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
  citations: [
    cite("city", 27, "按照“结对+接力”的模式陆续开展了志愿者和孩子“一对一”的亲情陪伴"),
    cite("school", 7, "社会妈妈负责孩子的全年的学习开销，还定期到学校看望，节假日领回到自己家中"),
  ],
  role: "volunteer",
  mentorKinds: ["caring-mother"],
  capacity: { default: { min: 0, max: 1 }, byKind: {} },
  hard: openHard(),
  soft: softWeights({ sameVillage: 6, experience: 2 }),
  experienceYears: 3,
  stability: 5,
  priority: keyCasesFirst(),
};

/**
 * The class teacher as caring mother (爱心妈妈) of every left-behind child of the class: the
 * class teacher's own class scores far above anything else and capacity is unbounded, so each
 * child goes to the class teacher of their class. Source: “首先让班主任做本班留守儿童的“爱心妈妈”，
 * 让全班留守儿童结对子” (class-teacher summary, L84).
 * @example
 * planPairings({ children, mentors, rules: CLASS_TEACHER_CARING_MOTHER_PRESET, asOf: "2026-09-01" })
 * @category Pairing
 */
export const CLASS_TEACHER_CARING_MOTHER_PRESET: PairingRuleSetInput = {
  name: "class-teacher-caring-mothers",
  source: {
    "zh-CN": "首先让班主任做本班留守儿童的“爱心妈妈”，让全班留守儿童结对子",
    en: "The class teacher is the caring mother of every left-behind child of the class.",
  },
  citations: [
    cite("class-teacher", 84, "首先让班主任做本班留守儿童的“爱心妈妈”，让全班留守儿童结对子"),
  ],
  role: "surrogate-parent",
  mentorKinds: ["class-teacher"],
  capacity: { default: { min: 0, max: 10_000 }, byKind: {} },
  hard: openHard({ sameSchoolKinds: ["class-teacher"] }),
  soft: softWeights({ classTeacher: 100 }),
  experienceYears: 5,
  stability: 5,
  priority: keyCasesFirst(),
};

/**
 * Cadres of a city or county work unit paired one-to-one (一对一) with the children of the
 * villages the unit is linked with, whatever the township: the unit's cadres live in town.
 * Mentors are of kind `other`. Source: “实行了一对一帮扶联系村留守儿童制度” (work-unit
 * summary, L189).
 * @example
 * planPairings({ children, mentors: cadres, rules: CADRE_PAIRING_PRESET, asOf: "2026-09-01" })
 * @category Pairing
 */
export const CADRE_PAIRING_PRESET: PairingRuleSetInput = {
  name: "work-unit-cadres",
  source: {
    "zh-CN": "实行了一对一帮扶联系村留守儿童制度",
    en: "Cadres of the unit are paired one-to-one with the left-behind children of its linked villages.",
  },
  citations: [cite("work-unit", 189, "实行了一对一帮扶联系村留守儿童制度")],
  role: "volunteer",
  mentorKinds: ["other"],
  capacity: { default: { min: 0, max: 1 }, byKind: {} },
  hard: openHard(),
  soft: softWeights({ experience: 2 }),
  experienceYears: 5,
  stability: 5,
  priority: keyCasesFirst(),
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
  hard: openHard({ maxDistance: { area: "village" } }),
  soft: softWeights({ sameVillage: 1 }),
  experienceYears: 5,
  stability: 5,
  priority: keyCasesFirst(),
};

/**
 * Every preset by name.
 * @example
 * Object.keys(PAIRING_PRESETS) //=> ["teacher-mentors", "surrogate-parents", "caring-counsellors", "caring-mothers", "class-teacher-caring-mothers", "work-unit-cadres", "child-directors"]
 * @category Pairing
 */
export const PAIRING_PRESETS = {
  "teacher-mentors": TEACHER_PAIRING_PRESET,
  "surrogate-parents": SURROGATE_PARENT_PRESET,
  "caring-counsellors": COUNSELLOR_PAIRING_PRESET,
  "caring-mothers": CARING_MOTHER_PRESET,
  "class-teacher-caring-mothers": CLASS_TEACHER_CARING_MOTHER_PRESET,
  "work-unit-cadres": CADRE_PAIRING_PRESET,
  "child-directors": CHILD_DIRECTOR_PRESET,
} as const satisfies Record<string, PairingRuleSetInput>;
