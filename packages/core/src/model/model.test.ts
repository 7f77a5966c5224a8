import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { safeValidate, validate } from "../errors/validate";
import { ChildFileSchema, type ChildFileInput } from "./child-file";
import { MentorSchema, PairingSchema } from "./mentor";
import { MobileSchema } from "./primitives";
import {
  AidSchema,
  ContactRecordSchema,
  groupRecordsByChild,
  MicroWishSchema,
  quickContactRecord,
} from "./records";

const base: ChildFileInput = {
  id: "c1",
  child: {
    name: "王小明",
    gender: "female",
    birthDate: "1949-12-31",
    idNumber: "11010519491231002x",
    regionCode: "430102001001",
  },
  livingArrangement: "grandparents",
  parents: [
    {
      id: "p1",
      role: "father",
      name: "王大山",
      awayPeriods: [{ from: "2024-02-20", city: "深圳" }],
    },
  ],
  guardians: [{ id: "g1", name: "李秀英", relation: "grandmother", phone: "138 0013 8000" }],
};

describe("child file schema", () => {
  test("parses and applies defaults", () => {
    const f = validate(ChildFileSchema, base);
    expect(f.child.idNumber).toBe("11010519491231002X");
    expect(f.child.boarding).toBe(false);
    expect(f.child.schooling.status).toBe("enrolled");
    expect(f.guardians[0]!.phone).toBe("13800138000");
    expect(f.guardians[0]!.guardianshipCapacity).toBe("full");
    expect(f.keyCase).toBe(false);
  });

  test("the ID number must agree with birth date and gender", () => {
    const r = safeValidate(ChildFileSchema, {
      ...base,
      child: { ...base.child, birthDate: "1949-12-30", gender: "male" },
    });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error.issues.map((i) => i.code).sort()).toEqual([
      "id_number_birth_mismatch",
      "id_number_sex_mismatch",
    ]);
    expect(r.error.issues[0]!.path).toBe("child.idNumber");
  });

  test("away periods must be ordered and ids unique", () => {
    const r = safeValidate(ChildFileSchema, {
      ...base,
      parents: [
        {
          id: "g1",
          role: "father",
          name: "x",
          awayPeriods: [{ from: "2025-01-01", to: "2024-01-01", city: "深圳" }],
        },
      ],
    });
    expect(r.success).toBe(false);
    if (r.success) return;
    const paths = r.error.issues.map((i) => i.path);
    expect(paths).toContain("parents[0].awayPeriods[0].to");
    expect(paths).toContain("parents[0].id");
  });

  test("bad phone numbers name the field", () => {
    const r = safeValidate(MobileSchema, "12345", { path: ["guardians", 0, "phone"] });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues[0]!.path).toBe("guardians[0].phone");
  });
});

describe("other entities", () => {
  test("contact records name at least one child, each once", () => {
    const ok = { id: "r1", kind: "home-visit", at: "2026-03-01T01:00:00+08:00", childIds: ["c1"] };
    expect(validate(ContactRecordSchema, ok).initiator).toBe("mentor");
    expect(safeValidate(ContactRecordSchema, { ...ok, childIds: [] }).success).toBe(false);
    expect(safeValidate(ContactRecordSchema, { ...ok, childIds: ["c1", "c1"] }).success).toBe(
      false,
    );
    expect(safeValidate(ContactRecordSchema, { ...ok, at: "2026-03-01 01:00" }).success).toBe(
      false,
    );
  });

  test("money aid needs an amount in integer fen", () => {
    const aid = { id: "a1", kind: "donation", form: "money", date: "2026-06-01", childIds: ["c1"] };
    expect(safeValidate(AidSchema, aid).success).toBe(false);
    expect(safeValidate(AidSchema, { ...aid, amountFen: 700_000 }).success).toBe(true);
    expect(safeValidate(AidSchema, { ...aid, amountFen: 70.5 }).success).toBe(false);
  });

  test("mentors and pairings", () => {
    expect(
      safeValidate(MentorSchema, {
        id: "m1",
        kind: "class-teacher",
        name: "张老师",
        capacity: { min: 3, max: 2 },
      }).success,
    ).toBe(false);
    expect(safeValidate(MentorSchema, { id: "m1", kind: "teacher", name: "张老师" }).success).toBe(
      false,
    );
    expect(
      safeValidate(PairingSchema, {
        id: "p",
        childId: "c",
        mentorId: "m",
        role: "mentor",
        start: "2026-09-01",
        end: "2026-08-01",
      }).success,
    ).toBe(false);
    expect(
      safeValidate(MicroWishSchema, { id: "w", childId: "c", title: "书包", status: "submitted" })
        .success,
    ).toBe(true);
  });
});

