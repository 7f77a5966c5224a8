import type { ChildFile, LivingArrangement, School, SchoolClass } from "../model";
import { addDays, type CalendarDate } from "../time";

/**
 * Synthetic, obviously fictional child files for tests and measurements (no real personal
 * data). Deterministic for a given seed.
 * @internal
 */
export interface SyntheticSet {
  files: ChildFile[];
  schools: School[];
  classes: SchoolClass[];
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ARRANGEMENTS: LivingArrangement[] = [
  "parent",
  "grandparents",
  "grandparents",
  "relatives",
  "entrusted",
  "alone",
];

/** @internal */
export function syntheticFiles(count: number, seed = 1): SyntheticSet {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const townships = ["430102001", "430102002", "430103001", "430103002"];
  const schools: School[] = [];
  const classes: SchoolClass[] = [];
  townships.forEach((t, ti) => {
    schools.push({
      id: `s${ti}p`,
      name: `第${ti + 1}小学`,
      stage: "primary",
      regionCode: t,
      boarding: false,
    });
    schools.push({
      id: `s${ti}m`,
      name: `第${ti + 1}中学`,
      stage: "middle",
      regionCode: t,
      boarding: true,
    });
    for (let g = 1; g <= 9; g++) {
      const schoolId = g <= 6 ? `s${ti}p` : `s${ti}m`;
      for (let c = 1; c <= 2; c++)
        classes.push({ id: `${schoolId}-g${g}c${c}`, schoolId, grade: g, name: `${g}年级${c}班` });
    }
  });
  const files: ChildFile[] = [];
  for (let i = 0; i < count; i++) {
    const township = pick(townships);
    const ti = townships.indexOf(township);
    const grade = 1 + Math.floor(rnd() * 9);
    const schoolId = grade <= 6 ? `s${ti}p` : `s${ti}m`;
    const birthDate = addDays(
      "2010-09-01",
      Math.floor(rnd() * 365 * 9) - 365 * (grade - 1),
    ) as CalendarDate;
    const fatherAway = rnd() < 0.5;
    const motherAway = rnd() < 0.35;
    const arrangement = fatherAway || motherAway ? pick(ARRANGEMENTS) : "parent";
    const file = {
      id: `c${i}`,
      child: {
        name: `儿童${i}`,
        gender: rnd() < 0.5 ? "male" : "female",
        birthDate,
        schoolId,
        classId: `${schoolId}-g${grade}c${1 + Math.floor(rnd() * 2)}`,
        grade,
        regionCode: `${township}${String(1 + Math.floor(rnd() * 5)).padStart(3, "0")}`,
        boarding: grade >= 7 ? rnd() < 0.6 : rnd() < 0.1,
        schooling: { status: "enrolled" },
      },
      guardians: [],
      parents: [
        {
          id: `c${i}-f`,
          role: "father",
          name: "父",
          guardianshipCapacity: "full",
          deceased: false,
          awayPeriods: fatherAway ? [{ from: "2020-02-01", city: "深圳" }] : [],
        },
        {
          id: `c${i}-m`,
          role: "mother",
          name: "母",
          guardianshipCapacity: rnd() < 0.05 ? "none" : "full",
          deceased: rnd() < 0.03,
          awayPeriods: motherAway
            ? [{ from: "2021-03-01", to: rnd() < 0.3 ? "2026-01-31" : undefined, city: "东莞" }]
            : [],
        },
      ],
      livingArrangement: arrangement,
      ...(rnd() < 0.05 ? { openedOn: "2026-03-01" } : {}),
      emergencyContacts: [],
      keyCase: false,
    } as ChildFile;
    // A few single-parent files: only the father is on file.
    if (rnd() < 0.05) file.parents = file.parents.slice(0, 1);
    files.push(file);
  }
  return { files, schools, classes };
}
