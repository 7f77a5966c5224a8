/**
 * An independent oracle for pairing tests: eligibility, capacities, priorities, score gains and
 * the best objective, computed from the raw input with none of the planner's code (no
 * `parseInput`, `buildInstance`, `capacityOf`, `isEligible` or `softGain`). Small and slow on
 * purpose: it reads like the rules in `docs/guide/pairing.md`. Not exported by the package.
 * @module
 */
import fc from "fast-check";
import type { ChildFile } from "../model/child-file";
import type { SchoolClass } from "../model/area";
import type { Mentor, Pairing } from "../model/mentor";
import { child, mentor } from "./pairing.test-helper";
import type { PairingPlan } from "./plan";
import type { PairingRuleSetInput } from "./rules";

/** Points are compared as integers: points × 1000, each term rounded. */
const POINTS = 1000;

/** The rule set as the oracle reads it: every field written out (no defaults). */
export interface OracleRules {
  name: string;
  role: "mentor";
  mentorKinds: Mentor["kind"][];
  capacity: {
    default: { min: number; max: number };
    byKind: Partial<Record<Mentor["kind"], { min: number; max: number }>>;
  };
  hard: {
    sameSchoolKinds: Mentor["kind"][];
    sameGenderFromAge: number | null;
    maxDistance: { area: "village" | "township"; kinds?: Mentor["kind"][] } | null;
    availability: boolean;
  };
  soft: {
    classTeacher: number;
    sameClass: number;
    sameGrade: number;
    sameSchool: number;
    sameVillage: number;
    experience: number;
    workload: number;
  };
  experienceYears: number;
  stability: number;
  priority: { keyCase: boolean; riskLevels: ("low" | "medium" | "high" | "critical")[] };
}

/** A host's rule set with the documented defaults filled in (see `PairingRuleSetSchema`). */
export function oracleRulesOf(r: PairingRuleSetInput): OracleRules {
  const soft = r.soft ?? {};
  return {
    name: r.name,
    role: "mentor",
    mentorKinds: [...r.mentorKinds],
    capacity: {
      default: { min: r.capacity?.default?.min ?? 0, max: r.capacity?.default?.max ?? 1 },
      byKind: Object.fromEntries(
        Object.entries(r.capacity?.byKind ?? {}).map(([k, c]) => [
          k,
          { min: c.min ?? 0, max: c.max },
        ]),
      ),
    },
    hard: {
      sameSchoolKinds: [...(r.hard?.sameSchoolKinds ?? ["class-teacher", "subject-teacher"])],
      sameGenderFromAge: r.hard?.sameGenderFromAge ?? null,
      maxDistance: null,
      availability: r.hard?.availability ?? true,
    },
    soft: {
      classTeacher: soft.classTeacher ?? 0,
      sameClass: soft.sameClass ?? 0,
      sameGrade: soft.sameGrade ?? 0,
      sameSchool: soft.sameSchool ?? 0,
      sameVillage: soft.sameVillage ?? 0,
      experience: soft.experience ?? 0,
      workload: soft.workload ?? 0,
    },
    experienceYears: r.experienceYears ?? 5,
    stability: r.stability ?? 5,
    priority: {
      keyCase: r.priority?.keyCase ?? true,
      riskLevels: [...(r.priority?.riskLevels ?? ["high", "critical"])],
    },
  };
}

/** A pairing problem in the planner's input shape, with the rule set written out in full. */
export interface PairingProblem {
  children: ChildFile[];
  mentors: Mentor[];
  rules: OracleRules;
  existing: Pairing[];
  classes: SchoolClass[];
  exclusions: { childId: string; mentorId: string }[];
  asOf: string;
}

/** The plan date of every generated problem. */
export const PROBLEM_AS_OF = "2026-09-01";

/** Completed years from `birth` to `asOf` (both `YYYY-MM-DD`): a birthday counts on its day. */
export function completedYears(birth: string, asOf: string): number {
  const [by, bm, bd] = birth.split("-").map(Number) as [number, number, number];
  const [ay, am, ad] = asOf.split("-").map(Number) as [number, number, number];
  const hadBirthday = am > bm || (am === bm && ad >= bd);
  return ay - by - (hadBirthday ? 0 : 1);
}

