import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors";
import { text } from "../i18n";
import type { ChildFile, ChildFileInput } from "../model";
import { addDays, birthdayOfAge, type CalendarDate } from "../time";
import { classifyLeftBehind, leftBehindChanges } from "./classify";
import {
  isParentAway,
  LeftBehindDefinitionSchema,
  schoolDefinition,
  type LeftBehindDefinition,
} from "./definitions";

function makeFile(over: {
  birthDate?: string;
  father?: { from: string; to?: string }[];
  mother?: { from: string; to?: string }[] | null;
  motherCapacity?: "full" | "limited" | "none";
  motherDeceased?: boolean;
  grade?: number;
  status?: "enrolled" | "dropped-out" | "not-enrolled";
}): ChildFileInput {
  const parents: NonNullable<ChildFileInput["parents"]> = [
    {
      id: "p1",
      role: "father",
      name: "父亲甲",
      awayPeriods: (over.father ?? []).map((p) => ({ ...p, city: "深圳" })),
    },
  ];
  if (over.mother !== null) {
    parents.push({
      id: "p2",
      role: "mother",
      name: "母亲乙",
      guardianshipCapacity: over.motherCapacity ?? "full",
      deceased: over.motherDeceased ?? false,
      awayPeriods: (over.mother ?? []).map((p) => ({ ...p, city: "东莞" })),
    });
  }
  return {
    id: "c1",
    child: {
      name: "测试儿童",
      gender: "female",
      birthDate: over.birthDate ?? "2012-05-10",
      regionCode: "430102001001",
      grade: over.grade ?? 8,
      schooling: { status: over.status ?? "enrolled" },
    },
    livingArrangement: "grandparents",
    parents,
  } as ChildFileInput;
}

describe("classifyLeftBehind — State Council 2016", () => {
  it("counts a child under 16 with both parents away, and explains why", () => {
    const r = classifyLeftBehind(
      makeFile({ father: [{ from: "2020-01-01" }], mother: [{ from: "2021-03-01" }] }),
      {
        asOf: "2026-03-01",
      },
    );
    expect(r.leftBehind).toBe(true);
    expect(r.definition).toBe("state-council-2016");
    expect(r.asOf).toBe("2026-03-01");
    expect(r.age).toBe(13);
    expect(r.parentsAway).toEqual(["father", "mother"]);
    expect(r.reasons.map((x) => x.code)).toEqual(["under-16", "both-parents-away"]);
    expect(r.reasons[0]?.message["zh-CN"]).toContain("未满 16");
  });

  it("needs the other parent to lack capacity when only one is away", () => {
    const base = { father: [{ from: "2020-01-01" }], mother: [] };
    const capable = classifyLeftBehind(makeFile(base), { asOf: "2026-03-01" });
    expect(capable.leftBehind).toBe(false);
    expect(capable.reasons.map((x) => x.code)).toContain("other-parent-capable");
    const limited = classifyLeftBehind(makeFile({ ...base, motherCapacity: "limited" }), {
      asOf: "2026-03-01",
    });
    expect(limited.leftBehind).toBe(false);
    const none = classifyLeftBehind(makeFile({ ...base, motherCapacity: "none" }), {
      asOf: "2026-03-01",
    });
    expect(none.leftBehind).toBe(true);
    expect(none.reasons.map((x) => x.code)).toContain("other-parent-no-capacity");
    const dead = classifyLeftBehind(makeFile({ ...base, motherDeceased: true }), {
      asOf: "2026-03-01",
    });
    expect(dead.leftBehind).toBe(true);
    expect(dead.reasons.map((x) => x.code)).toContain("other-parent-deceased");
    const missing = classifyLeftBehind(makeFile({ ...base, mother: null }), { asOf: "2026-03-01" });
    expect(missing.leftBehind).toBe(false);
    expect(missing.reasons.map((x) => x.code)).toContain("other-parent-not-on-file");
  });

  it("drops out on the 16th birthday, not the day before", () => {
    const f = makeFile({
      birthDate: "2010-06-01",
      father: [{ from: "2015-01-01" }],
      mother: [{ from: "2015-01-01" }],
    });
    expect(classifyLeftBehind(f, { asOf: "2026-05-31" }).leftBehind).toBe(true);
    const on = classifyLeftBehind(f, { asOf: "2026-06-01" });
    expect(on.leftBehind).toBe(false);
    expect(on.reasons[0]?.code).toBe("aged-16-or-over");
  });

  it("a 29 February child turns 16 on 29 February in a leap year and on 1 March in a common year", () => {
    const away = { father: [{ from: "2000-01-01" }], mother: [{ from: "2000-01-01" }] };
    const leap = makeFile({ birthDate: "2012-02-29", ...away });
    expect(classifyLeftBehind(leap, { asOf: "2028-02-28" }).leftBehind).toBe(true);
    expect(classifyLeftBehind(leap, { asOf: "2028-02-29" }).leftBehind).toBe(false);
    // 16 is a multiple of 4, so only a century year gives a common-year 16th birthday: 2100.
    const common = makeFile({ birthDate: "2084-02-29", ...away });
    expect(birthdayOfAge("2084-02-29", 16)).toBe("2100-03-01");
    expect(classifyLeftBehind(common, { asOf: "2100-02-28" }).leftBehind).toBe(true);
    const out = classifyLeftBehind(common, { asOf: "2100-03-01" });
    expect(out.leftBehind).toBe(false);
    expect(out.reasons[0]?.message.en).toContain("2100-03-01");
  });

  it("drops out the day after a parent's away period ends", () => {
    const f = makeFile({
      father: [{ from: "2020-01-01", to: "2026-01-31" }],
      mother: [{ from: "2020-01-01" }],
    });
    expect(classifyLeftBehind(f, { asOf: "2026-01-31" }).leftBehind).toBe(true);
    const back = classifyLeftBehind(f, { asOf: "2026-02-01" });
    expect(back.leftBehind).toBe(false);
    expect(back.parentsAway).toEqual(["mother"]);
  });

  it("reads an instant in the zone (Beijing by default)", () => {
    const f = makeFile({
      birthDate: "2010-06-01",
      father: [{ from: "2015-01-01" }],
      mother: [{ from: "2015-01-01" }],
    });
    // 2026-05-31T17:00Z is 1 June 01:00 in Beijing: the 16th birthday there.
    expect(classifyLeftBehind(f, { asOf: "2026-05-31T17:00:00Z" }).leftBehind).toBe(false);
    expect(classifyLeftBehind(f, { asOf: "2026-05-31T17:00:00Z", zone: "UTC" }).leftBehind).toBe(
      true,
    );
  });
});

