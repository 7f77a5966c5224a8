import { ConflictError, STORAGE_ENTITY_KINDS, type StorageAdapter } from "@liushou/core";
import { describe, expect } from "vitest";
import { expectUnmutated, expectValidRecord, WRITE_AT, type Harness } from "../harness";
import { changedEntity, newSampleScope, randomId, sampleEntity } from "../samples";

const LATER = "2026-03-03T10:00:00+08:00";

/** Create, read, update and delete on every repository, with versions and conflicts. @internal */
export function crudSuite(h: Harness): void {
  describe("CRUD", () => {
    for (const kind of STORAGE_ENTITY_KINDS) {
      h.it(`${kind}: get of an unknown id is null`, async (s) => {
        expect(await s[kind].get(randomId("none"))).toBeNull();
      });

      h.it(
        `${kind}: put creates version 1, get returns an equal copy, inputs untouched`,
        async (s) => {
          const repo = s[kind] as StorageAdapter["files"];
          const value = sampleEntity(kind, newSampleScope()) as never;
          const created = await expectUnmutated(value, (v) =>
            repo.put(v, { expectedVersion: null, at: WRITE_AT }),
          );
          expectValidRecord(kind, created);
          expect(created.version).toBe(1);
          expect(created.value).toEqual(value);
          const read = await repo.get((value as { id: string }).id);
          expectValidRecord(kind, read);
          expect(read).toEqual(created);
          // Neither the returned object nor the input is the adapter's own copy.
          (read!.value as { id: string }).id = "changed";
          (value as { id: string }).id = "changed";
          expect((await repo.get(created.id))?.value).toEqual(created.value);
        },
      );

      h.it(
        `${kind}: update with the current version, stale writes conflict and change nothing`,
        async (s) => {
          const repo = s[kind] as StorageAdapter["files"];
          const value = sampleEntity(kind, newSampleScope()) as never;
          const v1 = await repo.put(value, { expectedVersion: null, at: WRITE_AT });
          const changed = changedEntity(kind, value) as never;
          const v2 = await repo.put(changed, { expectedVersion: 1, at: LATER });
          expectValidRecord(kind, v2, LATER);
          expect(v2.version).toBe(2);
          expect(v2.value).toEqual(changed);
          await expect(repo.put(value, { expectedVersion: 1, at: LATER })).rejects.toBeInstanceOf(
            ConflictError,
          );
          await expect(
            repo.put(value, { expectedVersion: null, at: LATER }),
          ).rejects.toBeInstanceOf(ConflictError);
          await expect(repo.put(value, { expectedVersion: 7, at: LATER })).rejects.toBeInstanceOf(
            ConflictError,
          );
          expect(await repo.get(v1.id)).toEqual(v2);
        },
      );

      h.it(`${kind}: a write naming a version of an absent entity conflicts`, async (s) => {
        const repo = s[kind] as StorageAdapter["files"];
        const value = sampleEntity(kind, newSampleScope()) as never;
        await expect(repo.put(value, { expectedVersion: 1, at: WRITE_AT })).rejects.toBeInstanceOf(
          ConflictError,
        );
        expect(await repo.get((value as { id: string }).id)).toBeNull();
      });

      h.it(
        `${kind}: remove needs the current version; removing an absent id is false`,
        async (s) => {
          const repo = s[kind] as StorageAdapter["files"];
          const value = sampleEntity(kind, newSampleScope()) as never;
          const created = await repo.put(value, { expectedVersion: null, at: WRITE_AT });
          await expect(repo.remove(created.id, { expectedVersion: 2 })).rejects.toBeInstanceOf(
            ConflictError,
          );
          expect(await repo.get(created.id)).toEqual(created);
          expect(await repo.remove(created.id, { expectedVersion: 1 })).toBe(true);
          expect(await repo.get(created.id)).toBeNull();
          expect(await repo.remove(created.id, { expectedVersion: 1 })).toBe(false);
          // The id is free again: a new entity starts over at version 1.
          const again = await repo.put(value, { expectedVersion: null, at: WRITE_AT });
          expect(again.version).toBe(1);
        },
      );
    }
  });
}
