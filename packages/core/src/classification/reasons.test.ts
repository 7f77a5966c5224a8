import { describe, expect, it } from "vitest";
import { thrown } from "../_lib/throws.test-helper";
import { ValidationError } from "../errors";
import { text } from "../i18n";
import { ChildFileSchema, type ChildFile, type ChildFileInput } from "../model";
import type { CalendarDate } from "../time";
import {
  builtInDefinitionId,
  classifyLeftBehind,
  classifyValidated,
  leftBehindChanges,
  resolveDefinition,
} from "./classify";
import {
  awayEdges,
  builtInVerdict,
  isParentAway,
  LEFT_BEHIND_DEFINITIONS,
  SCHOOL_DEFINITION,
  STATE_COUNCIL_2016_DEFINITION,
  type LeftBehindDefinition,
} from "./definitions";

type Away = { from: string; to?: string }[];

/** A child file (born 2010-09-01 unless said) with a father and, unless `mother: null`, a mother. */
function file(o: {
  birth?: string;
  father?: Away;
  fatherDeceased?: boolean;
  mother?: Away | null;
  motherCapacity?: "full" | "limited" | "none";
  motherDeceased?: boolean;
  grade?: number | null;
  status?: "enrolled" | "dropped-out" | "graduated";
}): ChildFile {
  const parents: NonNullable<ChildFileInput["parents"]> = [
    {
      id: "f",
      role: "father",
      name: "父亲",
      deceased: o.fatherDeceased ?? false,
      awayPeriods: (o.father ?? []).map((p) => ({ ...p, city: "深圳" })),
    },
  ];
  if (o.mother !== null) {
    parents.push({
      id: "m",
      role: "mother",
      name: "母亲",
      guardianshipCapacity: o.motherCapacity ?? "full",
      deceased: o.motherDeceased ?? false,
      awayPeriods: (o.mother ?? []).map((p) => ({ ...p, city: "东莞" })),
    });
  }
  return ChildFileSchema.parse({
    id: "c",
    child: {
      name: "儿童",
      gender: "male",
      birthDate: o.birth ?? "2010-09-01",
      regionCode: "430102001001",
      ...(o.grade === null ? {} : { grade: o.grade ?? 9 }),
      schooling: { status: o.status ?? "enrolled" },
    },
    livingArrangement: "grandparents",
    parents,
  } as ChildFileInput);
}

const AWAY: Away = [{ from: "2020-01-01" }];

/** Scenarios at and around every boundary the two built-in definitions name. */
const SCENARIOS: Record<string, { f: ChildFile; asOf: CalendarDate }> = {
  "both away, the day before the 16th birthday": {
    f: file({ father: AWAY, mother: AWAY }),
    asOf: "2026-08-31",
  },
  "both away, on the 16th birthday": {
    f: file({ father: AWAY, mother: AWAY }),
    asOf: "2026-09-01",
  },
  "both away, the day after the 16th birthday": {
    f: file({ father: AWAY, mother: AWAY }),
    asOf: "2026-09-02",
  },
  "not yet born": { f: file({ father: AWAY, mother: AWAY }), asOf: "2010-08-31" },
  "born that day": {
    f: file({ father: [{ from: "2009-01-01" }], mother: [{ from: "2009-01-01" }] }),
    asOf: "2010-09-01",
  },
  "father away, mother capable": { f: file({ father: AWAY }), asOf: "2024-03-01" },
  "father away, mother with limited capacity": {
    f: file({ father: AWAY, motherCapacity: "limited" }),
    asOf: "2024-03-01",
  },
  "father away, mother without capacity": {
    f: file({ father: AWAY, motherCapacity: "none" }),
    asOf: "2024-03-01",
  },
  "father away, mother deceased": {
    f: file({ father: AWAY, motherDeceased: true }),
    asOf: "2024-03-01",
  },
  "mother away, father deceased": {
    f: file({ mother: AWAY, fatherDeceased: true }),
    asOf: "2024-03-01",
  },
  "father away, no mother on file": { f: file({ father: AWAY, mother: null }), asOf: "2024-03-01" },
  "no parent away": { f: file({}), asOf: "2024-03-01" },
  "no parent away, the father deceased": { f: file({ fatherDeceased: true }), asOf: "2024-03-01" },
  "not yet born, parents already away": {
    f: file({ father: [{ from: "2009-01-01" }], mother: [{ from: "2009-01-01" }] }),
    asOf: "2010-08-31",
  },
  "father back on the last day away": {
    f: file({ father: [{ from: "2020-01-01", to: "2024-02-29" }], mother: AWAY }),
    asOf: "2024-02-29",
  },
  "father back the day after": {
    f: file({ father: [{ from: "2020-01-01", to: "2024-02-29" }], mother: AWAY }),
    asOf: "2024-03-01",
  },
  "father away from that very day": {
    f: file({ father: [{ from: "2024-03-01" }], mother: AWAY }),
    asOf: "2024-03-01",
  },
  "a deceased parent is never away": {
    f: file({ father: AWAY, fatherDeceased: true, mother: AWAY }),
    asOf: "2024-03-01",
  },
  "grade 9": { f: file({ father: AWAY, grade: 9 }), asOf: "2024-03-01" },
  "grade 10": { f: file({ father: AWAY, grade: 10 }), asOf: "2024-03-01" },
  "grade 1": { f: file({ father: AWAY, grade: 1 }), asOf: "2024-03-01" },
  "no grade on file": { f: file({ father: AWAY, grade: null }), asOf: "2024-03-01" },
  "dropped out": { f: file({ father: AWAY, status: "dropped-out" }), asOf: "2024-03-01" },
};