describe("quickContactRecord", () => {
  const fieldValues = {
    id: fc.constantFrom("r1", "", "x".repeat(65), 7),
    kind: fc.constantFrom("home-visit", "talk", "visit", undefined),
    at: fc.constantFrom(
      "2026-03-01T01:00:00+08:00",
      "2026-03-01T01:00Z",
      "2026-03-01",
      "2026-02-30T01:00:00Z",
    ),
    childIds: fc.constantFrom(["c1"], ["c1", "c2"], [], ["c1", "c1"], [""], "c1"),
    mentorId: fc.constantFrom(undefined, "m1", ""),
    initiator: fc.constantFrom(undefined, "parent", "teacher"),
    durationMinutes: fc.constantFrom(undefined, 30, 0, 1.5),
    summary: fc.constantFrom(undefined, "谈心", 3),
    extra: fc.constantFrom(undefined, "unexpected"),
  };
  test("never accepts what the schema rejects, and agrees with it when it accepts", () => {
    fc.assert(
      fc.property(fc.record(fieldValues), (fields) => {
        const raw = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
        const quick = quickContactRecord(raw);
        const full = ContactRecordSchema.safeParse(raw);
        if (quick === undefined) return;
        expect(full.success).toBe(true);
        expect(quick).toEqual(full.data);
      }),
      { numRuns: 2000 },
    );
  });

  test("accepts the common well-formed record", () => {
    const raw = { id: "r1", kind: "talk", at: "2026-03-01T09:00:00+08:00", childIds: ["c1"] };
    expect(quickContactRecord(raw)).toEqual({ ...raw, initiator: "mentor" });
  });
});

describe("groupRecordsByChild", () => {
  test("lists a record under every child it names, in order", () => {
    const at = "2026-03-01T09:00:00+08:00" as const;
    const r1 = { id: "r1", kind: "talk", at, childIds: ["a", "b"] };
    const r2 = { id: "r2", kind: "talk", at, childIds: ["b"] };
    const byChild = groupRecordsByChild([r1, r2]);
    expect(byChild.get("a")).toEqual([r1]);
    expect(byChild.get("b")).toEqual([r1, r2]);
    expect(byChild.get("c")).toBeUndefined();
  });
});

describe("rows as a database returns them", () => {
  test("numeric and bigint ids are accepted and kept as strings", async () => {
    const { IdSchema, toId } = await import("./primitives");
    expect(IdSchema.parse(42)).toBe("42");
    expect(IdSchema.parse(9007199254740993n)).toBe("9007199254740993");
    expect(toId(1024)).toBe("1024");
    for (const bad of [-1, 1.5, Number.MAX_SAFE_INTEGER + 2, "", "x".repeat(65), true, null]) {
      expect(IdSchema.safeParse(bad).success).toBe(false);
      expect(() => toId(bad as never)).toThrow(/1–64/);
    }
  });

  test("a Date is a calendar date (in Shanghai) or an instant; DATETIME text is refused with the way out", async () => {
    const { CalendarDateSchema, InstantSchema } = await import("./primitives");
    expect(CalendarDateSchema.parse(new Date("2015-03-02T00:00:00+08:00"))).toBe("2015-03-02");
    expect(InstantSchema.parse(new Date("2026-03-01T01:00:00Z"))).toBe("2026-03-01T01:00:00.000Z");
    const r = InstantSchema.safeParse("2026-03-01 09:00:00");
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toContain("toInstant");
  });

  test("a child file from rows: numeric ids, Date birth date, parsed to strings", async () => {
    const { ChildFileSchema } = await import("./child-file");
    const file = ChildFileSchema.parse({
      id: 1001,
      child: {
        name: "王小明",
        gender: "male",
        birthDate: new Date("2015-03-02T00:00:00+08:00"),
        regionCode: "430102001001",
        schoolId: 7,
        classId: 701,
      },
      livingArrangement: "grandparents",
      guardians: [{ id: 5001, name: "王奶奶", relation: "grandmother" }],
      parents: [
        {
          id: 6001,
          role: "father",
          name: "王大山",
          awayPeriods: [{ from: new Date("2024-02-20T00:00:00+08:00"), city: "深圳" }],
        },
      ],
    });
    expect(file.id).toBe("1001");
    expect(file.child.birthDate).toBe("2015-03-02");
    expect(file.child.schoolId).toBe("7");
    expect(file.guardians[0]?.id).toBe("5001");
    expect(file.parents[0]?.awayPeriods[0]?.from).toBe("2024-02-20");
  });
});
