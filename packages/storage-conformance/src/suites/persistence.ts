import { updateChildFile } from "@liushou/core";
import { describe, expect } from "vitest";
import { collectPages, WRITE_AT, type Harness } from "../harness";
import { newSampleScope, randomId, sampleEntity } from "../samples";

/** Data of a persistent adapter survives closing and reopening it. @internal */
export function persistenceSuite(h: Harness): void {
  describe("persistence", () => {
    h.it(
      "entities, histories and the audit log survive closing and reopening",
      async (s, ctx, reopen) => {
        if (!s.capabilities.persistent || !reopen) return ctx.skip();
        const scope = newSampleScope();
        const file = sampleEntity("files", scope);
        const contacts = Array.from({ length: 20 }, () =>
          sampleEntity("contacts", scope, { childIds: [file.id] }),
        );
        await s.files.put(file, { expectedVersion: null, at: WRITE_AT });
        await s.contacts.upsertMany(contacts, { at: WRITE_AT });
        const { change } = updateChildFile(file, (d) => void (d.keyCase = true), {
          actor: "t1",
          at: WRITE_AT,
          reason: "重点",
        });
        await s.fileChanges.append([change]);
        const entry = {
          id: randomId("a"),
          actor: "t1",
          at: WRITE_AT,
          entity: "files" as const,
          entityId: file.id,
          operation: "create" as const,
          version: 1,
          patches: [{ op: "add" as const, path: [], value: file }],
        };
        await s.audit.append([entry]);
        const again = await reopen(s);
        expect((await again.files.get(file.id))?.value).toEqual(file);
        const stored = await collectPages((p) => again.contacts.query({ childId: file.id }, p));
        expect(stored).toHaveLength(20);
        expect(await again.fileChanges.list(file.id)).toEqual([change]);
        const audit = (await again.audit.query({ entityId: file.id })).items;
        expect(
          audit.map(({ seq: _seq, prevHash: _p, hash: _h, patchesDigest: _d, ...e }) => e),
        ).toEqual([entry]);
      },
    );
  });
}