/** A mentor's capacity: its own numbers, else its kind's, else the default; min never above max. */
export function oracleCapacity(m: Mentor, rules: OracleRules): { min: number; max: number } {
  const base = rules.capacity.byKind[m.kind] ?? rules.capacity.default;
  const max = m.capacity?.max ?? base.max;
  const min = m.capacity?.min ?? base.min;
  return { min: min < max ? min : max, max };
}

/** Whether the child is served first: a key case, or at a priority risk level. */
export function oraclePriority(c: ChildFile, rules: OracleRules): boolean {
  if (rules.priority.keyCase && c.keyCase === true) return true;
  return c.riskLevel !== undefined && rules.priority.riskLevels.includes(c.riskLevel);
}

const areaLength = { village: 12, township: 9 } as const;

/** Whether the pair passes every hard rule on the plan date. */
export function oracleEligible(p: PairingProblem, c: ChildFile, m: Mentor): boolean {
  const { rules, asOf } = p;
  if (!rules.mentorKinds.includes(m.kind)) return false;
  if (rules.hard.availability) {
    if (m.availableFrom !== undefined && asOf < m.availableFrom) return false;
    if (m.availableTo !== undefined && asOf > m.availableTo) return false;
  }
  if (oracleCapacity(m, rules).max === 0) return false;
  if (rules.hard.sameSchoolKinds.includes(m.kind)) {
    if (c.child.schoolId === undefined || c.child.schoolId !== m.schoolId) return false;
  }
  if (p.exclusions.some((e) => e.childId === c.id && e.mentorId === m.id)) return false;
  const fromAge = rules.hard.sameGenderFromAge;
  if (fromAge !== null && completedYears(c.child.birthDate, asOf) >= fromAge) {
    if (m.gender !== c.child.gender) return false;
  }
  const md = rules.hard.maxDistance;
  if (md !== null && (md.kinds === undefined || md.kinds.includes(m.kind))) {
    const n = areaLength[md.area];
    const a = c.child.regionCode;
    const b = m.regionCode;
    if (b === undefined || a.length < n || b.length < n || a.slice(0, n) !== b.slice(0, n)) {
      return false;
    }
  }
  return true;
}

/** The existing pairing the plan re-plans for a child, if any (active, of the rule set's role). */
function existingMentorOf(p: PairingProblem, childId: string): string | undefined {
  let found: string | undefined;
  for (const e of p.existing) {
    if (e.childId !== childId || e.role !== p.rules.role) continue;
    if (e.end !== undefined && e.end < p.asOf) continue;
    const m = p.mentors.find((x) => x.id === e.mentorId);
    if (m !== undefined && !p.rules.mentorKinds.includes(m.kind)) continue;
    found = e.mentorId;
  }
  return found;
}

/** Soft-rule points × 1000 of a pair (workload excluded: it depends on the mentor's load). */
export function oracleGain(p: PairingProblem, c: ChildFile, m: Mentor): number {
  const { rules } = p;
  const w = rules.soft;
  const cls = c.child.classId;
  const classOf = (id: string) => p.classes.find((k) => k.id === id);
  const terms: [number, number][] = [];
  // Class teacher: the class names its teacher, else a class teacher whose first class it is.
  const named = cls === undefined ? undefined : classOf(cls)?.classTeacherId;
  const isClassTeacher =
    cls !== undefined &&
    (named !== undefined
      ? named === m.id
      : m.kind === "class-teacher" && (m.classIds ?? [])[0] === cls);
  terms.push([w.classTeacher, isClassTeacher ? 1 : 0]);
  terms.push([w.sameClass, cls !== undefined && (m.classIds ?? []).includes(cls) ? 1 : 0]);
  const grade = c.child.grade ?? (cls === undefined ? undefined : classOf(cls)?.grade);
  const teachesGrade =
    grade !== undefined && (m.classIds ?? []).some((id) => classOf(id)?.grade === grade);
  terms.push([w.sameGrade, teachesGrade ? 1 : 0]);
  const sameSchool = c.child.schoolId !== undefined && c.child.schoolId === m.schoolId;
  terms.push([w.sameSchool, sameSchool ? 1 : 0]);
  const a = c.child.regionCode;
  const b = m.regionCode;
  const village =
    b === undefined
      ? 0
      : a.length >= 12 && b.length >= 12 && a.slice(0, 12) === b.slice(0, 12)
        ? 1
        : a.length >= 9 && b.length >= 9 && a.slice(0, 9) === b.slice(0, 9)
          ? 0.5
          : 0;
  terms.push([w.sameVillage, village]);
  const years = m.experienceYears ?? 0;
  const experience = oraclePriority(c, rules) ? Math.min(1, years / rules.experienceYears) : 0;
  terms.push([w.experience, experience]);
  terms.push([rules.stability, existingMentorOf(p, c.id) === m.id ? 1 : 0]);
  let gain = 0;
  for (const [weight, value] of terms) gain += Math.round(weight * value * POINTS);
  return gain;
}

