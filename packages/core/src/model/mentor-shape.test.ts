import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostileValue, nearValues } from "../_lib/hostile.test-helper";
import { SchoolClassSchema } from "./area";
import { MentorSchema, PairingSchema } from "./mentor";
import { listOf } from "../_lib/shape";
import { mentorInShape, pairingInShape, schoolClassInShape } from "./mentor-shape";

/**
 * The fast paths of the pairing input take mentors and pairings that certainly pass their
 * schemas without zod. They must never accept what zod refuses, and what they return must equal
 * zod's output (keys and values).
 */
const mentor = {
  id: "t1",
  kind: "class-teacher",
  name: "教师",
  gender: "female",
  schoolId: "s1",
  classIds: ["k1", "k2"],
  regionCode: "430626001",
  location: { lat: 28.1, lng: 112.9 },
  phone: "13800138000",
  capacity: { min: 1, max: 3 },
  availableFrom: "2026-01-01",
  availableTo: "2027-01-01",
  experienceYears: 4.5,
  childId: "c1",
  note: "dropped by the schema",
};
const pairing = {
  id: "p1",
  childId: "c1",
  mentorId: "t1",
  role: "mentor",
  start: "2026-01-01",
  end: "2026-06-30",
  endReason: "replanned",
  relayFrom: "p0",
  note: "dropped by the schema",
};

const schoolClass = {
  id: "k1",
  schoolId: "s1",
  grade: 3,
  name: "三年级1班",
  classTeacherId: "t1",
  note: "dropped by the schema",
};

const near = nearValues(
  12,
  13,
  "名".repeat(100),
  "名".repeat(101),
  Infinity,
  -1,
  0,
  3,
  2.5,
  2 ** 60,
  "female",
  "other",
  "buddy",
  "child-left",
  "2026-02-29",
  "2025-12-31",
  "2027-06-30",
  "430626",
  "990626",
  "138 0013 8000",
  "+8613800138000",
  { lat: 91, lng: 0 },
  { lat: 1, lng: 2, x: 3 },
  { min: 4, max: 3 },
  { max: 2 },
  ["k1", ""],
  ["k1", 7],
  [, "k1"],
  new Date("2026-01-01"),
  [],
  Object.create(null),
);

type Edit = (o: Record<string, any>) => void;
const edit = (keys: readonly string[]): fc.Arbitrary<Edit> =>
  fc.oneof(
    fc.tuple(fc.constantFrom(...keys), near).map(
      ([k, v]): Edit =>
        (o) =>
          Object.defineProperty(o, k, {
            value: v,
            enumerable: true,
            writable: true,
            configurable: true,
          }),
    ),
    fc.constantFrom(...keys).map(
      (k): Edit =>
        (o) =>
          delete o[k],
    ),
    fc.tuple(fc.constantFrom(...keys), near).map(([k, v]): Edit => (o) => {
      let reads = 0;
      Object.defineProperty(o, k, {
        get: () => (reads++ === 0 ? v : "changed"),
        enumerable: true,
        configurable: true,
      });
    }),
  );

function property(
  valid: Record<string, unknown>,
  inShape: (row: unknown) => unknown,
  schema: { safeParse: (v: unknown) => { success: boolean; data?: unknown } },
): void {
  const keys = [...Object.keys(valid), "__proto__", "constructor", "extra"];
  fc.assert(
    fc.property(
      fc.array(edit(keys), { maxLength: 4 }),
      fc.constantFrom(Object.prototype, null, { id: "x" }),
      (edits, proto) => {
        const make = () => {
          const o: Record<string, any> = structuredClone(valid);
          for (const e of edits) e(o);
          return proto === Object.prototype ? o : Object.setPrototypeOf(o, proto);
        };
        const fast = inShape(make());
        const zod = schema.safeParse(make());
        if (fast === undefined) return;
        expect(zod.success).toBe(true);
        expect(fast).toStrictEqual(zod.data);
      },
    ),
    { numRuns: 2000 },
  );
  fc.assert(
    fc.property(hostileValue, (v) => {
      const fast = inShape(v);
      if (fast !== undefined) expect(fast).toStrictEqual(schema.safeParse(v).data);
    }),
    { numRuns: 500 },
  );
}

