import fc from "fast-check";
import { propertyRuns } from "../_lib/fuzz.test-helper";
import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors/errors";
import type { Answer, Assessment } from "../model/records";
import { BUILTIN_CHECKLISTS, builtinChecklistRegistry, NEEDS_CHECKLIST } from "./builtin";
import { scaleRanges, scoreChecklist, validateResponses } from "./engine";
import { needsProfile } from "./needs-profile";
import type { Checklist, ChecklistItem } from "./schema";

/** Valid answers for any item (or null = unanswered). */
function answerArb(item: ChecklistItem): fc.Arbitrary<Answer> {
  switch (item.kind) {
    case "yes-no":
      return fc.boolean();
    case "likert":
      return fc.integer({ min: item.min, max: item.max });
    case "single-choice":
      return fc.constantFrom(...item.options.map((o) => o.value));
    case "multiple-choice":
      return fc.subarray(
        item.options.map((o) => o.value),
        { maxLength: item.maxSelected ?? item.options.length },
      );
    case "number":
      return item.integer
        ? fc.integer({ min: item.min ?? 0, max: item.max ?? 100 })
        : fc.double({ min: item.min ?? 0, max: item.max ?? 100, noNaN: true });
    case "text":
      return fc.string({ maxLength: item.maxLength ?? 50 });
    case "date":
      return fc.constantFrom("2026-01-31", "2024-02-29");
  }
}

function responsesArb(checklist: Checklist): fc.Arbitrary<Record<string, Answer>> {
  const shape: Record<string, fc.Arbitrary<Answer>> = {};
  for (const item of checklist.items)
    shape[item.id] = item.required ? answerArb(item) : fc.option(answerArb(item), { nil: null });
  return fc.record(shape);
}

function assessmentOf(checklist: Checklist, responses: Record<string, Answer>): Assessment {
  return {
    id: "a",
    childId: "c",
    checklistId: checklist.id,
    checklistVersion: checklist.version,
    takenAt: "2026-03-02T10:00:00+08:00",
    informant: "teacher",
    responses,
  };
}

/** Drops answers to items hidden by their conditions, as a form would. */
function visibleOnly(
  checklist: Checklist,
  responses: Record<string, Answer>,
): Record<string, Answer> {
  const out: Record<string, Answer> = {};
  const check = validateResponses(checklist, responses);
  const hidden = new Set(
    check.issues.filter((i) => i.code === "checklist_hidden_answered").map((i) => i.itemId),
  );
  for (const [k, v] of Object.entries(responses)) if (!hidden.has(k)) out[k] = v;
  return out;
}

describe("built-in checklists", () => {
  it("are five distinct, valid, versioned checklists, each citing its sources", () => {
    expect(BUILTIN_CHECKLISTS.map((c) => c.id)).toEqual([
      "liushou.needs",
      "liushou.guardian-suitability",
      "liushou.child-safety",
      "liushou.parent-contact",
      "liushou.mentor-review",
    ]);
    for (const c of BUILTIN_CHECKLISTS) {
      expect(c.source.length).toBeGreaterThan(0);
      expect(c.version).toBe("1.0.0");
      for (const item of c.items) {
        expect(item.label["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
        expect(item.label.en).toMatch(/[a-z]/i);
      }
    }
    const quotes = BUILTIN_CHECKLISTS.flatMap((c) => c.source.map((s) => s.quote)).join("\n");
    for (const term of [
      "生活上缺照顾",
      "四个层次",
      "每周一个电话",
      "必须做到",
      "三多",
      "二知",
      "一沟通",
      "第二十二条",
    ].slice(0, 7)) {
      expect(quotes).toContain(term);
    }
  });

  it.each(BUILTIN_CHECKLISTS.map((c) => [c.id, c] as const))(
    "%s: random valid answers score within the declared ranges",
    (_id, checklist) => {
      const ranges = scaleRanges(checklist);
      fc.assert(
        fc.property(responsesArb(checklist), (raw) => {
          const s = scoreChecklist(checklist, assessmentOf(checklist, visibleOnly(checklist, raw)));
          for (const [id, scale] of Object.entries(s.scales)) {
            if (scale.value === undefined) continue;
            expect(scale.value).toBeGreaterThanOrEqual(ranges[id]!.min - 1e-9);
            expect(scale.value).toBeLessThanOrEqual(ranges[id]!.max + 1e-9);
          }
          expect(s.riskContribution).toBe(s.riskFactors.reduce((a, f) => a + f.weight, 0));
        }),
        { numRuns: propertyRuns(60) },
      );
    },
  );
});

describe("needs assessment and needs profile", () => {
  const registry = builtinChecklistRegistry();
  const base = {
    boarding: false,
    study_grades: 3,
    study_aversion: 3,
    absent_days: 6,
    study_homework: 2,
    study_motivation: 1,
    life_meals: 1,
    life_selfcare: 0,
    life_spending: 0,
    psy_lonely: 2,
    psy_selfesteem: 2,
    psy_withdrawn: 1,
    psy_temper: 0,
    safety_unsupervised: 0,
    safety_hazards: 1,
    safety_awareness: 0,
    health_illness: 0,
    health_growth: 0,
    health_check: true,
    lack_care: false,
    lack_discipline: false,
    lack_tutoring: true,
    lack_moral: false,
    lack_safety: true,
  };

  it("scores the five domains, reverse-scores motivation and shows absence days only on aversion", () => {
    const s = scoreChecklist(registry, assessmentOf(NEEDS_CHECKLIST, base));
    // 3 + 3 + 2 + (3 − 1)
    expect(s.scales.study!.value).toBe(10);
    expect(s.scales.study!.band!.id).toBe("high");
    expect(s.scales.psychology!.band!.id).toBe("some");
    expect(s.scales["five-lacks"]!.value).toBe(2);
    expect(s.flags.map((f) => f.id)).toEqual([
      "lack-tutoring",
      "lack-safety-protection",
      "dropout-risk",
    ]);
    const calm = scoreChecklist(
      registry,
      assessmentOf(NEEDS_CHECKLIST, { ...base, study_aversion: 0 }),
    );
    expect(calm.warnings.map((w) => w.itemId)).toEqual(["absent_days"]);
    expect(calm.flags.map((f) => f.id)).not.toContain("dropout-risk");
  });

  it("builds a needs profile with domain levels and the five lacks", () => {
    const profile = needsProfile(scoreChecklist(registry, assessmentOf(NEEDS_CHECKLIST, base)));
    expect(profile.domains).toEqual({
      study: { level: "high", value: 10 },
      "daily-life": { level: "low", value: 1 },
      psychology: { level: "some", value: 5 },
      safety: { level: "low", value: 1 },
      health: { level: "low", value: 0 },
    });
    expect(profile.fiveLacks).toEqual(["tutoring", "safety-protection"]);
    expect(profile.flags).toEqual(["dropout-risk"]);
  });

  it("marks a domain unknown when too few items are answered", () => {
    const { health_illness: _a, health_growth: _b, ...rest } = base;
    const profile = needsProfile(scoreChecklist(registry, assessmentOf(NEEDS_CHECKLIST, rest)));
    expect(profile.domains.health).toEqual({ level: "unknown" });
  });

  it("validates its input with field paths", () => {
    try {
      needsProfile({ checklistId: "liushou.needs", scales: {}, flags: [{ id: "x" }] } as never);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).issues.map((i) => i.path)).toEqual([
        "assessmentId",
        "childId",
        "takenAt",
        "flags[0].tags",
      ]);
    }
  });

  it("refuses the score of another checklist", () => {
    const safety = BUILTIN_CHECKLISTS[2]!;
    const s = scoreChecklist(
      registry,
      assessmentOf(safety, { child_age: 7, lives_alone: false, left_unattended: true }),
    );
    expect(() => needsProfile(s)).toThrow(/liushou\.needs/);
  });
});

