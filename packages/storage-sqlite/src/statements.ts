import type Database from "better-sqlite3";
import type { SqliteDatabase, SqliteStatement } from "kysely";

/** Prepared statements kept per connection: an import's few shapes, a session's queries. */
const DEFAULT_CAPACITY = 100;

/**
 * The database as Kysely's SQLite dialect sees it, preparing each SQL text once: Kysely asks
 * for a new statement on every call, and parsing a 1,000-row insert again for every batch of an
 * import costs as much as a tenth of the import. The latest `capacity` statements are kept
 * (least recently used first out); SQLite prepares a kept one again by itself after a schema
 * change.
 * @param database - An open better-sqlite3 database.
 * @param capacity - How many statements to keep. Default 100.
 * @returns What `new SqliteDialect({ database })` takes.
 * @example
 * const db = new Kysely<any>({ dialect: new SqliteDialect({ database: reusingStatements(openSqliteDatabase()) }) });
 * @category Storage
 */
export function reusingStatements(
  database: Database.Database,
  capacity = DEFAULT_CAPACITY,
): SqliteDatabase {
  const kept = new Map<string, SqliteStatement>();
  return {
    close: () => {
      kept.clear();
      database.close();
    },
    prepare(sql) {
      let statement = kept.get(sql);
      if (statement === undefined) {
        statement = database.prepare(sql) as unknown as SqliteStatement;
        if (kept.size >= capacity) kept.delete(kept.keys().next().value!);
      } else {
        kept.delete(sql);
      }
      kept.set(sql, statement);
      return statement;
    },
  };
}
