import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostileValue, nearValues } from "../_lib/hostile.test-helper";
import { idCheckDigit } from "../identity/id-number";
import { ChildFileSchema } from "./child-file";
import { childFileInShape } from "./child-file-shape";

/**
 * The quick check of child files takes a file that certainly passes `ChildFileSchema` without
 * zod. It must never accept what zod refuses, and what it returns must equal zod's output (keys
 * and values, defaults filled in): otherwise the compliance data would hold unchecked files or
 * files that differ from the checked ones.
 */
const ID_17 = "43010220150302001"; // a boy born 2015-03-02 (synthetic)
const ID_NUMBER = ID_17 + idCheckDigit(ID_17);
const GIRL_17 = "43010220150302002";
const GIRL_ID = GIRL_17 + idCheckDigit(GIRL_17);
const LOWER_X = ((): string => {
  for (let n = 0; n < 1000; n++) {
    const first = `4301022015030${String(n).padStart(3, "0")}`.slice(0, 16) + "1";
    if (idCheckDigit(first) === "X") return (first + "X").toLowerCase();
  }
  throw new Error("no ID number ending in X");
})();

const valid = {
  id: "c1",
  child: {
    name: "何小明",
    gender: "male",
    birthDate: "2015-03-02",
    idNumber: ID_NUMBER,
    studentNumber: "G1",
    schoolId: "s1",
    classId: "k1",
    grade: 4,
    regionCode: "430626001001",
    address: "兴湾村4组",
    health: "哮喘",
    boarding: false,
    schooling: { status: "enrolled" },
    interests: "手工",
  },
  guardians: [
    {
      id: "g1",
      name: "魏佳慧",
      relation: "grandmother",
      entrusted: false,
      primary: true,
      birthYear: 1960,
      education: "none",
      disciplineStyle: "reasoning",
      guardianshipCapacity: "full",
      disqualifications: [],
      phone: "15031238065",
    },
  ],
  parents: [
    {
      id: "f1",
      role: "father",
      name: "何文伟",
      birthYear: 1988,
      monthlyIncomeFen: 500_000,
      guardianshipCapacity: "full",
      deceased: false,
      awayPeriods: [{ from: "2023-10-16", to: "2024-12-10", city: "深圳", regionCode: "440300" }],
      phone: "15728658300",
    },
  ],
  livingArrangement: "grandparents",
  emergencyContacts: [{ name: "魏佳慧", relation: "祖母", phone: "15031238065" }],
  keyCase: true,
  riskLevel: "high",
  openedOn: "2024-09-16",
  consent: { givenOn: "2024-09-16", guardianId: "g1" },
};

/** Where in the file an edit applies. */
const TARGETS = {
  file: (f: any) => f,
  child: (f: any) => f.child,
  schooling: (f: any) => f.child?.schooling,
  guardian: (f: any) => f.guardians?.[0],
  guardians: (f: any) => f.guardians,
  disqualifications: (f: any) => f.guardians?.[0]?.disqualifications,
  parent: (f: any) => f.parents?.[0],
  parents: (f: any) => f.parents,
  away: (f: any) => f.parents?.[0]?.awayPeriods?.[0],
  contact: (f: any) => f.emergencyContacts?.[0],
  consent: (f: any) => f.consent,
} as const;
type Target = keyof typeof TARGETS;
const KEYS: Record<Target, readonly string[]> = {
  file: [...Object.keys(valid), "extra"],
  child: [...Object.keys(valid.child), "classId", "moralCharacter", "extra"],
  schooling: ["status", "since"],
  guardian: [...Object.keys(valid.guardians[0]!), "writtenNoticeOn", "health"],
  guardians: ["0", "1", "length"],
  disqualifications: ["0", "1", "2", "3", "4"],
  parent: [...Object.keys(valid.parents[0]!), "role", "employer", "workplace"],
  parents: ["0", "1", "length"],
  away: ["from", "to", "city", "regionCode"],
  contact: ["name", "relation", "phone"],
  consent: ["givenOn", "guardianId"],
};

/** Field values that pass or almost pass somewhere in a file. */
const near = nearValues(
  -1,
  0,
  4,
  4.5,
  13,
  1899,
  1900,
  2100,
  2101,
  "c1",
  "g1",
  "f1",
  "male",
  "female",
  "father",
  "mother",
  "full",
  "none",
  "enrolled",
  "dropped-out",
  "abuse-or-violence",
  "grandparents",
  "2016-02-29",
  "2015-02-29",
  "2015-03-02",
  "2025-01-01",
  "430626",
  "999999",
  "13800138000",
  "+86 138 0013 8000",
  ID_NUMBER,
  GIRL_ID,
  LOWER_X,
  new Date("2015-03-02"),
  true,
  false,
  [],
  ["addiction"],
  ["addiction", "addiction"],
  {},
  { status: "enrolled" },
  { ...valid.guardians[0], id: "f1" },
  { ...valid.parents[0], role: "mother", id: "m1" },
  { ...valid.parents[0], id: "m1" },
  { from: "2020-01-01", city: "深圳" },
  { from: "2020-01-01", to: "2019-01-01", city: "深圳" },
  Object.create(null),
);