const BUILT_IN = ["state-council-2016", "school"] as const;

describe("the built-in definitions at every boundary", () => {
  for (const [name, { f, asOf }] of Object.entries(SCENARIOS)) {
    for (const id of BUILT_IN) {
      it(`${id}: ${name}`, () => {
        const r = classifyLeftBehind(f, { asOf, definition: id });
        // The verdict, the facts and every bilingual reason, word for word.
        expect(r).toMatchSnapshot();
        // The statistics' fast path gives the same verdict.
        expect(builtInVerdict(id, f, asOf)).toBe(r.leftBehind);
        expect(classifyValidated(f, asOf, LEFT_BEHIND_DEFINITIONS[id])).toEqual(r);
      });
    }
  }

  it("the State Council verdicts: in before the 16th birthday, out from it", () => {
    const verdict = (k: string) =>
      classifyLeftBehind(SCENARIOS[k]!.f, { asOf: SCENARIOS[k]!.asOf }).leftBehind;
    expect(verdict("both away, the day before the 16th birthday")).toBe(true);
    expect(verdict("both away, on the 16th birthday")).toBe(false);
    expect(verdict("both away, the day after the 16th birthday")).toBe(false);
    expect(verdict("not yet born")).toBe(false);
    expect(verdict("not yet born, parents already away")).toBe(false);
    expect(verdict("no parent away, the father deceased")).toBe(false);
    expect(verdict("born that day")).toBe(true);
    expect(verdict("father away, mother capable")).toBe(false);
    expect(verdict("father away, mother with limited capacity")).toBe(false);
    expect(verdict("father away, mother without capacity")).toBe(true);
    expect(verdict("father away, mother deceased")).toBe(true);
    expect(verdict("mother away, father deceased")).toBe(true);
    expect(verdict("father away, no mother on file")).toBe(false);
    expect(verdict("father back on the last day away")).toBe(true);
    expect(verdict("father back the day after")).toBe(false);
    expect(verdict("father away from that very day")).toBe(true);
    // The deceased father is not away; the mother is, and the other parent is deceased.
    expect(verdict("a deceased parent is never away")).toBe(true);
    expect(
      classifyLeftBehind(SCENARIOS["a deceased parent is never away"]!.f, { asOf: "2024-03-01" })
        .parentsAway,
    ).toEqual(["mother"]);
  });

  it("the school verdicts: a pupil of grade 1–9, enrolled or dropped out, with a parent away", () => {
    const verdict = (k: string) =>
      classifyLeftBehind(SCENARIOS[k]!.f, { asOf: SCENARIOS[k]!.asOf, definition: "school" })
        .leftBehind;
    expect(verdict("grade 1")).toBe(true);
    expect(verdict("grade 9")).toBe(true);
    expect(verdict("grade 10")).toBe(false);
    expect(verdict("no grade on file")).toBe(false);
    expect(verdict("dropped out")).toBe(true); // a dropout stays in scope: it counts against the work
    expect(verdict("no parent away")).toBe(false);
    expect(verdict("father away, mother capable")).toBe(true);
    expect(verdict("not yet born")).toBe(false);
    expect(verdict("not yet born, parents already away")).toBe(false);
    // No age limit: a pupil of 16 still counts.
    expect(verdict("both away, the day after the 16th birthday")).toBe(true);
  });
});

