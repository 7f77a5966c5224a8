import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { NeedsProfile } from "../checklists/needs-profile";
import { ConflictError, ValidationError } from "../errors/errors";
import { LegalCode } from "../legal/rules";
import { addProgress, lateItems, proposeAssistancePlan, summarizeAssistancePlan } from "./plan";
import { AssistancePlanSchema } from "./schema";
import { ASSISTANCE_TEMPLATES } from "./templates";

const profile: NeedsProfile = {
  childId: "c1",
  assessmentId: "n1",
  takenAt: "2026-02-20T10:00:00+08:00",
  domains: {
    study: { level: "some", value: 5 },
    "daily-life": { level: "low", value: 1 },
    psychology: { level: "high", value: 9 },
    safety: { level: "low", value: 0 },
    health: { level: "unknown" },
  },
  fiveLacks: ["tutoring"],
  flags: ["dropout-risk"],
};
const findings = [
  { code: LegalCode.NO_WEEKLY_CONTACT, severity: "high", mandatoryReport: false },
  { code: LegalCode.NO_WRITTEN_NOTICE, severity: "medium", mandatoryReport: false },
  { code: "host.unknown-rule", severity: "low" },
];

const plan = proposeAssistancePlan({
  planId: "plan-1",
  startOn: "2026-03-02",
  profile,
  findings,
  owners: { "class-teacher": "m1", "subject-teacher": "m2" },
  reviewOn: "2026-07-01",
});

describe("proposeAssistancePlan", () => {
  it("turns findings, flags, domains and lacks into items, in that order", () => {
    expect(plan.items.map((i) => i.need)).toEqual([
      LegalCode.NO_WEEKLY_CONTACT,
      LegalCode.NO_WRITTEN_NOTICE,
      "flag:dropout-risk",
      "domain:psychology",
      "domain:study",
      "lack:tutoring",
    ]);
    expect(plan.basedOn).toEqual({
      assessmentId: "n1",
      findingCodes: [LegalCode.NO_WEEKLY_CONTACT, LegalCode.NO_WRITTEN_NOTICE, "host.unknown-rule"],
    });
    expect(AssistancePlanSchema.parse(plan)).toEqual(plan);
  });

  it("says what, who, by when and the staged results", () => {
    const psych = plan.items.find((i) => i.need === "domain:psychology")!;
    expect(psych).toMatchObject({
      domain: "psychology",
      owner: { role: "mentor" },
      startOn: "2026-03-02",
      due: "2026-04-01", // high need: 30 days
      status: "planned",
      stages: [
        { by: "2026-04-01", expected: { "zh-CN": "愿意与老师交流" } },
        { by: "2026-05-31", expected: { en: "Joins group activities, mood steady" } },
      ],
    });
    const study = plan.items.find((i) => i.need === "domain:study")!;
    expect(study).toMatchObject({
      owner: { role: "subject-teacher", personId: "m2" },
      due: "2026-05-31",
    }); // some need: 90 days
    expect(plan.items[0]!.owner).toEqual({ role: "class-teacher", personId: "m1" });
  });

  it("marks items answering a mandatory report", () => {
    const p = proposeAssistancePlan({
      planId: "p2",
      startOn: "2026-03-02",
      childId: "c1",
      findings: [
        { code: LegalCode.UNDER_8_UNATTENDED, severity: "critical", mandatoryReport: true },
      ],
    });
    expect(p.items).toEqual([
      expect.objectContaining({
        need: LegalCode.UNDER_8_UNATTENDED,
        mandatoryReport: true,
        due: "2026-03-03",
      }),
    ]);
  });

  it("validates input and the child", () => {
    expect(() => proposeAssistancePlan({ planId: "p", startOn: "2026-03-02" })).toThrow(/childId/);
    expect(() =>
      proposeAssistancePlan({
        planId: "p",
        startOn: "2026-03-02",
        profile,
        reviewOn: "2026-03-01",
      }),
    ).toThrow(/reviewOn：复查日期不能早于计划开始日期/);
    expect(() =>
      proposeAssistancePlan({ planId: "p", startOn: "2026-03-02", childId: "c9", profile }),
    ).toThrow(/profile\.childId/);
    try {
      proposeAssistancePlan({ planId: "p", startOn: "2026-02-30", profile });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).issues[0]!.path).toBe("startOn");
    }
  });

  it("uses a host's own templates", () => {
    const p = proposeAssistancePlan({
      planId: "p3",
      startOn: "2026-03-02",
      profile,
      templates: [
        {
          need: "lack:tutoring",
          domain: "study",
          owner: "other",
          dueInDays: 5,
          what: { "zh-CN": "志愿者辅导", en: "Volunteer tutoring" },
        },
      ],
    });
    expect(p.items.map((i) => [i.need, i.due])).toEqual([["lack:tutoring", "2026-03-07"]]);
  });

  it("ships a template for every legal rule code", () => {
    const needs = new Set(ASSISTANCE_TEMPLATES.map((t) => t.need));
    for (const code of Object.values(LegalCode)) expect(needs.has(code)).toBe(true);
  });
});

