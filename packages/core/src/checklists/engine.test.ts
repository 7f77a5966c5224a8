import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ConflictError, ValidationError } from "../errors/errors";
import type { Answer, Assessment } from "../model/records";
import { TEST_INSTRUMENT } from "./instrument.test-helper";
import { defineChecklist, scaleRanges, scoreChecklist, validateResponses } from "./engine";
import { itemScore, reverseLikert } from "./items";
import { compareChecklistVersions, createChecklistRegistry } from "./registry";
import { ChecklistIssueCode, type ChecklistInput } from "./schema";

const instrument = defineChecklist(TEST_INSTRUMENT);

function assessment(
  responses: Record<string, Answer>,
  extra: Partial<Assessment> = {},
): Assessment {
  return {
    id: "a1",
    childId: "c1",
    checklistId: "test.instrument",
    checklistVersion: "2.1.0",
    takenAt: "2026-03-01T09:00:00+08:00",
    informant: "teacher",
    responses,
    ...extra,
  };
}

const full = {
  e1: 2,
  e2: 1,
  e3: 0,
  e4: 1,
  e5: 0,
  pet: true,
  pet_kind: "dog",
  worries: ["family", "school"],
  sleep_hours: 6,
};

describe("defineChecklist", () => {
  it("validates and freezes a definition, applying defaults", () => {
    expect(Object.isFrozen(instrument)).toBe(true);
    expect(Object.isFrozen(instrument.items[0])).toBe(true);
    expect(instrument.items[1]!.required).toBe(false);
    expect(defineChecklist(instrument)).toBe(instrument);
    // the definition as authored is left as it was: not frozen, not changed
    expect(Object.isFrozen(TEST_INSTRUMENT.items)).toBe(false);
    expect(Object.isFrozen(TEST_INSTRUMENT.items[0])).toBe(false);
    expect("required" in TEST_INSTRUMENT.items[1]!).toBe(false);
  });

  it("reports bad references, duplicates and inconsistent items with field paths in both languages", () => {
    const bad: ChecklistInput = {
      id: "bad",
      version: "1",
      title: { "zh-CN": "坏", en: "Bad" },
      items: [
        { id: "q1", kind: "likert", min: 3, max: 1, label: { "zh-CN": "一", en: "one" } },
        {
          id: "q1",
          kind: "text",
          label: { "zh-CN": "二", en: "two" },
          showIf: [{ item: "later" }],
        },
        {
          id: "q3",
          kind: "single-choice",
          label: { "zh-CN": "三", en: "three" },
          options: [
            { value: "a", label: { "zh-CN": "甲", en: "a" } },
            { value: "b", label: { "zh-CN": "乙", en: "b" } },
          ],
        },
      ],
      scales: [{ id: "s", label: { "zh-CN": "分", en: "s" }, items: ["q3", "nope"] }],
    };
    let error: unknown;
    try {
      defineChecklist(bad);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    const issues = (error as ValidationError).issues;
    const paths = issues.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "items[0].max",
        "items[1].id",
        "items[1].showIf[0].item",
        "scales[0].items[0]",
        "scales[0].items[1]",
      ]),
    );
    const unscorable = issues.find((i) => i.path === "scales[0].items[0]")!;
    expect(unscorable.message["zh-CN"]).toContain("不可计分");
    expect(unscorable.message.en).toContain("cannot be scored");
  });

  it("rejects a malformed item with a zod issue naming the field", () => {
    expect(() =>
      defineChecklist({
        id: "x",
        version: "1",
        title: { "zh-CN": "x", en: "x" },
        items: [{ id: "q", kind: "slider", label: { "zh-CN": "q", en: "q" } } as never],
      }),
    ).toThrow(/items\[0\]/);
  });
});

