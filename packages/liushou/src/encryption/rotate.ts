import {
  invalidArgument,
  requireObject,
  InstantSchema,
  STORAGE_ENTITY_KINDS,
  STORAGE_ENTITY_SCHEMAS,
  text,
  validate,
  type Instant,
  type StorageAdapter,
  type StorageEntityKind,
} from "@liushou/core";
import { needsResealing, openValue, sealValue } from "./fields";
import type { Keyring } from "./keyring";

/**
 * Options of {@link EncryptedStorage.rotate}.
 * @example
 * const options: RotationOptions = { at: "2026-09-01T02:00:00+08:00", batchSize: 200 };
 * @category Privacy
 */
export interface RotationOptions {
  /** When the re-sealing writes happen (their `updatedAt`). */
  readonly at: Instant;
  /** Entities re-sealed per transaction, 1–1000. Default 100. */
  readonly batchSize?: number;
  /** Called after each batch with the kind and how many of it are done so far. */
  readonly onProgress?: (kind: StorageEntityKind, done: number, total: number) => void;
}

/**
 * What {@link EncryptedStorage.rotate} did: how many entities of each kind it sealed again.
 * @example
 * const r: RotationResult = { resealed: 120, byKind: { files: 120 } };
 * @category Privacy
 */
export interface RotationResult {
  readonly resealed: number;
  readonly byKind: Partial<Record<StorageEntityKind, number>>;
}

function batchSizeOf(value: unknown): number {
  if (value === undefined) return 100;
  if (typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 1000)
    return value;
  throw invalidArgument(
    "batchSize",
    "invalid_value",
    text("应为 1–1000 的整数", "expected an integer from 1 to 1000"),
    value,
  );
}

/**
 * Seals again under the current key every entity that needs it: first the ids are listed
 * (reading, not writing), then each batch is re-read, re-sealed and written with its version
 * checked, in one transaction, so a concurrent writer causes a `ConflictError`, never a lost
 * update. Run it again after a conflict; it skips what is done. @internal
 */
export async function rotateKeys(
  adapter: StorageAdapter,
  ring: Keyring,
  options: RotationOptions,
): Promise<RotationResult> {
  requireObject(options, "options");
  const at = validate(InstantSchema, options.at, { path: ["at"] }) as Instant;
  const batchSize = batchSizeOf(options.batchSize);
  const byKind: Partial<Record<StorageEntityKind, number>> = {};
  let resealed = 0;
  for (const kind of STORAGE_ENTITY_KINDS) {
    const schema = STORAGE_ENTITY_SCHEMAS[kind];
    const stale: string[] = [];
    for await (const r of adapter[kind].stream({})) {
      if (needsResealing(ring, schema, r.value)) stale.push(r.id);
    }
    let done = 0;
    for (let i = 0; i < stale.length; i += batchSize) {
      done += await adapter.transaction(async (tx) => {
        const repo = tx[kind] as unknown as StorageAdapter["files"];
        let n = 0;
        for (const id of stale.slice(i, i + batchSize)) {
          const r = await repo.get(id);
          if (!r || !needsResealing(ring, schema, r.value)) continue;
          const value = await sealValue(ring, schema, await openValue(ring, r.value));
          await repo.put(value as never, { expectedVersion: r.version, at });
          n++;
        }
        return n;
      });
      options.onProgress?.(kind, done, stale.length);
    }
    if (done > 0) byKind[kind] = done;
    resealed += done;
  }
  return { resealed, byKind };
}
