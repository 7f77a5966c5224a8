import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { thrown } from "../_lib/throws.test-helper";
import { ValidationError } from "../errors/errors";
import { updateChildFile } from "../file";
import { ChildFileSchema, type ChildFile } from "../model/child-file";
import { classedPaths } from "../privacy/classed-paths";
import { storageAuditPatches } from "../ports/storage/patches";
import {
  anonymiseChildFile,
  anonymiseFileChange,
  anonymiseFilePatches,
  ANONYMISED_NAME,
  erasePatchValues,
  isAnonymisedChildFile,
} from "./anonymise";

const full: ChildFile = ChildFileSchema.parse({
  id: "c1",
  child: {
    name: "王小明",
    gender: "female",
    birthDate: "1949-12-31",
    idNumber: "11010519491231002x",
    studentNumber: "G430102200909010011",
    regionCode: "430102001001",
    address: "长沙市芙蓉区某村 3 组",
    health: "哮喘",
    schoolId: "s1",
    classId: "k1",
    grade: 4,
    personality: "内向",
    interests: "画画",
    schooling: { status: "graduated", since: "2023-07-01" },
  },
  livingArrangement: "grandparents",
  parents: [
    {
      id: "p1",
      role: "father",
      name: "王大山",
      phone: "13900139000",
      monthlyIncomeFen: 500000,
      employer: "某建筑公司",
      workplace: "深圳市南山区",
      expectations: "好好读书",
      awayPeriods: [{ from: "2024-02-20", city: "深圳" }],
    },
  ],
  guardians: [
    { id: "g1", name: "李秀英", relation: "grandmother", phone: "138 0013 8000", health: "高血压" },
  ],
  emergencyContacts: [{ name: "王二", relation: "叔叔", phone: "13700137000" }],
  keyCase: true,
  riskLevel: "high",
});

/** Every text of a value, for "no personal value is left anywhere". */
function texts(v: unknown): string[] {
  if (typeof v === "string") return [v];
  if (typeof v === "number") return [String(v)];
  if (v === null || typeof v !== "object") return [];
  return Object.values(v).flatMap(texts);
}

const PERSONAL = [
  "王小明",
  "11010519491231002X",
  "G430102200909010011",
  "长沙市芙蓉区某村 3 组",
  "哮喘",
  "内向",
  "画画",
  "王大山",
  "13900139000",
  "500000",
  "某建筑公司",
  "深圳市南山区",
  "好好读书",
  "李秀英",
  "13800138000",
  "高血压",
  "王二",
  "13700137000",
  "1949-12-31",
];

describe("anonymiseChildFile", () => {
  it("leaves out every classed value, free text and name, and keeps what statistics need", () => {
    const a = anonymiseChildFile(full);
    expect(classedPaths(ChildFileSchema, a)).toEqual([]);
    for (const t of texts(a)) expect(PERSONAL).not.toContain(t);
    expect(a).toMatchObject({
      id: "c1",
      child: {
        name: ANONYMISED_NAME,
        gender: "female",
        birthDate: "1949-01-01",
        regionCode: "430102001001",
        schoolId: "s1",
        classId: "k1",
        grade: 4,
        schooling: { status: "graduated", since: "2023-07-01" },
      },
      livingArrangement: "grandparents",
      keyCase: true,
      riskLevel: "high",
      emergencyContacts: [],
      parents: [
        {
          id: "p1",
          role: "father",
          name: ANONYMISED_NAME,
          awayPeriods: [{ from: "2024-02-20", city: "深圳" }],
        },
      ],
      guardians: [{ id: "g1", name: ANONYMISED_NAME, relation: "grandmother" }],
    });
    expect(a.parents[0]).not.toHaveProperty("employer");
    expect(a.child).not.toHaveProperty("personality");
    expect(full.child.name).toBe("王小明");
  });

  it("is idempotent, and only an anonymised file counts as one", () => {
    const a = anonymiseChildFile(full);
    expect(anonymiseChildFile(a)).toEqual(a);
    expect(isAnonymisedChildFile(a)).toBe(true);
    expect(isAnonymisedChildFile(full)).toBe(false);
    // One personal value left is enough to count as not anonymised.
    expect(isAnonymisedChildFile({ ...a, child: { ...a.child, health: "x" } })).toBe(false);
  });

  it("refuses what is not a child file", () => {
    expect(thrown(() => anonymiseChildFile({} as never))).toBeInstanceOf(ValidationError);
    expect(thrown(() => isAnonymisedChildFile(null as never))).toBeInstanceOf(ValidationError);
  });
});

