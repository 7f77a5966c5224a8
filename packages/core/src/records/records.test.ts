import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors";
import { pupil } from "../_lib/pupil.test-helper";
import { quickContactRecord, type Pairing } from "../model";
import {
  checkContactCards,
  checkSafetyDocuments,
  diaryCoverage,
  guardianTrainingCoverage,
  lateEntries,
} from ".";

describe("contact cards (联系卡)", () => {
  it("finds children without a card in force and cards naming a former guardian", () => {
    const r = checkContactCards({
      files: [pupil("a"), pupil("b"), pupil("c", { cls: "k1", guardian: "c-new" })],
      cards: [
        { id: "x1", childId: "a", classTeacherId: "t1", guardianId: "a-g", issuedOn: "2026-03-02" },
        {
          id: "x2",
          childId: "b",
          classTeacherId: "t1",
          guardianId: "b-g",
          issuedOn: "2026-03-02",
          withdrawnOn: "2026-05-01",
        },
        { id: "x3", childId: "c", classTeacherId: "t1", guardianId: "c-g", issuedOn: "2026-03-02" },
      ],
      asOf: "2026-06-01",
    });
    expect(r).toEqual({ missing: ["b"], stale: [{ childId: "c", cardId: "x3" }] });
  });
});

describe("timely entry (及时填写)", () => {
  it("flags records written down more than three days late, in Beijing days", () => {
    const r = lateEntries([
      { id: "r1", at: "2026-03-02T10:00:00+08:00", recordedAt: "2026-03-09T20:00:00+08:00" },
      { id: "r2", at: "2026-03-02T23:30:00+08:00", recordedAt: "2026-03-05T09:00:00+08:00" },
      { id: "r3", at: "2026-03-02T10:00:00+08:00" },
    ]);
    expect(r).toEqual({ late: [{ id: "r1", days: 7 }], undated: ["r3"] });
    expect(
      lateEntries(
        [{ id: "r2", at: "2026-03-02T23:30:00+08:00", recordedAt: "2026-03-05T09:00:00+08:00" }],
        { maxDays: 2 },
      ).late,
    ).toEqual([{ id: "r2", days: 3 }]);
    expect(() => lateEntries([{ id: "r1", at: "yesterday" }])).toThrow(ValidationError);
  });

  it("is a field of contact records, checked by the fast path too", () => {
    const raw = {
      id: "r1",
      kind: "talk",
      at: "2026-03-01T09:00:00+08:00",
      childIds: ["c1"],
      recordedAt: "2026-03-01T18:00:00+08:00",
    };
    expect(quickContactRecord(raw)?.recordedAt).toBe("2026-03-01T18:00:00+08:00");
    expect(quickContactRecord({ ...raw, recordedAt: "tonight" })).toBeUndefined();
  });
});

describe("growth diary (成长日记)", () => {
  it("counts each pairing's entries within the pairing and the period", () => {
    const pairings: Pairing[] = [
      { id: "p1", childId: "a", mentorId: "t1", role: "mentor", start: "2026-03-01" },
      {
        id: "p2",
        childId: "b",
        mentorId: "t1",
        role: "mentor",
        start: "2026-03-01",
        end: "2026-04-01",
      },
      { id: "p3", childId: "c", mentorId: "t2", role: "mentor", start: "2026-07-01" },
    ];
    const diary = [
      { id: "d1", childId: "a", mentorId: "t1", date: "2026-03-10" as const, text: "主动发言" },
      {
        id: "d2",
        childId: "b",
        mentorId: "t1",
        date: "2026-04-20" as const,
        text: "after the pairing",
      },
      {
        id: "d3",
        childId: "a",
        mentorId: "t9",
        date: "2026-03-11" as const,
        text: "another teacher",
      },
    ];
    const r = diaryCoverage({ pairings, diary, period: { from: "2026-03-01", to: "2026-06-30" } });
    expect(r).toEqual({
      rows: [
        { pairingId: "p1", entries: 1 },
        { pairingId: "p2", entries: 0 },
      ],
      without: ["p2"],
    });
  });
});

describe("safety letters and the emergency plan (层层签订安全责任书)", () => {
  it("finds the plan in force, its missing sides, and who has not signed this year", () => {
    const r = checkSafetyDocuments({
      schoolId: "s1",
      files: [pupil("a", { cls: "k1" }), pupil("b", { cls: "k2" })],
      plans: [
        {
          id: "e1",
          schoolId: "s1",
          adoptedOn: "2025-02-20",
          contacts: [{ side: "school", name: "校长", phone: "0730-1" }],
        },
        {
          id: "e2",
          schoolId: "s1",
          adoptedOn: "2026-02-20",
          contacts: [
            { side: "school", name: "校长", phone: "0730-1" },
            { side: "government", name: "镇政府", phone: "0730-2" },
          ],
        },
      ],
      letters: [
        { id: "l1", schoolId: "s1", level: "school", signedOn: "2026-02-25", year: 2026 },
        {
          id: "l2",
          schoolId: "s1",
          level: "class",
          classId: "k1",
          signedOn: "2026-03-01",
          year: 2026,
        },
        {
          id: "l3",
          schoolId: "s1",
          level: "family",
          childId: "a",
          signedOn: "2026-03-05",
          year: 2026,
        },
        {
          id: "l4",
          schoolId: "s1",
          level: "family",
          childId: "b",
          signedOn: "2025-03-05",
          year: 2025,
        },
      ],
      year: 2026,
      asOf: "2026-06-01",
    });
    expect(r.plan?.id).toBe("e2");
    expect(r.planMissingSides).toEqual(["guardian"]);
    expect(r.schoolLetter?.id).toBe("l1");
    expect(r.classesWithout).toEqual(["k2"]);
    expect(r.childrenWithout).toEqual(["b"]);
  });
});

describe("guardian training (培训教育)", () => {
  it("counts each primary guardian once over the period", () => {
    const r = guardianTrainingCoverage({
      files: [pupil("a"), pupil("b", { cls: "k1", guardian: "a-g" }), pupil("c")],
      trainings: [
        { id: "t1", date: "2026-04-10", topic: "如何管教孩子", guardianIds: ["a-g"] },
        { id: "t2", date: "2025-04-10", topic: "去年", guardianIds: ["c-g"] },
      ],
      period: { from: "2026-01-01", to: "2026-12-31" },
    });
    expect(r).toEqual({ trained: ["a-g"], untrained: ["c-g"], rate: 0.5 });
  });
});
