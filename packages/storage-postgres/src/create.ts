import { createSqlStorage, type SqlStorage, type TableLayout } from "@liushou/storage-sql";
import { Kysely, PostgresDialect, sql } from "kysely";
import type pg from "pg";
import { addRegionPartitions } from "./layout";

const ignore = (): void => {};

/**
 * Options of {@link createPostgresStorage}: a connection string or a `pg` pool.
 * @example
 * const options: PostgresStorageOptions = { connectionString: "postgres://db/liushou", layout: "partitioned" };
 * @category Storage
 */
export interface PostgresStorageOptions {
  /** `postgres://user@host:5432/db`; a pool is made for it. */
  readonly connectionString?: string;
  /** A `pg` pool of the host's (ended by `close()`, like one made here). */
  readonly pool?: pg.Pool;
  /** Most connections of a pool made here. Default 10. */
  readonly maxConnections?: number;
  /** The schema holding the tables, created if absent. Default `public`. */
  readonly schema?: string;
  /** The county region code on every row. Default `"000000"`. */
  readonly region?: string;
  /** Plain tables, or tables partitioned by region (the county gets its partitions). */
  readonly layout?: TableLayout;
}

/**
 * Opens PostgreSQL storage through `pg`: the schema created if absent and brought up to date,
 * and in the partitioned layout the county's partitions made.
 * @param options - The server, schema, county and layout.
 * @returns The adapter, migrated.
 * @throws StorageError when the server cannot be reached or the migration fails.
 * @example
 * const storage = await createPostgresStorage({ connectionString: process.env.DATABASE_URL, region: "430102" });
 * await storage.files.get("c1") //=> null
 * @category Storage
 */
export async function createPostgresStorage(options: PostgresStorageOptions): Promise<SqlStorage> {
  // Loaded on demand: hosts on PGlite need not install pg.
  const pool =
    options.pool ??
    new (await import("pg")).default.Pool({
      connectionString: options.connectionString,
      max: options.maxConnections ?? 10,
    });
  // A connection the server drops (a restart, pg_terminate_backend) must fail its queries,
  // not crash the process with an unhandled 'error' event; pg then discards it.
  pool.on("error", ignore);
  pool.on("connect", (client) => client.on("error", ignore));
  const schema = options.schema ?? "public";
  const layout = options.layout ?? "plain";
  const db = new Kysely<any>({
    dialect: new PostgresDialect({
      pool,
      onCreateConnection: async (connection) => {
        await connection.executeQuery(sql`set search_path to ${sql.id(schema)}`.compile(db));
      },
    }),
  });
  const storage = createSqlStorage({
    db,
    flavor: "postgres",
    id: "postgres",
    layout,
    schema,
    ...(options.region === undefined ? {} : { region: options.region }),
  });
  try {
    await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
    await storage.migrate();
    if (layout === "partitioned") await addRegionPartitions(db, storage.region);
  } catch (error) {
    await storage.close();
    throw error;
  }
  return storage;
}
