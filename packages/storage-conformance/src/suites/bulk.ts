import { describe, expect } from "vitest";
import {
  collectPages,
  expectUnmutated,
  expectValidRecord,
  WRITE_AT,
  type Harness,
} from "../harness";
import { changedEntity, newSampleScope, randomId, sampleEntity } from "../samples";

const LATER = "2026-03-05T08:00:00+08:00";

/** Bulk upsert: creates and replaces many at once, all or nothing. @internal */
export function bulkSuite(h: Harness): void {
  describe("bulk upsert", () => {
    h.it(
      "creates many at version 1, then replaces them at version 2; inputs untouched",
      async (s) => {
        const c = randomId("c");
        const scope = newSampleScope();
        const records = Array.from({ length: 600 }, () =>
          sampleEntity("contacts", scope, { childIds: [c] }),
        );
        await expectUnmutated(records, (r) => s.contacts.upsertMany(r, { at: WRITE_AT }));
        const stored = await collectPages((p) => s.contacts.query({ childId: c }, p), 1000);
        expect(stored).toHaveLength(600);
        for (const r of stored) {
          expectValidRecord("contacts", r);
          expect(r.version).toBe(1);
        }
        const changed = records.slice(0, 300).map((r) => changedEntity("contacts", r));
        const fresh = Array.from({ length: 10 }, () =>
          sampleEntity("contacts", scope, { childIds: [c] }),
        );
        await s.contacts.upsertMany([...changed, ...fresh], { at: LATER });
        const after = await collectPages((p) => s.contacts.query({ childId: c }, p), 1000);
        expect(after).toHaveLength(610);
        const byId = new Map(after.map((r) => [r.id, r]));
        for (const r of changed) {
          expect(byId.get(r.id)?.version).toBe(2);
          expect(byId.get(r.id)?.value).toEqual(r);
          expectValidRecord("contacts", byId.get(r.id)!, LATER);
        }
        for (const r of fresh) expect(byId.get(r.id)?.version).toBe(1);
        await s.contacts.upsertMany([], { at: LATER });
      },
    );

    h.it("an import that fails half-way inside a transaction lands nothing", async (s, ctx) => {
      if (!s.capabilities.transactions) return ctx.skip();
      const scope = newSampleScope();
      const files = Array.from({ length: 300 }, () => sampleEntity("files", scope));
      const existing = await s.files.put(files[0]!, { expectedVersion: null, at: WRITE_AT });
      await expect(
        s.transaction(async (tx) => {
          await tx.files.upsertMany(files.slice(0, 150), { at: LATER });
          await tx.files.upsertMany(files.slice(150), { at: LATER });
          throw new Error("row 151 is invalid");
        }),
      ).rejects.toThrow("row 151 is invalid");
      const stored = await collectPages((p) => s.files.query({ schoolId: scope.schoolId }, p));
      expect(stored).toEqual([existing]);
    });
  });
}