describe("anonymiseFilePatches", () => {
  it("redacts a create patch like the file, and a field patch at its path", () => {
    const [create] = storageAuditPatches(undefined, full);
    const [redacted] = anonymiseFilePatches([create!]);
    expect(redacted).toEqual({ op: "add", path: [], value: anonymiseChildFile(full) });
    expect(
      anonymiseFilePatches([
        { op: "replace", path: ["child", "health"], value: "哮喘" },
        { op: "replace", path: ["child", "name"], value: "王小明" },
        { op: "add", path: ["emergencyContacts", 0], value: full.emergencyContacts[0] },
        { op: "replace", path: ["parents", 0, "monthlyIncomeFen"], value: 1 },
        { op: "replace", path: ["riskLevel"], value: "low" },
        { op: "remove", path: ["child", "address"] },
      ]),
    ).toEqual([
      { op: "replace", path: ["child", "health"] },
      { op: "replace", path: ["child", "name"], value: ANONYMISED_NAME },
      { op: "add", path: ["emergencyContacts", 0] },
      { op: "replace", path: ["parents", 0, "monthlyIncomeFen"] },
      { op: "replace", path: ["riskLevel"], value: "low" },
      { op: "remove", path: ["child", "address"] },
    ]);
  });

  it("leaves no personal value in the patches of any change to the file (property)", () => {
    const personal = fc.record({
      health: fc.constantFrom("哮喘", "高血压"),
      address: fc.constantFrom("长沙市芙蓉区某村 3 组", "深圳市南山区"),
      interests: fc.constantFrom("画画", "内向"),
    });
    fc.assert(
      fc.property(personal, (p) => {
        const after = ChildFileSchema.parse({ ...full, child: { ...full.child, ...p } });
        for (const patch of anonymiseFilePatches(storageAuditPatches(full, after))) {
          for (const t of texts(patch.value)) expect(PERSONAL).not.toContain(t);
        }
      }),
    );
  });

  it("redacts a file history's change: patches, inverse patches and reason", () => {
    const { change } = updateChildFile(
      full,
      (d) => {
        d.child.health = "过敏";
      },
      { actor: "t1", at: "2026-03-01T09:00:00+08:00", reason: "王小明的家长来电" },
    );
    const r = anonymiseFileChange(change);
    expect(r).toMatchObject({ fileId: "c1", actor: "t1", reason: "anonymised" });
    expect([...r.patches, ...r.inversePatches].flatMap((p) => texts(p.value))).toEqual([]);
    expect(change.inversePatches.flatMap((p) => texts(p.value))).toEqual(["哮喘"]);
    expect(r.patches.map((p) => p.path)).toEqual(change.patches.map((p) => p.path));
  });

  it("erases every value, keeping op and path", () => {
    expect(
      erasePatchValues([
        { op: "add", path: [], value: full },
        { op: "remove", path: ["childIds", 1] },
      ]),
    ).toEqual([
      { op: "add", path: [] },
      { op: "remove", path: ["childIds", 1] },
    ]);
  });

  it("refuses what is not a list of patches", () => {
    expect(thrown(() => anonymiseFilePatches("x" as never))).toBeInstanceOf(ValidationError);
    expect(thrown(() => erasePatchValues({} as never))).toBeInstanceOf(ValidationError);
    expect(thrown(() => anonymiseFileChange({} as never))).toBeInstanceOf(ValidationError);
  });
});
