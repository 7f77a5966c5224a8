/**
 * Synthetic child files and parent calls for the legal checks' tests.
 * @module
 */
import type { ChildFileInput } from "../model/child-file";
import type { ContactRecordInput } from "../model/records";

/** A synthetic file: a 10-year-old with grandparents, father away, consent given. */
export function file(over: Partial<ChildFileInput> = {}): ChildFileInput {
  return {
    id: "c1",
    child: {
      name: "测试儿童",
      gender: "male",
      birthDate: "2016-05-10",
      regionCode: "430102001001",
    },
    livingArrangement: "grandparents",
    guardians: [
      {
        id: "g1",
        name: "测试祖母",
        relation: "grandmother",
        entrusted: true,
        birthYear: 1960,
        writtenNoticeOn: "2025-09-01",
      },
    ],
    parents: [
      {
        id: "p1",
        role: "father",
        name: "测试父亲",
        awayPeriods: [{ from: "2025-02-20", city: "深圳" }],
      },
      {
        id: "p2",
        role: "mother",
        name: "测试母亲",
        awayPeriods: [{ from: "2025-02-20", city: "东莞" }],
      },
    ],
    consent: { givenOn: "2025-09-01", guardianId: "g1" },
    ...over,
  };
}

export const asOf = "2026-03-04"; // a Wednesday; the current week starts Monday 2 March

export function call(
  id: string,
  at: string,
  over: Partial<ContactRecordInput> = {},
): ContactRecordInput {
  return { id, kind: "parent-call", at, childIds: ["c1"], initiator: "parent", ...over };
}

/** One parent call in each of the four weeks before the week of 2026-03-04. */
export const weekly = [
  call("r1", "2026-02-02T20:00:00+08:00"),
  call("r2", "2026-02-11T20:00:00+08:00"),
  call("r3", "2026-02-21T20:00:00+08:00"),
  call("r4", "2026-02-28T20:00:00+08:00"),
];
