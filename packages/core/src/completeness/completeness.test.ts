import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors";
import { ChildFileSchema, type ChildFile, type ChildFileInput } from "../model";
import { syntheticFiles } from "../statistics/synthetic.test-helper";
import { completenessReport, fileCompleteness } from "./completeness";
import { REQUIRED_FILE_FIELDS, type FileField } from "./fields";

const away = [{ from: "2022-02-10", city: "深圳" }];
const full: ChildFileInput = {
  id: "c1",
  openedOn: "2026-03-01",
  child: {
    name: "张小雨",
    gender: "female",
    birthDate: "2015-05-05",
    regionCode: "430626001001",
    schoolId: "s1",
    classId: "s1-5-1",
    grade: 5,
    studentNumber: "G430626201505050001",
    address: "某村三组",
    health: "良好",
    boarding: false,
    moralCharacter: "诚实",
    behaviourHabits: "守纪律",
    interests: "画画",
    intelligenceLevel: "中等",
    personality: "内向",
    learningMotivation: "较强",
    learningAbility: "一般",
    rapportWithGuardian: "融洽",
    communicationWithParents: "每周视频",
  },
  livingArrangement: "grandparents",
  guardians: [
    {
      id: "g1",
      name: "张奶奶",
      relation: "grandmother",
      birthYear: 1958,
      education: "primary",
      personality: "温和",
      disciplineStyle: "indulgent",
      phone: "13800138000",
    },
  ],
  parents: (["father", "mother"] as const).map((role, i) => ({
    id: `p${i}`,
    role,
    name: role === "father" ? "张大" : "李二",
    birthYear: 1988,
    education: "junior-secondary" as const,
    employer: "某电子厂",
    occupation: "工厂",
    monthlyIncomeFen: 500000,
    expectations: "好好读书",
    contactHabit: "每周视频",
    phone: "13900139000",
    workplace: "深圳",
    awayPeriods: away,
  })),
};

describe("fileCompleteness", () => {
  it("finds nothing missing in a full file", () => {
    const c = fileCompleteness(full, { asOf: "2026-09-01" });
    expect(c).toMatchObject({ fileId: "c1", hasFile: true, complete: true, missing: [], ratio: 1 });
    expect(c.required).toBe(16 + 6 + 10 * 2);
    expect(REQUIRED_FILE_FIELDS).toHaveLength(32);
  });

  it("names missing fields by path with bilingual labels", () => {
    const f = structuredClone(full) as ChildFile;
    delete f.child.moralCharacter;
    f.child.interests = "  ";
    delete f.child.studentNumber;
    delete f.guardians[0]!.disciplineStyle;
    delete f.parents[1]!.phone;
    const c = fileCompleteness(f, { asOf: "2026-09-01" });
    expect(c.complete).toBe(false);
    expect(c.missing.map((m) => m.path)).toEqual([
      "child.moralCharacter",
      "child.interests",
      "child.idNumber",
      "guardians[0].disciplineStyle",
      "parents[1].phone",
    ]);
    expect(c.missing[2]?.label).toEqual({
      "zh-CN": "身份证号或学籍号",
      en: "ID or student number",
    });
    expect(c.missing[3]?.label["zh-CN"]).toBe("临时监护人教育管理方式");
    expect(c.filled).toBe(c.required - 5);
  });

  it("counts a missing register as all its fields missing; a deceased parent needs only a name", () => {
    const f = structuredClone(full) as ChildFile;
    f.guardians = [];
    f.parents = [{ ...f.parents[0]!, deceased: true }];
    const c = fileCompleteness(f, { asOf: "2026-09-01" });
    expect(c.missing.filter((m) => m.path === "guardians")).toHaveLength(6);
    expect(c.missing.filter((m) => m.path === "parents(mother)")).toHaveLength(10);
    expect(c.missing.some((m) => m.path.startsWith("parents[0]"))).toBe(false);
    expect(c.required).toBe(16 + 6 + 1 + 10);
  });

  it("only the guardians the child lives with count", () => {
    const f = structuredClone(full) as ChildFileInput;
    f.guardians!.push({ id: "g2", name: "叔叔", relation: "relative", primary: false });
    expect(fileCompleteness(f, { asOf: "2026-09-01" }).complete).toBe(true);
  });

  it("a record without openedOn, or opened after asOf, is not a file yet", () => {
    const { openedOn: _o, ...census } = full;
    expect(fileCompleteness(census, { asOf: "2026-09-01" })).toMatchObject({
      hasFile: false,
      complete: false,
    });
    expect(fileCompleteness(full, { asOf: "2026-02-28" }).hasFile).toBe(false);
    expect(fileCompleteness(census, { asOf: "2026-09-01", fileOpenedBy: "record" }).hasFile).toBe(
      true,
    );
  });

  it("takes a custom field list and validates it", () => {
    const fields: FileField[] = [
      {
        key: "child.health",
        register: "child",
        fields: ["health"],
        label: { "zh-CN": "健康", en: "health" },
      },
    ];
    expect(fileCompleteness(full, { asOf: "2026-09-01", fields }).required).toBe(1);
    expect(() =>
      fileCompleteness(full, { asOf: "2026-09-01", fields: [{ key: "x" } as FileField] }),
    ).toThrow(ValidationError);
    expect(() => fileCompleteness({ ...full, id: "" }, { asOf: "2026-09-01" })).toThrow(
      ValidationError,
    );
  });
});