describe("progress and lateness", () => {
  it("adds dated progress, reaches stages and changes status without mutating the plan", () => {
    const before = structuredClone(plan);
    const p1 = addProgress(plan, "domain:psychology", {
      on: "2026-03-20",
      note: "谈心两次，愿意交流",
      stageReached: 0,
      by: "m7",
    });
    expect(plan).toEqual(before);
    expect(Object.isFrozen(p1)).toBe(true);
    const item = p1.items.find((i) => i.id === "domain:psychology")!;
    expect(item.status).toBe("in-progress");
    expect(item.stages[0]!.reachedOn).toBe("2026-03-20");
    expect(item.progress).toHaveLength(1);
    const p2 = addProgress(p1, "domain:psychology", {
      on: "2026-05-20",
      note: "参加活动",
      stageReached: 1,
      status: "done",
    });
    expect(p2.items.find((i) => i.id === "domain:psychology")!.status).toBe("done");
    expect(() => addProgress(p2, "domain:psychology", { on: "2026-05-21", note: "again" })).toThrow(
      ConflictError,
    );
  });

  it("refuses unknown items, entries out of date order and unknown stages", () => {
    const paths = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return (e as ValidationError).issues.map((i) => i.path);
      }
      return [];
    };
    expect(paths(() => addProgress(plan, "nope", { on: "2026-03-03", note: "x" }))).toEqual([
      "itemId",
    ]);
    expect(paths(() => addProgress(plan, "domain:study", { on: "2026-03-01", note: "x" }))).toEqual(
      ["entry.on"],
    );
    const p1 = addProgress(plan, "domain:study", { on: "2026-03-10", note: "x" });
    expect(paths(() => addProgress(p1, "domain:study", { on: "2026-03-09", note: "y" }))).toEqual([
      "entry.on",
    ]);
    expect(
      paths(() =>
        addProgress(plan, "domain:study", { on: "2026-03-10", note: "x", stageReached: 5 }),
      ),
    ).toEqual(["entry.stageReached"]);
    expect(paths(() => addProgress(plan, "domain:study", { on: "2026-03-10", note: "" }))).toEqual([
      "entry.note",
    ]);
  });

  it("reports late items and stages, latest first; done items never late", () => {
    expect(lateItems(plan, "2026-03-02")).toEqual([]);
    const late = lateItems(plan, "2026-04-02");
    expect(late.map((l) => [l.itemId, l.kind, l.stageIndex, l.due, l.daysLate])).toEqual([
      ["flag:dropout-risk", "item", undefined, "2026-03-09", 24],
      [LegalCode.NO_WEEKLY_CONTACT, "item", undefined, "2026-03-09", 24],
      [LegalCode.NO_WRITTEN_NOTICE, "item", undefined, "2026-03-16", 17],
      [LegalCode.NO_WEEKLY_CONTACT, "stage", 0, "2026-03-30", 3],
      ["domain:psychology", "item", undefined, "2026-04-01", 1],
      ["domain:psychology", "stage", 0, "2026-04-01", 1],
      ["domain:study", "stage", 0, "2026-04-01", 1],
      ["flag:dropout-risk", "stage", 0, "2026-04-01", 1],
      ["lack:tutoring", "item", undefined, "2026-04-01", 1],
    ]);
    expect(late[0]!.message["zh-CN"]).toMatch(/^逾期 24 天（期限 2026-03-09）/);
    expect(late[0]!.message.en).toMatch(/^24 day\(s\) late \(due 2026-03-09\)/);
    const done = addProgress(plan, "flag:dropout-risk", {
      on: "2026-03-05",
      note: "已复学",
      status: "done",
    });
    expect(lateItems(done, "2026-04-02").some((l) => l.itemId === "flag:dropout-risk")).toBe(false);
  });

  it("summarises a plan", () => {
    const p = addProgress(plan, "domain:psychology", {
      on: "2026-03-20",
      note: "ok",
      stageReached: 0,
    });
    const s = summarizeAssistancePlan(p, "2026-04-02");
    expect(s).toMatchObject({
      items: 6,
      byStatus: { planned: 5, "in-progress": 1, done: 0, dropped: 0 },
      stagesReached: 1,
    });
    expect(s.stages).toBe(p.items.reduce((n, i) => n + i.stages.length, 0));
    expect(s.late.length).toBe(8); // the psychology stage reached is no longer late
  });

  it("lateness only grows with the date for an unchanged plan", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }), (a, b) => {
        const [d1, d2] = [Math.min(a, b), Math.max(a, b)];
        const day = (n: number) =>
          new Date(Date.UTC(2026, 2, 2 + n))
            .toISOString()
            .slice(0, 10) as `${number}-${number}-${number}`;
        const early = lateItems(plan, day(d1));
        const later = lateItems(plan, day(d2));
        expect(later.length).toBeGreaterThanOrEqual(early.length);
        for (const l of early)
          expect(
            later.find((x) => x.itemId === l.itemId && x.stageIndex === l.stageIndex)!.daysLate,
          ).toBe(l.daysLate + d2 - d1);
      }),
      { numRuns: 50 },
    );
  });
});
