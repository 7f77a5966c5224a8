import { storageVersionConflict } from "@liushou/core";
import type {
  StorageEntities,
  StorageEntityKind,
  StorageQueries,
  StorageRecord,
  StorageRepository,
  StorageWriteOptions,
} from "@liushou/core";
import { ENTITY_TABLES } from "../tables/tables";
import { columnText, keysetReads, type Keys, type KeysetPage } from "./codec";
import { atomically, type SqlContext } from "./context";
import { applyFilter, splitChildIds } from "./filters";
import { mergePages, sortedUnion } from "./merge";
import { filterHasSubquery } from "./resolved";
import { insertRows, upsertRows } from "./insert";
import { entityColumns, entityValues, sideRows, sideTables } from "./rows";

interface EntityRow {
  version: number | string;
  updated_at: string;
  data: string;
}

function toRecord<T>(row: EntityRow): StorageRecord<T> {
  const value = JSON.parse(row.data) as T & { id: string };
  return { id: value.id, value, version: Number(row.version), updatedAt: row.updated_at as never };
}

/** Ids are small: a page of ids holds this many times the rows of a page of entities. */
const ID_BATCH_FACTOR = 5;

/** A keyset page from `limit + 1` rows in id order: the first `limit`, and the id to go on after. */
function idPage<R, I>(
  rows: readonly R[],
  limit: number,
  item: (row: R) => I,
  id: (item: I) => string,
): KeysetPage<I> {
  const items = rows.slice(0, limit).map(item);
  const last = items[items.length - 1];
  return { items, next: rows.length > limit && last !== undefined ? [id(last)] : null };
}

type PartRead<F, I> = (filter: F, limit: number, after: Keys | null) => Promise<KeysetPage<I>>;

/**
 * A keyset read over a filter {@link splitChildIds} may split: a page merges the parts' pages.
 */
function chunked<K extends StorageEntityKind, I>(
  kind: K,
  readPart: PartRead<StorageQueries[K], I>,
  key: (item: I) => string,
): PartRead<StorageQueries[K], I> {
  return async (filter, limit, after) => {
    const parts = splitChildIds(kind, filter);
    if (parts.length === 1) return readPart(filter, limit, after);
    const pages: KeysetPage<I>[] = [];
    for (const part of parts) pages.push(await readPart(part, limit, after));
    return mergePages(pages, limit, key);
  };
}

/** The most ids one primary-key read of a resolved stream lists. */
const MAX_IDS_PER_READ = 2000;

/** MySQL's duplicate-key error, which `insert` raises where the others skip the row. */
export function isDuplicateKey(error: unknown): boolean {
  return (error as { errno?: number } | null)?.errno === 1062;
}

/** The version stored now, or `null` when there is no such entity. */
async function currentVersion(ctx: SqlContext, table: string, id: string): Promise<number | null> {
  const row = await ctx.db
    .selectFrom(table)
    .select("version")
    .where("region", "=", ctx.region)
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? Number(row.version) : null;
}

/** Deletes the link and people rows of the given entities. */
async function deleteSideRows(ctx: SqlContext, kind: StorageEntityKind, ids: readonly string[]) {
  for (const { table, key } of sideTables(kind)) {
    await ctx.db.deleteFrom(table).where("region", "=", ctx.region).where(key, "in", ids).execute();
  }
}

/** Writes the link and people rows of the given entities. */
async function writeSideRows(
  ctx: SqlContext,
  kind: StorageEntityKind,
  values: readonly { id: string }[],
) {
  for (const t of sideRows(kind, ctx.region, values)) {
    if (t.rows.length > 0) await insertRows(ctx, ctx.statements, t, "insert");
  }
}

/** Values written per round of an import (one entity statement, one delete, the links). */
const IMPORT_CHUNK = 1000;

/**
 * Splits an import into chunks where no id appears twice (each occurrence is one write, so a
 * repeated id's version grows once per occurrence).
 */
