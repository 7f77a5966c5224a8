import {
  countContactRecords,
  type ContactRecord,
  type StorageContactCountQuery,
} from "@liushou/core";
import { describe, expect } from "vitest";
import { WRITE_AT, type Harness } from "../harness";
import { INSTANTS_IN_ZONES, newSampleScope, randomId, sampleEntity } from "../samples";

const KINDS = ["home-visit", "talk", "parent-call", "video-call"] as const;
const INITIATORS = ["mentor", "parent", "school"] as const;

/** A small population of records with several children each, spread over zones and kinds. */
function population(children: string[], mentors: string[]): ContactRecord[] {
  const scope = newSampleScope();
  return Array.from({ length: 400 }, (_, i) => {
    const first = children[(i * 7) % children.length]!;
    const second = children[(i * 11 + 3) % children.length]!;
    return sampleEntity("contacts", scope, {
      kind: KINDS[i % KINDS.length],
      initiator: INITIATORS[i % INITIATORS.length],
      at:
        i % 9 === 0
          ? INSTANTS_IN_ZONES[i % INSTANTS_IN_ZONES.length]
          : `2026-0${1 + (i % 6)}-${String(1 + (i % 28)).padStart(2, "0")}T${String(i % 24).padStart(2, "0")}:15:00+08:00`,
      childIds: i % 5 === 0 && first !== second ? [first, second] : [first],
      mentorId: i % 4 === 3 ? undefined : mentors[i % mentors.length],
    });
  });
}

/** Contact counts answered by the adapter equal the pure reference. @internal */
export function countSuite(h: Harness): void {
  describe("contact counts", () => {
    h.it(
      "countContacts equals countContactRecords for every grouping and filter",
      async (s, ctx) => {
        if (!s.capabilities.contactCounts) return ctx.skip();
        expect(s.countContacts, "contactCounts is declared: countContacts must exist").toBeTypeOf(
          "function",
        );
        if (!s.countContacts) return;
        const children = Array.from({ length: 17 }, () => randomId("c"));
        const mentors = Array.from({ length: 5 }, () => randomId("m"));
        const records = population(children, mentors);
        await s.contacts.upsertMany(records, { at: WRITE_AT });
        const march = {
          from: "2026-03-01T00:00:00+08:00",
          to: "2026-04-01T00:00:00+08:00",
        } as const;
        const queries: StorageContactCountQuery[] = [
          { groupBy: "child", subjectIds: children },
          { groupBy: "mentor", subjectIds: mentors },
          { groupBy: "child", subjectIds: children, at: march },
          { groupBy: "child", subjectIds: children, at: { from: "2026-03-01T16:00:00Z" } },
          { groupBy: "child", subjectIds: children, at: { to: "2026-03-02T00:00:00+08:00" } },
          { groupBy: "child", subjectIds: children, kinds: ["home-visit", "talk"] },
          { groupBy: "mentor", subjectIds: mentors, initiators: ["parent"], at: march },
          {
            groupBy: "child",
            subjectIds: children.slice(0, 3),
            kinds: ["talk"],
            initiators: ["mentor", "school"],
          },
          { groupBy: "child", subjectIds: [randomId("c")] },
        ];
        for (const q of queries) {
          expect(await s.countContacts(q), JSON.stringify(q)).toEqual(
            countContactRecords(records, q),
          );
        }
        // Without subjectIds the adapter counts every record it holds: ours must be among them, exactly.
        const all = await s.countContacts({ groupBy: "child", kinds: ["video-call"] });
        const ours = all.filter((r) => children.includes(r.subjectId));
        expect(ours).toEqual(
          countContactRecords(records, { groupBy: "child", kinds: ["video-call"] }),
        );
      },
    );
  });
}
