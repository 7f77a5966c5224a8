import { invalidArgument, text } from "@liushou/core";
import { STORAGE_TABLES } from "@liushou/storage-sql";
import { sql, type Kysely } from "kysely";

/**
 * Gives a county its own partition of every table (partitioned layout): its rows then live
 * apart from other counties', queries that name the county read only its partitions, and a
 * county can be detached, archived or moved on its own. Idempotent. Create a county's
 * partitions before its first rows arrive: rows written earlier sit in the default partition.
 * @param db - A Kysely instance on the database (and schema) of a partitioned layout.
 * @param region - The county region code.
 * @returns Nothing; the partitions exist afterwards.
 * @throws ValidationError for a region code that is not 2–12 digits.
 * @example
 * await addRegionPartitions(storage.db, "430102");
 * @category Storage
 */
export async function addRegionPartitions(db: Kysely<any>, region: string): Promise<void> {
  if (typeof region !== "string" || !/^\d{2,12}$/.test(region)) {
    throw invalidArgument(
      "region",
      "region_code_format",
      text("应为 2 到 12 位数字的行政区划代码", "expected a region code of 2 to 12 digits"),
      region,
    );
  }
  const last = `${STORAGE_TABLES[STORAGE_TABLES.length - 1]}_r${region}`;
  const made = await sql<{ t: string | null }>`select to_regclass(${last}) as t`.execute(db);
  if (made.rows[0]?.t) return;
  for (const table of STORAGE_TABLES) {
    await sql`create table if not exists ${sql.id(`${table}_r${region}`)} partition of ${sql.id(
      table,
    )} for values in (${sql.lit(region)})`.execute(db);
  }
}

/**
 * The statements that distribute the tables on Citus (distributed PostgreSQL) by region code:
 * every table is keyed by `region` first, so each becomes a distributed table with `region` as
 * its distribution column, all co-located, and every query of one county runs on one node.
 * Run them once on the coordinator, after the migrations, on the plain layout.
 * @returns One `select create_distributed_table(…)` per table.
 * @example
 * for (const s of citusDistributionStatements()) await sql.raw(s).execute(db);
 * @category Storage
 */
export function citusDistributionStatements(): string[] {
  const [first, ...rest] = STORAGE_TABLES;
  return [
    `select create_distributed_table('${first}', 'region')`,
    ...rest.map(
      (t) => `select create_distributed_table('${t}', 'region', colocate_with => '${first}')`,
    ),
  ];
}