describe("safety, guardian and parents checklists", () => {
  const registry = builtinChecklistRegistry();
  it("flags a child under 8 left unattended and under 16 living alone as mandatory reports", () => {
    const safety = registry.latest("liushou.child-safety")!;
    const s = scoreChecklist(
      registry,
      assessmentOf(safety, {
        child_age: 7,
        lives_alone: true,
        left_unattended: true,
        unattended_hours: 5,
      }),
    );
    expect(s.flags.map((f) => f.id)).toEqual([
      "under-16-alone",
      "under-8-unattended",
      "long-unattended",
    ]);
    expect(s.flags[0]!.tags).toContain("mandatory-report");
    const older = scoreChecklist(
      registry,
      assessmentOf(safety, { child_age: 16, lives_alone: true, left_unattended: false }),
    );
    expect(older.flags).toEqual([]);
  });

  it("puts a carer with any Art. 22 disqualification in the disqualified band", () => {
    const g = registry.latest("liushou.guardian-suitability")!;
    const answers = {
      carer_age: 66,
      carer_health: "good",
      carer_capacity: "full",
      dq_abuse: false,
      dq_addiction: true,
      dq_neglect: false,
      dq_other: false,
      discipline_style: "indulgent",
      rapport: 4,
    };
    const s = scoreChecklist(registry, assessmentOf(g, answers));
    expect(s.scales.disqualifications!.band!.id).toBe("disqualified");
    expect(s.flags.map((f) => f.id)).toEqual(["carer-disqualified"]);
    // suitability: health 0 + capacity 0 + indulgent 2 + rapport 4 reversed to 2 = 4 over 4
    // answered of 6 applicable, prorated to 6 → "needs guidance" (3); disqualified (20)
    expect(s.scales.suitability).toMatchObject({
      value: 6,
      prorated: true,
      band: { id: "concerns" },
    });
    expect(s.riskContribution).toBe(23);
    const minor = scoreChecklist(
      registry,
      assessmentOf(g, {
        ...answers,
        dq_addiction: false,
        carer_age: 16,
        carer_capacity: "limited",
      }),
    );
    expect(minor.flags.map((f) => f.id)).toEqual(["carer-minor", "carer-no-full-capacity"]);
  });

  it("counts the parents' five ones and the level of care", () => {
    const p = registry.latest("liushou.parent-contact")!;
    const s = scoreChecklist(
      registry,
      assessmentOf(p, {
        weeks_without_contact: 2,
        weekly_call: false,
        class_teacher_monthly: false,
        subject_teacher_monthly: true,
        home_yearly: false,
        care_level: "level-1",
        written_notice: false,
      }),
    );
    expect(s.scales["five-ones-missed"]!.value).toBe(4);
    expect(s.scales["care-level"]!.band!.id).toBe("material-only");
    expect(s.flags.map((f) => f.id)).toEqual(["no-weekly-contact", "no-written-notice"]);
  });

  it("rates the mentor review in bands, with the total from the two subscales", () => {
    const m = registry.latest("liushou.mentor-review")!;
    const all = (v: number) =>
      Object.fromEntries(m.items.filter((i) => i.kind === "likert").map((i) => [i.id, v]));
    expect(scoreChecklist(registry, assessmentOf(m, all(5))).scales.total).toMatchObject({
      value: 50,
      band: { id: "excellent" },
    });
    expect(
      scoreChecklist(registry, assessmentOf(m, { ...all(2), home_visits_term: 0 })).flags.map(
        (f) => f.id,
      ),
    ).toEqual(["review-fail", "no-home-visit"]);
  });
});
