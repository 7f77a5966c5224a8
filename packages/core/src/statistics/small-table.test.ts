import { describe, expect, it } from "vitest";
import type { ChildFileInput, SchoolClassInput, SchoolInput } from "../model";
import { leftBehindStatistics } from "./statistics";
import { statisticsTable } from "./table";

/**
 * A school small enough to count by hand: every row and column of the tables below is checked
 * against the list, so the county-scale tests are not needed to pin the counting rules.
 */
interface Kid {
  id: string;
  grade?: number;
  away: 0 | 1 | 2;
  living?: ChildFileInput["livingArrangement"];
  boarding?: boolean;
  school?: string;
  cls?: string;
  region?: string;
}

function file(k: Kid): ChildFileInput {
  const period = [{ from: "2024-02-20", city: "长沙" }];
  return {
    id: k.id,
    child: {
      name: "学生",
      gender: "male",
      birthDate: "2014-09-01",
      regionCode: k.region ?? "430626001001",
      ...(k.grade !== undefined ? { grade: k.grade } : {}),
      ...(k.school !== undefined ? { schoolId: k.school } : {}),
      ...(k.cls !== undefined ? { classId: k.cls } : {}),
      boarding: k.boarding ?? false,
    },
    livingArrangement: k.living ?? "parent",
    parents: [
      { id: `${k.id}f`, role: "father", name: "父", awayPeriods: k.away >= 1 ? period : [] },
      { id: `${k.id}m`, role: "mother", name: "母", awayPeriods: k.away >= 2 ? period : [] },
    ],
  };
}

const kids: Kid[] = [
  // grade 6 is the last primary grade, 7 the first middle grade, 9 the last, 10 high school
  { id: "a", grade: 6, away: 2, living: "grandparents", boarding: true, school: "s1", cls: "c1" },
  { id: "b", grade: 6, away: 2, living: "relatives", school: "s1", cls: "c1" },
  { id: "c", grade: 1, away: 1, living: "parent", school: "s1", cls: "c2", region: "430626002001" },
  { id: "d", grade: 7, away: 2, living: "entrusted", boarding: true, school: "s2", cls: "c3" },
  { id: "e", grade: 9, away: 2, living: "alone", school: "s2", cls: "c3" },
  { id: "f", grade: 9, away: 0, school: "s2" },
  { id: "g", grade: 10, away: 2, living: "grandparents", school: "s9", cls: "c9" },
  { id: "h", away: 2, living: "grandparents", boarding: true },
];
const files = kids.map(file);
const schools: SchoolInput[] = [
  { id: "s1", name: "一小", stage: "primary", regionCode: "430626001" },
  { id: "s2", name: "一中", stage: "middle", regionCode: "430626002" },
];
const classes: SchoolClassInput[] = [
  { id: "c1", schoolId: "s1", grade: 6, name: "6年级1班" },
  { id: "c2", schoolId: "s1", grade: 1, name: "1年级2班" },
  { id: "c3", schoolId: "s2", grade: 7, name: "7年级3班" },
  { id: "c9", schoolId: "s9", grade: 10, name: "高一9班" },
];
const asOf = "2026-09-01";

