import type { StorageAdapter, StorageSession } from "@liushou/core";
import { memorySession, type Guard } from "./session";
import { BaseState, OverlayState, type State } from "./state";

/**
 * Options of {@link createMemoryStorage}.
 * @category Storage
 */
export interface MemoryStorageOptions {
  /** The adapter id reported in errors. Default `memory`. */
  id?: string;
}

/**
 * Creates an in-memory storage adapter. Every value is copied on the way in and out, every
 * call and transaction runs one at a time, and a transaction's writes stay in an overlay
 * until it commits, so a rollback leaves nothing behind.
 * @param options - An optional `id`.
 * @returns A {@link StorageAdapter} with transactions and contact counts.
 * @example
 * const storage = createMemoryStorage();
 * await storage.files.put(file, { expectedVersion: null, at: "2026-03-01T09:00:00+08:00" });
 * (await storage.files.get(file.id))?.version //=> 1
 * @category Storage
 */
export function createMemoryStorage(options: MemoryStorageOptions = {}): StorageAdapter {
  const base = new BaseState();
  let tail: Promise<unknown> = Promise.resolve();
  /** Queues work behind every earlier call or transaction. */
  const serial = <T>(work: () => T | Promise<T>): Promise<T> => {
    const run = tail.then(work);
    tail = run.catch(() => undefined);
    return run;
  };
  const outside = memorySession(() => base, serial as Guard);
  return {
    ...outside,
    id: options.id ?? "memory",
    capabilities: { transactions: true, contactCounts: true, persistent: false },
    transaction<T>(work: (tx: StorageSession) => Promise<T>): Promise<T> {
      return serial(async () => {
        const overlay = new OverlayState(base);
        let open = true;
        const state = (): State => {
          if (!open) throw new Error("the transaction has ended");
          return overlay;
        };
        const direct: Guard = async (fn) => fn();
        try {
          const result = await work(memorySession(state, direct));
          overlay.commit();
          return result;
        } finally {
          open = false;
        }
      });
    },
  };
}
