/**
 * Evaluation of hard and soft pairing rules for one (child, mentor) pair. Private to the module.
 * @module
 */
import { ValidationError } from "../errors/errors";
import { describeValue } from "../errors/issues";
import { text, type LocalizedText } from "../i18n";
import type { SchoolClass } from "../model/area";
import type { ChildFile } from "../model/child-file";
import type { GeoPoint, Mentor } from "../model/mentor";
import { ageOn } from "../time/calendar-date";
import type { CalendarDate, TimeZone } from "../time/types";
import {
  capacityOf,
  type CustomHardRule,
  type CustomPairingRule,
  type CustomSoftRule,
  type PairingRuleContext,
  type PairingRuleSet,
} from "./rules";

/** Points are scaled by this factor to integers before solving (no float drift). */
export const SCALE = 1000;

/**
 * A hard rule that excludes a pair, with the reason.
 * @example
 * plan.unmatched[0].excluded[0].violations[0] //=> { rule: "same-school", explanation: { … } }
 * @category Pairing
 */
export interface PairingViolation {
  /** Stable rule name: `mentor-kind`, `availability`, `capacity`, `same-school`, `exclusion`, `same-gender`, `max-distance`, or a custom rule's name. */
  readonly rule: string;
  readonly explanation: LocalizedText;
}

/**
 * One line of a pair's score: the rule, its weight, the value in [0, 1] (or the slot for
 * `workload`), the points it gives, and why.
 * @example
 * plan.pairs[0].breakdown.at(-1) //=> { rule: "workload", weight: 2, value: 2, points: -1, explanation: { … } }
 * @category Pairing
 */
export interface ScoreTerm {
  readonly rule: string;
  readonly weight: number;
  readonly value: number;
  readonly points: number;
  readonly explanation: LocalizedText;
}

/** Everything rule evaluation needs, built once per plan. */
export interface EvalContext {
  readonly rules: PairingRuleSet;
  readonly hardCustom: readonly { rule: CustomHardRule; index: number }[];
  readonly softCustom: readonly { rule: CustomSoftRule; index: number }[];
  readonly asOf: CalendarDate;
  /**
   * The latest birth date of a child the same-gender rule applies to on `asOf` (compared as a
   * string), `""` when no child can be old enough; `undefined` without the rule.
   */
  readonly sameGenderBornBy: string | undefined;
  readonly timeZone: TimeZone;
  readonly classes: ReadonlyMap<string, SchoolClass>;
  readonly exclusions: ReadonlyMap<string, LocalizedText | undefined>;
  readonly childLocations: ReadonlyMap<string, GeoPoint>;
  readonly ruleContext: PairingRuleContext;
  /** Soft-rule weights in evaluation order (built-in, stability, custom). */
  readonly weights: readonly number[];
  /** Soft-rule names in the same order. */
  readonly softNames: readonly string[];
  /** Working array of soft-rule values, reused pair after pair within one plan. */
  readonly scratch: number[];
  /** Explanations shared between the pairs of one plan (a county plan has tens of thousands of lines). */
  readonly texts: Map<string, LocalizedText>;
  /**
   * Score lines shared (frozen) between the pairs of one plan, by value: one map for each soft
   * rule (its index in `softNames`), then one for each workload capacity (`softNames.length + cap`).
   */
  readonly terms: Map<number, ScoreTerm>[];
}

