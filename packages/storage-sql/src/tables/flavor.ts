/**
 * The SQL dialects the adapter speaks. One code path builds every query; the few places where
 * the dialects differ (column types, upserts, partitions) switch on this.
 * @example
 * const flavor: SqlFlavor = "sqlite";
 * @category Storage
 */
export type SqlFlavor = "sqlite" | "postgres" | "mysql";