describe("validateResponses", () => {
  it("accepts a complete, valid answer set", () => {
    expect(validateResponses(instrument, full)).toEqual({ valid: true, issues: [] });
  });

  it("names unknown items, wrong types, out-of-range values, unknown options and missing required items", () => {
    const r = validateResponses(instrument, {
      e1: null,
      e2: 3,
      e3: 1.5,
      pet: true,
      worries: ["family", "pets"],
      sleep_hours: "eight",
      note: "x".repeat(21),
      last_visit: "2026-02-30",
      siblings: 1.5,
      ghost: 1,
    });
    expect(r.valid).toBe(false);
    const byPath = Object.fromEntries(r.issues.map((i) => [i.path, i.code]));
    expect(byPath).toEqual({
      "responses.ghost": ChecklistIssueCode.UNKNOWN_ITEM,
      "responses.e1": ChecklistIssueCode.REQUIRED_MISSING,
      "responses.e2": ChecklistIssueCode.OUT_OF_RANGE,
      "responses.e3": ChecklistIssueCode.WRONG_TYPE,
      "responses.pet_kind": ChecklistIssueCode.REQUIRED_MISSING,
      "responses.worries": ChecklistIssueCode.UNKNOWN_OPTION,
      "responses.sleep_hours": ChecklistIssueCode.WRONG_TYPE,
      "responses.siblings": ChecklistIssueCode.WRONG_TYPE,
      "responses.note": ChecklistIssueCode.OUT_OF_RANGE,
      "responses.last_visit": ChecklistIssueCode.WRONG_TYPE,
    });
    const e2 = r.issues.find((i) => i.itemId === "e2")!;
    expect(e2.message["zh-CN"]).toBe("字段 responses.e2（“情绪2”）：应为 0–2 的整数（收到：3）");
    expect(e2.message.en).toBe(
      'responses.e2 ("Emotion 2"): expected an integer from 0 to 2 (received: 3)',
    );
  });

  it("skips required items hidden by their condition and warns about hidden answers", () => {
    const r = validateResponses(instrument, { e1: 0, pet: false, pet_kind: "cat" });
    expect(r.valid).toBe(true);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({
      code: ChecklistIssueCode.HIDDEN_ANSWERED,
      severity: "warning",
      itemId: "pet_kind",
    });
  });

  it("throws a ValidationError when responses are not an object; reports an answer of no known type", () => {
    expect(() => validateResponses(instrument, [1, 2] as never)).toThrow(ValidationError);
    expect(() => validateResponses(instrument, "yes" as never)).toThrow(/以题目编号为键的答案对象/);
    const r = validateResponses(instrument, { e1: { x: 1 } } as never);
    expect(r.issues.map((i) => [i.path, i.code])).toEqual([
      ["responses.e1", ChecklistIssueCode.WRONG_TYPE],
    ]);
  });
});

describe("scoreChecklist", () => {
  it("refuses options that are not an object", () => {
    expect.assertions(2);
    for (const options of [null, 3])
      expect(() => scoreChecklist(instrument, assessment(full), options as never)).toThrow(
        ValidationError,
      );
  });
  it("scores sums, reverse items, weights, means, totals, bands and flags", () => {
    const s = scoreChecklist(instrument, assessment(full));
    // e3 reversed: 0 → 2; emotion = 2 + 1 + 2 + 1 + 0
    expect(s.scales.emotion).toMatchObject({
      value: 6,
      raw: 6,
      answered: 5,
      applicable: 5,
      prorated: false,
      band: { id: "borderline", risk: 2 },
    });
    expect(s.scales["emotion-mean"]!.value).toBeCloseTo(1.2);
    // dog 2 × 2 + worries (2 + 1) + 6 × 0.5
    expect(s.scales.home!.value).toBe(10);
    expect(s.scales.total!.value).toBe(16);
    expect(s.flags.map((f) => f.id)).toEqual(["worried-family"]);
    expect(s.riskFactors).toEqual([
      { code: "test.instrument:emotion:borderline", label: expect.any(Object), weight: 2 },
      { code: "test.instrument:flag:worried-family", label: expect.any(Object), weight: 1 },
    ]);
    expect(s.riskContribution).toBe(3);
  });

  it("picks band variants by population and informant, most specific first", () => {
    const answers = { ...full, e1: 2, e2: 2, e3: 0, e4: 1, e5: 0 }; // emotion 7
    const band = (informant: Assessment["informant"], population?: string) =>
      scoreChecklist(
        instrument,
        assessment(answers, { informant }),
        population ? { population } : {},
      ).scales.emotion!.band?.id;
    expect(band("teacher")).toBe("abnormal");
    expect(band("child")).toBe("borderline");
    expect(band("teacher", "uk")).toBe("abnormal");
    expect(band("child", "uk")).toBe("normal");
    expect(band("guardian", "cn")).toBe("abnormal");
  });

  it("prorates with enough answers and gives no value with too few", () => {
    const three = scoreChecklist(instrument, assessment({ e1: 2, e2: 2, e4: 1 }));
    expect(three.scales.emotion).toMatchObject({
      value: (5 / 3) * 5,
      prorated: true,
      answered: 3,
      applicable: 5,
    });
    const two = scoreChecklist(instrument, assessment({ e1: 2, e2: 2 }));
    expect(two.scales.emotion!.value).toBeUndefined();
    expect(two.scales.emotion!.band).toBeUndefined();
    expect(two.scales.total!.value).toBeUndefined();
  });

  it("raises an all-conditions flag only when every condition holds", () => {
    const s = scoreChecklist(
      instrument,
      assessment({ ...full, e1: 2, e2: 2, e3: 0, e4: 2, e5: 2, sleep_hours: 5 }),
    );
    expect(s.flags.map((f) => f.id)).toContain("distressed");
    const t = scoreChecklist(
      instrument,
      assessment({ ...full, e1: 2, e2: 2, e3: 0, e4: 2, e5: 2, sleep_hours: 8 }),
    );
    expect(t.flags.map((f) => f.id)).not.toContain("distressed");
  });

  it("refuses another checklist, another version, a disallowed informant and invalid answers", () => {
    const codes = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return (e as ValidationError).issues.map((i) => `${i.path}:${i.code}`);
      }
      return [];
    };
    expect(
      codes(() => scoreChecklist(instrument, assessment(full, { checklistVersion: "2.0.0" }))),
    ).toEqual(["checklistVersion:checklist_wrong_version"]);
    expect(
      codes(() => scoreChecklist(instrument, assessment(full, { checklistId: "other" }))),
    ).toEqual(["checklistId:checklist_wrong_checklist"]);
    expect(
      codes(() => scoreChecklist(instrument, assessment(full, { informant: "parent" }))),
    ).toEqual(["informant:checklist_informant"]);
    expect(codes(() => scoreChecklist(instrument, assessment({ ...full, e5: 9 })))).toEqual([
      "responses.e5:checklist_out_of_range",
    ]);
    expect(
      codes(() =>
        scoreChecklist(instrument, { ...assessment(full), takenAt: "yesterday" } as never),
      ),
    ).toEqual(["takenAt:instant"]);
  });

  it("does not mutate the assessment", () => {
    const a = assessment({ ...full });
    const copy = structuredClone(a);
    scoreChecklist(instrument, a);
    expect(a).toEqual(copy);
  });
});