describe("pairing input: the fast paths of mentors and pairings", () => {
  it("take records in validated shape, and give what zod gives", () => {
    expect(mentorInShape(mentor)).toStrictEqual(MentorSchema.parse(mentor));
    expect(mentorInShape({ id: "t2", kind: "other", name: "x" })).toStrictEqual(
      MentorSchema.parse({ id: "t2", kind: "other", name: "x" }),
    );
    expect(pairingInShape(pairing)).toStrictEqual(PairingSchema.parse(pairing));
  });

  it("never accept what zod refuses, nor change what zod gives (mentors)", () => {
    property(mentor, mentorInShape, MentorSchema);
  });

  it("never accept what zod refuses, nor change what zod gives (pairings)", () => {
    property(pairing, pairingInShape, PairingSchema);
  });

  it("never accept what zod refuses, nor change what zod gives (classes)", () => {
    expect(schoolClassInShape(schoolClass)).toStrictEqual(SchoolClassSchema.parse(schoolClass));
    property(schoolClass, schoolClassInShape, SchoolClassSchema);
  });

  it("leave a whole list to zod when one row is not in shape", () => {
    expect(listOf([pairing, pairing], Infinity, pairingInShape)).toHaveLength(2);
    expect(listOf([pairing, { ...pairing, id: 7 }], Infinity, pairingInShape)).toBeUndefined();
    expect(listOf("p1", Infinity, pairingInShape)).toBeUndefined();
  });
});

describe("pairing input: the fast paths refuse each limit of the schemas", () => {
  /** The fast path refuses it, and so does zod. */
  const refusedMentor = (edit: Record<string, unknown>) => {
    const m = { ...mentor, ...edit };
    expect(MentorSchema.safeParse(m).success).toBe(false);
    expect(mentorInShape(m)).toBeUndefined();
  };

  it("refuses a mentor past a limit, and takes one at it", () => {
    refusedMentor({ kind: "principal" });
    refusedMentor({ name: "" });
    refusedMentor({ name: "名".repeat(51) });
    refusedMentor({ location: { lat: 90.001, lng: 0 } });
    refusedMentor({ location: { lat: 0, lng: -180.001 } });
    refusedMentor({ capacity: { min: 3, max: 2 } });
    refusedMentor({ classIds: Array.from({ length: 201 }, (_, i) => `k${i}`) });
    for (const edit of [
      { name: "名" },
      { name: "名".repeat(50) },
      { location: { lat: 90, lng: -180 } },
      { location: { lat: -90, lng: 180 } },
      { capacity: { min: 2, max: 2 } },
      { capacity: { min: 0, max: 0 } },
      { classIds: Array.from({ length: 200 }, (_, i) => `k${i}`) },
    ]) {
      const m = { ...mentor, ...edit };
      expect(mentorInShape(m)).toStrictEqual(MentorSchema.parse(m));
    }
  });

  it("refuses a pairing that ends before it starts, and takes one that ends on its start day", () => {
    const before = { ...pairing, end: "2025-12-31" };
    expect(PairingSchema.safeParse(before).success).toBe(false);
    expect(pairingInShape(before)).toBeUndefined();
    const sameDay = { ...pairing, end: "2026-01-01" };
    expect(pairingInShape(sameDay)).toStrictEqual(PairingSchema.parse(sameDay));
  });

  it("leaves anything but a plain array to zod", () => {
    const row = () => ({ ...pairing });
    expect(listOf({ length: 0 }, Infinity, pairingInShape)).toBeUndefined();
    expect(listOf(Object.create(Array.prototype), Infinity, pairingInShape)).toBeUndefined();
    expect(listOf("x", Infinity, pairingInShape)).toBeUndefined();
    expect(listOf([row()], Infinity, pairingInShape)).toStrictEqual([PairingSchema.parse(row())]);
  });
});
