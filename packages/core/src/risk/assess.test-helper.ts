import type { ChildFileInput } from "../model/child-file";
import type { Assessment } from "../model/records";

/**
 * A child in a grandparent's care with the father away, entrusted in writing and with consent on
 * file: the file the risk tests assess (core's and the `liushou` app's).
 */
export function riskFile(id = "c1", patch: Partial<ChildFileInput> = {}): ChildFileInput {
  return {
    id,
    child: {
      name: "测试儿童",
      gender: "female",
      birthDate: "2014-09-01",
      regionCode: "430102001001",
    },
    livingArrangement: "grandparents",
    guardians: [
      {
        id: "g1",
        name: "测试祖父",
        relation: "grandfather",
        entrusted: true,
        birthYear: 1958,
        writtenNoticeOn: "2025-09-01",
      },
    ],
    parents: [
      {
        id: "p1",
        role: "father",
        name: "测试父亲",
        awayPeriods: [{ from: "2024-02-20", city: "深圳" }],
      },
    ],
    consent: { givenOn: "2025-09-01" },
    ...patch,
  };
}

/**
 * Answers to the built-in needs checklist (`liushou.needs` 1.0.0): study needs 10 (the high
 * band) and one of the five lacks (tutoring); `over` replaces single answers.
 */
export function needsResponses(over: Record<string, unknown> = {}): Assessment["responses"] {
  return {
    boarding: false,
    study_grades: 3,
    study_aversion: 1,
    study_homework: 3,
    study_motivation: 0,
    life_meals: 0,
    life_selfcare: 0,
    life_spending: 0,
    psy_lonely: 1,
    psy_selfesteem: 1,
    psy_withdrawn: 0,
    psy_temper: 0,
    safety_unsupervised: 0,
    safety_hazards: 0,
    safety_awareness: 0,
    health_illness: 0,
    health_growth: 0,
    health_check: true,
    lack_care: false,
    lack_discipline: false,
    lack_tutoring: true,
    lack_moral: false,
    lack_safety: false,
    ...over,
  } as Assessment["responses"];
}