/** Builds the evaluation context of one plan (nothing in it outlives the call). */
export function makeEvalContext(args: {
  rules: PairingRuleSet;
  custom: readonly CustomPairingRule[];
  asOf: CalendarDate;
  timeZone: TimeZone;
  classes: readonly SchoolClass[];
  exclusions: readonly { childId: string; mentorId: string; reason?: LocalizedText | undefined }[];
  childLocations: Readonly<Record<string, GeoPoint>>;
}): EvalContext {
  const classes = new Map(args.classes.map((c) => [c.id, c] as const));
  const exclusions = new Map<string, LocalizedText | undefined>();
  for (const e of args.exclusions) exclusions.set(`${e.childId}\u0000${e.mentorId}`, e.reason);
  const hardCustom: { rule: CustomHardRule; index: number }[] = [];
  const softCustom: { rule: CustomSoftRule; index: number }[] = [];
  args.custom.forEach((rule, index) => {
    if (rule.kind === "hard") hardCustom.push({ rule, index });
    else softCustom.push({ rule, index });
  });
  return {
    rules: args.rules,
    hardCustom,
    softCustom,
    asOf: args.asOf,
    sameGenderBornBy: bornBy(args.asOf, args.rules.hard.sameGenderFromAge),
    timeZone: args.timeZone,
    classes,
    exclusions,
    childLocations: new Map(Object.entries(args.childLocations)),
    ruleContext: { asOf: args.asOf, timeZone: args.timeZone, classes },
    weights: [
      args.rules.soft.classTeacher,
      args.rules.soft.sameClass,
      args.rules.soft.sameGrade,
      args.rules.soft.sameSchool,
      args.rules.soft.sameVillage,
      args.rules.soft.experience,
      args.rules.stability,
      ...softCustom.map((c) => c.rule.weight),
    ],
    softNames: [...BUILTIN_SOFT, "stability", ...softCustom.map((c) => c.rule.name)],
    scratch: [],
    texts: new Map(),
    terms: [],
  };
}

/**
 * The latest `YYYY-MM-DD` birth date of someone `years` or older on `asOf` (a child born on it
 * or before is, as by `ageOn`: a 29 February birthday falls on 1 March), `""` when the year would
 * be negative; `undefined` when `years` is `null`.
 */
function bornBy(asOf: CalendarDate, years: number | null): string | undefined {
  if (years === null) return undefined;
  const year = Number(asOf.slice(0, 4)) - years;
  return year < 0 ? "" : `${String(year).padStart(4, "0")}${asOf.slice(4)}`;
}

/** Whether a child is served first under the rule set. */
export function isPriority(child: ChildFile, rules: PairingRuleSet): boolean {
  return (
    (rules.priority.keyCase && child.keyCase === true) ||
    (child.riskLevel !== undefined && rules.priority.riskLevels.includes(child.riskLevel))
  );
}

/** Great-circle distance in km. */
export function haversineKm(a: GeoPoint, b: GeoPoint): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

const AREA_ZH = { village: "村", township: "乡镇", county: "县" } as const;

/** The region code ancestor at a level, or undefined when the code is not that deep. */
export function areaOf(
  code: string | undefined,
  level: "village" | "township" | "county",
): string | undefined {
  if (code === undefined) return undefined;
  const len = level === "village" ? 12 : level === "township" ? 9 : 6;
  return code.length >= len ? code.slice(0, len) : undefined;
}

function customError(
  index: number,
  name: string,
  message: LocalizedText,
  cause?: unknown,
): ValidationError {
  const path = `customRules[${index}]`;
  return new ValidationError(
    [
      {
        path,
        code: "custom_rule",
        message: text(
          `字段 ${path}（${name}）：${message["zh-CN"]}`,
          `${path} (${name}): ${message.en}`,
        ),
      },
    ],
    { subject: text("自定义结对规则", "custom pairing rule"), cause },
  );
}

/**
 * Calls a host's rule on a pair; an exception becomes a ValidationError naming the rule and the
 * pair. Called once a pair and rule: no closure is made for the call.
 */
function callCustom(
  custom: { readonly rule: CustomHardRule | CustomSoftRule; readonly index: number },
  child: ChildFile,
  mentor: Mentor,
  context: EvalContext["ruleContext"],
): unknown {
  const { rule } = custom;
  try {
    return rule.kind === "hard"
      ? rule.test(child, mentor, context)
      : rule.score(child, mentor, context);
  } catch (cause) {
    throw customThrew(custom, child, mentor, cause);
  }
}

/** The error of a host's rule that threw on a pair. */
function customThrew(
  custom: { readonly rule: CustomHardRule | CustomSoftRule; readonly index: number },
  child: ChildFile,
  mentor: Mentor,
  cause: unknown,
): ValidationError {
  return customError(
    custom.index,
    custom.rule.name,
    text(
      `规则抛出异常（儿童 ${child.id}，导师 ${mentor.id}）`,
      `the rule threw (child ${child.id}, mentor ${mentor.id})`,
    ),
    cause,
  );
}

/**
 * Hard rules a pair breaks (all of them when `all`, else stops at the first).
 */
