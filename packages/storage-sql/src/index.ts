/**
 * `@liushou/storage-sql`: one storage adapter for SQLite, PostgreSQL and MySQL over Kysely,
 * with versioned migrations and an index for every query of the port. Hosts use a dialect
 * package (`@liushou/storage-sqlite`, `-postgres`, `-mysql`); this one is what they share.
 * @packageDocumentation
 */
export { createSqlStorage, type SqlStorage, type SqlStorageOptions } from "./adapter";
export {
  migrate,
  MIGRATION_TABLE,
  type MigrateOptions,
  type MigrateResult,
} from "./migrations/migrate";
export type { MigrationContext, TableLayout } from "./migrations/ddl";
export type { SqlFlavor } from "./tables/flavor";
export { STORAGE_TABLES } from "./tables/names";
