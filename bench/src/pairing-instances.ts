/**
 * The pairing instances of the benchmarks, shared by `pairing.bench.ts` and
 * `scripts/compare-pairing.ts`: the county (generated population, teacher preset) and the dense
 * instances (n children, n/2 mentors of capacity 2, every pair allowed, random scores).
 * @module
 */
import {
  TEACHER_PAIRING_PRESET,
  type ChildFileInput,
  type MentorInput,
  type PlanPairingsInput,
} from "@liushou/core";
import { generatePopulation } from "@liushou/fixtures";

/** Children in the county preset: the size of the county cases. */
export const COUNTY_CHILDREN = 40_000;

/**
 * The county input: every file, every mentor, the pairings on file (`children` fewer for the
 * growth sizes: the generator scales schools and mentors with them).
 */
export function countyInput(children = COUNTY_CHILDREN): PlanPairingsInput {
  const pop = generatePopulation({ preset: "county", seed: 2026, children, records: false });
  return {
    children: pop.files,
    mentors: pop.mentors,
    classes: pop.classes,
    existing: pop.pairings,
    onMissing: "end",
    rules: TEACHER_PAIRING_PRESET,
    asOf: pop.asOf,
  };
}

/** Deterministic integer scores 0–999 (xorshift). */
function scores(n: number, m: number, seed: number): Int32Array {
  const out = new Int32Array(n * m);
  let s = seed >>> 0 || 1;
  for (let k = 0; k < out.length; k++) {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    out[k] = s % 1000;
  }
  return out;
}

export interface Dense {
  n: number;
  mentors: number;
  score: Int32Array;
  input: PlanPairingsInput;
  /** Slot matrix for the Hungarian algorithm: cost = 999 − score, column 2j and 2j+1 are mentor j. */
  slots: number[][];
}

export function dense(n: number): Dense {
  const m = n / 2;
  const score = scores(n, m, 7 + n);
  const children: ChildFileInput[] = Array.from({ length: n }, (_, i) => ({
    id: `c${String(i).padStart(5, "0")}`,
    child: {
      name: `儿童${i}`,
      gender: i % 2 ? "female" : "male",
      birthDate: "2015-03-02",
      regionCode: "439901001001",
    },
    livingArrangement: "grandparents",
  }));
  const mentors: MentorInput[] = Array.from({ length: m }, (_, j) => ({
    id: `m${String(j).padStart(5, "0")}`,
    kind: "other",
    name: `导师${j}`,
    capacity: { max: 2 },
  }));
  const input: PlanPairingsInput = {
    children,
    mentors,
    asOf: "2026-09-01",
    rules: {
      name: "dense",
      role: "mentor",
      mentorKinds: ["other"],
      hard: { sameSchoolKinds: [], sameGenderFromAge: null, maxDistance: null, availability: true },
      stability: 0,
    },
    customRules: [
      {
        kind: "soft",
        name: "table",
        weight: 1,
        explanation: { "zh-CN": "随机分值", en: "random score" },
        score: (c, mt) => score[Number(c.id.slice(1)) * m + Number(mt.id.slice(1))]! / 1000,
      },
    ],
  };
  const slots = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, k) => 999 - score[i * m + (k >> 1)]!),
  );
  return { n, mentors: m, score, input, slots };
}
