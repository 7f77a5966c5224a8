/**
 * Synthetic instances for the pairing tests (no real personal data). Not exported by the package.
 * @module
 */
import fc from "fast-check";
import type { ChildFileInput } from "../model/child-file";
import type { MentorInput, PairingInput } from "../model/mentor";
import type { PairingRuleSetInput } from "./rules";

/** A synthetic child file. */
export function child(
  id: string,
  o: {
    school?: string;
    cls?: string;
    grade?: number;
    gender?: "male" | "female";
    birth?: string;
    region?: string;
    key?: boolean;
    risk?: "low" | "medium" | "high" | "critical";
  } = {},
): ChildFileInput {
  return {
    id,
    child: {
      name: `儿童${id}`,
      gender: o.gender ?? "male",
      birthDate: (o.birth ?? "2015-03-02") as `${number}-${number}-${number}`,
      regionCode: o.region ?? "430102001001",
      ...(o.school ? { schoolId: o.school } : {}),
      ...(o.cls ? { classId: o.cls } : {}),
      ...(o.grade ? { grade: o.grade } : {}),
    },
    livingArrangement: "grandparents",
    keyCase: o.key ?? false,
    ...(o.risk ? { riskLevel: o.risk } : {}),
  };
}

/** A synthetic mentor. */
export function mentor(
  id: string,
  o: {
    kind?: MentorInput["kind"];
    school?: string;
    classes?: string[];
    gender?: "male" | "female";
    region?: string;
    min?: number;
    max?: number;
    exp?: number;
    from?: string;
    to?: string;
  } = {},
): MentorInput {
  return {
    id,
    kind: o.kind ?? "subject-teacher",
    name: `导师${id}`,
    classIds: o.classes ?? [],
    ...(o.gender ? { gender: o.gender } : {}),
    ...(o.school ? { schoolId: o.school } : {}),
    ...(o.region ? { regionCode: o.region } : {}),
    ...(o.min !== undefined || o.max !== undefined
      ? {
          capacity: {
            ...(o.min !== undefined ? { min: o.min } : {}),
            ...(o.max !== undefined ? { max: o.max } : {}),
          },
        }
      : {}),
    ...(o.exp !== undefined ? { experienceYears: o.exp } : {}),
    ...(o.from ? { availableFrom: o.from as `${number}-${number}-${number}` } : {}),
    ...(o.to ? { availableTo: o.to as `${number}-${number}-${number}` } : {}),
  };
}

/** A random small instance: children, mentors, rules and existing pairings. */
export interface SmallInstance {
  children: ChildFileInput[];
  mentors: MentorInput[];
  rules: PairingRuleSetInput;
  existing: PairingInput[];
}

/** fast-check arbitrary of small instances (≤ maxChildren children × ≤ maxMentors mentors). */
export function smallInstance(maxChildren = 6, maxMentors = 4): fc.Arbitrary<SmallInstance> {
  const childArb = fc.record({
    school: fc.constantFrom("s1", "s2"),
    cls: fc.constantFrom("k1", "k2", "k3"),
    gender: fc.constantFrom("male", "female") as fc.Arbitrary<"male" | "female">,
    key: fc.boolean(),
    risk: fc.constantFrom(undefined, "low", "high", "critical") as fc.Arbitrary<
      "low" | "high" | "critical" | undefined
    >,
    village: fc.constantFrom("001", "002"),
  });
  const mentorArb = fc.record({
    kind: fc.constantFrom("class-teacher", "subject-teacher") as fc.Arbitrary<
      "class-teacher" | "subject-teacher"
    >,
    school: fc.constantFrom("s1", "s1", "s2"),
    classes: fc.subarray(["k1", "k2", "k3"]),
    min: fc.integer({ min: 0, max: 2 }),
    extra: fc.integer({ min: 0, max: 2 }),
    exp: fc.integer({ min: 0, max: 10 }),
    gender: fc.constantFrom("male", "female") as fc.Arbitrary<"male" | "female">,
    village: fc.constantFrom("001", "002"),
  });
  const weights = fc.record({
    classTeacher: fc.integer({ min: 0, max: 10 }),
    sameClass: fc.integer({ min: 0, max: 6 }),
    sameGrade: fc.constant(0),
    sameSchool: fc.constant(0),
    sameVillage: fc.integer({ min: 0, max: 3 }),
    experience: fc.integer({ min: 0, max: 5 }),
    workload: fc.integer({ min: 0, max: 4 }),
  });
  return fc
    .record({
      cs: fc.array(childArb, { minLength: 0, maxLength: maxChildren }),
      ms: fc.array(mentorArb, { minLength: 1, maxLength: maxMentors }),
      soft: weights,
      stability: fc.integer({ min: 0, max: 8 }),
      genderRule: fc.boolean(),
      existingSeed: fc.array(fc.integer({ min: -1, max: 3 }), {
        minLength: maxChildren,
        maxLength: maxChildren,
      }),
    })
    .map(({ cs, ms, soft, stability, genderRule, existingSeed }) => {
      const children = cs.map((c, i) =>
        child(`c${i}`, {
          school: c.school,
          cls: c.cls,
          gender: c.gender,
          key: c.key,
          ...(c.risk ? { risk: c.risk } : {}),
          region: `430102001${c.village}`,
        }),
      );
      const mentors = ms.map((m, j) =>
        mentor(`m${j}`, {
          kind: m.kind,
          school: m.school,
          classes: m.classes,
          min: m.min,
          max: m.min + m.extra,
          exp: m.exp,
          gender: m.gender,
          region: `430102001${m.village}`,
        }),
      );
      const existing: PairingInput[] = [];
      children.forEach((c, i) => {
        const j = existingSeed[i]!;
        if (j >= 0 && j < mentors.length) {
          existing.push({
            id: `old-${i}`,
            childId: c.id,
            mentorId: mentors[j]!.id,
            role: "mentor",
            start: "2025-09-01",
          });
        }
      });
      const rules: PairingRuleSetInput = {
        name: "test",
        role: "mentor",
        mentorKinds: ["class-teacher", "subject-teacher"],
        hard: {
          sameSchoolKinds: ["class-teacher", "subject-teacher"],
          sameGenderFromAge: genderRule ? 10 : null,
          maxDistance: null,
          availability: true,
        },
        soft,
        stability,
      };
      return { children, mentors, rules, existing };
    });
}
