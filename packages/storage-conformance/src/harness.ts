import {
  instantMs,
  STORAGE_ENTITY_SCHEMAS,
  type Instant,
  type StorageAdapter,
  type StorageEntityKind,
  type StoragePage,
  type StoragePageRequest,
  type StorageRecord,
} from "@liushou/core";
import { expect, type TestContext } from "vitest";

/**
 * How a suite reaches the adapter under test: a fresh adapter per test, released after it.
 * @internal
 */
export interface Harness {
  readonly name: string;
  /**
   * Declares one test that runs `work` on a fresh adapter; `ctx.skip()` skips it visibly
   * (for a capability the adapter does not declare).
   */
  it(
    name: string,
    work: (
      storage: StorageAdapter,
      ctx: TestContext,
      /** Closes the adapter and opens a new one over the same data, if the options say how. */
      reopen: ((storage: StorageAdapter) => Promise<StorageAdapter>) | undefined,
    ) => Promise<unknown>,
  ): void;
}

/** The instant every conformance write passes as `at`. @internal */
export const WRITE_AT: Instant = "2026-03-02T10:00:00+08:00";

/**
 * Checks a returned record: the value passes the core schema unchanged, the version is a
 * positive integer, `updatedAt` is the instant of the write.
 * @internal
 */
export function expectValidRecord<K extends StorageEntityKind>(
  kind: K,
  record: StorageRecord<unknown> | null,
  at: Instant = WRITE_AT,
): void {
  expect(record, `${kind}: expected a record`).not.toBeNull();
  const r = record!;
  const parsed = STORAGE_ENTITY_SCHEMAS[kind].safeParse(r.value);
  expect(parsed.success, `${kind} ${r.id}: ${parsed.error?.message ?? ""}`).toBe(true);
  expect(parsed.data).toEqual(r.value);
  expect(r.id).toBe((r.value as { id: string }).id);
  expect(Number.isInteger(r.version) && r.version >= 1).toBe(true);
  expect(instantMs(r.updatedAt)).toBe(instantMs(at));
}

/** Reads every page of a query, checking each page's size and cursor. @internal */
export async function collectPages<I>(
  read: (page: StoragePageRequest) => Promise<StoragePage<I>>,
  limit?: number,
): Promise<I[]> {
  const out: I[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 10_000; pages++) {
    const page: StoragePage<I> = await read(limit === undefined ? { cursor } : { limit, cursor });
    if (limit !== undefined) expect(page.items.length).toBeLessThanOrEqual(limit);
    out.push(...page.items);
    if (page.nextCursor === null) return out;
    cursor = page.nextCursor;
  }
  throw new Error("pagination did not end after 10,000 pages");
}

/** Reads an async iterable to the end. @internal */
export async function collectStream<I>(items: AsyncIterable<I>): Promise<I[]> {
  const out: I[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** Ids in code-point order, as the port sorts them. @internal */
export function sortedIds(values: readonly { id: string }[]): string[] {
  return values.map((v) => v.id).sort(compareIds);
}

/** Code-point order of two ids. @internal */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Runs `work` on `input` and checks that the input is deeply unchanged afterwards.
 * @internal
 */
export async function expectUnmutated<T, R>(input: T, work: (input: T) => Promise<R>): Promise<R> {
  const before = structuredClone(input);
  const result = await work(input);
  expect(input, "the adapter mutated its input").toStrictEqual(before);
  return result;
}