function importChunks<T extends { id: string }>(values: readonly T[]): T[][] {
  const chunks: T[][] = [];
  let chunk: T[] = [];
  let seen = new Set<string>();
  for (const v of values) {
    if (seen.has(v.id) || chunk.length === IMPORT_CHUNK) {
      chunks.push(chunk);
      chunk = [];
      seen = new Set();
    }
    seen.add(v.id);
    chunk.push(v);
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

/**
 * The repository of one kind of entity over its table: reads by primary key or by the
 * filter's indexed columns in id order, writes under optimistic concurrency.
 */
export function sqlRepository<K extends StorageEntityKind>(
  ctx: SqlContext,
  kind: K,
): StorageRepository<StorageEntities[K], StorageQueries[K]> {
  type T = StorageEntities[K];
  const table = ENTITY_TABLES[kind].table;
  const columns = entityColumns(kind);

  /** The rows matching `filter`, in id order. */
  function matching(filter: StorageQueries[K]) {
    const q = ctx.db.selectFrom(`${table} as t`).where("t.region", "=", ctx.region);
    return applyFilter(kind, q, filter, ctx.region).orderBy("t.id");
  }

  /** The rows matching `filter` after the keyset `after`, in id order, one more than `limit`. */
  function page(filter: StorageQueries[K], limit: number, after: Keys | null) {
    const q = matching(filter);
    return (after ? q.where("t.id", ">", String(after[0])) : q).limit(limit + 1);
  }

  async function readPart(
    filter: StorageQueries[K],
    limit: number,
    after: Keys | null,
  ): Promise<KeysetPage<StorageRecord<T>>> {
    const q = page(filter, limit, after).select(["t.version", "t.updated_at", "t.data"]);
    const rows = (await q.execute()) as EntityRow[];
    return idPage(
      rows,
      limit,
      (r) => toRecord<T>(r),
      (r) => r.id,
    );
  }

  /** Ids only: read from the filter's index, no entity body parsed. */
  async function readIdsPart(
    filter: StorageQueries[K],
    limit: number,
    after: Keys | null,
  ): Promise<KeysetPage<string>> {
    const rows = await page(filter, limit, after).select("t.id").execute();
    return idPage(
      rows,
      limit,
      (r) => columnText(r.id),
      (id) => id,
    );
  }

  /**
   * The ids matching `filter`, in id order, each evaluating the filter once: one statement
   * per part of {@link splitChildIds} (their union in key order, as pages merge them).
   */
  async function resolveIds(filter: StorageQueries[K]): Promise<string[]> {
    const read = async (part: StorageQueries[K]) =>
      (await matching(part).select("t.id").execute()).map((r) => columnText(r.id));
    const parts = splitChildIds(kind, filter);
    if (parts.length === 1) return read(filter);
    const lists: string[][] = [];
    for (const part of parts) lists.push(await read(part));
    return sortedUnion(lists);
  }

  /** The rows of the given ids, in their order, read by primary key batch after batch. */
  async function* byIds(ids: readonly string[]): AsyncIterable<StorageRecord<T>> {
    const size = Math.min(ctx.batchSize, MAX_IDS_PER_READ);
    for (let i = 0; i < ids.length; i += size) {
      const batch = ids.slice(i, i + size);
      const rows = (await ctx.db
        .selectFrom(table)
        .select(["id", "version", "updated_at", "data"])
        .where("region", "=", ctx.region)
        .where("id", "in", batch)
        .execute()) as (EntityRow & { id: unknown })[];
      const byId = new Map(rows.map((r) => [columnText(r.id), r]));
      for (const id of batch) {
        const row = byId.get(id);
        // A row removed since the ids were read is left out.
        if (row) yield toRecord<T>(row);
      }
    }
  }

  async function* resolvedIds(filter: StorageQueries[K]): AsyncIterable<string> {
    yield* await resolveIds(filter);
  }

  async function* resolvedRecords(filter: StorageQueries[K]): AsyncIterable<StorageRecord<T>> {
    yield* byIds(await resolveIds(filter));
  }

  const records = keysetReads(
    chunked(kind, readPart, (r) => r.id),
    ctx.batchSize,
  );
  const ids = keysetReads(
    chunked(kind, readIdsPart, (id) => id),
    ctx.batchSize * ID_BATCH_FACTOR,
  );

  return {
    async get(id) {
      const row = (await ctx.db
        .selectFrom(table)
        .select(["version", "updated_at", "data"])
        .where("region", "=", ctx.region)
        .where("id", "=", id)
        .executeTakeFirst()) as EntityRow | undefined;
      return row ? toRecord<T>(row) : null;
    },

    query: records.query,

    // A filter with a subquery is evaluated once per stream (see `filterHasSubquery`); the
    // others page through their indexes, holding one page.
    stream: (filter) =>
      filterHasSubquery(kind, filter) ? resolvedRecords(filter) : records.stream(filter),

    streamIds: (filter) =>
      filterHasSubquery(kind, filter) ? resolvedIds(filter) : ids.stream(filter),

    put(value, options: StorageWriteOptions) {
      const id = (value as { id: string }).id;
      const expected = options.expectedVersion;
      return atomically(ctx, async (c) => {
        const version = expected === null ? 1 : expected + 1;
        const values = entityValues(kind, c.region, value, version, options.at);
        let written: number;
        if (expected === null) {
          try {
            const rows = { table, columns, rows: [values] };
            written = await insertRows(c, c.statements, rows, "ignore");
          } catch (error) {
            if (!isDuplicateKey(error)) throw error;
            written = 0;
          }
        } else {
          const set = Object.fromEntries(columns.map((name, i) => [name, values[i]]));
          const result = await c.db
            .updateTable(table)
            .set(set)
            .where("region", "=", c.region)
            .where("id", "=", id)
            .where("version", "=", expected)
            .executeTakeFirst();
          written = Number(result.numUpdatedRows);
        }
        if (written === 0) {
          throw storageVersionConflict(kind, id, expected, await currentVersion(c, table, id));
        }
        if (expected !== null) await deleteSideRows(c, kind, [id]);
        await writeSideRows(c, kind, [value]);
        return {
          id,
          value: JSON.parse(values[values.length - 1] as string) as T,
          version,
          updatedAt: options.at,
        };
      });
    },

    async upsertMany(values, options) {
      if (values.length === 0) return;
      await atomically(ctx, async (c) => {
        for (const batch of importChunks(values as readonly (T & { id: string })[])) {
          const rows = batch.map((v) => entityValues(kind, c.region, v, 1, options.at));
          const t = { table, columns, rows };
          if (sideTables(kind).length === 0) {
            await insertRows(c, c.statements, t, "upsert");
            continue;
          }
          // Only a replaced entity has derived rows to delete first.
          const replaced = await upsertRows(c, c.statements, t);
          const stale = batch.map((v) => v.id).filter((id) => replaced?.has(id) ?? true);
          if (stale.length > 0) await deleteSideRows(c, kind, stale);
          await writeSideRows(c, kind, batch);
        }
      });
    },

    remove(id, options) {
      return atomically(ctx, async (c) => {
        const result = await c.db
          .deleteFrom(table)
          .where("region", "=", c.region)
          .where("id", "=", id)
          .where("version", "=", options.expectedVersion)
          .executeTakeFirst();
        if (Number(result.numDeletedRows) === 0) {
          const actual = await currentVersion(c, table, id);
          if (actual === null) return false;
          throw storageVersionConflict(kind, id, options.expectedVersion, actual);
        }
        await deleteSideRows(c, kind, [id]);
        return true;
      });
    },
  };
}