describe("registry", () => {
  const v1: ChecklistInput = {
    ...TEST_INSTRUMENT,
    version: "1.0.0",
    items: TEST_INSTRUMENT.items.slice(0, 5),
    scales: [TEST_INSTRUMENT.scales![0]!],
    flags: [],
  };
  const registry = createChecklistRegistry([TEST_INSTRUMENT, v1]);

  it("scores each stored assessment with the version it was taken on", () => {
    const old = scoreChecklist(
      registry,
      assessment({ e1: 1, e2: 1, e3: 1, e4: 1, e5: 1 }, { checklistVersion: "1.0.0" }),
    );
    expect(old.checklistVersion).toBe("1.0.0");
    expect(Object.keys(old.scales)).toEqual(["emotion"]);
    const current = scoreChecklist(registry, assessment(full));
    expect(current.checklistVersion).toBe("2.1.0");
    expect(Object.keys(current.scales)).toEqual(["emotion", "home", "emotion-mean", "total"]);
  });

  it("answers get, latest, versions and list; null when unknown", () => {
    expect(registry.get("test.instrument", "1.0.0")?.version).toBe("1.0.0");
    expect(registry.get("test.instrument", "3.0.0")).toBeNull();
    expect(registry.latest("test.instrument")?.version).toBe("2.1.0");
    expect(registry.latest("none")).toBeNull();
    expect(registry.versions("test.instrument")).toEqual(["1.0.0", "2.1.0"]);
    expect(registry.list()).toHaveLength(2);
  });

  it("names the known versions when a stored version is missing", () => {
    expect(() => scoreChecklist(registry, assessment(full, { checklistVersion: "0.9" }))).toThrow(
      /已有：1\.0\.0、2\.1\.0/,
    );
    expect(() => scoreChecklist(registry, assessment(full, { checklistId: "nope" }))).toThrow(
      ValidationError,
    );
  });

  it("refuses the same id and version twice", () => {
    expect(() => createChecklistRegistry([v1, v1])).toThrow(ConflictError);
    expect(() => registry.with(v1)).toThrow(ConflictError);
  });

  it("orders versions numerically", () => {
    expect(compareChecklistVersions("1.10.0", "1.9.0")).toBe(1);
    expect(compareChecklistVersions("1.0", "1.0.1")).toBe(-1);
    expect(compareChecklistVersions("2.0.0", "2.0.0")).toBe(0);
  });
});

/** Arbitrary valid answers for the test instrument (some left unanswered). */
const answersArb = fc
  .record(
    {
      e1: fc.integer({ min: 0, max: 2 }),
      e2: fc.option(fc.integer({ min: 0, max: 2 })),
      e3: fc.option(fc.integer({ min: 0, max: 2 })),
      e4: fc.option(fc.integer({ min: 0, max: 2 })),
      e5: fc.option(fc.integer({ min: 0, max: 2 })),
      pet: fc.boolean(),
      worries: fc.subarray(["school", "family", "friends", "none"], { maxLength: 3 }),
      sleep_hours: fc.option(fc.double({ min: 0, max: 12, noNaN: true })),
    },
    { requiredKeys: ["e1", "pet"] },
  )
  .chain((r) =>
    r.pet
      ? fc.constantFrom("dog", "cat", "other").map((k) => ({ ...r, pet_kind: k }))
      : fc.constant(r),
  );