describe("classifyLeftBehind — school definition", () => {
  it("counts a pupil in grades 1–9 with one parent away, whatever the age and the other parent", () => {
    const f = makeFile({ birthDate: "2009-01-01", grade: 9, father: [{ from: "2020-01-01" }] });
    const r = classifyLeftBehind(f, { asOf: "2026-03-01", definition: "school" });
    expect(r.leftBehind).toBe(true);
    expect(r.reasons.map((x) => x.code)).toEqual(["compulsory-pupil", "one-parent-away"]);
    expect(classifyLeftBehind(f, { asOf: "2026-03-01" }).leftBehind).toBe(false);
  });
  it("excludes high-school pupils, non-enrolled children and children with no parent away", () => {
    expect(
      classifyLeftBehind(makeFile({ grade: 10, father: [{ from: "2020-01-01" }] }), {
        asOf: "2026-03-01",
        definition: "school",
      }).reasons.map((x) => x.code),
    ).toContain("not-in-grades-1-to-9");
    expect(
      classifyLeftBehind(makeFile({ status: "not-enrolled", father: [{ from: "2020-01-01" }] }), {
        asOf: "2026-03-01",
        definition: "school",
      }).leftBehind,
    ).toBe(false);
    expect(
      classifyLeftBehind(makeFile({}), { asOf: "2026-03-01", definition: "school" }).reasons.map(
        (x) => x.code,
      ),
    ).toContain("no-parent-away");
  });
});

describe("the readings of the schools' definition", () => {
  const away = [{ from: "2020-01-01" }];
  it("keeps a pupil who dropped out in scope, unless told not to", () => {
    const dropout = makeFile({ status: "dropped-out", father: away });
    const r = classifyLeftBehind(dropout, { asOf: "2026-03-01", definition: "school" });
    expect(r.leftBehind).toBe(true);
    expect(r.reasons.map((x) => x.code)).toContain("dropped-out");
    const strict = schoolDefinition({ keepDropouts: false });
    expect(strict.id).toBe("school-enrolled-only");
    expect(classifyLeftBehind(dropout, { asOf: "2026-03-01", definition: strict }).leftBehind).toBe(
      false,
    );
  });

  it("can require a carer other than the parent at home (需要其他亲人或委托人照顾)", () => {
    const withMother = { ...makeFile({ father: away }), livingArrangement: "parent" as const };
    expect(
      classifyLeftBehind(withMother, { asOf: "2026-03-01", definition: "school" }).leftBehind,
    ).toBe(true);
    const cared = schoolDefinition({ requireOtherCarer: true });
    const r = classifyLeftBehind(withMother, { asOf: "2026-03-01", definition: cared });
    expect(r.leftBehind).toBe(false);
    expect(r.reasons.map((x) => x.code)).toContain("lives-with-parent");
    expect(
      classifyLeftBehind(
        { ...withMother, livingArrangement: "grandparents" },
        { asOf: "2026-03-01", definition: cared },
      ).leftBehind,
    ).toBe(true);
  });
});

