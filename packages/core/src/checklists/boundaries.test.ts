import { describe, expect, it } from "vitest";
import type { Answer, Assessment } from "../model/records";
import { defineChecklist, scaleRanges, scoreChecklist, validateResponses } from "./engine";
import type { ChecklistInput } from "./schema";

/**
 * Every limit a checklist can declare (answer ranges, selection counts, lengths, conditions,
 * band edges, proration) tried at the limit and on either side of it.
 */
const t = (s: string) => ({ "zh-CN": s, en: s });

const BOUNDS: ChecklistInput = {
  id: "bounds",
  version: "1.0.0",
  title: t("bounds"),
  items: [
    { id: "l1", kind: "likert", min: 1, max: 4, label: t("l1") },
    { id: "l2", kind: "likert", min: 1, max: 4, label: t("l2") },
    { id: "l3", kind: "likert", min: 1, max: 4, label: t("l3") },
    { id: "n", kind: "number", min: 2, max: 5, label: t("n") },
    {
      id: "m",
      kind: "multiple-choice",
      minSelected: 2,
      maxSelected: 3,
      options: ["a", "b", "c", "d"].map((v) => ({ value: v, label: t(v), score: 1 })),
      label: t("m"),
    },
    { id: "txt", kind: "text", maxLength: 3, label: t("txt") },
    // shown only when l1 is from 2 to 3
    {
      id: "follow",
      kind: "yes-no",
      showIf: [
        { item: "l1", atLeast: 2 },
        { item: "l1", atMost: 3 },
      ],
      label: t("follow"),
    },
  ],
  scales: [
    {
      id: "sum",
      label: t("sum"),
      items: ["l1", "l2", "l3"],
      prorate: { minAnswered: 2 },
      bands: [
        {
          ranges: [
            { id: "low", label: t("low"), max: 5 },
            { id: "mid", label: t("mid"), min: 6, max: 8, risk: 0 },
            { id: "high", label: t("high"), min: 10, risk: 3 },
          ],
        },
      ],
    },
  ],
  flags: [
    { id: "from7", label: t("from7"), when: [{ scale: "sum", atLeast: 7 }], risk: 2 },
    { id: "upto7", label: t("upto7"), when: [{ scale: "sum", atMost: 7 }] },
    {
      id: "l2-edges",
      label: t("l2-edges"),
      match: "all",
      when: [
        { item: "l2", atLeast: 2 },
        { item: "l2", atMost: 2 },
      ],
      risk: 1,
    },
  ],
};
const checklist = defineChecklist(BOUNDS);

const base: Record<string, Answer> = { l1: 1, l2: 1, l3: 1, n: 2, m: ["a", "b"], txt: "abc" };

function assessment(responses: Record<string, Answer>): Assessment {
  return {
    id: "a1",
    childId: "c1",
    checklistId: "bounds",
    checklistVersion: "1.0.0",
    takenAt: "2026-03-01T09:00:00+08:00",
    informant: "teacher",
    responses,
  };
}

/** Issue codes of one changed answer. */
const codes = (change: Record<string, Answer>) =>
  validateResponses(checklist, { ...base, ...change }).issues.map((i) => `${i.itemId}:${i.code}`);

describe("answers at the limits of their item", () => {
  it("a Likert answer at either end is valid, one past it is out of range", () => {
    expect(codes({ l1: 1 })).toEqual([]);
    expect(codes({ l1: 4 })).toEqual([]);
    expect(codes({ l1: 0 })).toEqual(["l1:checklist_out_of_range"]);
    expect(codes({ l1: 5 })).toEqual(["l1:checklist_out_of_range"]);
  });

  it("a number at either end is valid, just past it is out of range", () => {
    expect(codes({ n: 2 })).toEqual([]);
    expect(codes({ n: 5 })).toEqual([]);
    expect(codes({ n: 1.99 })).toEqual(["n:checklist_out_of_range"]);
    expect(codes({ n: 5.01 })).toEqual(["n:checklist_out_of_range"]);
  });

  it("choosing the least and the most allowed options is valid, one fewer or more is not", () => {
    expect(codes({ m: ["a", "b"] })).toEqual([]);
    expect(codes({ m: ["a", "b", "c"] })).toEqual([]);
    expect(codes({ m: ["a"] })).toEqual(["m:checklist_out_of_range"]);
    expect(codes({ m: ["a", "b", "c", "d"] })).toEqual(["m:checklist_out_of_range"]);
  });

  it("a text of the most characters allowed is valid, one more is not", () => {
    expect(codes({ txt: "abc" })).toEqual([]);
    expect(codes({ txt: "abcd" })).toEqual(["txt:checklist_out_of_range"]);
  });

  it("a condition's atLeast and atMost include their own value", () => {
    const shown = (l1: number) => codes({ l1, follow: true }).length === 0;
    expect([1, 2, 3, 4].map(shown)).toEqual([false, true, true, false]);
    expect(codes({ l1: 1, follow: true })).toEqual(["follow:checklist_hidden_answered"]);
  });
});

