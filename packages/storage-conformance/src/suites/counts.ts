import {
  ALL_PRESETS,
  complianceCountRequests,
  complianceCounts,
  countContactRecords,
  type ContactRecord,
  type StorageContactCount,
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

/** The period, `asOf` and policies of the pushed-down compliance check. */
const EVALUATION = {
  policies: ALL_PRESETS,
  period: { from: "2026-03-01", to: "2026-05-31" },
  asOf: "2026-05-20",
} as const;

/** Instants on and around the bucket edges and `asOf` (Beijing time), written in other zones. */
const EDGES = [
  "2026-03-31T23:59:59.999+08:00",
  "2026-03-31T16:00:00Z",
  "2026-04-30T15:59:59Z",
  "2026-05-20T23:59:00+08:00",
  "2026-05-20T16:00:00Z",
  "2026-02-28T15:59:59-00:00",
  "2026-03-01T00:00:00+08:00",
] as const;

/** A seeded pseudo-random generator (mulberry32), so a failing round can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random records over March–May: kinds, initiators, several children, instants near edges. */
function randomRecords(seed: number, children: string[]): ContactRecord[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const scope = newSampleScope();
  const start = Date.parse("2026-02-25T00:00:00Z");
  return Array.from({ length: 150 }, () => {
    const at =
      next() < 0.3
        ? pick(EDGES)
        : new Date(start + Math.floor(next() * 95 * 86_400_000)).toISOString();
    const first = pick(children);
    const second = pick(children);
    return sampleEntity("contacts", scope, {
      kind: pick([...KINDS, "home-visit", "parent-call"]),
      initiator: pick(INITIATORS),
      at,
      childIds: first !== second && next() < 0.3 ? [first, second] : [first],
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

    h.it(
      "answers the counts a compliance evaluation pushes down exactly as the pure reference",
      async (s, ctx) => {
        if (!s.capabilities.contactCounts || !s.countContacts) return ctx.skip();
        for (const seed of [1, 2, 3]) {
          const children = Array.from({ length: 9 }, () => randomId("c"));
          const records = randomRecords(seed, children);
          await s.contacts.upsertMany(records, { at: WRITE_AT });
          const requests = complianceCountRequests(EVALUATION);
          expect(requests.length).toBeGreaterThan(0);
          const answers: (readonly StorageContactCount[])[] = [];
          for (const r of requests) {
            // Only this round's children: the database may hold other tests' records.
            const query = { ...r.query, subjectIds: children };
            const answer = await s.countContacts(query);
            expect(answer, `seed ${seed}, ${r.policyId} from ${r.from}`).toEqual(
              countContactRecords(records, query),
            );
            answers.push(answer);
          }
          expect(() => complianceCounts(EVALUATION, requests, answers)).not.toThrow();
        }
      },
    );
  });
}