describe("custom definitions", () => {
  const onlyMother: LeftBehindDefinition = {
    id: "mother-away",
    name: text("母亲外出", "mother away"),
    classify: (file, { asOf }) => {
      const m = file.parents.find((p) => p.role === "mother");
      const away = m !== undefined && isParentAway(m, asOf);
      return {
        leftBehind: away,
        reasons: [{ code: away ? "mother-away" : "mother-home", message: text("母亲", "mother") }],
      };
    },
  };
  it("applies a custom definition and reports its id", () => {
    const r = classifyLeftBehind(makeFile({ mother: [{ from: "2025-01-01" }] }), {
      asOf: "2026-03-01",
      definition: onlyMother,
    });
    expect(r).toMatchObject({
      leftBehind: true,
      definition: "mother-away",
      parentsAway: ["mother"],
    });
  });
  it("calls a class-based definition as a method (this is kept)", () => {
    class Minimum implements LeftBehindDefinition {
      readonly id = "min-age";
      readonly name = text("最低年龄", "minimum age");
      constructor(private readonly minAge: number) {}
      classify(file: ChildFile, { asOf }: { asOf: CalendarDate }) {
        return {
          leftBehind: asOf >= birthdayOfAge(file.child.birthDate, this.minAge),
          reasons: [],
        };
      }
    }
    const r = classifyLeftBehind(makeFile({ birthDate: "2012-05-10" }), {
      asOf: "2026-03-01",
      definition: new Minimum(10),
    });
    expect(r.leftBehind).toBe(true);
  });

  it("rejects a malformed definition or verdict with a ValidationError", () => {
    const bad = { id: "x", name: text("x", "x"), classify: 3 } as unknown as LeftBehindDefinition;
    expect(() => classifyLeftBehind(makeFile({}), { asOf: "2026-03-01", definition: bad })).toThrow(
      ValidationError,
    );
    const wrong = {
      ...onlyMother,
      classify: () => ({ leftBehind: "yes" }),
    } as unknown as LeftBehindDefinition;
    expect(() =>
      classifyLeftBehind(makeFile({}), { asOf: "2026-03-01", definition: wrong }),
    ).toThrow(ValidationError);
  });
  /** The issues of a refused call, as `[path, code, zh, en]`. */
  const refused = (run: () => unknown) => {
    try {
      run();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      return (e as ValidationError).issues.map((i) => [
        i.path,
        i.code,
        i.message["zh-CN"],
        i.message.en,
      ]);
    }
    return expect.unreachable("no ValidationError");
  };
  const classifyWith = (definition: unknown) => () =>
    classifyLeftBehind(makeFile({}), {
      asOf: "2026-03-01",
      definition: definition as LeftBehindDefinition,
    });
  const NAME_TEXT = [
    '应为中英文名称 { "zh-CN", en }：报告与说明用它称呼这个口径',
    'expected a name in zh-CN and en ({ "zh-CN", en }): reports and explanations call the definition by it',
  ] as const;
  const CLASSIFY_TEXT = [
    "应为函数 (file, { asOf }) => { leftBehind, reasons }：自定义口径用它认定每个儿童",
    "expected a function (file, { asOf }) => { leftBehind, reasons }: a custom definition decides each child with it",
  ] as const;

  it("names a custom definition's missing name or classify, and says why, in both languages", () => {
    const { name: _n, ...noName } = onlyMother;
    expect(refused(classifyWith(noName))).toEqual([
      [
        "definition.name",
        "invalid_type",
        `字段 definition.name：${NAME_TEXT[0]}（收到：undefined）`,
        `definition.name: ${NAME_TEXT[1]} (received: undefined)`,
      ],
    ]);
    const { classify: _c, ...noClassify } = onlyMother;
    expect(refused(classifyWith(noClassify))).toEqual([
      [
        "definition.classify",
        "invalid_type",
        `字段 definition.classify：${CLASSIFY_TEXT[0]}（收到：undefined）`,
        `definition.classify: ${CLASSIFY_TEXT[1]} (received: undefined)`,
      ],
    ]);
    // Both missing, a name in one language only, a classify that is no function: each named.
    expect(refused(classifyWith({ id: "x", name: { en: "x" }, classify: 3 }))).toEqual([
      [
        "definition.name",
        "invalid_type",
        `字段 definition.name：${NAME_TEXT[0]}（收到：object）`,
        `definition.name: ${NAME_TEXT[1]} (received: object)`,
      ],
      [
        "definition.classify",
        "invalid_type",
        `字段 definition.classify：${CLASSIFY_TEXT[0]}（收到：3）`,
        `definition.classify: ${CLASSIFY_TEXT[1]} (received: 3)`,
      ],
    ]);
    expect(refused(classifyWith({ name: onlyMother.name, classify: onlyMother.classify }))).toEqual(
      [
        [
          "definition.id",
          "invalid_type",
          "字段 definition.id：应为 1–64 个字符的文本：它写入每条认定结果（收到：undefined）",
          "definition.id: expected text of 1 to 64 characters: it is written into every result (received: undefined)",
        ],
      ],
    );
    expect(refused(classifyWith({ ...onlyMother, changeDates: [] }))).toEqual([
      [
        "definition.changeDates",
        "invalid_type",
        "字段 definition.changeDates：可以省略；给出时应为函数 (file) => 日期数组，列出认定可能变化的日期（收到：array(0)）",
        "definition.changeDates: may be left out; when given, expected a function (file) => dates on which the verdict can change (received: array(0))",
      ],
    ]);
  });

  it("names the definition field wherever a definition is an option, and keeps the built-in ids in the message", () => {
    const { name: _n, ...noName } = onlyMother;
    expect(
      refused(() =>
        leftBehindChanges(makeFile({}), {
          from: "2026-01-01",
          to: "2026-03-01",
          definition: noName as unknown as LeftBehindDefinition,
        }),
      ).map((i) => i[0]),
    ).toEqual(["definition.name"]);
    // Not an object nor a built-in id: the choices are listed.
    expect(refused(classifyWith(5))).toEqual([
      [
        "definition",
        "invalid_union",
        "字段 definition：应为以下之一：state-council-2016、school；或应为自定义口径对象 { id, name, classify }（收到：5）",
        "definition: expected one of: state-council-2016, school; or expected a custom definition { id, name, classify } (received: 5)",
      ],
    ]);
    expect(refused(classifyWith("schol")).map((i) => i[3])).toEqual([
      'definition: expected one of: state-council-2016, school; or expected a custom definition { id, name, classify } (received: "schol")',
    ]);
  });

  it("checks a definition on its own with LeftBehindDefinitionSchema, each field named", () => {
    const r = LeftBehindDefinitionSchema.safeParse({ id: "x", name: text("甲", "x"), classify: 1 });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path)).toEqual([["classify"]]);
    expect(LeftBehindDefinitionSchema.safeParse(onlyMother).success).toBe(true);
  });

  it("finds a custom definition's changes from the generic edges", () => {
    const t = leftBehindChanges(makeFile({ mother: [{ from: "2026-02-01", to: "2026-08-31" }] }), {
      from: "2026-01-01",
      to: "2026-12-31",
      definition: onlyMother,
    });
    expect(t.changes.map((c) => [c.date, c.leftBehind])).toEqual([
      ["2026-02-01", true],
      ["2026-09-01", false],
    ]);
  });
});

