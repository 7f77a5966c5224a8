import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fuzzRuns } from "../../_lib/fuzz.test-helper";
import { ContactRecordSchema, type ContactRecord } from "../../model/records";
import { countContactRecords } from "./count";

const record = (
  id: string,
  childIds: string[],
  patch: Partial<ContactRecord> = {},
): ContactRecord =>
  ContactRecordSchema.parse({
    id,
    kind: "home-visit",
    at: "2026-03-02T09:00:00+08:00",
    childIds,
    ...patch,
  });

describe("countContactRecords", () => {
  it("counts a record once for each child it names, ascending by id", () => {
    const records = [
      record("r1", ["c2", "c1"], { mentorId: "m1" }),
      record("r2", ["c1"], { kind: "talk", mentorId: "m1" }),
      record("r3", ["c3"], { initiator: "parent" }),
    ];
    expect(countContactRecords(records, { groupBy: "child" })).toEqual([
      { subjectId: "c1", contacts: 2 },
      { subjectId: "c2", contacts: 1 },
      { subjectId: "c3", contacts: 1 },
    ]);
    expect(countContactRecords(records, { groupBy: "mentor" })).toEqual([
      { subjectId: "m1", contacts: 2 },
    ]);
    expect(countContactRecords(records, { groupBy: "child", kinds: ["talk"] })).toEqual([
      { subjectId: "c1", contacts: 1 },
    ]);
    expect(countContactRecords(records, { groupBy: "child", initiators: ["parent"] })).toEqual([
      { subjectId: "c3", contacts: 1 },
    ]);
    expect(countContactRecords(records, { groupBy: "child", subjectIds: ["c2", "c9"] })).toEqual([
      { subjectId: "c2", contacts: 1 },
    ]);
  });

  it("compares instants as points in time: [from, to)", () => {
    const records = [
      record("r1", ["c1"], { at: "2026-03-31T23:59:59+08:00" }),
      record("r2", ["c1"], { at: "2026-03-31T16:00:00Z" }),
    ];
    const q = { groupBy: "child", at: { to: "2026-04-01T00:00:00+08:00" } } as const;
    expect(countContactRecords(records, q)).toEqual([{ subjectId: "c1", contacts: 1 }]);
  });

  it("the counts add up to the children named by the records kept", () => {
    const ids = fc.constantFrom("c1", "c2", "c3", "c4");
    fc.assert(
      fc.property(
        fc.array(fc.uniqueArray(ids, { minLength: 1, maxLength: 4 }), { maxLength: 30 }),
        fc.subarray(["c1", "c2", "c3", "c4"]),
        (lists, subjects) => {
          const records = lists.map((childIds, i) => record(`r${i}`, childIds));
          const rows = countContactRecords(records, { groupBy: "child", subjectIds: subjects });
          const named = lists.flat().filter((id) => subjects.includes(id)).length;
          expect(rows.reduce((n, r) => n + r.contacts, 0)).toBe(named);
          expect(rows.map((r) => r.subjectId)).toEqual(
            [...new Set(rows.map((r) => r.subjectId))].sort(),
          );
        },
      ),
      { numRuns: fuzzRuns(100) },
    );
  });
});