export function hardViolations(
  ctx: EvalContext,
  child: ChildFile,
  mentor: Mentor,
  all = true,
): PairingViolation[] {
  const out: PairingViolation[] = [];
  const { rules, asOf } = ctx;
  const push = (rule: string, explanation: LocalizedText): boolean => {
    out.push({ rule, explanation });
    return !all;
  };
  if (!rules.mentorKinds.includes(mentor.kind)) {
    if (
      push(
        "mentor-kind",
        text(
          `导师类型 ${mentor.kind} 不在本规则集（${rules.mentorKinds.join("、")}）内`,
          `mentor kind ${mentor.kind} is not paired by this rule set (${rules.mentorKinds.join(", ")})`,
        ),
      )
    )
      return out;
  }
  if (rules.hard.availability) {
    if (mentor.availableFrom !== undefined && asOf < mentor.availableFrom) {
      if (
        push(
          "availability",
          text(
            `导师自 ${mentor.availableFrom} 起才可结对（计划日期 ${asOf}）`,
            `the mentor is available only from ${mentor.availableFrom} (plan date ${asOf})`,
          ),
        )
      )
        return out;
    }
    if (mentor.availableTo !== undefined && asOf > mentor.availableTo) {
      if (
        push(
          "availability",
          text(
            `导师的可结对期限已于 ${mentor.availableTo} 结束`,
            `the mentor's availability ended on ${mentor.availableTo}`,
          ),
        )
      )
        return out;
    }
  }
  if (capacityOf(mentor, rules).max === 0) {
    if (push("capacity", text("导师的结对容量为 0", "the mentor's capacity is 0"))) return out;
  }
  if (rules.hard.sameSchoolKinds.includes(mentor.kind)) {
    const cs = child.child.schoolId;
    if (cs === undefined || cs !== mentor.schoolId) {
      if (
        push(
          "same-school",
          cs === undefined
            ? text(
                "儿童档案未登记学校，帮扶教师须同校",
                "the child's school is not recorded; teacher mentors must be of the same school",
              )
            : text(
                `帮扶教师须与儿童同校（儿童 ${cs}，教师 ${mentor.schoolId ?? "未登记"}）`,
                `teacher mentors must be of the child's school (child ${cs}, mentor ${mentor.schoolId ?? "none"})`,
              ),
        )
      )
        return out;
    }
  }
  const excl = ctx.exclusions;
  const key = `${child.id}\u0000${mentor.id}`;
  if (excl.has(key)) {
    const reason = excl.get(key);
    if (
      push(
        "exclusion",
        reason
          ? text(`已明确排除：${reason["zh-CN"]}`, `explicitly excluded: ${reason.en}`)
          : text("该结对已被明确排除", "this pair is explicitly excluded"),
      )
    )
      return out;
  }
  const fromAge = rules.hard.sameGenderFromAge;
  if (
    fromAge !== null &&
    ageOn(child.child.birthDate, asOf) >= fromAge &&
    mentor.gender !== child.child.gender
  ) {
    if (
      push(
        "same-gender",
        mentor.gender === undefined
          ? text(
              `儿童已满 ${fromAge} 岁须同性别结对，导师性别未登记`,
              `the child is ${fromAge} or older and needs a mentor of the same gender; the mentor's gender is not recorded`,
            )
          : text(
              `儿童已满 ${fromAge} 岁须同性别结对`,
              `the child is ${fromAge} or older and needs a mentor of the same gender`,
            ),
      )
    )
      return out;
  }
  const md = rules.hard.maxDistance;
  if (md !== null && (md.kinds === undefined || md.kinds.includes(mentor.kind))) {
    if (md.area !== undefined) {
      const a = areaOf(child.child.regionCode, md.area);
      const b = areaOf(mentor.regionCode, md.area);
      if (a === undefined || b === undefined || a !== b) {
        if (
          push(
            "max-distance",
            b === undefined
              ? text(
                  `导师未登记到${AREA_ZH[md.area]}一级的区划代码`,
                  `the mentor's region code does not reach the ${md.area}`,
                )
              : text(
                  `导师与儿童不在同一${AREA_ZH[md.area]}`,
                  `the mentor is not in the child's ${md.area}`,
                ),
          )
        )
          return out;
      }
    }
    if (md.km !== undefined) {
      const cl = ctx.childLocations.get(child.id);
      const ml = mentor.location;
      if (cl === undefined || ml === undefined) {
        if (
          push(
            "max-distance",
            text(
              "缺少儿童或导师的坐标，无法核对距离",
              "the child's or the mentor's coordinates are missing, the distance cannot be checked",
            ),
          )
        )
          return out;
      } else {
        const d = haversineKm(cl, ml);
        if (d > md.km) {
          if (
            push(
              "max-distance",
              text(
                `距离 ${d.toFixed(1)} 公里，超过上限 ${md.km} 公里`,
                `${d.toFixed(1)} km apart, more than the ${md.km} km limit`,
              ),
            )
          )
            return out;
        }
      }
    }
  }
  for (const custom of ctx.hardCustom) {
    const { rule, index } = custom;
    const ok: unknown = callCustom(custom, child, mentor, ctx.ruleContext);
    if (typeof ok !== "boolean") {
      throw customError(
        index,
        rule.name,
        text(
          `应返回布尔值（儿童 ${child.id}，导师 ${mentor.id}）`,
          `expected a boolean (child ${child.id}, mentor ${mentor.id})`,
        ),
      );
    }
    if (!ok && push(rule.name, rule.explanation)) return out;
  }
  return out;
}