describe("definitions: names, shapes and arguments", () => {
  it("names the built-in definitions in both languages", () => {
    expect(STATE_COUNCIL_2016_DEFINITION.name).toEqual(
      text("国发〔2016〕13号口径", "State Council 2016 No. 13"),
    );
    expect(SCHOOL_DEFINITION.name).toEqual(
      text(
        "学校口径（中小学生，父母双方或一方外出务工）",
        "School definition (pupil, one or both parents away)",
      ),
    );
  });

  it("says what is wrong with a host's definition or its verdict", () => {
    const f = file({});
    const mine = {
      id: "mine",
      name: text("自定", "mine"),
      classify: () => ({ leftBehind: true, reasons: [] }),
    };
    const en = (definition: unknown) =>
      (
        thrown(() =>
          classifyLeftBehind(f, { asOf: "2024-03-01", definition: definition as never }),
        ) as ValidationError
      ).issues.map((i) => `${i.path}: ${i.message.en}`);
    expect(en({ ...mine, classify: 3 })).toEqual([
      "definition.classify: definition.classify: expected a function (file, { asOf }) => { leftBehind, reasons }: a custom definition decides each child with it (received: 3)",
    ]);
    expect(en({ ...mine, changeDates: 3 })).toEqual([
      "definition.changeDates: definition.changeDates: may be left out; when given, expected a function (file) => dates on which the verdict can change (received: 3)",
    ]);
    expect(en({ ...mine, name: { "zh-CN": "甲" } })).toEqual([
      'definition.name: definition.name: expected a name in zh-CN and en ({ "zh-CN", en }): reports and explanations call the definition by it (received: object)',
    ]);
    const verdict = thrown(() =>
      classifyLeftBehind(f, {
        asOf: "2024-03-01",
        definition: { ...mine, classify: () => ({ leftBehind: "yes", reasons: [] }) } as never,
      }),
    ) as ValidationError;
    expect(verdict.issues.map((i) => i.path)).toEqual(["leftBehind"]);
    expect(verdict.messageIn("en")).toContain("result of definition mine");
    expect(verdict.message).toContain("留守儿童口径 mine 的判定结果");
  });

  it("isParentAway refuses a parent without away periods, naming the field", () => {
    const e = thrown(() => isParentAway({} as never, "2024-03-01")) as ValidationError;
    expect(e.issues.map((i) => i.path)).toEqual(["parent.awayPeriods"]);
    expect(e.issues[0]!.message.en).toContain("expected an array of away periods");
    expect(e.issues[0]!.message["zh-CN"]).toContain("应为外出时段数组");
  });

  it("names the options and the change dates it refuses", () => {
    const f = file({});
    const order = thrown(() =>
      leftBehindChanges(f, { from: "2024-03-02", to: "2024-03-01" }),
    ) as ValidationError;
    expect(order.issues.map((i) => [i.path, i.message.en])).toEqual([
      ["to", expect.stringContaining("from must not be after to")],
    ]);
    expect(order.messageIn("en")).toContain("status-change options");
    expect(order.message).toContain("留守状态变化查询选项");
    const dates = thrown(() =>
      leftBehindChanges(f, {
        from: "2024-01-01",
        to: "2024-12-31",
        definition: {
          id: "mine",
          name: text("自定", "mine"),
          classify: () => ({ leftBehind: false, reasons: [] }),
          changeDates: () => ["soon"] as never,
        },
      }),
    ) as ValidationError;
    expect(dates.messageIn("en")).toContain("change dates of definition mine");
    expect(dates.message).toContain("口径 mine 的变化日期");
    const opts = thrown(() =>
      classifyLeftBehind(f, { asOf: "2024-02-30" as CalendarDate }),
    ) as ValidationError;
    expect(opts.issues.map((i) => i.path)).toEqual(["asOf"]);
  });
});

describe("definitions by id", () => {
  it("resolves ids and passes a host's definition through untouched", () => {
    expect(resolveDefinition(undefined)).toBe(STATE_COUNCIL_2016_DEFINITION);
    expect(resolveDefinition("school")).toBe(SCHOOL_DEFINITION);
    const mine: LeftBehindDefinition = {
      id: "mine",
      name: text("自定", "mine"),
      classify: () => ({ leftBehind: true, reasons: [] }),
    };
    expect(resolveDefinition(mine)).toBe(mine);
    expect(builtInDefinitionId(STATE_COUNCIL_2016_DEFINITION)).toBe("state-council-2016");
    expect(builtInDefinitionId(SCHOOL_DEFINITION)).toBe("school");
    expect(builtInDefinitionId(mine)).toBeUndefined();
    // A copy of a built-in is a host's definition: its verdict is checked like any other.
    expect(builtInDefinitionId({ ...SCHOOL_DEFINITION })).toBeUndefined();
  });

  it("each built-in names its change dates: birth, the 16th birthday (State Council), away edges", () => {
    const f = file({ father: [{ from: "2020-01-01", to: "2024-02-29" }], mother: AWAY });
    expect(awayEdges(f)).toEqual(["2020-01-01", "2024-03-01", "2020-01-01"]);
    expect(STATE_COUNCIL_2016_DEFINITION.changeDates!(f)).toEqual([
      "2010-09-01",
      "2026-09-01",
      "2020-01-01",
      "2024-03-01",
      "2020-01-01",
    ]);
    expect(SCHOOL_DEFINITION.changeDates!(f)).toEqual([
      "2010-09-01",
      "2020-01-01",
      "2024-03-01",
      "2020-01-01",
    ]);
  });
});

