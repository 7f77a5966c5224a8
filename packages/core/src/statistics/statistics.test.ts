import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { propertyRuns, mutating, testSize } from "../_lib/fuzz.test-helper";
import { classifyLeftBehind } from "../classification";
import { ValidationError } from "../errors";
import type { ChildFile, ChildFileInput, LivingArrangement } from "../model";
import { addDays, type CalendarDate } from "../time";
import { syntheticFiles } from "./synthetic.test-helper";
import { leftBehindStatistics, type StatisticsRow } from "./statistics";
import { statisticsTable, statisticsTableOf } from "./table";

let seq = 0;
/** One pupil, in validated shape. */
function pupil(o: {
  grade: number;
  away: 0 | 1 | 2;
  living?: LivingArrangement;
  boarding?: boolean;
  region?: string;
}): ChildFile {
  const id = `k${seq++}`;
  const period = [{ from: "2024-02-20" as CalendarDate, city: "长沙" }];
  return {
    id,
    child: {
      name: "学生",
      gender: "male",
      birthDate: "2014-09-01",
      regionCode: o.region ?? "430626001001",
      grade: o.grade,
      schoolId: o.grade <= 6 ? "primary-1" : "middle-1",
      boarding: o.boarding ?? false,
      schooling: { status: "enrolled" },
    },
    guardians: [],
    parents: [
      {
        id: `${id}f`,
        role: "father",
        name: "父",
        guardianshipCapacity: "full",
        deceased: false,
        awayPeriods: o.away >= 1 ? period : [],
      },
      {
        id: `${id}m`,
        role: "mother",
        name: "母",
        guardianshipCapacity: "full",
        deceased: false,
        awayPeriods: o.away >= 2 ? period : [],
      },
    ],
    livingArrangement: o.living ?? "parent",
    emergencyContacts: [],
    keyCase: false,
  };
}

function many(n: number, o: Parameters<typeof pupil>[0]): ChildFile[] {
  return Array.from({ length: n }, () => pupil(o));
}

const sumArr = (r: StatisticsRow): number =>
  Object.values(r.byArrangement).reduce((a, b) => a + b, 0);

/**
 * The county table of the work summaries (平江县): primary 69,595 pupils, 28,342 left-behind,
 * boarding 7,920 overlapping grandparents 18,281 + relatives 3,124 + entrusted 2,937 + alone 580
 * (the remaining 3,420 live with the parent at home); middle 30,078 pupils, 11,796 left-behind
 * = boarding 9,432 + grandparents 1,364 + relatives 378 + alone 622.
 */
function county(): ChildFile[] {
  return [
    // primary, left-behind (school definition: one or both parents away); 7,920 boarders among grandparents
    ...many(7920, { grade: 4, away: 2, living: "grandparents", boarding: true }),
    ...many(18281 - 7920, { grade: 4, away: 2, living: "grandparents" }),
    ...many(3124, { grade: 3, away: 2, living: "relatives" }),
    ...many(2937, { grade: 5, away: 2, living: "entrusted" }),
    ...many(580, { grade: 6, away: 2, living: "alone" }),
    ...many(3420, { grade: 2, away: 1, living: "parent" }),
    ...many(69595 - 28342, { grade: 1, away: 0 }),
    // middle: 9,432 boarders (living with grandparents when at home)
    ...many(9432, { grade: 8, away: 2, living: "grandparents", boarding: true }),
    ...many(1364, { grade: 7, away: 2, living: "grandparents" }),
    ...many(378, { grade: 9, away: 1, living: "relatives" }),
    ...many(622, { grade: 9, away: 2, living: "alone" }),
    ...many(30078 - 11796, { grade: 8, away: 0 }),
  ];
}

