import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors/errors";
import type { Assessment } from "../model/records";
import { defineChecklist, scaleRanges, scoreChecklist, validateResponses } from "./engine";
import type { ChecklistInput } from "./schema";

/**
 * Cases the first mutation run of `engine.ts` showed untested: conditions on a later item,
 * prorated ranges over several always-shown items, comparisons with a non-number, band sets in
 * any order, a scale whose items are all hidden, a source that is not an object.
 */
const t = (s: string) => ({ "zh-CN": s, en: s });
const likert = (id: string, min: number, max: number, extra: object = {}) => ({
  id,
  kind: "likert" as const,
  min,
  max,
  label: t(id),
  ...extra,
});
const taken = (checklistId: string, responses: Assessment["responses"]): Assessment => ({
  id: "a1",
  childId: "c1",
  checklistId,
  checklistVersion: "1",
  takenAt: "2026-05-01T10:00:00+08:00",
  informant: "teacher",
  responses,
});

describe("checklist engine: cases found by mutation testing", () => {
  it("a condition on an item after the first reads that item's answer", () => {
    const c = defineChecklist({
      id: "later",
      version: "1",
      title: t("later"),
      items: [
        likert("a", 0, 2),
        likert("b", 0, 2),
        {
          id: "then",
          kind: "yes-no",
          required: true,
          showIf: [{ item: "b", equals: 2 }],
          label: t("then"),
        },
      ],
    });
    expect(validateResponses(c, { a: 0, b: 2 }).valid).toBe(false);
    expect(validateResponses(c, { a: 2, b: 0 }).valid).toBe(true);
  });

  it("words the warning for a hidden item answered in Chinese too", () => {
    const c = defineChecklist({
      id: "warn",
      version: "1",
      title: t("warn"),
      items: [
        { id: "gate", kind: "yes-no", label: t("gate") },
        { id: "then", kind: "yes-no", showIf: [{ item: "gate", equals: true }], label: t("then") },
      ],
    });
    expect(validateResponses(c, { gate: false, then: true }).issues.map((i) => i.message)).toEqual([
      {
        "zh-CN": "字段 responses.then（“then”）：此题因条件不成立而不显示，答案不计（收到：true）",
        en: 'responses.then ("then"): this item is hidden by its condition; the answer is ignored (received: true)',
      },
    ]);
  });

  it("scores each chosen option of a multiple choice by its own score", () => {
    const c = defineChecklist({
      id: "multi",
      version: "1",
      title: t("multi"),
      items: [
        {
          id: "m",
          kind: "multiple-choice",
          options: ["a", "b", "c"].map((v, i) => ({ value: v, label: t(v), score: i * 10 })),
          label: t("m"),
        },
      ],
      scales: [{ id: "s", label: t("s"), items: ["m"] }],
    });
    expect(scoreChecklist(c, taken("multi", { m: ["b"] })).scales["s"]!.value).toBe(10);
    expect(scoreChecklist(c, taken("multi", { m: ["a", "c"] })).scales["s"]!.value).toBe(20);
  });

  it("a total of subscales may be prorated: minAnswered is checked against items only", () => {
    const c = defineChecklist({
      id: "total",
      version: "1",
      title: t("total"),
      items: [likert("a", 0, 2)],
      scales: [
        { id: "s", label: t("s"), items: ["a"] },
        { id: "all", label: t("all"), scales: ["s"], prorate: { minAnswered: 3 } },
      ],
    });
    expect(c.scales[1]!.prorate).toEqual({ minAnswered: 3 });
  });

  it("a prorated scale's range counts every always-shown item at its lowest or highest", () => {
    const c = defineChecklist({
      id: "ranges",
      version: "1",
      title: t("ranges"),
      items: [
        likert("x", 2, 4),
        likert("y", 2, 5),
        likert("z", 2, 3, { showIf: [{ item: "x", atLeast: 3 }] }),
        likert("p", -4, -2),
        likert("q", -4, -2),
        likert("r", -4, -3, { showIf: [{ item: "x", atLeast: 3 }] }),
      ],
      scales: [
        { id: "pos", label: t("pos"), items: ["x", "y", "z"], prorate: { minAnswered: 1 } },
        { id: "neg", label: t("neg"), items: ["p", "q", "r"], prorate: { minAnswered: 1 } },
      ],
    });
    // two always shown: at least 2 × 2; at most 3 × 5 / at least 3 × −4; at most 2 × −2
    expect(scaleRanges(c)).toEqual({ pos: { min: 4, max: 15 }, neg: { min: -12, max: -4 } });
  });

  it("atLeast and atMost never hold for a text or null answer, even one that compares", () => {
    const gated = (cond: object) =>
      defineChecklist({
        id: "cmp",
        version: "1",
        title: t("cmp"),
        items: [
          { id: "first", kind: "text", label: t("first") },
          {
            id: "then",
            kind: "yes-no",
            required: true,
            showIf: [{ item: "first", ...cond }],
            label: t("then"),
          },
        ],
      });
    expect(validateResponses(gated({ atLeast: 2 }), { first: "3" }).valid).toBe(true);
    expect(validateResponses(gated({ atLeast: 0 }), { first: null }).valid).toBe(true);
    expect(validateResponses(gated({ atMost: 2 }), { first: "1" }).valid).toBe(true);
  });

  it("the most specific band set wins whatever their order; of two alike, the first", () => {
    const bands = (order: "specific-first" | "general-first") => {
      const sets = [
        { informant: "teacher" as const, ranges: [{ id: "inf", label: t("inf") }] },
        { ranges: [{ id: "any", label: t("any") }] },
        { ranges: [{ id: "any2", label: t("any2") }] },
      ];
      return defineChecklist({
        id: "bands",
        version: "1",
        title: t("bands"),
        items: [likert("a", 0, 2)],
        scales: [
          {
            id: "s",
            label: t("s"),
            items: ["a"],
            bands: order === "specific-first" ? sets : [sets[1]!, sets[2]!, sets[0]!],
          },
        ],
      });
    };
    for (const order of ["specific-first", "general-first"] as const) {
      const c = bands(order);
      expect(scoreChecklist(c, taken("bands", { a: 1 })).scales["s"]!.band?.id).toBe("inf");
      expect(
        scoreChecklist(c, { ...taken("bands", { a: 1 }), informant: "child" }).scales["s"]!.band
          ?.id,
      ).toBe("any");
    }
  });

  it("a scale whose items are all hidden has no value, not 0", () => {
    const c = defineChecklist({
      id: "hidden",
      version: "1",
      title: t("hidden"),
      items: [
        { id: "gate", kind: "yes-no", label: t("gate") },
        likert("a", 0, 2, { showIf: [{ item: "gate", equals: true }] }),
      ],
      scales: [{ id: "s", label: t("s"), items: ["a"] }],
    });
    expect(scoreChecklist(c, taken("hidden", { gate: false })).scales["s"]).toMatchObject({
      value: undefined,
      raw: 0,
      answered: 0,
      applicable: 0,
    });
  });

  it("refuses a source that is not a checklist or registry with a ValidationError", () => {
    for (const source of [null, "checklist", 3]) {
      expect(() => scoreChecklist(source as never, taken("x", {}))).toThrow(ValidationError);
    }
  });

  it("an assessment-level refusal is an error and names no item; a refusal of the responses is worded in Chinese too", () => {
    const c: ChecklistInput = {
      id: "one",
      version: "1",
      title: t("one"),
      items: [likert("a", 0, 2)],
    };
    expect.assertions(4);
    try {
      scoreChecklist(c, taken("other", {}));
    } catch (e) {
      const issue = (e as ValidationError).issues[0]!;
      expect(issue).toMatchObject({ path: "checklistId", severity: "error" });
      expect("itemId" in issue).toBe(false);
    }
    try {
      validateResponses(c, null as never);
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).messages["zh-CN"]).toMatch(/^答卷校验失败/);
    }
  });
});
