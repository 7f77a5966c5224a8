import { describe, expect, it } from "vitest";
import type { ChildFileInput } from "../model";
import { prepareComplianceData } from "./data";
import { evaluateCompliance } from "./evaluate";
import { definePolicy } from "./presets";
import { scenario } from "./scenario.test-helper";

/**
 * The days a `leftBehind` selector keeps a child in scope: episodes that start and end inside
 * the period (weeks from Monday, so each week is wholly in or out), one before the period, the
 * 16th birthday listed before the parents' dates, an episode open at the period's start (an
 * interval then runs from the period's first day), and the same prepared data evaluated for
 * two periods.
 */
const weekly = definePolicy({
  id: "weekly-lb",
  name: { "zh-CN": "留守期间每周谈心", en: "A weekly talk while left behind" },
  level: "child",
  selector: { leftBehind: {} },
  counts: { contactKinds: ["talk"] },
  requirement: { type: "count", min: 1, per: "week" },
});
const every7 = definePolicy({
  id: "every-7",
  name: { "zh-CN": "留守期间每7天谈心", en: "A talk every 7 days while left behind" },
  level: "child",
  selector: { leftBehind: {} },
  counts: { contactKinds: ["talk"] },
  requirement: { type: "interval", everyDays: 7 },
});

/**
 * c1: both parents away since 2024, the father back on 16 March 2026. c4 (16 on 15 June 2026):
 * the father away since 2024; the mother away from 1 March to 30 June 2024, from Monday 2 March
 * to Sunday 10 May 2026, and from Monday 1 June 2026 on.
 */
function data() {
  const s = { ...scenario(), records: [], pairings: [] };
  const c1 = s.children[0]!;
  c1.parents![0]!.awayPeriods = [{ from: "2024-02-20", to: "2026-03-15", city: "深圳" }];
  const c4: ChildFileInput = {
    id: "c4",
    child: {
      name: "赵小兰",
      gender: "female",
      birthDate: "2010-06-15",
      regionCode: "430102001001",
      schoolId: "s1",
      classId: "k1",
      grade: 9,
    },
    livingArrangement: "grandparents",
    parents: [
      {
        id: "p-f4",
        role: "father",
        name: "赵大海",
        awayPeriods: [{ from: "2024-02-20", city: "深圳" }],
      },
      {
        id: "p-m4",
        role: "mother",
        name: "钱小燕",
        awayPeriods: [
          { from: "2024-03-01", to: "2024-06-30", city: "深圳" },
          { from: "2026-03-02", to: "2026-05-10", city: "深圳" },
          { from: "2026-06-01", city: "深圳" },
        ],
      },
    ],
  };
  return prepareComplianceData({ ...s, children: [c1, c4] });
}

const MARCH_TO_JUNE = { from: "2026-03-01", to: "2026-06-30" } as const;

/** Due days of the rows of one policy and child with `status`, and how many rows it has. */
function rows(d: ReturnType<typeof data>, period: { from: string; to: string }) {
  const report = [
    ...evaluateCompliance({
      data: d,
      policies: [weekly, every7],
      period: period as typeof MARCH_TO_JUNE,
      asOf: "2026-07-10",
    }),
  ];
  return (policyId: string, subjectId: string) => {
    const mine = report.filter((r) => r.policyId === policyId && r.subjectId === subjectId);
    return {
      missed: mine.filter((r) => r.status === "missed").map((r) => r.due),
      notApplicable: mine.filter((r) => r.status === "not-applicable").length,
      rows: mine.length,
    };
  };
}

describe("left-behind days of a child", () => {
  it("episodes inside the period, the 16th birthday ending the last one", () => {
    const of = rows(data(), MARCH_TO_JUNE);
    // Weeks of 2 March to 4 May, and of 1 and 8 June; not the week of 23 February, the three
    // weeks from 11 May, nor those from 15 June (16th birthday).
    expect(of("weekly-lb", "c4")).toEqual({
      missed: [
        "2026-03-08",
        "2026-03-15",
        "2026-03-22",
        "2026-03-29",
        "2026-04-05",
        "2026-04-12",
        "2026-04-19",
        "2026-04-26",
        "2026-05-03",
        "2026-05-10",
        "2026-06-07",
        "2026-06-14",
      ],
      notApplicable: 7,
      rows: 19,
    });
    // Every 7 days from the first left-behind day in the period (2 March), not from 2024's.
    expect(of("every-7", "c4")).toEqual({
      missed: [
        "2026-03-02",
        "2026-03-09",
        "2026-03-16",
        "2026-03-23",
        "2026-03-30",
        "2026-04-06",
        "2026-04-13",
        "2026-04-20",
        "2026-04-27",
        "2026-05-04",
        "2026-06-01",
        "2026-06-08",
      ],
      notApplicable: 6,
      rows: 18,
    });
  });

  it("an episode open at the period's start runs intervals from the period's first day", () => {
    const of = rows(data(), MARCH_TO_JUNE);
    expect(of("weekly-lb", "c1")).toEqual({
      missed: ["2026-03-01", "2026-03-08", "2026-03-15"],
      notApplicable: 16,
      rows: 19,
    });
    expect(of("every-7", "c1")).toEqual({
      missed: ["2026-03-01", "2026-03-08", "2026-03-15"],
      notApplicable: 15,
      rows: 18,
    });
  });

  it("the same prepared data evaluated for two periods, one after the other", () => {
    const d = data();
    const early = rows(d, { from: "2025-01-01", to: "2025-03-31" });
    // c1 left-behind since 20 February 2024: every 7 days from then; c4 not at all in 2025.
    expect(early("every-7", "c1").missed.slice(0, 2)).toEqual(["2025-01-07", "2025-01-14"]);
    expect(early("weekly-lb", "c4").rows).toBe(0);
    const later = rows(d, MARCH_TO_JUNE);
    expect(later("every-7", "c1").missed).toEqual(["2026-03-01", "2026-03-08", "2026-03-15"]);
    expect(later("weekly-lb", "c4").missed).toHaveLength(12);
  });
});