// County scale (100,000 files): left out under `pnpm mutate`, where the small tables below stand in.
describe.skipIf(mutating)("statisticsTable reproduces the county table", () => {
  let files: ChildFile[] = [];
  beforeAll(() => {
    files = county();
  });
  const opts = { asOf: "2026-09-01" as CalendarDate, definition: "school" as const };

  it("primary row under boarding-overlaps: 69,595 / 28,342 / 7,920 / 18,281 / 3,124 / 2,937 / 580 (+3,420 with a parent)", () => {
    const t = statisticsTable(files, { ...opts, convention: "boarding-overlaps" });
    expect(t.convention).toBe("boarding-overlaps");
    expect(t.columns.map((c) => c.key)).toEqual([
      "totalPupils",
      "leftBehind",
      "boarding",
      "grandparents",
      "relatives",
      "entrusted",
      "alone",
      "parent",
    ]);
    expect(t.rows.map((r) => r.key)).toEqual(["primary", "middle"]);
    expect(t.rows[0]?.values).toEqual([69595, 28342, 7920, 18281, 3124, 2937, 580, 3420]);
    // Overlap: the living arrangements sum to the left-behind total; boarding is on top.
    const [, left, , ...arr] = t.rows[0]!.values;
    expect(arr.reduce((a, b) => a + b, 0)).toBe(left);
    expect(t.total.values[0]).toBe(69595 + 30078);
    expect(t.note.en).toContain("overlaps");
  });

  it("middle row under boarding-separate: 11,796 = 9,432 + 1,364 + 378 + 622", () => {
    const t = statisticsTable(files, { ...opts, convention: "boarding-separate" });
    expect(t.rows[1]?.values).toEqual([30078, 11796, 9432, 1364, 378, 0, 622, 0]);
    for (const row of [...t.rows, t.total]) {
      const [, left, boarding, ...arr] = row.values;
      expect(boarding! + arr.reduce((a, b) => a + b, 0)).toBe(left);
    }
    // The same primary pupils under this convention: boarders leave the grandparents column.
    expect(t.rows[0]?.values).toEqual([69595, 28342, 7920, 18281 - 7920, 3124, 2937, 580, 3420]);
  });

  it("under the State Council definition the one-parent-away pupils drop out", () => {
    const s = leftBehindStatistics(files, { asOf: "2026-09-01", groupBy: "stage" });
    expect(s.definition).toBe("state-council-2016");
    expect(s.rows[0]?.leftBehind).toBe(28342 - 3420);
    expect(s.rows[1]?.leftBehind).toBe(11796 - 378);
    expect(s.rows[0]?.ratio).toBeCloseTo((28342 - 3420) / 69595, 10);
  });
});

describe("leftBehindStatistics grouping", () => {
  const size = testSize(2000, 200);
  const { files, schools, classes } = syntheticFiles(size, 7);

  it("groups by township, class and school with names, and rows add up to the total", () => {
    for (const groupBy of [
      "township",
      "county",
      "village",
      "class",
      "school",
      "grade",
      "stage",
    ] as const) {
      const s = leftBehindStatistics(files, { asOf: "2026-09-01", groupBy, schools, classes });
      expect(s.groupBy).toBe(groupBy);
      expect(s.rows.reduce((a, r) => a + r.totalPupils, 0)).toBe(size);
      expect(s.rows.reduce((a, r) => a + r.leftBehind, 0)).toBe(s.total.leftBehind);
    }
    const town = leftBehindStatistics(files, { asOf: "2026-09-01", groupBy: "township" });
    expect(town.rows.map((r) => r.key)).toEqual([
      "430102001",
      "430102002",
      "430103001",
      "430103002",
    ]);
    const byClass = leftBehindStatistics(files, {
      asOf: "2026-09-01",
      groupBy: "class",
      schools,
      classes,
    });
    expect(byClass.rows[0]?.label["zh-CN"]).toMatch(/^第\d(小学|中学) \d年级\d班$/);
    const county = leftBehindStatistics(files, {
      asOf: "2026-09-01",
      groupBy: "county",
      areaBy: "school",
      schools,
    });
    expect(county.rows.map((r) => r.key)).toEqual(["430102", "430103"]);
  });

  it("accepts files as hosts supply them (defaults not applied) and matches full validation", () => {
    const raw: ChildFileInput[] = files.slice(0, 50).map((f) => {
      const { emergencyContacts: _e, keyCase: _k, guardians: _g, ...rest } = structuredClone(f);
      return {
        ...rest,
        child: { ...rest.child, boarding: undefined },
      } as unknown as ChildFileInput;
    });
    const a = leftBehindStatistics(raw, { asOf: "2026-09-01", groupBy: "grade" });
    const b = leftBehindStatistics(raw, {
      asOf: "2026-09-01",
      groupBy: "grade",
      validation: "full",
    });
    expect(a).toEqual(b);
  });

  it("throws a ValidationError naming the file and field, and never mutates the input", () => {
    const bad = structuredClone(files.slice(0, 3)) as unknown[];
    (bad[2] as ChildFile).child.birthDate = "2015-02-30" as CalendarDate;
    try {
      leftBehindStatistics(bad as ChildFile[], { asOf: "2026-09-01" });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).issues[0]?.path).toBe("files[2].child.birthDate");
    }
    expect(() =>
      leftBehindStatistics(files, { asOf: "2026-09-01", convention: "mixed" as never }),
    ).toThrow(ValidationError);
    const twoFathers = structuredClone(files[0]!);
    twoFathers.parents = [twoFathers.parents[0]!, { ...twoFathers.parents[0]!, id: "other" }];
    expect(() => leftBehindStatistics([twoFathers], { asOf: "2026-09-01" })).toThrow(
      ValidationError,
    );
    const copy = structuredClone(files);
    leftBehindStatistics(files, {
      asOf: "2026-09-01",
      groupBy: "class",
      convention: "boarding-separate",
    });
    expect(files).toEqual(copy);
  });

  it("uses a custom definition through its classify", () => {
    const s = leftBehindStatistics(files.slice(0, 100), {
      asOf: "2026-09-01",
      definition: {
        id: "boarders",
        name: { "zh-CN": "寄宿", en: "boarders" },
        classify: (f) => ({ leftBehind: f.child.boarding, reasons: [] }),
      },
    });
    expect(s.definition).toBe("boarders");
    expect(s.total.leftBehind).toBe(files.slice(0, 100).filter((f) => f.child.boarding).length);
  });
});

