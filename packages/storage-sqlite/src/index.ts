/**
 * `@liushou/storage-sqlite`: Liushou's embedded storage, SQLite through better-sqlite3 in WAL
 * mode, in a single file or in memory. No server.
 * @packageDocumentation
 */
export { createSqliteStorage, openSqliteDatabase, type SqliteStorageOptions } from "./create";
export { reusingStatements } from "./statements";
export type { SqlStorage } from "@liushou/storage-sql";
