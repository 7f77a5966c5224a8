/**
 * `@liushou/storage-postgres`: Liushou's storage on PostgreSQL, through `pg` on a server or
 * PGlite in-process, every table keyed by county region code, optionally partitioned by it.
 * @packageDocumentation
 */
export { createPostgresStorage, type PostgresStorageOptions } from "./create";
export { createPgliteStorage, type PgliteStorageOptions } from "./pglite/create";
export { pgliteDialect } from "./pglite/dialect";
export { addRegionPartitions, citusDistributionStatements } from "./layout";
export type { SqlStorage, TableLayout } from "@liushou/storage-sql";