describe("scales at the limits of their bands and flags", () => {
  const score = (l1: number, l2: number, l3: number) =>
    scoreChecklist(checklist, assessment({ ...base, l1, l2, l3 }));

  it("a value on a band's edge is in the band; between two bands it is in none", () => {
    const band = (l1: number, l2: number, l3: number) => score(l1, l2, l3).scales.sum!.band?.id;
    expect(band(1, 1, 3)).toBe("low"); // 5: the top of low
    expect(band(1, 1, 4)).toBe("mid"); // 6: the bottom of mid
    expect(band(4, 1, 3)).toBe("mid"); // 8: the top of mid
    expect(band(4, 1, 4)).toBeUndefined(); // 9: between mid and high
    expect(band(4, 2, 4)).toBe("high"); // 10: the bottom of high
  });

  it("a band or flag of risk 0 adds no risk factor; a positive one adds its weight", () => {
    const mid = score(1, 1, 4);
    expect(mid.scales.sum!.band).toEqual({ id: "mid", label: t("mid"), risk: 0 });
    expect(mid.riskFactors).toEqual([]);
    expect(mid.riskContribution).toBe(0);
    const high = score(4, 2, 4);
    expect(high.riskFactors.map((f) => [f.code, f.weight])).toEqual([
      ["bounds:sum:high", 3],
      ["bounds:flag:from7", 2],
      ["bounds:flag:l2-edges", 1],
    ]);
    expect(high.riskContribution).toBe(6);
  });

  it("a flag's scale atLeast and atMost include their own value", () => {
    const flags = (l1: number, l2: number, l3: number) => score(l1, l2, l3).flags.map((f) => f.id);
    expect(flags(1, 1, 4)).toEqual(["upto7"]); // 6
    expect(flags(1, 3, 3)).toEqual(["from7", "upto7"]); // 7
    expect(flags(4, 1, 3)).toEqual(["from7"]); // 8
  });

  it("an all-conditions flag on an item holds only at the value both conditions allow", () => {
    const raised = (l2: number) => score(1, l2, 1).flags.some((f) => f.id === "l2-edges");
    expect([1, 2, 3].map(raised)).toEqual([false, true, false]);
  });

  it("prorates with exactly minAnswered answers, gives no value with one fewer", () => {
    const two = scoreChecklist(checklist, assessment({ ...base, l3: null }));
    expect(two.scales.sum).toMatchObject({ value: 3, raw: 2, answered: 2, applicable: 3 });
    expect(two.scales.sum!.prorated).toBe(true);
    const one = scoreChecklist(checklist, assessment({ ...base, l2: null, l3: null }));
    expect(one.scales.sum).toMatchObject({ value: undefined, answered: 1, prorated: false });
    expect(one.scales.sum!.band).toBeUndefined();
    expect(one.flags).toEqual([]);
  });
});

describe("declared ranges", () => {
  it("sum, mean and prorated scales, with negative scores and a conditional item", () => {
    const r = scaleRanges({
      id: "r",
      version: "1",
      title: t("r"),
      items: [
        { id: "y", kind: "yes-no", scores: { yes: -2, no: 1 }, label: t("y") },
        {
          id: "c",
          kind: "multiple-choice",
          options: [
            { value: "p", label: t("p"), score: 3 },
            { value: "q", label: t("q"), score: -1 },
            { value: "z", label: t("z"), score: 0 },
          ],
          label: t("c"),
        },
        {
          id: "s",
          kind: "single-choice",
          options: [
            { value: "u", label: t("u"), score: 4 },
            { value: "v", label: t("v"), score: 2 },
          ],
          showIf: [{ item: "y", equals: true }],
          label: t("s"),
        },
        { id: "k", kind: "number", min: 1, max: 6, label: t("k") },
      ],
      scales: [
        { id: "sum", label: t("sum"), items: ["y", "c", { item: "s", weight: 2 }] },
        { id: "mean", label: t("mean"), method: "mean", items: ["y", "c", "k"] },
        { id: "pro", label: t("pro"), items: ["y", "c", "s"], prorate: { minAnswered: 2 } },
        { id: "num", label: t("num"), items: ["k"] },
        { id: "total", label: t("total"), scales: ["sum", "num"] },
      ],
    });
    expect(r).toEqual({
      // y −2..1, c −1..3, s hidden or 4..8 → 0..8
      sum: { min: -3, max: 12 },
      mean: { min: -2, max: 6 },
      // lowest item score −2 on all 3 items; highest 4 on all 3
      pro: { min: -6, max: 12 },
      num: { min: 1, max: 6 },
      total: { min: -2, max: 18 },
    });
  });
});
