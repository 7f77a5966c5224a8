import { describe, expect } from "vitest";
import { collectPages, collectStream, sortedIds, WRITE_AT, type Harness } from "../harness";
import { newSampleScope, randomId, sampleEntity } from "../samples";

/** Streaming reads: every match once, in id order, and safe to leave early. @internal */
export function streamingSuite(h: Harness): void {
  describe("streaming", () => {
    h.it("a stream yields every match in id order, past any page size", async (s) => {
      const c = randomId("c");
      const records = Array.from({ length: 2_500 }, () =>
        sampleEntity("contacts", newSampleScope(), { childIds: [c] }),
      );
      await s.contacts.upsertMany(records, { at: WRITE_AT });
      const streamed = await collectStream(s.contacts.stream({ childId: c }));
      expect(streamed.map((r) => r.id)).toEqual(sortedIds(records));
      expect(streamed).toEqual(
        await collectPages((p) => s.contacts.query({ childId: c }, p), 1000),
      );
      const ids = await collectStream(s.contacts.streamIds({ childId: c }));
      expect(ids).toEqual(sortedIds(records));
    });

    h.it("leaving a stream early releases it: the adapter keeps working", async (s) => {
      const scope = newSampleScope();
      const files = Array.from({ length: 150 }, () => sampleEntity("files", scope));
      await s.files.upsertMany(files, { at: WRITE_AT });
      for (let round = 0; round < 3; round++) {
        let n = 0;
        for await (const r of s.files.stream({ schoolId: scope.schoolId })) {
          expect(r.value.child.schoolId).toBe(scope.schoolId);
          if (++n === 3) break;
        }
        expect(n).toBe(3);
      }
      const more = sampleEntity("files", scope);
      await s.files.put(more, { expectedVersion: null, at: WRITE_AT });
      await s.transaction(async (tx) => {
        expect((await tx.files.get(more.id))?.version).toBe(1);
      });
      expect(await collectStream(s.files.stream({ schoolId: scope.schoolId }))).toHaveLength(151);
    });

    h.it("an empty stream ends at once", async (s) => {
      expect(await collectStream(s.aid.stream({ childId: randomId("c") }))).toEqual([]);
      expect(await collectStream(s.guardians.stream({ fileId: randomId("c") }))).toEqual([]);
      expect(await collectStream(s.audit.stream({ entityId: randomId("c") }))).toEqual([]);
    });
  });
}