/**
 * Whether a mentor can take any child at all: of the rule set's kinds, available on the plan
 * date, with room for one. The rules of {@link hardViolations} that read the mentor alone.
 */
export function isMentorEligible(ctx: EvalContext, mentor: Mentor): boolean {
  const { rules, asOf } = ctx;
  if (!rules.mentorKinds.includes(mentor.kind)) return false;
  if (rules.hard.availability) {
    if (mentor.availableFrom !== undefined && asOf < mentor.availableFrom) return false;
    if (mentor.availableTo !== undefined && asOf > mentor.availableTo) return false;
  }
  return capacityOf(mentor, rules).max > 0;
}

/** Whether the same-gender rule applies to a child (old enough on the plan date). */
export function needsSameGender(ctx: EvalContext, child: ChildFile): boolean {
  const bornBy = ctx.sameGenderBornBy;
  return bornBy !== undefined && child.child.birthDate <= bornBy;
}

/**
 * Whether a pair passes the hard rules that read both sides, for a mentor that passes
 * {@link isMentorEligible}; `sameGender` is {@link needsSameGender} of the child.
 */
export function isPairEligible(
  ctx: EvalContext,
  child: ChildFile,
  mentor: Mentor,
  sameGender: boolean,
): boolean {
  const { rules } = ctx;
  if (rules.hard.sameSchoolKinds.includes(mentor.kind)) {
    const cs = child.child.schoolId;
    if (cs === undefined || cs !== mentor.schoolId) return false;
  }
  if (ctx.exclusions.size > 0 && ctx.exclusions.has(`${child.id}\u0000${mentor.id}`)) return false;
  if (sameGender && mentor.gender !== child.child.gender) return false;
  if (rules.hard.maxDistance !== null || ctx.hardCustom.length > 0)
    return hardViolations(ctx, child, mentor, false).length === 0;
  return true;
}

/** Whether a pair passes every hard rule (no allocation; same logic as {@link hardViolations}). */
export function isEligible(ctx: EvalContext, child: ChildFile, mentor: Mentor): boolean {
  return (
    isMentorEligible(ctx, mentor) && isPairEligible(ctx, child, mentor, needsSameGender(ctx, child))
  );
}

/** Whether the mentor is the child's class teacher. */
function isClassTeacher(ctx: EvalContext, child: ChildFile, mentor: Mentor): boolean {
  const cid = child.child.classId;
  if (cid === undefined) return false;
  const cls = ctx.classes.get(cid);
  if (cls?.classTeacherId !== undefined) return cls.classTeacherId === mentor.id;
  return mentor.kind === "class-teacher" && mentor.classIds[0] === cid;
}

function gradeOf(ctx: EvalContext, child: ChildFile): number | undefined {
  if (child.child.grade !== undefined) return child.child.grade;
  const cid = child.child.classId;
  return cid === undefined ? undefined : ctx.classes.get(cid)?.grade;
}

const Y = 1;
const N = 0;

/** Raw soft-rule values in a fixed order (built-in rules, stability, then custom rules). */
export interface SoftEval {
  readonly values: number[];
  readonly gain: number;
}

/** Names of the built-in soft rules in evaluation order. */
export const BUILTIN_SOFT = [
  "classTeacher",
  "sameClass",
  "sameGrade",
  "sameSchool",
  "sameVillage",
  "experience",
] as const;

