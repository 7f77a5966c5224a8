import { CompiledQuery, sql } from "kysely";
import type { SqlFlavor } from "../tables/flavor";
import type { SqlContext } from "./context";
import type { TableRows } from "./rows";

/**
 * How rows are written: `insert` (a taken key is an error), `ignore` (a taken key is skipped,
 * the caller counts what landed) or `upsert` (a taken key's row is replaced and its `version`
 * grows by one).
 */
export type InsertMode = "insert" | "ignore" | "upsert";

/** Bound parameters one statement may carry, below each dialect's limit. */
const MAX_PARAMETERS: Record<SqlFlavor, number> = {
  sqlite: 30_000,
  postgres: 60_000,
  mysql: 60_000,
};
const MAX_ROWS = 1000;

/**
 * Compiled multi-row insert statements, by table, columns, mode and row count. A batch import
 * compiles each shape once and binds new values to it, instead of building the same query
 * again for every batch.
 */
export type StatementCache = Map<string, string>;

function compileInsert(
  ctx: SqlContext,
  t: TableRows,
  mode: InsertMode,
  count: number,
  returning: boolean,
): string {
  const row = Object.fromEntries(t.columns.map((c) => [c, null]));
  let q = ctx.db.insertInto(t.table).values(Array.from({ length: count }, () => row));
  if (mode === "ignore" && ctx.flavor !== "mysql") {
    q = q.onConflict((oc) => oc.doNothing());
  } else if (mode === "upsert") {
    const updated = t.columns.filter((c) => c !== "region" && c !== "id" && c !== "version");
    if (ctx.flavor === "mysql") {
      q = q.onDuplicateKeyUpdate({
        version: sql`version + 1`,
        ...Object.fromEntries(updated.map((c) => [c, sql`values(${sql.ref(c)})`])),
      });
    } else {
      q = q.onConflict((oc) =>
        oc.columns(["region", "id"]).doUpdateSet((eb) => ({
          version: sql`${sql.ref(`${t.table}.version`)} + 1`,
          ...Object.fromEntries(updated.map((c) => [c, eb.ref(`excluded.${c}`)])),
        })),
      );
    }
  }
  return (returning ? q.returning(["id", "version"]) : q).compile().sql;
}

/** Rows of one statement of a batch write, at most as many as the parameter limit allows. */
function rowsPerStatement(ctx: SqlContext, t: TableRows): number {
  return Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMETERS[ctx.flavor] / t.columns.length)));
}

/** Runs the cached statement for `count` rows of this shape with the given values. */
function runInsert(
  ctx: SqlContext,
  cache: StatementCache,
  t: TableRows,
  mode: InsertMode,
  rows: readonly (readonly (string | number | null)[])[],
  returning: boolean,
) {
  const key = `${t.table}|${t.columns.join(",")}|${mode}|${rows.length}|${returning}`;
  let text = cache.get(key);
  if (text === undefined) {
    text = compileInsert(ctx, t, mode, rows.length, returning);
    cache.set(key, text);
  }
  const values: (string | number | null)[] = [];
  for (const row of rows) for (const value of row) values.push(value);
  return ctx.db.executeQuery<{ id: unknown; version: number | string }>(
    CompiledQuery.raw(text, values),
  );
}

/**
 * Writes rows in as few statements as the dialect's parameter limit allows.
 * @returns How many rows the database reports as written.
 */
export async function insertRows(
  ctx: SqlContext,
  cache: StatementCache,
  t: TableRows,
  mode: InsertMode,
): Promise<number> {
  const per = rowsPerStatement(ctx, t);
  let written = 0;
  for (let start = 0; start < t.rows.length; start += per) {
    const result = await runInsert(ctx, cache, t, mode, t.rows.slice(start, start + per), false);
    written += Number(result.numAffectedRows ?? 0n);
  }
  return written;
}

/**
 * Upserts entity rows (mode `upsert`, see {@link InsertMode}) and tells which of them replaced a
 * stored row: those whose version grew past 1 (`RETURNING`). An import of new rows then has no
 * derived rows to delete.
 * @returns The ids of the replaced rows, or `null` on MySQL, which cannot tell (take every row
 *   as replaced).
 */
export async function upsertRows(
  ctx: SqlContext,
  cache: StatementCache,
  t: TableRows,
): Promise<Set<string> | null> {
  if (ctx.flavor === "mysql") {
    await insertRows(ctx, cache, t, "upsert");
    return null;
  }
  const per = rowsPerStatement(ctx, t);
  const replaced = new Set<string>();
  for (let start = 0; start < t.rows.length; start += per) {
    const batch = t.rows.slice(start, start + per);
    const result = await runInsert(ctx, cache, t, "upsert", batch, true);
    for (const row of result.rows) if (Number(row.version) > 1) replaced.add(String(row.id));
  }
  return replaced;
}
