import { invalidArgument, text } from "@liushou/core";
import type { StoragePageRequest } from "@liushou/core";

/** Text from a column: MySQL returns binary id columns as buffers. */
export function columnText(value: unknown): string {
  return Buffer.isBuffer(value) ? value.toString("utf8") : String(value);
}

/** A plain copy of an entity as stored: what is written, and a fresh object for the caller. */
export function toJson(value: unknown): string {
  return JSON.stringify(value);
}

/** Default and largest page sizes of the port. */
export const DEFAULT_PAGE = 100;
const MAX_PAGE = 1000;

/**
 * Reads a page request: its limit (1–1000, default 100) and the decoded cursor keys.
 * @throws ValidationError for a limit out of range or a cursor this adapter did not make.
 */
export function readPage(page: StoragePageRequest | undefined): {
  limit: number;
  after: readonly (string | number)[] | null;
} {
  const limit = page?.limit ?? DEFAULT_PAGE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
    throw invalidArgument(
      "page.limit",
      "invalid_value",
      text("应为 1 到 1000 的整数", "expected an integer from 1 to 1000"),
      limit,
    );
  }
  const cursor = page?.cursor ?? null;
  if (cursor === null) return { limit, after: null };
  try {
    const keys: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(keys) && keys.every((k) => typeof k === "string" || typeof k === "number")) {
      return { limit, after: keys as (string | number)[] };
    }
  } catch {
    // falls through to the error below
  }
  throw invalidArgument(
    "page.cursor",
    "invalid_value",
    text("不是本存储上一页返回的游标", "is not a cursor returned by a previous page"),
    cursor,
  );
}

/** The opaque cursor after the given sort keys. */
export function makeCursor(keys: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(keys), "utf8").toString("base64url");
}

/** Sort keys of the last item of a page, or `null` when no page follows. */
export type Keys = readonly (string | number)[];

/** One keyset page read from the database: the items and where the next page starts. */
export interface KeysetPage<I> {
  readonly items: I[];
  readonly next: Keys | null;
}

/**
 * The `query` and `stream` of the port over one keyset read: `query` checks the page request
 * and wraps the keys in an opaque cursor; `stream` reads page after page of `batchSize` rows,
 * so no more than one page is ever held in memory.
 */
export function keysetReads<F, I>(
  read: (filter: F, limit: number, after: Keys | null) => Promise<KeysetPage<I>>,
  batchSize: number,
) {
  return {
    async query(filter: F, request?: StoragePageRequest) {
      const { limit, after } = readPage(request);
      const page = await read(filter, limit, after);
      return { items: page.items, nextCursor: page.next ? makeCursor(page.next) : null };
    },
    async *stream(filter: F): AsyncIterable<I> {
      let after: Keys | null = null;
      do {
        const page: KeysetPage<I> = await read(filter, batchSize, after);
        yield* page.items;
        after = page.next;
      } while (after !== null);
    },
  };
}
