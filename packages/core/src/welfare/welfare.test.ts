import { describe, expect, it } from "vitest";
import { pupil } from "../_lib/pupil.test-helper";
import { ValidationError } from "../errors";
import { aidEligibility, resourceGaps, resourceUse } from ".";

describe("aidEligibility (两免一补、济难救助)", () => {
  it("makes children of households in hardship eligible, the subsidy only in compulsory education", () => {
    const rows = aidEligibility({
      files: [
        pupil("a", { grade: 6, birth: "2012-05-01" }),
        pupil("b", { grade: 10, birth: "2012-05-01" }),
        pupil("c", { grade: 6, birth: "2012-05-01" }),
        pupil("d", { grade: 6, birth: "2012-05-01" }),
        pupil("e", { grade: 6, birth: "2012-05-01" }),
      ],
      households: [
        { childId: "a", size: 5, hardship: true, recordedOn: "2026-03-01" },
        { childId: "b", size: 4, minimumLivingSupport: true, recordedOn: "2026-03-01" },
        { childId: "c", size: 6, yearlyIncomeFen: 1_800_000, recordedOn: "2026-03-01" },
        { childId: "d", size: 2, yearlyIncomeFen: 1_800_000, recordedOn: "2026-03-01" },
        { childId: "d", size: 2, hardship: true, recordedOn: "2026-12-01" }, // after asOf
      ],
      aid: [
        {
          id: "x1",
          kind: "subsidy",
          form: "money",
          amountFen: 50_000,
          date: "2026-09-10",
          childIds: ["a"],
        },
        {
          id: "x2",
          kind: "subsidy",
          form: "money",
          amountFen: 50_000,
          date: "2025-09-10",
          childIds: ["c"],
        },
      ],
      asOf: "2026-09-30",
      hardshipLinePerPersonFen: 400_000,
    });
    expect(rows.map((r) => [r.childId, r.subsidy, r.hardshipRelief, r.notYetAided])).toEqual([
      ["a", true, true, ["hardship-relief"]],
      ["b", false, true, ["hardship-relief"]],
      ["c", true, true, ["subsidy", "hardship-relief"]], // 3,000 yuan a person, below 4,000
      ["d", false, false, []], // 9,000 yuan a person
    ]);
    expect(rows[2]!.reasons[0]!.en).toContain("(6 people)");
    expect(rows[1]!.reasons.map((r) => r.en)).toContain("not enrolled in grades 1–9: no subsidy");
  });

  it("ignores income without a line, and names bad fields", () => {
    const rows = aidEligibility({
      files: [pupil("c", { grade: 6, birth: "2012-05-01" })],
      households: [{ childId: "c", size: 6, yearlyIncomeFen: 100, recordedOn: "2026-03-01" }],
      asOf: "2026-09-30",
    });
    expect(rows[0]!.hardshipRelief).toBe(false);
    expect(() =>
      aidEligibility({
        files: [],
        households: [{ childId: "c", size: 0, recordedOn: "2026-03-01" }],
        asOf: "2026-09-30",
      }),
    ).toThrow(ValidationError);
  });
});

describe("children's homes and activity rooms", () => {
  it("lists what a room lacks against the summaries", () => {
    expect(
      resourceGaps({ id: "r1", kind: "activity-room", name: "活动室", phones: 1 }).map(
        (g) => g["zh-CN"],
      ),
    ).toEqual(["电脑", "活动器材", "图书"]);
    expect(
      resourceGaps({
        id: "r2",
        kind: "childrens-home",
        name: "留守儿童之家",
        phones: 2,
        computers: 4,
        books: true,
        sportsEquipment: true,
      }),
    ).toEqual([]);
  });

  it("counts the family calls made on a room's phone and the activities held in it", () => {
    const use = resourceUse({
      resources: [{ id: "room1", kind: "activity-room", name: "活动室", phones: 1 }],
      records: [
        {
          id: "c1",
          kind: "family-call",
          at: "2026-03-07T10:00:00+08:00",
          childIds: ["a"],
          resourceId: "room1",
        },
        {
          id: "c2",
          kind: "video-call",
          at: "2026-03-08T10:00:00+08:00",
          childIds: ["a", "b"],
          resourceId: "room1",
        },
        { id: "c3", kind: "family-call", at: "2026-03-08T10:00:00+08:00", childIds: ["c"] },
        {
          id: "c4",
          kind: "talk",
          at: "2026-03-08T10:00:00+08:00",
          childIds: ["c"],
          resourceId: "room1",
        },
      ],
      activities: [
        { id: "a1", kind: "other", title: "读书会", date: "2026-03-10", resourceId: "room1" },
      ],
      period: { from: "2026-03-01", to: "2026-03-31" },
    });
    expect(use).toEqual([{ resourceId: "room1", familyCalls: 2, children: 2, activities: 1 }]);
  });
});
