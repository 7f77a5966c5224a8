import { sql, type CreateTableBuilder, type Kysely, type RawBuilder } from "kysely";
import type { SqlFlavor } from "../tables/flavor";
import type { ColumnType, EntityTableSpec } from "../tables/spec";

/**
 * How the PostgreSQL tables are laid out: plain, or partitioned by county region code (each
 * county in partitions of its own; see `addRegionPartitions` in `@liushou/storage-postgres`).
 * Other dialects are always plain.
 * @example
 * const layout: TableLayout = "partitioned";
 * @category Storage
 */
export type TableLayout = "plain" | "partitioned";

/**
 * What a migration needs to know besides the database.
 * @example
 * const ctx: MigrationContext = { flavor: "sqlite", layout: "plain" };
 * @category Storage
 */
export interface MigrationContext {
  readonly flavor: SqlFlavor;
  readonly layout: TableLayout;
}

/** Column types beyond those of indexed entity fields. */
type AnyColumnType = ColumnType | "region" | "json" | "instantText" | "hash";

// Text keys compare by code point in every dialect, as the port orders results: PostgreSQL
// columns use the "C" collation, MySQL ids are bytes (no trailing-space padding) and the rest
// of MySQL text uses utf8mb4_bin (set per table).
const TYPES: Record<SqlFlavor, Record<AnyColumnType, string>> = {
  sqlite: {
    id: "text",
    code: "text",
    date: "text",
    instant: "bigint",
    int: "integer",
    region: "text",
    json: "text",
    instantText: "text",
    hash: "text",
  },
  postgres: {
    id: 'varchar(64) collate "C"',
    code: 'varchar(32) collate "C"',
    date: 'varchar(10) collate "C"',
    instant: "bigint",
    int: "integer",
    region: 'varchar(12) collate "C"',
    json: "text",
    instantText: "varchar(40)",
    hash: 'char(64) collate "C"',
  },
  mysql: {
    id: "varbinary(256)",
    code: "varchar(32)",
    date: "varchar(10)",
    instant: "bigint",
    int: "integer",
    region: "varchar(12)",
    json: "longtext",
    instantText: "varchar(40)",
    hash: "char(64)",
  },
};

/** The SQL type of a column in a dialect. */
export function columnType(type: AnyColumnType, flavor: SqlFlavor): RawBuilder<unknown> {
  return sql.raw(TYPES[flavor][type]);
}

/**
 * Ends a `create table` the way the dialect needs: MySQL tables store 4-byte UTF-8 (emoji) and
 * compare text by code point; partitioned PostgreSQL tables are split by region.
 */
export function finishTable<T extends string, C extends string>(
  builder: CreateTableBuilder<T, C>,
  ctx: MigrationContext,
): CreateTableBuilder<T, C> {
  if (ctx.flavor === "mysql") {
    return builder.modifyEnd(sql`engine = InnoDB default charset = utf8mb4 collate = utf8mb4_bin`);
  }
  if (ctx.flavor === "postgres" && ctx.layout === "partitioned") {
    return builder.modifyEnd(sql`partition by list (region)`);
  }
  return builder;
}

/** Creates the table's catch-all partition, for rows of a region without a partition of its own. */
async function createDefaultPartition(db: Kysely<any>, table: string, ctx: MigrationContext) {
  if (ctx.flavor !== "postgres" || ctx.layout !== "partitioned") return;
  await sql`create table ${sql.id(`${table}_default`)} partition of ${sql.id(table)} default`.execute(
    db,
  );
}

/**
 * Creates a table from its builder (finished for the dialect), its default partition, and an
 * index per column list, each after `region`.
 */
export async function createTable<T extends string, C extends string>(
  db: Kysely<any>,
  builder: CreateTableBuilder<T, C>,
  name: string,
  indexes: readonly (readonly string[])[],
  ctx: MigrationContext,
): Promise<void> {
  await finishTable(builder, ctx).execute();
  await createDefaultPartition(db, name, ctx);
  for (const columns of indexes) {
    await db.schema
      .createIndex(`${name}__${columns.join("_")}`)
      .on(name)
      .columns(["region", ...columns])
      .execute();
  }
}

/** Creates an entity's table, its indexes, and its link table. */
export async function createEntityTable(
  db: Kysely<any>,
  spec: EntityTableSpec,
  ctx: MigrationContext,
): Promise<void> {
  const t = (type: AnyColumnType) => columnType(type, ctx.flavor);
  let table = db.schema
    .createTable(spec.table)
    .addColumn("region", t("region"), (c) => c.notNull())
    .addColumn("id", t("id"), (c) => c.notNull())
    .addColumn("version", t("int"), (c) => c.notNull())
    .addColumn("updated_at", t("instantText"), (c) => c.notNull());
  for (const column of spec.columns) table = table.addColumn(column.name, t(column.type));
  table = table
    .addColumn("data", t("json"), (c) => c.notNull())
    .addPrimaryKeyConstraint(`${spec.table}__pk`, ["region", "id"] as never);
  const indexes = spec.indexes.map((columns) => [...columns, "id"]);
  await createTable(db, table, spec.table, indexes, ctx);

  const link = spec.link;
  if (!link) return;
  let linkTable = db.schema
    .createTable(link.table)
    .addColumn("region", t("region"), (c) => c.notNull())
    .addColumn("entity_id", t("id"), (c) => c.notNull())
    .addColumn(link.column, t("id"), (c) => c.notNull());
  for (const column of link.copy) linkTable = linkTable.addColumn(column.name, t(column.type));
  linkTable = linkTable.addPrimaryKeyConstraint(`${link.table}__pk`, [
    "region",
    "entity_id",
    link.column,
  ] as never);
  await createTable(db, linkTable, link.table, link.indexes, ctx);
}