describe("leftBehindChanges", () => {
  const f = file({ father: [{ from: "2020-01-01", to: "2024-02-29" }], mother: AWAY });
  /** A host's definition without `changeDates`: the generic edges must find its changes. */
  const bothAwayUnder16: LeftBehindDefinition = {
    id: "both-away-under-16",
    name: text("双方外出且未满16岁", "both away, under 16"),
    classify: (file, { asOf }) => ({
      leftBehind:
        STATE_COUNCIL_2016_DEFINITION.classify(file, { asOf }).leftBehind &&
        file.parents.every((p) =>
          p.awayPeriods.some((a) => a.from <= asOf && (!a.to || asOf <= a.to)),
        ),
      reasons: [],
    }),
  };

  it("finds the day after a return and the 16th birthday, for built-in and host definitions", () => {
    for (const definition of ["state-council-2016", bothAwayUnder16] as const) {
      const t = leftBehindChanges(f, { from: "2019-12-31", to: "2026-12-31", definition });
      expect(t.initial.leftBehind).toBe(false);
      expect(t.changes.map((c) => [c.date, c.leftBehind])).toEqual([
        ["2020-01-01", true],
        ["2024-03-01", false],
      ]);
    }
    const back = file({ father: AWAY, mother: AWAY });
    const t = leftBehindChanges(back, {
      from: "2026-01-01",
      to: "2026-12-31",
      definition: bothAwayUnder16,
    });
    expect(t.changes.map((c) => [c.date, c.leftBehind])).toEqual([["2026-09-01", false]]);
    expect(t.definition).toBe("both-away-under-16");
    expect([t.from, t.to]).toEqual(["2026-01-01", "2026-12-31"]);
  });

  it("counts changes strictly after from and up to to, inclusive", () => {
    const t = leftBehindChanges(f, { from: "2020-01-01", to: "2024-03-01" });
    expect(t.initial.leftBehind).toBe(true);
    expect(t.changes.map((c) => c.date)).toEqual(["2024-03-01"]);
    expect(leftBehindChanges(f, { from: "2020-01-01", to: "2024-02-29" }).changes).toEqual([]);
    expect(leftBehindChanges(f, { from: "2024-03-01", to: "2024-03-01" }).changes).toEqual([]);
  });

  it("the generic change dates are every birthday in range, the school start and the file's opening", () => {
    const base = file({ father: AWAY, mother: AWAY });
    const g = ChildFileSchema.parse({
      ...base,
      openedOn: "2024-05-06",
      child: { ...base.child, schooling: { status: "enrolled", since: "2024-09-02" } },
    });
    const when = (id: string, holds: (f: ChildFile, asOf: CalendarDate) => boolean) =>
      leftBehindChanges(g, {
        from: "2009-01-01",
        to: "2030-12-31",
        definition: {
          id,
          name: text(id, id),
          classify: (f, { asOf }) => ({ leftBehind: holds(f, asOf), reasons: [] }),
        },
      }).changes.map((c) => [c.date, c.leftBehind]);
    expect(when("opened", (f, d) => d >= f.openedOn!)).toEqual([["2024-05-06", true]]);
    expect(when("at-school", (f, d) => d >= f.child.schooling.since!)).toEqual([
      ["2024-09-02", true],
    ]);
    expect(when("born", (f, d) => d >= f.child.birthDate)).toEqual([["2010-09-01", true]]);
    expect(when("ten", (f, d) => d >= "2020-09-01")).toEqual([["2020-09-01", true]]);
    // The last birthday looked at is the one after `to`'s age: 20 on 2030-09-01.
    expect(when("twenty", (f, d) => d >= "2030-09-01")).toEqual([["2030-09-01", true]]);
    const late = leftBehindChanges(g, {
      from: "2026-01-01",
      to: "2026-12-31",
      definition: {
        id: "x",
        name: text("x", "x"),
        classify: (f, { asOf }) => ({ leftBehind: asOf >= "2026-09-01", reasons: [] }),
      },
    });
    expect(late.changes.map((c) => c.date)).toEqual(["2026-09-01"]);
  });

  it("refuses from after to, naming to", () => {
    expect(() => leftBehindChanges(f, { from: "2024-03-02", to: "2024-03-01" })).toThrow(
      ValidationError,
    );
    expect(() => leftBehindChanges(f, { from: "2024-03-02", to: "2024-03-01" })).toThrow(/\bto\b/);
    expect(() =>
      leftBehindChanges(f, {
        from: "2020-01-01",
        to: "2024-03-01",
        definition: { ...bothAwayUnder16, changeDates: () => ["soon"] as never },
      }),
    ).toThrow(ValidationError);
  });
});