/** Soft-rule values and the integer gain (points × SCALE) of a pair. */
export function softEval(
  ctx: EvalContext,
  child: ChildFile,
  mentor: Mentor,
  existing: boolean,
  priority: boolean,
): SoftEval {
  const values: number[] = [];
  const gain = softInto(ctx, child, mentor, existing, priority, values);
  return { values, gain };
}

/**
 * A part of a pair's gain: `builtin`, what the built-in rules give; `builtin-but-village`, the
 * same without the `sameVillage` rule (the one built-in rule that reads the child's region code:
 * {@link villageGain} gives it).
 */
export type SoftPart = "builtin" | "builtin-but-village";

/**
 * The integer gain of a pair (same as `softEval(...).gain`). With `part`, only that part of it
 * (it depends on the child's rule inputs alone, so children alike share it); {@link addCustomGains}
 * and {@link villageGain} give the rest. Every term is a whole number, so the parts add up to
 * the whole exactly (for a new pair: stability is in none).
 */
export function softGain(
  ctx: EvalContext,
  child: ChildFile,
  mentor: Mentor,
  existing: boolean,
  priority: boolean,
  part?: SoftPart,
): number {
  return softInto(ctx, child, mentor, existing, priority, undefined, part);
}

function softInto(
  ctx: EvalContext,
  child: ChildFile,
  mentor: Mentor,
  existing: boolean,
  priority: boolean,
  out: number[] | undefined,
  part?: SoftPart,
): number {
  const { rules } = ctx;
  const w = rules.soft;
  const weights = ctx.weights;
  const v = ctx.scratch;
  let k = 0;
  v[k++] = w.classTeacher > 0 && isClassTeacher(ctx, child, mentor) ? Y : N;
  const cid = child.child.classId;
  v[k++] = w.sameClass > 0 && cid !== undefined && mentor.classIds.includes(cid) ? Y : N;
  let grade = N;
  if (w.sameGrade > 0) {
    const g = gradeOf(ctx, child);
    if (g !== undefined && mentor.classIds.some((id) => ctx.classes.get(id)?.grade === g))
      grade = Y;
  }
  v[k++] = grade;
  v[k++] =
    w.sameSchool > 0 &&
    child.child.schoolId !== undefined &&
    child.child.schoolId === mentor.schoolId
      ? Y
      : N;
  v[k++] = w.sameVillage > 0 && part !== "builtin-but-village" ? villageValue(child, mentor) : N;
  v[k++] =
    w.experience > 0 && priority
      ? Math.min(1, (mentor.experienceYears ?? 0) / rules.experienceYears)
      : N;
  v[k++] = existing ? Y : N;
  if (part === undefined)
    for (const custom of ctx.softCustom) v[k++] = customValue(ctx, custom, child, mentor);
  let gain = 0;
  for (let i = 0; i < k; i++) {
    const wi = weights[i]!;
    const vi = v[i]!;
    if (out) out.push(vi);
    gain += termGain(wi, vi);
  }
  return gain;
}

/**
 * The integer gain of one soft term: weight × value in points × SCALE, rounded; 0 unless both
 * are positive. Every part of a pair's gain adds these, so the parts add up to the whole.
 */
function termGain(weight: number, value: number): number {
  return weight > 0 && value > 0 ? Math.round(weight * value * SCALE) : 0;
}

/** A custom soft rule's value for a pair: a number in [0, 1], or a ValidationError naming it. */
function customValue(
  ctx: EvalContext,
  custom: EvalContext["softCustom"][number],
  child: ChildFile,
  mentor: Mentor,
): number {
  const r: unknown = callCustom(custom, child, mentor, ctx.ruleContext);
  if (!isCustomValue(r)) throw notCustomValue(custom, child, mentor, r);
  return r;
}

/** Whether a custom soft rule returned what it may: a number in [0, 1]. */
const isCustomValue = (r: unknown): r is number => typeof r === "number" && r >= 0 && r <= 1;

/** The error of a custom soft rule that returned something else than a number in [0, 1]. */
function notCustomValue(
  custom: EvalContext["softCustom"][number],
  child: ChildFile,
  mentor: Mentor,
  r: unknown,
): ValidationError {
  return customError(
    custom.index,
    custom.rule.name,
    text(
      `应返回 0 到 1 之间的数（儿童 ${child.id}，导师 ${mentor.id}，收到 ${describeValue(r)}）`,
      `expected a number in [0, 1] (child ${child.id}, mentor ${mentor.id}, received ${describeValue(r)})`,
    ),
  );
}

