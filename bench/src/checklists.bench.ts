/**
 * Scoring needs assessments (`liushou.needs`) through the checklist engine, against a
 * hand-written loop that scores the same checklist with no validation (what a host would write
 * for one fixed instrument). Both sides return the sum of the total scores and the count of
 * high study bands, so the table shows that they agree.
 * @module
 */
import {
  builtinChecklistRegistry,
  scoreChecklist,
  type Answer,
  type Assessment,
} from "@liushou/core";
import { defineCase, isFull } from "./harness";

/** A small seeded generator (mulberry32), so every run scores the same assessments. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CONCERNS = [
  "study_grades",
  "study_aversion",
  "study_homework",
  "study_motivation",
  "life_meals",
  "life_selfcare",
  "life_spending",
  "psy_lonely",
  "psy_selfesteem",
  "psy_withdrawn",
  "psy_temper",
  "safety_unsupervised",
  "safety_hazards",
  "safety_awareness",
  "health_illness",
  "health_growth",
] as const;
const LACKS = [
  "lack_care",
  "lack_discipline",
  "lack_tutoring",
  "lack_moral",
  "lack_safety",
] as const;

/** Synthetic needs assessments: about 5% of items unanswered, some boarders, some absences. */
function makeAssessments(n: number): Assessment[] {
  const r = rng(20260301);
  const out: Assessment[] = [];
  for (let i = 0; i < n; i++) {
    const responses: Record<string, Answer> = { boarding: r() < 0.3 };
    for (const id of CONCERNS) if (r() > 0.05) responses[id] = Math.floor(r() * 4);
    if (responses.boarding && r() > 0.05) responses.life_boarding = Math.floor(r() * 4);
    if (
      (responses.study_aversion as number | undefined) !== undefined &&
      (responses.study_aversion as number) >= 2
    )
      responses.absent_days = Math.floor(r() * 10);
    responses.health_check = r() < 0.8;
    for (const id of LACKS) responses[id] = r() < 0.2;
    out.push({
      id: `a${i}`,
      childId: `c${i}`,
      checklistId: "liushou.needs",
      checklistVersion: "1.0.0",
      takenAt: "2026-03-02T10:00:00+08:00",
      informant: "teacher",
      responses,
    });
  }
  return out;
}

type Result = { totalSum: number; highStudy: number };

/** The needs checklist scored by hand: same scales, proration, reverse item and bands. */
function scoreByHand(a: Assessment): { total: number | undefined; study: number | undefined } {
  const x = a.responses;
  const num = (id: string) => (typeof x[id] === "number" ? (x[id] as number) : undefined);
  const domain = (values: (number | undefined)[], minAnswered: number) => {
    let sum = 0;
    let k = 0;
    for (const v of values) if (v !== undefined) ((sum += v), k++);
    if (k === values.length) return sum;
    return k >= minAnswered ? (sum / k) * values.length : undefined;
  };
  const motivation = num("study_motivation");
  const study = domain(
    [
      num("study_grades"),
      num("study_aversion"),
      num("study_homework"),
      motivation === undefined ? undefined : 3 - motivation,
    ],
    3,
  );
  const life = domain(
    x.boarding === true
      ? [num("life_meals"), num("life_selfcare"), num("life_spending"), num("life_boarding")]
      : [num("life_meals"), num("life_selfcare"), num("life_spending")],
    2,
  );
  const psy = domain(
    [num("psy_lonely"), num("psy_selfesteem"), num("psy_withdrawn"), num("psy_temper")],
    3,
  );
  const safety = domain(
    [num("safety_unsupervised"), num("safety_hazards"), num("safety_awareness")],
    2,
  );
  const check = x.health_check === true ? 0 : x.health_check === false ? 2 : undefined;
  const health = domain([num("health_illness"), num("health_growth"), check], 2);
  const parts = [study, life, psy, safety, health];
  const total = parts.every((p) => p !== undefined)
    ? parts.reduce<number>((s, p) => s + p!, 0)
    : undefined;
  return { total, study };
}

export default [
  defineCase({
    name: "score needs assessments (validate + score + bands + flags)",
    size: isFull() ? 1_000_000 : 100_000,
    runs: 5,
    setup: ({ size }) => ({
      assessments: makeAssessments(size),
      registry: builtinChecklistRegistry(),
    }),
    run: ({ assessments, registry }): Result => {
      let totalSum = 0;
      let highStudy = 0;
      for (const a of assessments) {
        const s = scoreChecklist(registry, a);
        totalSum += s.scales.total?.value ?? 0;
        if (s.scales.study?.band?.id === "high") highStudy++;
      }
      return { totalSum, highStudy };
    },
    metrics: (r) => ({
      totalSum: Math.round((r as Result).totalSum),
      highStudy: (r as Result).highStudy,
    }),
    // Both sides sum the same numbers in the same order; round away float noise only.
    answer: (r) => ({
      totalSum: Number((r as Result).totalSum.toFixed(6)),
      highStudy: (r as Result).highStudy,
    }),
    baseline: {
      name: "hand-written loop, no validation",
      run: ({ assessments }): Result => {
        let totalSum = 0;
        let highStudy = 0;
        for (const a of assessments) {
          const s = scoreByHand(a);
          totalSum += s.total ?? 0;
          if (s.study !== undefined && s.study >= 8) highStudy++;
        }
        return { totalSum, highStudy };
      },
    },
  }),
];
