/**
 * `@liushou/storage-mysql`: Liushou's storage on MySQL 8 and MariaDB 10.11 through mysql2.
 * @packageDocumentation
 */
export { createMysqlStorage, type MysqlStorageOptions } from "./create";
export type { SqlStorage } from "@liushou/storage-sql";