/**
 * Adds the custom soft rules' part of each pair's gain (what `softGain` adds to its `builtin`
 * part) to `gain[e]`, for the pairs of `child` with `mentors[mentorOf[e]]`, `e` in
 * `[from, to)`: the graph adds it to the built-in part that alike children share, for each of a
 * dense county's million pairs. The rules are called pair after pair, in their order, as
 * {@link softEval} calls them; no call of the library's own comes between two of them.
 * @throws ValidationError naming the rule and the pair: a rule that threw or returned
 * something else than a number in [0, 1].
 */
export function addCustomGains(
  ctx: EvalContext,
  child: ChildFile,
  mentors: readonly Mentor[],
  mentorOf: Int32Array,
  gain: Float64Array,
  from: number,
  to: number,
): void {
  const customs = ctx.softCustom;
  const context = ctx.ruleContext;
  const weights = ctx.weights;
  const at = BUILTIN_SOFT.length + 1;
  let e = from;
  let i = 0;
  let r: unknown;
  try {
    pairs: for (; e < to; e++) {
      const mentor = mentors[mentorOf[e]!]!;
      let g = 0;
      for (i = 0; i < customs.length; i++) {
        r = customs[i]!.rule.score(child, mentor, context);
        if (!isCustomValue(r)) break pairs;
        g += termGain(weights[at + i]!, r);
      }
      gain[e] = gain[e]! + g;
    }
  } catch (cause) {
    throw customThrew(customs[i]!, child, mentors[mentorOf[e]!]!, cause);
  }
  if (e < to) throw notCustomValue(customs[i]!, child, mentors[mentorOf[e]!]!, r);
}

/** The `sameVillage` value of a pair: 1 in the same village, 0.5 in the same township, else 0. */
function villageValue(child: ChildFile, mentor: Mentor): number {
  if (mentor.regionCode === undefined) return N;
  const shared = sharedPrefix(child.child.regionCode, mentor.regionCode, 12);
  return shared >= 12 ? Y : shared >= 9 ? 0.5 : N;
}

/**
 * What the `sameVillage` rule adds to a pair's gain: `softGain(…, "builtin")` is
 * `softGain(…, "builtin-but-village")` plus this, exactly. It reads the child's and the
 * mentor's region codes alone: mentors of one code give the same.
 */
export function villageGain(ctx: EvalContext, child: ChildFile, mentor: Mentor): number {
  const w = ctx.rules.soft.sameVillage;
  return w > 0 ? termGain(w, villageValue(child, mentor)) : 0;
}