describe("properties", () => {
  it("the single pass agrees with classifyLeftBehind file by file, and the convention sums hold", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: -3000, max: 3000 }),
        fc.constantFrom("state-council-2016" as const, "school" as const),
        (seed, shift, definition) => {
          const { files } = syntheticFiles(60, seed);
          const asOf = addDays("2026-01-31", shift);
          const over = leftBehindStatistics(files, {
            asOf,
            definition,
            convention: "boarding-overlaps",
          });
          const sep = leftBehindStatistics(files, {
            asOf,
            definition,
            convention: "boarding-separate",
          });
          const expected = files.filter(
            (f) => classifyLeftBehind(f, { asOf, definition }).leftBehind,
          );
          expect(over.total.leftBehind).toBe(expected.length);
          expect(over.total.boarding).toBe(expected.filter((f) => f.child.boarding).length);
          expect(sumArr(over.total)).toBe(over.total.leftBehind);
          expect(sumArr(sep.total) + sep.total.boarding).toBe(sep.total.leftBehind);
          expect(sep.total.boarding).toBe(over.total.boarding);
          expect(over.convention).toBe("boarding-overlaps");
          expect(sep.convention).toBe("boarding-separate");
        },
      ),
      { numRuns: propertyRuns(80) },
    );
  });
});

describe("leftBehindStatistics: the 16th birthday (State Council definition)", () => {
  const born = (birthDate: CalendarDate): ChildFile => {
    const f = pupil({ grade: 9, away: 2, living: "grandparents" });
    return { ...f, child: { ...f.child, birthDate } };
  };
  const counted = (f: ChildFile, asOf: CalendarDate) =>
    leftBehindStatistics([f], { asOf, groupBy: "stage", definition: "state-council-2016" }).total
      .leftBehind;

  it("counts a child the day before the 16th birthday, and not on it or after", () => {
    const f = born("2010-09-01");
    for (const [asOf, n] of [
      ["2026-08-31", 1],
      ["2026-09-01", 0],
      ["2026-09-02", 0],
    ] as const) {
      expect(counted(f, asOf)).toBe(n);
      expect(classifyLeftBehind(f, { asOf, definition: "state-council-2016" }).leftBehind).toBe(
        n === 1,
      );
    }
  });

  it("takes 1 March as the 16th birthday of a 29 February child in a common year", () => {
    const f = born("2084-02-29");
    expect(counted(f, "2100-02-28")).toBe(1);
    expect(counted(f, "2100-03-01")).toBe(0);
    const leap = born("2012-02-29");
    expect(counted(leap, "2028-02-28")).toBe(1);
    expect(counted(leap, "2028-02-29")).toBe(0);
  });
});

describe("statisticsTableOf", () => {
  const files = [
    pupil({ grade: 3, away: 2, living: "grandparents" }),
    pupil({ grade: 8, away: 1, living: "parent", boarding: true }),
    pupil({ grade: 8, away: 0 }),
  ];
  const opts = { asOf: "2026-09-01" as CalendarDate, definition: "school" as const };

  it("tables counts already made exactly as statisticsTable tables the files", () => {
    const counts = leftBehindStatistics(files, { ...opts, groupBy: "stage" });
    expect(statisticsTableOf(counts)).toEqual(statisticsTable(files, opts));
    const title = { "zh-CN": "表一", en: "Table 1" };
    expect(statisticsTableOf(counts, title).title).toEqual(title);
    expect(statisticsTableOf(counts).total.values.slice(0, 2)).toEqual([3, 2]);
  });

  it("refuses what is not a result of the counting with a ValidationError", () => {
    const counts = leftBehindStatistics(files, opts);
    expect(() => statisticsTableOf({ ...counts, rows: "x" } as never)).toThrow(ValidationError);
    expect(() =>
      statisticsTableOf({ ...counts, total: { ...counts.total, leftBehind: -1 } }),
    ).toThrow(ValidationError);
    expect(() => statisticsTableOf(counts, { en: "x" } as never)).toThrow(ValidationError);
  });
});