describe("completenessReport", () => {
  const make = (
    id: string,
    o: {
      classId: string;
      region: string;
      opened?: boolean;
      complete?: boolean;
      leftBehind?: boolean;
    },
  ): ChildFile => {
    const f = ChildFileSchema.parse(structuredClone(full));
    f.id = id;
    f.child.classId = o.classId;
    f.child.regionCode = o.region;
    if (!o.opened) delete f.openedOn;
    if (o.complete === false) delete f.child.health;
    if (o.leftBehind === false) f.parents = f.parents.map((p) => ({ ...p, awayPeriods: [] }));
    return f;
  };
  const files = [
    make("a1", { classId: "k1", region: "430626001001", opened: true }),
    make("a2", { classId: "k1", region: "430626001002", opened: true, complete: false }),
    make("a3", { classId: "k1", region: "430626001002" }),
    make("a4", { classId: "k2", region: "430626002001", opened: true }),
    make("a5", { classId: "k2", region: "430626002001", leftBehind: false }),
  ];

  it("the archive rate is files over left-behind children; completeness counts fields of existing files", () => {
    const r = completenessReport(files, { asOf: "2026-09-01" });
    expect(r.total).toMatchObject({
      leftBehind: 4,
      withFile: 3,
      completeFiles: 2,
      archiveRate: 0.75,
      completeRate: 0.5,
    });
    expect(r.total.fieldsRequired).toBe(3 * 42);
    expect(r.total.fieldsFilled).toBe(3 * 42 - 1);
    expect(r.total.missingByField).toEqual({ "child.health": 1 });
    expect(r.children.map((c) => c.fileId)).toEqual(["a1", "a2", "a3", "a4"]);
    expect(r.definition).toBe("state-council-2016");
  });

  it("groups by class and by township (region-code ancestor)", () => {
    const byClass = completenessReport(files, { asOf: "2026-09-01", groupBy: "class" });
    expect(byClass.rows.map((x) => [x.key, x.leftBehind, x.withFile])).toEqual([
      ["k1", 3, 2],
      ["k2", 1, 1],
    ]);
    const byTown = completenessReport(files, { asOf: "2026-09-01", groupBy: "township" });
    expect(byTown.rows.map((x) => [x.key, x.archiveRate])).toEqual([
      ["430626001", 2 / 3],
      ["430626002", 1],
    ]);
    const county = completenessReport(files, { asOf: "2026-09-01", groupBy: "county" });
    expect(county.rows.map((x) => x.key)).toEqual(["430626"]);
  });

  it("rates are null for a group without left-behind children and input is never mutated", () => {
    const before = structuredClone(files);
    const r = completenessReport([files[4]!], { asOf: "2026-09-01" });
    expect(r.total.archiveRate).toBeNull();
    expect(r.total.fieldRate).toBeNull();
    expect(files).toEqual(before);
  });

  it("property: withFile ≤ leftBehind, complete ≤ withFile, rows add up to the total", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.constantFrom("school" as const, "state-council-2016" as const),
        (seed, definition) => {
          const { files: set, schools } = syntheticFiles(80, seed);
          const r = completenessReport(set, {
            asOf: "2026-09-01",
            definition,
            groupBy: "school",
            schools,
          });
          let left = 0;
          for (const row of r.rows) {
            expect(row.withFile).toBeLessThanOrEqual(row.leftBehind);
            expect(row.completeFiles).toBeLessThanOrEqual(row.withFile);
            expect(row.fieldsFilled).toBeLessThanOrEqual(row.fieldsRequired);
            left += row.leftBehind;
          }
          expect(left).toBe(r.total.leftBehind);
          expect(r.children).toHaveLength(r.total.leftBehind);
        },
      ),
      { numRuns: 40 },
    );
  });
});
