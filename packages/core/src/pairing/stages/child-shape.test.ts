import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostileValue, nearValues } from "../../_lib/hostile.test-helper";
import { pairingChildInShape } from "./child-shape";
import { PairingChildSchema } from "./input";

/**
 * The fast path of the pairing input takes a child file that certainly passes
 * `PairingChildSchema` without zod. It must never accept what zod refuses, and what it returns
 * must equal zod's output (keys and values): otherwise planning would see unchecked data or
 * data that differs from the checked one.
 */
const valid = {
  id: "c1",
  child: {
    name: "儿童",
    gender: "female",
    birthDate: "2015-03-02",
    regionCode: "430626001001",
    schoolId: "s1",
    classId: "k1",
    grade: 4,
    schooling: { status: "enrolled" },
  },
  livingArrangement: "grandparents",
  keyCase: true,
  riskLevel: "high",
};

/** Field values that pass or almost pass. */
const near = nearValues(
  0,
  4,
  4.5,
  12,
  13,
  7,
  "male",
  "female",
  "low",
  "critical",
  "2016-02-29",
  "2015-02-29",
  "430626",
  "999999",
  "4306260010",
  new Date("2015-03-02"),
  new Date(NaN),
  true,
  false,
  [],
  Object.create(null),
);
const FILE_KEYS = ["id", "child", "keyCase", "riskLevel", "extra", "__proto__", "constructor"];
const CHILD_KEYS = ["gender", "birthDate", "regionCode", "schoolId", "classId", "grade", "name"];

type Edit = (f: Record<string, any>) => void;
const setOrDelete =
  (key: string, value: unknown, del: boolean): Edit =>
  (o) => {
    if (del) delete o[key];
    else
      Object.defineProperty(o, key, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
  };
/** One change to a copy of the valid file: a field set, removed, made a getter, a symbol… */
const edit: fc.Arbitrary<{ where: "file" | "child"; apply: Edit }> = fc.oneof(
  fc
    .tuple(fc.constantFrom("file", "child"), fc.boolean(), near, fc.boolean())
    .chain(([where, del, value]) =>
      fc
        .constantFrom(...(where === "file" ? FILE_KEYS : CHILD_KEYS))
        .map((key) => ({ where, apply: setOrDelete(key, value, del) })),
    ),
  fc
    .tuple(fc.constantFrom("file", "child"), fc.constantFrom(...FILE_KEYS, ...CHILD_KEYS), near)
    .map(([where, key, value]) => ({
      where,
      apply: (o: Record<string, any>) =>
        Object.defineProperty(o, key, { get: () => value, enumerable: true, configurable: true }),
    })),
  fc.constantFrom("file", "child").map((where) => ({
    where,
    apply: (o: Record<string, any>) => (o[Symbol.for("s") as any] = 1),
  })),
  fc.constantFrom("file", "child").map((where) => ({
    where,
    apply: (o: Record<string, any>) =>
      Object.defineProperty(o, "id", { value: "hidden", enumerable: false, configurable: true }),
  })),
);

/** The valid file with some edits, rebuilt each time it is asked for (getters stay fresh). */
function edited(edits: readonly { where: "file" | "child"; apply: Edit }[], proto: unknown) {
  return () => {
    const f: Record<string, any> = { ...valid, child: { ...valid.child } };
    for (const e of edits) {
      const target: unknown = e.where === "file" ? f : f["child"];
      // An edit of a child already replaced by something else (or frozen) does nothing.
      if (target !== null && typeof target === "object" && Object.isExtensible(target))
        e.apply(target as Record<string, any>);
    }
    return proto === Object.prototype ? f : Object.setPrototypeOf(f, proto as object);
  };
}

function check(make: () => unknown): void {
  const fast = pairingChildInShape(make());
  const zod = PairingChildSchema.safeParse(make());
  if (fast === undefined) return;
  expect(zod.success).toBe(true);
  expect(fast).toStrictEqual(zod.data);
}

describe("pairing input: the fast path of child files", () => {
  it("takes a file in validated shape, and gives what zod gives", () => {
    expect(pairingChildInShape(valid)).toStrictEqual(PairingChildSchema.parse(valid));
    const { keyCase: _, riskLevel: __, ...plain } = valid;
    expect(pairingChildInShape(plain)).toStrictEqual(PairingChildSchema.parse(plain));
  });

  it("copies the file and its child, as zod does", () => {
    const out = pairingChildInShape(valid)!;
    expect(out).not.toBe(valid);
    expect(out.child).not.toBe(valid.child);
    expect((out.child as unknown as { schooling: unknown }).schooling).toBe(valid.child.schooling);
  });

  it("never accepts what zod refuses, nor changes what zod gives (edited files)", () => {
    fc.assert(
      fc.property(
        fc.array(edit, { maxLength: 4 }),
        fc.constantFrom(Object.prototype, null, Array.prototype, { id: "c9" }),
        (edits, proto) => check(edited(edits, proto)),
      ),
      { numRuns: 3000 },
    );
  });

  it("never accepts what zod refuses (hostile values)", () => {
    fc.assert(
      fc.property(hostileValue, (v) => check(() => v)),
      { numRuns: 1000 },
    );
  });

  it("reads a getter once, so the check and the plan see the same value", () => {
    let reads = 0;
    const f = {
      ...valid,
      get id() {
        return reads++ === 0 ? "c1" : "";
      },
    };
    expect(pairingChildInShape(f)?.id).toBe("c1");
    expect(reads).toBe(1);
  });

  it("leaves numeric ids, dates as Date and class instances to zod", () => {
    expect(pairingChildInShape({ ...valid, id: 7 })).toBeUndefined();
    const when = { ...valid, child: { ...valid.child, birthDate: new Date("2015-03-02") } };
    expect(pairingChildInShape(when)).toBeUndefined();
    class File {
      id = "c1";
      child = valid.child;
    }
    expect(pairingChildInShape(new File())).toBeUndefined();
  });
});

describe("pairing input: the fast path of child files refuses what zod refuses", () => {
  it("leaves a key case that is not a boolean to zod", () => {
    for (const keyCase of ["yes", 1, null]) {
      const f = { ...valid, keyCase };
      expect(PairingChildSchema.safeParse(f).success).toBe(false);
      expect(pairingChildInShape(f)).toBeUndefined();
    }
    expect(pairingChildInShape({ ...valid, keyCase: false })).toStrictEqual(
      PairingChildSchema.parse({ ...valid, keyCase: false }),
    );
  });
});
