import {
  LiushouError,
  STORAGE_ENTITY_KINDS,
  StorageError,
  type Locale,
  type StorageAdapter,
  type StorageSession,
} from "@liushou/core";
import { inLocale } from "../_lib/localized";

/** Errors thrown by a transaction's own work, and the locale of Liushou's errors (if set). */
interface Passed {
  readonly work: WeakSet<object>;
  readonly locale: Locale | undefined;
}

function wrapError(adapterId: string, operation: string, error: unknown, passed: Passed): unknown {
  if (error instanceof LiushouError) return passed.locale ? inLocale(error, passed.locale) : error;
  if (typeof error === "object" && error !== null && passed.work.has(error)) return error;
  const wrapped = new StorageError(adapterId, operation, { cause: error });
  return passed.locale ? inLocale(wrapped, passed.locale) : wrapped;
}

function wrapCall<A extends unknown[], R>(
  adapterId: string,
  operation: string,
  call: (...args: A) => Promise<R>,
  passed: Passed,
): (...args: A) => Promise<R> {
  return async (...args) => {
    try {
      return await call(...args);
    } catch (e) {
      throw wrapError(adapterId, operation, e, passed);
    }
  };
}

function wrapStream<A extends unknown[], T>(
  adapterId: string,
  operation: string,
  stream: (...args: A) => AsyncIterable<T>,
  passed: Passed,
): (...args: A) => AsyncIterable<T> {
  return (...args) => ({
    async *[Symbol.asyncIterator]() {
      let iterator: AsyncIterator<T>;
      try {
        iterator = stream(...args)[Symbol.asyncIterator]();
      } catch (e) {
        throw wrapError(adapterId, operation, e, passed);
      }
      let done = false;
      try {
        while (true) {
          let step: IteratorResult<T>;
          try {
            step = await iterator.next();
          } catch (e) {
            throw wrapError(adapterId, operation, e, passed);
          }
          if (step.done) {
            done = true;
            return;
          }
          yield step.value;
        }
      } finally {
        // Leaving early (break, a throw in the loop body) releases the adapter's cursor.
        if (!done) await iterator.return?.();
      }
    },
  });
}

type Methods = Record<string, (...args: unknown[]) => unknown>;

function wrapObject(adapterId: string, prefix: string, target: object, passed: Passed): Methods {
  const out: Methods = {};
  for (const [name, fn] of Object.entries(target as Methods)) {
    if (typeof fn !== "function") continue;
    const bound = fn.bind(target);
    out[name] =
      name === "stream" || name === "streamIds"
        ? wrapStream(adapterId, `${prefix}.${name}`, bound as never, passed)
        : wrapCall(adapterId, `${prefix}.${name}`, bound as never, passed);
  }
  return out;
}

function wrapSession(adapterId: string, session: StorageSession, passed: Passed): StorageSession {
  const out: Record<string, unknown> = {};
  for (const name of [...STORAGE_ENTITY_KINDS, "guardians", "parents", "fileChanges", "audit"]) {
    out[name] = wrapObject(
      adapterId,
      name,
      session[name as keyof StorageSession] as object,
      passed,
    );
  }
  if (session.countContacts) {
    out.countContacts = wrapCall(
      adapterId,
      "countContacts",
      session.countContacts.bind(session),
      passed,
    );
  }
  return out as StorageSession;
}

/**
 * Wraps every call of a storage adapter so a driver failure surfaces as one
 * `StorageError { adapterId, operation, cause }`; Liushou's own errors (a `ConflictError`)
 * and the errors a transaction's work throws pass through unchanged.
 * @param adapter - The adapter.
 * @returns An adapter with the same behaviour and wrapped errors.
 * @example
 * const storage = wrapStorage(createMemoryStorage());
 * await storage.files.get("c1"); // a driver error becomes StorageError { adapterId: "memory", operation: "files.get" }
 * @category Composition
 */
export function wrapStorage(adapter: StorageAdapter): StorageAdapter {
  return wrapAdapter(adapter);
}

/**
 * {@link wrapStorage}, with Liushou's errors (the adapter's `ConflictError`, a scope's
 * `ForbiddenError`) given their message in `locale` when one is set. @internal
 */
export function wrapAdapter(adapter: StorageAdapter, locale?: Locale): StorageAdapter {
  const id = adapter.id;
  const passed: Passed = { work: new WeakSet(), locale };
  return {
    ...wrapSession(id, adapter, passed),
    id,
    capabilities: adapter.capabilities,
    async transaction(work) {
      try {
        return await adapter.transaction(async (tx) => {
          try {
            return await work(wrapSession(id, tx, passed));
          } catch (e) {
            if (typeof e === "object" && e !== null) passed.work.add(e);
            throw e;
          }
        });
      } catch (e) {
        throw wrapError(id, "transaction", e, passed);
      }
    },
    ...(adapter.close ? { close: wrapCall(id, "close", adapter.close.bind(adapter), passed) } : {}),
  };
}
