import { describe, expect } from "vitest";
import { collectPages, WRITE_AT, type Harness } from "../harness";
import { newSampleScope, randomId, sampleEntity } from "../samples";

class Boom extends Error {}

/** Transactions commit together and roll back leaving nothing. @internal */
export function transactionSuite(h: Harness): void {
  describe("transactions", () => {
    h.it(
      "a transaction that throws leaves nothing behind, and its error is passed on",
      async (s, ctx) => {
        if (!s.capabilities.transactions) return ctx.skip();
        const scope = newSampleScope();
        const kept = await s.schools.put(sampleEntity("schools", scope), {
          expectedVersion: null,
          at: WRITE_AT,
        });
        const file = sampleEntity("files", scope);
        const contacts = Array.from({ length: 50 }, () =>
          sampleEntity("contacts", scope, { childIds: [file.id] }),
        );
        const boom = new Boom("stop");
        await expect(
          s.transaction(async (tx) => {
            await tx.files.put(file, { expectedVersion: null, at: WRITE_AT });
            await tx.contacts.upsertMany(contacts, { at: WRITE_AT });
            await tx.schools.put(
              { ...kept.value, name: "改名" },
              { expectedVersion: 1, at: WRITE_AT },
            );
            await tx.schools.remove(kept.id, { expectedVersion: 2 });
            await tx.fileChanges.append([
              {
                fileId: file.id,
                actor: "t1",
                at: WRITE_AT,
                reason: "测试",
                patches: [{ op: "replace", path: ["keyCase"], value: true }],
                inversePatches: [{ op: "replace", path: ["keyCase"], value: false }],
              },
            ]);
            await tx.audit.append([
              {
                id: randomId("a"),
                actor: "t1",
                at: WRITE_AT,
                entity: "files",
                entityId: file.id,
                operation: "create",
                version: 1,
                patches: [{ op: "replace", path: [], value: file }],
              },
            ]);
            expect(await tx.files.get(file.id)).not.toBeNull();
            expect(await tx.schools.get(kept.id)).toBeNull();
            throw boom;
          }),
        ).rejects.toBe(boom);
        expect(await s.files.get(file.id)).toBeNull();
        expect(await collectPages((p) => s.contacts.query({ childId: file.id }, p))).toEqual([]);
        expect(await s.schools.get(kept.id)).toEqual(kept);
        expect(await s.fileChanges.list(file.id)).toEqual([]);
        expect((await s.audit.query({ entityId: file.id })).items).toEqual([]);
      },
    );

    h.it("a conflict inside a transaction rolls back the writes before it", async (s, ctx) => {
      if (!s.capabilities.transactions) return ctx.skip();
      const scope = newSampleScope();
      const mentor = await s.mentors.put(sampleEntity("mentors", scope), {
        expectedVersion: null,
        at: WRITE_AT,
      });
      const file = sampleEntity("files", scope);
      await expect(
        s.transaction(async (tx) => {
          await tx.files.put(file, { expectedVersion: null, at: WRITE_AT });
          await tx.mentors.put(mentor.value, { expectedVersion: 5, at: WRITE_AT });
        }),
      ).rejects.toMatchObject({ name: "ConflictError" });
      expect(await s.files.get(file.id)).toBeNull();
    });

    h.it(
      "a committed transaction's writes are all visible, with its result returned",
      async (s) => {
        const scope = newSampleScope();
        const file = sampleEntity("files", scope);
        const plan = sampleEntity("assistancePlans", scope, { childId: file.id });
        const result = await s.transaction(async (tx) => {
          const f = await tx.files.put(file, { expectedVersion: null, at: WRITE_AT });
          const p = await tx.assistancePlans.put(plan, { expectedVersion: null, at: WRITE_AT });
          const again = await tx.files.put(file, { expectedVersion: f.version, at: WRITE_AT });
          expect((await tx.assistancePlans.query({ childId: file.id })).items).toEqual([p]);
          return again.version;
        });
        expect(result).toBe(2);
        expect((await s.files.get(file.id))?.version).toBe(2);
        expect((await s.assistancePlans.get(plan.id))?.value).toEqual(plan);
      },
    );
  });
}
