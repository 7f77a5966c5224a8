import { createSqlStorage, type SqlStorage } from "@liushou/storage-sql";
import { Kysely, MysqlDialect } from "kysely";
import { createPool, type Pool } from "mysql2";

/**
 * Options of {@link createMysqlStorage}: a connection URI or a mysql2 pool.
 * @example
 * const options: MysqlStorageOptions = { uri: "mysql://liushou@db:3306/liushou", region: "430102" };
 * @category Storage
 */
export interface MysqlStorageOptions {
  /** `mysql://user:password@host:3306/database`; a pool is made for it. */
  readonly uri?: string;
  /** A mysql2 pool (callback API) of the host's, ended by `close()` like one made here. */
  readonly pool?: Pool;
  /** Most connections of a pool made here. Default 10. */
  readonly maxConnections?: number;
  /** The county region code on every row. Default `"000000"`. */
  readonly region?: string;
}

/**
 * Opens MySQL or MariaDB storage through mysql2, its tables (InnoDB, 4-byte UTF-8) brought up
 * to date.
 * @param options - The server and the county.
 * @returns The adapter, migrated.
 * @throws StorageError when the server cannot be reached or the migration fails.
 * @example
 * const storage = await createMysqlStorage({ uri: "mysql://root@127.0.0.1:3306/liushou", region: "430102" });
 * await storage.files.get("c1") //=> null
 * @category Storage
 */
export async function createMysqlStorage(options: MysqlStorageOptions): Promise<SqlStorage> {
  const pool =
    options.pool ??
    createPool({
      uri: options.uri,
      connectionLimit: options.maxConnections ?? 10,
      charset: "utf8mb4_bin",
      supportBigNumbers: true,
    });
  const storage = createSqlStorage({
    db: new Kysely<any>({ dialect: new MysqlDialect({ pool }) }),
    flavor: "mysql",
    id: "mysql",
    ...(options.region === undefined ? {} : { region: options.region }),
  });
  try {
    await storage.migrate();
  } catch (error) {
    await storage.close();
    throw error;
  }
  return storage;
}
