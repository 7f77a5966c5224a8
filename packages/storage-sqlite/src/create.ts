import Database from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { createSqlStorage, type SqlStorage } from "@liushou/storage-sql";

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
}

/**
 * Opens SQLite storage: the file (or memory), in WAL mode with foreign keys on, its tables
 * brought up to date. A crash or a killed process never leaves a transaction half written: the
 * file opens again with every committed transaction and nothing of the rest.
 * @param options - The file and the county.
 * @returns The adapter, migrated; `close()` closes the file.
 * @throws StorageError when the file cannot be opened or migrated.
 * @example
 * const storage = await createSqliteStorage({ filename: "liushou.db", region: "430102" });
 * await storage.files.get("c1") //=> null
 * await storage.close();
 * @category Storage
 */
export async function createSqliteStorage(options: SqliteStorageOptions = {}): Promise<SqlStorage> {
  const filename = options.filename ?? ":memory:";
  const database = new Database(filename, { timeout: options.busyTimeoutMs ?? 5000 });
  try {
    if (filename !== ":memory:") database.pragma("journal_mode = WAL");
    // In WAL mode NORMAL never corrupts the file and never commits in part; only a power cut
    // may lose the last commits.
    database.pragma("synchronous = NORMAL");
    database.pragma("foreign_keys = ON");
    const storage = createSqlStorage({
      db: new Kysely<any>({ dialect: new SqliteDialect({ database }) }),
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