/** Workload cost × 1000 of a mentor holding `load` children with capacity `max`. */
export function oracleWorkload(rules: OracleRules, load: number, max: number): number {
  if (rules.soft.workload === 0 || max < 2) return 0;
  let cost = 0;
  for (let k = 2; k <= load; k++) {
    cost += Math.round((rules.soft.workload * POINTS * (k - 1)) / (max - 1));
  }
  return cost;
}

/** The lexicographic objective: priority children, children, minimums met, then points × 1000. */
export interface OracleObjective {
  priorityMatched: number;
  matched: number;
  minimumMet: number;
  score: number;
}

function better(a: OracleObjective, b: OracleObjective): boolean {
  if (a.priorityMatched !== b.priorityMatched) return a.priorityMatched > b.priorityMatched;
  if (a.matched !== b.matched) return a.matched > b.matched;
  if (a.minimumMet !== b.minimumMet) return a.minimumMet > b.minimumMet;
  return a.score > b.score;
}

/**
 * The objective of an assignment (mentor id per child id). Throws when it breaks a hard rule or
 * a capacity: the oracle's own check of a plan.
 */
export function oracleObjective(
  p: PairingProblem,
  assignment: ReadonlyMap<string, string>,
): OracleObjective {
  const load = new Map<string, number>();
  const o: OracleObjective = { priorityMatched: 0, matched: 0, minimumMet: 0, score: 0 };
  for (const [childId, mentorId] of assignment) {
    const c = p.children.find((x) => x.id === childId);
    const m = p.mentors.find((x) => x.id === mentorId);
    if (c === undefined || m === undefined) throw new Error(`unknown pair ${childId}–${mentorId}`);
    if (!oracleEligible(p, c, m)) throw new Error(`ineligible pair ${childId}–${mentorId}`);
    load.set(mentorId, (load.get(mentorId) ?? 0) + 1);
    o.matched += 1;
    if (oraclePriority(c, p.rules)) o.priorityMatched += 1;
    o.score += oracleGain(p, c, m);
  }
  for (const m of p.mentors) {
    const l = load.get(m.id) ?? 0;
    const cap = oracleCapacity(m, p.rules);
    if (l > cap.max) throw new Error(`mentor ${m.id} holds ${l} children, capacity ${cap.max}`);
    o.minimumMet += Math.min(l, cap.min);
    o.score -= oracleWorkload(p.rules, l, cap.max);
  }
  return o;
}

/** The best objective over every assignment, by enumeration (small problems only). */
export function bruteForceBest(p: PairingProblem): OracleObjective {
  const chosen = new Map<string, string>();
  const load = new Map<string, number>();
  let best: OracleObjective | undefined;
  const visit = (i: number): void => {
    if (i === p.children.length) {
      const o = oracleObjective(p, chosen);
      if (best === undefined || better(o, best)) best = o;
      return;
    }
    const c = p.children[i]!;
    visit(i + 1);
    for (const m of p.mentors) {
      if (!oracleEligible(p, c, m)) continue;
      const l = load.get(m.id) ?? 0;
      if (l >= oracleCapacity(m, p.rules).max) continue;
      load.set(m.id, l + 1);
      chosen.set(c.id, m.id);
      visit(i + 1);
      chosen.delete(c.id);
      load.set(m.id, l);
    }
  };
  visit(0);
  return best!;
}

