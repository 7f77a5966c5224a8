import { describe, expect, it } from "vitest";
import type { Answer, Assessment } from "../model/records";
import { BUILTIN_CHECKLISTS, builtinChecklistRegistry } from "./builtin";
import { scaleRanges, scoreChecklist, validateResponses } from "./engine";
import { itemScoreRange } from "./items";
import type { Checklist, ChecklistItem } from "./schema";

type Pattern = "lowest" | "highest" | "middle";

/** An answer to every item: its lowest, highest or a middle value. */
function answer(item: ChecklistItem, p: Pattern): Answer | undefined {
  switch (item.kind) {
    case "likert":
      return p === "lowest"
        ? item.min
        : p === "highest"
          ? item.max
          : Math.floor((item.min + item.max) / 2);
    case "yes-no":
      return p !== "lowest";
    case "single-choice":
      return item.options[
        p === "lowest" ? 0 : p === "highest" ? item.options.length - 1 : item.options.length >> 1
      ]!.value;
    case "multiple-choice":
      return p === "lowest"
        ? []
        : p === "highest"
          ? item.options.map((o) => o.value)
          : [item.options[0]!.value];
    case "number":
      return p === "lowest"
        ? (item.min ?? 0)
        : p === "highest"
          ? (item.max ?? 10)
          : Math.floor(((item.min ?? 0) + (item.max ?? 10)) / 2);
    case "text":
      return "备注";
    case "date":
      return "2026-02-20";
  }
}

function assessment(c: Checklist, responses: Record<string, Answer>): Assessment {
  return {
    id: `a-${c.id}`,
    childId: "c1",
    checklistId: c.id,
    checklistVersion: c.version,
    takenAt: "2026-03-01T09:00:00+08:00",
    informant: c.informants?.[0] ?? "teacher",
    responses,
  };
}

function responses(c: Checklist, p: Pattern): Record<string, Answer> {
  const out: Record<string, Answer> = {};
  for (const item of c.items) {
    const a = answer(item, p);
    if (a === undefined) continue;
    if (item.kind === "multiple-choice" && Array.isArray(a)) {
      const n = a.length;
      if (item.maxSelected !== undefined && n > item.maxSelected) {
        out[item.id] = a.slice(0, item.maxSelected);
        continue;
      }
      if (item.minSelected !== undefined && n < item.minSelected) {
        out[item.id] = item.options.slice(0, item.minSelected).map((o) => o.value);
        continue;
      }
    }
    out[item.id] = a;
  }
  return out;
}

describe("built-in checklists: scores at the ends and the middle of every scale", () => {
  const registry = builtinChecklistRegistry();
  for (const c of BUILTIN_CHECKLISTS) {
    for (const p of ["lowest", "highest", "middle"] as const) {
      it(`${c.id}: every item at its ${p} answer`, () => {
        const a = assessment(c, responses(c, p));
        const check = validateResponses(c, a.responses);
        expect(check.issues.filter((i) => i.severity === "error")).toEqual([]);
        expect(check.valid).toBe(true);
        const s = scoreChecklist(registry, a);
        // Every scale's value, band and flag, and every risk factor with its text.
        expect({ scales: s.scales, flags: s.flags, riskFactors: s.riskFactors }).toMatchSnapshot();
        // Each scale lies within its range.
        const ranges = scaleRanges(c);
        for (const [id, scale] of Object.entries(s.scales)) {
          if (scale.value === undefined) continue;
          expect(scale.value).toBeGreaterThanOrEqual(ranges[id]!.min);
          expect(scale.value).toBeLessThanOrEqual(ranges[id]!.max);
        }
      });
    }

    it(`${c.id}: the lowest and highest answers give each item's score range`, () => {
      for (const item of c.items) {
        const r = itemScoreRange(item);
        expect(r.min).toBeLessThanOrEqual(r.max);
      }
      expect(scaleRanges(c)).toMatchSnapshot();
    });
  }
});

describe("validateResponses: every kind of wrong answer, named in both languages", () => {
  const c = BUILTIN_CHECKLISTS.find((x) => x.items.some((i) => i.kind === "likert"))!;
  const likert = c.items.find((i) => i.kind === "likert")! as Extract<
    ChecklistItem,
    { kind: "likert" }
  >;

  it("a Likert answer one past either end, a fraction, a string", () => {
    const ok = responses(c, "middle");
    for (const bad of [likert.min - 1, likert.max + 1, likert.min + 0.5, "2"] as Answer[]) {
      const check = validateResponses(c, { ...ok, [likert.id]: bad });
      const errors = check.issues.filter((i) => i.severity === "error");
      expect(check.valid).toBe(false);
      expect(errors.map((i) => i.path)).toEqual([`responses.${likert.id}`]);
      expect(errors).toMatchSnapshot();
    }
    for (const good of [likert.min, likert.max]) {
      expect(validateResponses(c, { ...ok, [likert.id]: good }).valid).toBe(true);
    }
  });
});