type Edit = { target: Target; apply: (o: any) => void };
const defineField = (o: any, key: string, value: unknown) =>
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
/** One change somewhere in a copy of the valid file: a field set, removed, made a getter… */
const edit: fc.Arbitrary<Edit> = fc
  .constantFrom(...(Object.keys(TARGETS) as Target[]))
  .chain((target) =>
    fc.oneof(
      fc.tuple(fc.constantFrom(...KEYS[target]), near, fc.boolean()).map(([key, value, del]) => ({
        target,
        apply: (o: any) => (del ? delete o[key] : defineField(o, key, value)),
      })),
      fc.tuple(fc.constantFrom(...KEYS[target]), near).map(([key, value]) => ({
        target,
        apply: (o: any) =>
          Object.defineProperty(o, key, { get: () => value, enumerable: true, configurable: true }),
      })),
      fc.constant({ target, apply: (o: any) => (o[Symbol.for("s")] = 1) }),
      fc.constantFrom(null, Array.prototype, { id: "c9" }).map((proto) => ({
        target,
        apply: (o: any) => Object.setPrototypeOf(o, proto),
      })),
    ),
  );

/** The valid file with some edits, rebuilt each time it is asked for (getters stay fresh). */
function edited(edits: readonly Edit[]) {
  return () => {
    const f = structuredClone(valid);
    for (const e of edits) {
      const target: unknown = TARGETS[e.target](f);
      // An edit of a part already replaced by something else, or one the object refuses (an
      // array's length redefined), does nothing.
      if (target === null || typeof target !== "object" || !Object.isExtensible(target)) continue;
      try {
        e.apply(target);
      } catch {
        // left as it was
      }
    }
    return f;
  };
}

let accepted = 0;
function check(make: () => unknown): void {
  const fast = childFileInShape()(make());
  const zod = ChildFileSchema.safeParse(make());
  if (fast === undefined) return;
  accepted++;
  expect(zod.success).toBe(true);
  expect(fast).toStrictEqual(zod.data);
  expect(JSON.stringify(fast)).toBe(JSON.stringify(zod.data));
}

describe("child files: the quick check in front of ChildFileSchema", () => {
  it("takes a file in validated shape, and gives what zod gives", () => {
    expect(childFileInShape()(valid)).toStrictEqual(ChildFileSchema.parse(valid));
  });

  it("fills in the defaults, drops unknown keys and upper-cases the ID number, as zod does", () => {
    const minimal = {
      id: "c2",
      child: { name: "x", gender: "female", birthDate: "2016-02-29", regionCode: "430626" },
      livingArrangement: "alone",
      riskLevel: undefined,
      extra: 1,
      parents: [
        {
          id: "p",
          role: "mother",
          name: "y",
          awayPeriods: [{ from: "2020-01-01", city: "c", note: 1 }],
        },
      ],
      guardians: [{ id: "g", name: "z", relation: "other" }],
    };
    const out = childFileInShape()(minimal);
    expect(out).toStrictEqual(ChildFileSchema.parse(minimal));
    expect(JSON.stringify(out)).toBe(JSON.stringify(ChildFileSchema.parse(minimal)));
    const lower = {
      ...valid,
      child: { ...valid.child, idNumber: LOWER_X, birthDate: "2015-03-02" },
    };
    const zod = ChildFileSchema.safeParse(lower);
    expect(childFileInShape()(lower)).toStrictEqual(zod.success ? zod.data : undefined);
  });

  it("copies every object and array, as zod does", () => {
    const out = childFileInShape()(valid)!;
    expect(out).not.toBe(valid);
    expect(out.child).not.toBe(valid.child);
    expect(out.child.schooling).not.toBe(valid.child.schooling);
    expect(out.guardians).not.toBe(valid.guardians);
    expect(out.guardians[0]!.disqualifications).not.toBe(valid.guardians[0]!.disqualifications);
    expect(out.parents[0]!.awayPeriods[0]).not.toBe(valid.parents[0]!.awayPeriods[0]);
    expect(out.consent).not.toBe(valid.consent);
  });

  it("never accepts what zod refuses, nor changes what zod gives (edited files)", () => {
    accepted = 0;
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 4 }), (edits) => check(edited(edits))),
      { numRuns: 4000 },
    );
    // The check is not vacuous: many edited files are still taken without zod.
    expect(accepted).toBeGreaterThan(400);
  });

  it("never accepts what zod refuses (hostile values)", () => {
    fc.assert(
      fc.property(hostileValue, (v) => check(() => v)),
      { numRuns: 1000 },
    );
  });

  it("reads each field once, so the check and the result see the same value", () => {
    let reads = 0;
    const f = {
      ...valid,
      child: {
        ...valid.child,
        get regionCode() {
          return reads++ === 0 ? "430626001001" : "bad";
        },
      },
    };
    expect(childFileInShape()(f)?.child.regionCode).toBe("430626001001");
    expect(reads).toBe(1);
  });

  it("leaves numeric ids, dates as Date, phones to normalise and class instances to zod", () => {
    const inShape = childFileInShape();
    expect(inShape({ ...valid, id: 7 })).toBeUndefined();
    expect(inShape({ ...valid, openedOn: new Date("2024-09-16") })).toBeUndefined();
    const phone = { ...valid.emergencyContacts[0], phone: "+86 150 3123 8065" };
    expect(inShape({ ...valid, emergencyContacts: [phone] })).toBeUndefined();
    class File {
      id = "c1";
      child = valid.child;
      livingArrangement = "alone";
    }
    expect(inShape(new File())).toBeUndefined();
  });

  it("leaves the schema's refinements to zod: ID number against birth date and gender, repeated people", () => {
    const inShape = childFileInShape();
    const cases = [
      { ...valid, child: { ...valid.child, birthDate: "2015-03-03" } },
      { ...valid, child: { ...valid.child, idNumber: GIRL_ID } },
      { ...valid, guardians: [{ ...valid.guardians[0], id: "f1" }] },
      { ...valid, parents: [valid.parents[0], { ...valid.parents[0], id: "f2" }] },
    ];
    for (const f of cases) {
      expect(ChildFileSchema.safeParse(f).success).toBe(false);
      expect(inShape(f)).toBeUndefined();
    }
  });
});
