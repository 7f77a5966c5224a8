import type { StorageAdapter } from "@liushou/core";
import { encryptFields, type EncryptedStorage } from "./storage";
import type { FieldEncryptionKey } from "./keyring";

/** Fixed synthetic test keys: 32 bytes each, different per id. */
export function testKey(id: string, seed = id.length): FieldEncryptionKey {
  return { id, key: Uint8Array.from({ length: 32 }, (_, i) => (i * 7 + seed * 31) & 255) };
}

/** The index key of the tests. */
export const INDEX_KEY = Uint8Array.from({ length: 32 }, (_, i) => 255 - i);

/** An adapter with field encryption under the given keys (default one key, `k1`). */
export function encrypted(
  adapter: StorageAdapter,
  keys: FieldEncryptionKey[] = [testKey("k1")],
  current?: string,
): EncryptedStorage {
  return encryptFields(adapter, { keys, indexKey: INDEX_KEY, ...(current ? { current } : {}) });
}