describe("statisticsTable on a school counted by hand", () => {
  it("rows by stage in stage order; the school definition counts grades 1–9 only (9 yes, 10 no)", () => {
    const t = statisticsTable(files, { asOf, definition: "school" });
    expect(t.rowsBy).toBe("stage");
    expect(t.rowHeader).toEqual({ "zh-CN": "学段", en: "stage" });
    expect(t.convention).toBe("boarding-overlaps");
    expect(t.note.en).toMatch(/^Boarding overlaps/);
    expect(t.definition).toBe("school");
    expect(t.asOf).toBe(asOf);
    expect(t.title).toEqual({
      "zh-CN": "留守儿童统计表（2026-09-01）",
      en: "Left-behind children (2026-09-01)",
    });
    expect(t.rows.map((r) => [r.key, r.label.en, r.values])).toEqual([
      // pupils, left-behind, boarding, grandparents, relatives, entrusted, alone, parent
      ["primary", "primary", [3, 3, 1, 1, 1, 0, 0, 1]],
      ["middle", "middle school", [3, 2, 1, 0, 0, 1, 1, 0]],
      ["high", "high school", [1, 0, 0, 0, 0, 0, 0, 0]],
      ["unknown", "grade not recorded", [1, 0, 0, 0, 0, 0, 0, 0]],
    ]);
    expect(t.total).toEqual({
      key: "total",
      label: { "zh-CN": "合计", en: "total" },
      values: [8, 5, 2, 1, 1, 1, 1, 1],
    });
  });

  it("boarding separate: boarders leave their living arrangement, and a host title is kept", () => {
    const title = { "zh-CN": "表", en: "table" };
    const t = statisticsTable(files, {
      asOf,
      definition: "school",
      convention: "boarding-separate",
      title,
    });
    expect(t.title).toBe(title);
    expect(t.note.en).toMatch(/^Boarding separate/);
    expect(t.total.values).toEqual([8, 5, 2, 0, 1, 0, 1, 1]);
    const [, left, boarding, ...arrangements] = t.total.values;
    expect(boarding! + arrangements.reduce((a, b) => a + b, 0)).toBe(left);
  });

  it("under the State Council definition one parent away is not left behind", () => {
    const s = leftBehindStatistics(files, { asOf, groupBy: "stage" });
    expect(s.definition).toBe("state-council-2016");
    expect(s.rows.map((r) => [r.key, r.totalPupils, r.leftBehind, r.ratio])).toEqual([
      ["primary", 3, 2, 2 / 3],
      ["middle", 3, 2, 2 / 3],
      ["high", 1, 1, 1],
      ["unknown", 1, 1, 1],
    ]);
    expect(s.total.byArrangement.parent).toBe(0);
  });

  it("rows by grade in numeric order, the pupils without a grade last", () => {
    const t = statisticsTable(files, { asOf, definition: "school", rowsBy: "grade" });
    expect(t.rowHeader.en).toBe("grade");
    expect(t.rows.map((r) => [r.key, r.label["zh-CN"], r.label.en, r.values[0]])).toEqual([
      ["1", "1 年级", "grade 1", 1],
      ["6", "6 年级", "grade 6", 2],
      ["7", "7 年级", "grade 7", 1],
      ["9", "9 年级", "grade 9", 2],
      ["10", "10 年级", "grade 10", 1],
      ["(none)", "未登记", "not recorded", 1],
    ]);
  });

  it("rows by school and class, named from the lists, unknown ids by themselves", () => {
    const bySchool = leftBehindStatistics(files, { asOf, groupBy: "school", schools });
    expect(bySchool.rows.map((r) => [r.key, r.label["zh-CN"], r.totalPupils])).toEqual([
      ["(none)", "未登记", 1],
      ["s1", "一小", 3],
      ["s2", "一中", 3],
      ["s9", "s9", 1],
    ]);
    const byClass = leftBehindStatistics(files, { asOf, groupBy: "class", schools, classes });
    expect(byClass.rows.map((r) => [r.key, r.label.en, r.totalPupils])).toEqual([
      ["(none)", "not recorded", 2],
      ["c1", "一小 6年级1班", 2],
      ["c2", "一小 1年级2班", 1],
      ["c3", "一中 7年级3班", 2],
      ["c9", "高一9班", 1],
    ]);
    const unnamed = leftBehindStatistics(files, { asOf, groupBy: "class" });
    expect(unnamed.rows.find((r) => r.key === "c1")?.label).toEqual({ "zh-CN": "c1", en: "c1" });
  });

  it("rows by area of the home or of the school, and one row for everything", () => {
    const home = leftBehindStatistics(files, { asOf, groupBy: "township" });
    expect(home.rows.map((r) => [r.key, r.totalPupils])).toEqual([
      ["430626001", 7],
      ["430626002", 1],
    ]);
    const school = leftBehindStatistics(files, {
      asOf,
      groupBy: "township",
      areaBy: "school",
      schools,
    });
    expect(school.rows.map((r) => [r.key, r.label.en, r.totalPupils])).toEqual([
      ["(none)", "not recorded", 2],
      ["430626001", "430626001", 3],
      ["430626002", "430626002", 3],
    ]);
    const all = leftBehindStatistics(files, { asOf });
    expect(all.groupBy).toBe("all");
    expect(all.rows.map((r) => [r.key, r.label.en, r.totalPupils])).toEqual([["all", "total", 8]]);
  });

  it("orders rows the same whatever the order of the input", () => {
    const reversed = [...files].reverse();
    for (const groupBy of ["stage", "grade", "school", "class", "township"] as const) {
      const forward = leftBehindStatistics(files, { asOf, groupBy, schools, classes });
      const backward = leftBehindStatistics(reversed, { asOf, groupBy, schools, classes });
      expect(backward.rows.map((r) => r.key)).toEqual(forward.rows.map((r) => r.key));
      expect(backward).toEqual(forward);
    }
    const all = leftBehindStatistics(reversed, { asOf });
    expect(all.total.key).toBe("all");
    expect(all.rows[0]?.label).toEqual({ "zh-CN": "合计", en: "total" });
  });

  it("an empty roster gives an empty table with a total of zeros and no ratio", () => {
    const s = leftBehindStatistics([], { asOf, groupBy: "stage" });
    expect(s.rows).toEqual([]);
    expect(s.total.totalPupils).toBe(0);
    expect(s.total.ratio).toBeNull();
    expect(statisticsTable([], { asOf }).total.values).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });
});
