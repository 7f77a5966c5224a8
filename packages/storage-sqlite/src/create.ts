import Database from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { invalidArgument, text } from "@liushou/core";
import { createSqlStorage, type SqlStorage } from "@liushou/storage-sql";
import { reusingStatements } from "./statements";

/**
 * Options of {@link createSqliteStorage}.
 * @example
 * const options: SqliteStorageOptions = { filename: "county.db", region: "430102" };
 * @category Storage
 */
export interface SqliteStorageOptions {
  /** The database file, created if absent; `":memory:"` (the default) keeps it in memory. */
  readonly filename?: string;
  /** The county region code written on every row (see `createSqlStorage`). Default `"000000"`. */
  readonly region?: string;
  /** Milliseconds to wait for another process's write lock. Default 5000. */
  readonly busyTimeoutMs?: number;
  /**
   * SQLite's page cache of this connection, in MiB. Default 64: the index pages of a school's
   * counts stay in memory between queries (SQLite's own default, 2 MiB, re-reads them).
   */
  readonly cacheSizeMb?: number;
}

/**
 * Opens a better-sqlite3 database as the adapter does: WAL mode for a file, `synchronous =
 * NORMAL`, foreign keys on, a page cache of `cacheSizeMb`. For a host that wraps the handle in
 * its own Kysely instance (a query log, say) and passes it to `createSqlStorage`.
 * @param options - The file (default `":memory:"`), lock timeout and cache size.
 * @returns The open database; the caller closes it.
 * @example
 * const database = openSqliteDatabase({ filename: "county.db" });
 * database.pragma("journal_mode", { simple: true }) //=> "wal"
 * @category Storage
 */
export function openSqliteDatabase(
  options: Omit<SqliteStorageOptions, "region"> = {},
): Database.Database {
  const filename = options.filename ?? ":memory:";
  const database = new Database(filename, { timeout: options.busyTimeoutMs ?? 5000 });
  try {
    if (filename !== ":memory:") database.pragma("journal_mode = WAL");
    // In WAL mode NORMAL never corrupts the file and never commits in part; only a power cut
    // may lose the last commits.
    database.pragma("synchronous = NORMAL");
    database.pragma("foreign_keys = ON");
    database.pragma(`cache_size = ${-Math.round(1024 * cacheSizeMb(options.cacheSizeMb))}`);
    return database;
  } catch (error) {
    database.close();
    throw error;
  }
}

/** The cache size asked for, checked: a positive number of MiB up to 64 GiB. */
function cacheSizeMb(value: number | undefined): number {
  if (value === undefined) return 64;
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0 || value > 65_536) {
    throw invalidArgument(
      "cacheSizeMb",
      "invalid_value",
      text("应为 0 到 65536 之间的正数（MiB）", "expected a positive number of MiB up to 65536"),
      value,
    );
  }
  return value;
}

/**
 * Opens SQLite storage: the file (or memory), in WAL mode with foreign keys on, its tables
 * brought up to date. A crash or a killed process never leaves a transaction half written: the
 * file opens again with every committed transaction and nothing of the rest.
 * @param options - The file and the county.
 * @returns The adapter, migrated; `close()` closes the file.
 * @throws ValidationError for a `cacheSizeMb` that is not a positive number of MiB.
 * @throws StorageError when the file cannot be opened or migrated.
 * @example
 * const storage = await createSqliteStorage({ filename: "liushou.db", region: "430102" });
 * await storage.files.get("c1") //=> null
 * await storage.close();
 * @category Storage
 */
export async function createSqliteStorage(options: SqliteStorageOptions = {}): Promise<SqlStorage> {
  const filename = options.filename ?? ":memory:";
  const database = openSqliteDatabase(options);
  try {
    const storage = createSqlStorage({
      db: new Kysely<any>({
        dialect: new SqliteDialect({ database: reusingStatements(database) }),
      }),
      flavor: "sqlite",
      id: "sqlite",
      persistent: filename !== ":memory:",
      ...(options.region === undefined ? {} : { region: options.region }),
    });
    await storage.migrate();
    return storage;
  } catch (error) {
    database.close();
    throw error;
  }
}