/** The objective of a plan's pairs, by the oracle (throws if a pair breaks a rule). */
export function planObjectiveByOracle(p: PairingProblem, plan: PairingPlan): OracleObjective {
  return oracleObjective(
    p,
    new Map(plan.pairs.map((x) => [x.pairing.childId, x.pairing.mentorId])),
  );
}

const KINDS = ["class-teacher", "subject-teacher", "caring-mother"] as const;
const dateAround = (days: readonly string[]) => fc.constantFrom(undefined, ...days);

/**
 * Random small pairing problems that reach every named boundary: children exactly at the
 * same-gender age (born on the plan date's day), a day before and after it; mentors available
 * from or until the plan date or a day either side; capacities of 0, equal min and max, and
 * defaults by kind; ties of class teachers, grades, villages and townships; exclusions and
 * existing pairs that may be ended.
 */
export function pairingProblem(maxChildren = 6, maxMentors = 4): fc.Arbitrary<PairingProblem> {
  const childArb = fc.record({
    school: fc.constantFrom(undefined, "s1", "s2", "s1"),
    cls: fc.constantFrom(undefined, "k1", "k2", "k3"),
    grade: fc.constantFrom(undefined, 3, 4),
    gender: fc.constantFrom("male", "female") as fc.Arbitrary<"male" | "female">,
    birth: fc.constantFrom("2016-08-31", "2016-09-01", "2016-09-02", "2015-03-02", "2019-05-05"),
    key: fc.boolean(),
    risk: fc.constantFrom(undefined, "low", "medium", "high", "critical") as fc.Arbitrary<
      "low" | "medium" | "high" | "critical" | undefined
    >,
    region: fc.constantFrom("430102001001", "430102001002", "430102002001", "430103001001"),
  });
  const mentorArb = fc.record({
    kind: fc.constantFrom(...KINDS),
    school: fc.constantFrom(undefined, "s1", "s2", "s1"),
    classes: fc.subarray(["k1", "k2", "k3"]),
    capacity: fc.option(
      fc.record({
        min: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
        extra: fc.integer({ min: 0, max: 2 }),
      }),
      { nil: undefined },
    ),
    exp: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
    gender: fc.constantFrom(undefined, "male", "female") as fc.Arbitrary<
      "male" | "female" | undefined
    >,
    region: fc.constantFrom(undefined, "430102001001", "430102001002", "430102002001", "430102"),
    from: dateAround(["2026-08-31", "2026-09-01", "2026-09-02"]),
    to: dateAround(["2026-08-31", "2026-09-01", "2026-09-02"]),
  });
  const weight = (max: number) => fc.integer({ min: 0, max });
  const rulesArb = fc.record({
    mentorKinds: fc.subarray([...KINDS], { minLength: 1 }),
    capacityDefault: fc.record({ min: weight(1), extra: weight(2) }),
    caringMotherCapacity: fc.option(fc.record({ min: weight(1), extra: weight(3) }), {
      nil: undefined,
    }),
    sameSchoolKinds: fc.subarray(["class-teacher", "subject-teacher"] as Mentor["kind"][]),
    sameGenderFromAge: fc.constantFrom(null, 10),
    maxDistance: fc.constantFrom(
      null,
      { area: "village", kinds: ["caring-mother"] } as OracleRules["hard"]["maxDistance"],
      { area: "township" } as OracleRules["hard"]["maxDistance"],
    ),
    availability: fc.boolean(),
    soft: fc.record({
      classTeacher: weight(10),
      sameClass: weight(6),
      sameGrade: weight(3),
      sameSchool: weight(3),
      sameVillage: weight(3),
      experience: weight(5),
      workload: weight(4),
    }),
    experienceYears: fc.constantFrom(3, 5, 8),
    stability: weight(8),
    keyCase: fc.boolean(),
    riskLevels: fc.subarray(["medium", "high", "critical"] as ("medium" | "high" | "critical")[]),
  });
  // The helpers build input-shaped files with string ids and dates, which the oracle reads as parsed.
  return fc
    .record({
      cs: fc.array(childArb, { maxLength: maxChildren }),
      ms: fc.array(mentorArb, { minLength: 1, maxLength: maxMentors }),
      r: rulesArb,
      teacherOfK1: fc.constantFrom(undefined, "m0", "m1"),
      existingSeed: fc.array(
        fc.record({
          j: fc.integer({ min: -1, max: 3 }),
          end: dateAround(["2026-08-31", "2026-09-01"]),
        }),
        {
          minLength: maxChildren,
          maxLength: maxChildren,
        },
      ),
      excludedSeed: fc.array(fc.tuple(fc.nat(maxChildren), fc.nat(maxMentors)), { maxLength: 3 }),
    })
    .map(({ cs, ms, r, teacherOfK1, existingSeed, excludedSeed }) => {
      const children = cs.map((c, i) =>
        child(`c${i}`, {
          ...(c.school ? { school: c.school } : {}),
          ...(c.cls ? { cls: c.cls } : {}),
          ...(c.grade ? { grade: c.grade } : {}),
          gender: c.gender,
          birth: c.birth,
          key: c.key,
          ...(c.risk ? { risk: c.risk } : {}),
          region: c.region,
        }),
      );
      const mentors = ms.map((m, j) => {
        const to = m.from !== undefined && m.to !== undefined && m.to < m.from ? undefined : m.to;
        const min = m.capacity?.min;
        return mentor(`m${j}`, {
          kind: m.kind,
          ...(m.school ? { school: m.school } : {}),
          classes: m.classes,
          ...(m.capacity
            ? { ...(min !== undefined ? { min } : {}), max: (min ?? 0) + m.capacity.extra }
            : {}),
          ...(m.exp !== undefined ? { exp: m.exp } : {}),
          ...(m.gender ? { gender: m.gender } : {}),
          ...(m.region ? { region: m.region } : {}),
          ...(m.from ? { from: m.from } : {}),
          ...(to ? { to } : {}),
        });
      });
      const existing: Pairing[] = [];
      children.forEach((c, i) => {
        const { j, end } = existingSeed[i]!;
        if (j < 0 || j >= mentors.length) return;
        existing.push({
          id: `old-${i}`,
          childId: String(c.id),
          mentorId: String(mentors[j]!.id),
          role: "mentor",
          start: "2025-09-01",
          ...(end ? { end: end as `${number}-${number}-${number}` } : {}),
        });
      });
      const exclusions = excludedSeed
        .filter(([i, j]) => i < children.length && j < mentors.length)
        .map(([i, j]) => ({ childId: children[i]!.id, mentorId: mentors[j]!.id }))
        .filter(
          (e, k, all) =>
            all.findIndex((x) => x.childId === e.childId && x.mentorId === e.mentorId) === k,
        );
      const classes: SchoolClass[] = [
        {
          id: "k1",
          schoolId: "s1",
          grade: 3,
          name: "三(1)班",
          ...(teacherOfK1 ? { classTeacherId: teacherOfK1 } : {}),
        },
        { id: "k2", schoolId: "s1", grade: 3, name: "三(2)班" },
        { id: "k3", schoolId: "s2", grade: 4, name: "四(1)班" },
      ];
      const cap = (c: { min: number; extra: number }) => ({ min: c.min, max: c.min + c.extra });
      const rules: OracleRules = {
        name: "oracle",
        role: "mentor",
        mentorKinds: r.mentorKinds,
        capacity: {
          default: cap(r.capacityDefault),
          byKind: r.caringMotherCapacity ? { "caring-mother": cap(r.caringMotherCapacity) } : {},
        },
        hard: {
          sameSchoolKinds: r.sameSchoolKinds,
          sameGenderFromAge: r.sameGenderFromAge,
          maxDistance: r.maxDistance,
          availability: r.availability,
        },
        soft: r.soft,
        experienceYears: r.experienceYears,
        stability: r.stability,
        priority: { keyCase: r.keyCase, riskLevels: r.riskLevels },
      };
      return { children, mentors, rules, existing, classes, exclusions, asOf: PROBLEM_AS_OF };
    }) as unknown as fc.Arbitrary<PairingProblem>;
}
