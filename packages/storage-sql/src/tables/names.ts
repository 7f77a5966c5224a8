import { ENTITY_TABLES } from "./tables";

/**
 * Every table the storage keeps (besides the migration records), each with the county
 * `region` as the first column of its primary key: the unit of a partition, and the
 * distribution column on a distributed PostgreSQL (Citus).
 * @example
 * STORAGE_TABLES.includes("ls_contact") //=> true
 * @category Storage
 */
export const STORAGE_TABLES: readonly string[] = Object.freeze([
  ...Object.values(ENTITY_TABLES).flatMap((spec) =>
    spec.link ? [spec.table, spec.link.table] : [spec.table],
  ),
  "ls_person",
  "ls_file_change",
  "ls_audit",
  "ls_audit_head",
]);
