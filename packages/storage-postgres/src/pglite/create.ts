import type { PGlite } from "@electric-sql/pglite";
import { createSqlStorage, type SqlStorage, type TableLayout } from "@liushou/storage-sql";
import { Kysely } from "kysely";
import { addRegionPartitions } from "../layout";
import { pgliteDialect } from "./dialect";

/**
 * Options of {@link createPgliteStorage}.
 * @example
 * const options: PgliteStorageOptions = { dataDir: "./pgdata", region: "430102" };
 * @category Storage
 */
export interface PgliteStorageOptions {
  /** An open PGlite database; by default a new one in memory (closed by `close()`). */
  readonly pglite?: PGlite;
  /** A directory for a new PGlite database that persists (ignored when `pglite` is given). */
  readonly dataDir?: string;
  /** The county region code on every row. Default `"000000"`. */
  readonly region?: string;
  /** Plain tables, or tables partitioned by region (the county gets its partitions). */
  readonly layout?: TableLayout;
}

/**
 * Opens PostgreSQL storage on PGlite, PostgreSQL compiled to WebAssembly and run in-process:
 * the same SQL as a server, no server.
 * @param options - The database, county and layout.
 * @returns The adapter, migrated.
 * @example
 * const storage = await createPgliteStorage({ region: "430102" });
 * await storage.files.get("c1") //=> null
 * @category Storage
 */
export async function createPgliteStorage(options: PgliteStorageOptions = {}): Promise<SqlStorage> {
  const owned = options.pglite === undefined;
  // Loaded on demand: hosts on a PostgreSQL server need not install PGlite.
  const pglite =
    options.pglite ?? new (await import("@electric-sql/pglite")).PGlite(options.dataDir);
  const layout = options.layout ?? "plain";
  const storage = createSqlStorage({
    db: new Kysely<any>({ dialect: pgliteDialect(pglite) }),
    flavor: "postgres",
    id: "pglite",
    layout,
    persistent: options.dataDir !== undefined || !owned,
    ...(options.region === undefined ? {} : { region: options.region }),
    onClose: owned ? () => pglite.close() : undefined,
  });
  try {
    await storage.migrate();
    if (layout === "partitioned") await addRegionPartitions(storage.db, storage.region);
  } catch (error) {
    await storage.close();
    throw error;
  }
  return storage;
}