describe("validation", () => {
  it("throws ValidationError naming the field for a bad date or file", () => {
    const f = makeFile({});
    try {
      classifyLeftBehind(f, { asOf: "2026-02-30" as CalendarDate });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).issues[0]?.path).toBe("asOf");
    }
    expect(() =>
      classifyLeftBehind({ ...f, child: { ...f.child, birthDate: "x" } } as ChildFileInput, {
        asOf: "2026-03-01",
      }),
    ).toThrow(ValidationError);
    expect(() =>
      classifyLeftBehind(f, { asOf: "2026-03-01", definition: "nope" as "school" }),
    ).toThrow(ValidationError);
    expect(() => leftBehindChanges(f, { from: "2026-03-01", to: "2026-01-01" })).toThrow(
      ValidationError,
    );
  });
});

describe("leftBehindChanges", () => {
  it("lists the return date and the 16th birthday", () => {
    const f = makeFile({
      birthDate: "2010-06-01",
      father: [{ from: "2015-01-01", to: "2026-02-10" }, { from: "2026-03-01" }],
      mother: [{ from: "2015-01-01" }],
    });
    const t = leftBehindChanges(f, { from: "2026-01-01", to: "2026-12-31" });
    expect(t.initial.leftBehind).toBe(true);
    expect(t.changes.map((c) => [c.date, c.leftBehind])).toEqual([
      ["2026-02-11", false],
      ["2026-03-01", true],
      ["2026-06-01", false],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Property tests

const dayArb = fc.integer({ min: 0, max: 365 * 110 }).map((n) => addDays("1995-01-01", n));
const birthArb = fc.oneof(
  dayArb,
  fc.constantFrom<CalendarDate>("2000-02-29", "2008-02-29", "2012-02-29", "2084-02-29"),
);
const periodArb = fc
  .tuple(dayArb, fc.option(fc.integer({ min: 0, max: 3000 }), { nil: undefined }))
  .map(([from, len]) => (len === undefined ? { from } : { from, to: addDays(from, len) }));
const fileArb = fc
  .record({
    birthDate: birthArb,
    father: fc.array(periodArb, { maxLength: 3 }),
    mother: fc.option(fc.array(periodArb, { maxLength: 3 }), { nil: null }),
    motherCapacity: fc.constantFrom<"full" | "limited" | "none">("full", "limited", "none"),
    motherDeceased: fc.boolean(),
    grade: fc.integer({ min: 1, max: 12 }),
  })
  .map((o) => makeFile(o));
const definitionArb = fc.constantFrom<"state-council-2016" | "school">(
  "state-council-2016",
  "school",
);

describe("properties", () => {
  it("under State Council rules a child with both parents away is in the day before the 16th birthday and out on it", () => {
    fc.assert(
      fc.property(birthArb, (birthDate) => {
        const f = makeFile({
          birthDate,
          father: [{ from: "1990-01-01" }],
          mother: [{ from: "1990-01-01" }],
        });
        const sixteen = birthdayOfAge(birthDate, 16);
        expect(classifyLeftBehind(f, { asOf: addDays(sixteen, -1) }).leftBehind).toBe(true);
        expect(classifyLeftBehind(f, { asOf: sixteen }).leftBehind).toBe(false);
        if (birthDate.endsWith("02-29") && !sixteen.endsWith("02-29"))
          expect(sixteen.endsWith("03-01")).toBe(true);
      }),
    );
  });

  it("a child is out the day after the father's return and in on the return day", () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 0, max: 2000 }), (from, len) => {
        const to = addDays(from, len);
        const f = makeFile({
          birthDate: addDays(to, -365 * 5),
          father: [{ from, to }],
          mother: [{ from: "1990-01-01" }],
        });
        expect(classifyLeftBehind(f, { asOf: to }).leftBehind).toBe(true);
        expect(classifyLeftBehind(f, { asOf: addDays(to, 1) }).leftBehind).toBe(false);
        expect(
          classifyLeftBehind(f, { asOf: addDays(to, 1), definition: "school" }).leftBehind,
        ).toBe(true);
      }),
    );
  });

  it("is a pure function of (file, asOf) and never mutates the input", () => {
    fc.assert(
      fc.property(fileArb, dayArb, definitionArb, (file, asOf, definition) => {
        const before = structuredClone(file);
        const a = classifyLeftBehind(file, { asOf, definition });
        const b = classifyLeftBehind(structuredClone(file), { asOf, definition });
        expect(a).toEqual(b);
        expect(file).toEqual(before);
      }),
    );
  });

  it("leftBehindChanges agrees with classifying every day (checked on a sample of days)", () => {
    fc.assert(
      fc.property(
        fileArb,
        dayArb,
        fc.integer({ min: 0, max: 2000 }),
        definitionArb,
        fc.array(fc.integer({ min: 0, max: 2000 }), { maxLength: 8 }),
        (file, from, len, definition, probes) => {
          const to = addDays(from, len);
          const t = leftBehindChanges(file, { from, to, definition });
          const statusOn = (d: CalendarDate): boolean => {
            let s = t.initial.leftBehind;
            for (const c of t.changes) if (c.date <= d) s = c.leftBehind;
            return s;
          };
          for (const p of probes) {
            const d = addDays(from, p % (len + 1));
            expect(statusOn(d)).toBe(classifyLeftBehind(file, { asOf: d, definition }).leftBehind);
          }
          for (const c of t.changes) {
            expect(
              classifyLeftBehind(file, { asOf: addDays(c.date, -1), definition }).leftBehind,
            ).toBe(!c.leftBehind);
          }
        },
      ),
    );
  });
});