describe("properties", () => {
  it("every scale value lies within its declared range", () => {
    const ranges = scaleRanges(instrument);
    fc.assert(
      fc.property(
        answersArb,
        fc.constantFrom("teacher", "guardian", "child") as fc.Arbitrary<Assessment["informant"]>,
        (answers, informant) => {
          const s = scoreChecklist(
            instrument,
            assessment(answers as Record<string, Answer>, { informant }),
          );
          for (const [id, scale] of Object.entries(s.scales)) {
            if (scale.value === undefined) continue;
            expect(scale.value).toBeGreaterThanOrEqual(ranges[id]!.min - 1e-9);
            expect(scale.value).toBeLessThanOrEqual(ranges[id]!.max + 1e-9);
          }
        },
      ),
    );
  });

  it("reverse scoring is an involution", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -50, max: 50 }),
        fc.integer({ min: 1, max: 20 }),
        fc.nat(),
        (min, span, k) => {
          const max = min + span;
          const a = min + (k % (span + 1));
          expect(reverseLikert(reverseLikert(a, min, max), min, max)).toBe(a);
          const r = reverseLikert(a, min, max);
          expect(r).toBeGreaterThanOrEqual(min);
          expect(r).toBeLessThanOrEqual(max);
        },
      ),
    );
  });

  it("reverse scoring mirrors the scale: a + reverse(a) = min + max, ends swap, order flips", () => {
    // The identity and constants are involutions too; this property holds for the mirror alone.
    fc.assert(
      fc.property(
        fc.integer({ min: -50, max: 50 }),
        fc.integer({ min: 1, max: 20 }),
        fc.nat(),
        (min, span, k) => {
          const max = min + span;
          const a = min + (k % (span + 1));
          expect(a + reverseLikert(a, min, max)).toBe(min + max);
          expect(reverseLikert(min, min, max)).toBe(max);
          expect(reverseLikert(max, min, max)).toBe(min);
          if (a < max) expect(reverseLikert(a + 1, min, max)).toBe(reverseLikert(a, min, max) - 1);
        },
      ),
    );
    expect(reverseLikert(0, 0, 3)).toBe(3);
    expect(reverseLikert(2, 1, 5)).toBe(4);
    for (const args of [
      [Number.NaN, 0, 3],
      [1, Number.NEGATIVE_INFINITY, 3],
      [1, 0, Number.POSITIVE_INFINITY],
    ] as const) {
      expect(() => reverseLikert(args[0], args[1], args[2])).toThrow(ValidationError);
    }
  });

  it("proration never invents answers: mean of answered × item count, absent when too few", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }), {
          minLength: 8,
          maxLength: 8,
        }),
        (count, minRaw, maxPoint, raw) => {
          const minAnswered = Math.min(minRaw, count);
          const ids = Array.from({ length: count }, (_, i) => `q${i}`);
          const checklist = defineChecklist({
            id: "p",
            version: "1",
            title: { "zh-CN": "p", en: "p" },
            items: ids.map((id) => ({
              id,
              kind: "likert" as const,
              min: 0,
              max: maxPoint,
              label: { "zh-CN": id, en: id },
            })),
            scales: [
              { id: "s", label: { "zh-CN": "s", en: "s" }, items: ids, prorate: { minAnswered } },
            ],
          });
          const responses: Record<string, Answer> = {};
          ids.forEach((id, i) => {
            const v = raw[i];
            if (v !== null && v !== undefined) responses[id] = Math.min(v, maxPoint);
          });
          const answered = Object.values(responses) as number[];
          const s = scoreChecklist(checklist, {
            ...assessment(responses),
            checklistId: "p",
            checklistVersion: "1",
          }).scales.s!;
          if (answered.length < minAnswered) {
            expect(s.value).toBeUndefined();
          } else {
            const mean = answered.reduce((a, b) => a + b, 0) / answered.length;
            expect(s.value).toBeCloseTo(mean * count, 9);
            expect(s.prorated).toBe(answered.length < count);
          }
        },
      ),
    );
  });

  it("item scores of every kind lie within their item range", () => {
    for (const item of instrument.items) {
      if (item.kind === "likert") {
        for (let v = item.min; v <= item.max; v++) {
          const s = itemScore(item, v)!;
          expect(s).toBeGreaterThanOrEqual(item.min);
          expect(s).toBeLessThanOrEqual(item.max);
        }
      }
    }
    expect(itemScore(instrument.items[2]!, 0)).toBe(2);
    expect(itemScore(instrument.items[0]!, null)).toBeUndefined();
  });
});