/** How many leading characters two codes share, counting at most `max` (no allocation). */
function sharedPrefix(a: string, b: string, max: number): number {
  const n = Math.min(a.length, b.length, max);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Weights in the order of {@link softEval}'s values. */
export function softWeights(ctx: EvalContext): readonly number[] {
  return ctx.weights;
}

const SOFT_TEXT: Record<string, (v: number) => LocalizedText> = {
  classTeacher: (v) =>
    v
      ? text("导师是儿童的班主任", "the mentor is the child's class teacher")
      : text("导师不是儿童的班主任", "the mentor is not the child's class teacher"),
  sameClass: (v) =>
    v
      ? text("导师任教儿童所在班级", "the mentor teaches the child's class")
      : text("导师不任教儿童所在班级", "the mentor does not teach the child's class"),
  sameGrade: (v) =>
    v
      ? text("导师任教儿童所在年级", "the mentor teaches the child's grade")
      : text(
          "导师不任教儿童所在年级（或未知）",
          "the mentor does not teach the child's grade (or it is unknown)",
        ),
  sameSchool: (v) =>
    v
      ? text("导师与儿童同校", "the mentor belongs to the child's school")
      : text("导师与儿童不同校", "the mentor is not of the child's school"),
  sameVillage: (v) =>
    v === 1
      ? text("导师与儿童同村", "the mentor lives in the child's village")
      : v > 0
        ? text("导师与儿童同乡镇", "the mentor lives in the child's township")
        : text("导师与儿童不同村镇", "the mentor lives in another township"),
  experience: (v) =>
    text(
      `重点对象或高风险儿童配有经验的导师：得分 ${v.toFixed(2)}`,
      `key case or high-risk child matched to an experienced mentor: value ${v.toFixed(2)}`,
    ),
  stability: (v) =>
    v
      ? text("保留原有结对（稳定性）", "keeps the existing pair (stability)")
      : text("新的结对", "a new pair"),
};

/** A text built once per key and plan, and shared by the pairs of that plan. */
export function cachedText(
  ctx: EvalContext,
  key: string,
  make: () => LocalizedText,
): LocalizedText {
  let t = ctx.texts.get(key);
  if (t === undefined) {
    t = make();
    if (ctx.texts.size < 10_000) ctx.texts.set(key, t);
  }
  return t;
}
function softText(ctx: EvalContext, name: string, value: number): LocalizedText {
  return cachedText(ctx, `${name}\u0000${value}`, () => SOFT_TEXT[name]!(value));
}

/**
 * The score line of rule `slot` (see {@link EvalContext.terms}) at `value`: built once per plan
 * and shared, frozen, by every pair with the same line (a county plan has 60,000 of them, most
 * alike). Values that are not plain finite numbers, and a rule with over 10,000 distinct values,
 * get lines of their own.
 */
function sharedTerm(
  ctx: EvalContext,
  slot: number,
  value: number,
  make: (ctx: EvalContext, slot: number, value: number) => ScoreTerm,
): ScoreTerm {
  const cache = (ctx.terms[slot] ??= new Map());
  let t = cache.get(value);
  if (t === undefined) {
    t = Object.freeze(make(ctx, slot, value));
    if (Number.isFinite(value) && !Object.is(value, -0) && cache.size < 10_000) cache.set(value, t);
  }
  return t;
}

/** The score line of soft rule `i` (its index in `softNames`) at `value`. */
function softTerm(ctx: EvalContext, i: number, value: number): ScoreTerm {
  const weight = ctx.weights[i]!;
  const name = ctx.softNames[i]!;
  const custom =
    i >= BUILTIN_SOFT.length + 1 ? ctx.softCustom[i - BUILTIN_SOFT.length - 1]!.rule : undefined;
  return {
    rule: name,
    weight,
    value,
    points: Math.round(weight * value * SCALE) / SCALE,
    explanation: custom
      ? text(
          `${custom.explanation["zh-CN"]}：得分 ${value.toFixed(2)}`,
          `${custom.explanation.en}: value ${value.toFixed(2)}`,
        )
      : softText(ctx, name, value),
  };
}

/** The score breakdown of a pair (soft rules with a weight > 0). */
export function softTerms(ctx: EvalContext, values: readonly number[]): ScoreTerm[] {
  const weights = softWeights(ctx);
  const terms: ScoreTerm[] = [];
  for (let i = 0; i < weights.length; i++)
    if (weights[i]! > 0) terms.push(sharedTerm(ctx, i, values[i]!, softTerm));
  return terms;
}

/** Integer penalty (points × SCALE) of a mentor's k-th child (k from 1) under the workload rule. */
export function workloadPenalty(rules: PairingRuleSet, k: number, cap: number): number {
  const w = rules.soft.workload;
  if (w <= 0 || cap <= 1) return 0;
  return Math.round((w * SCALE * (k - 1)) / (cap - 1));
}

/** The workload line of the k-th slot of a mentor whose capacity is `slot - softNames.length`. */
function workloadLine(ctx: EvalContext, slot: number, k: number): ScoreTerm {
  const cap = slot - ctx.softNames.length;
  const pen = workloadPenalty(ctx.rules, k, cap);
  return {
    rule: "workload",
    weight: ctx.rules.soft.workload,
    value: k,
    points: pen === 0 ? 0 : -pen / SCALE,
    explanation: text(
      `导师的第 ${k} 名结对儿童（容量 ${cap}），负担均衡扣分`,
      `the mentor's child no. ${k} (capacity ${cap}): workload balance cost`,
    ),
  };
}

/** The workload line of a pair that holds a mentor's k-th slot. */
export function workloadTerm(ctx: EvalContext, k: number, cap: number): ScoreTerm | undefined {
  if (ctx.rules.soft.workload <= 0) return undefined;
  return sharedTerm(ctx, ctx.softNames.length + cap, k, workloadLine);
}
