import { StorageError, invalidArgument, text } from "@liushou/core";
import type { StorageAdapter, StorageCapabilities } from "@liushou/core";
import type { Kysely } from "kysely";
import { migrate, type MigrateResult } from "./migrations/migrate";
import type { TableLayout } from "./migrations/ddl";
import type { SqlContext } from "./session/context";
import { sqlSession } from "./session/session";
import type { SqlFlavor } from "./tables/flavor";

/**
 * Options of {@link createSqlStorage}.
 * @example
 * const options: SqlStorageOptions = { db, flavor: "postgres", region: "430102", layout: "partitioned" };
 * @category Storage
 */
export interface SqlStorageOptions {
  /** A Kysely instance for the database (the dialect packages make one). */
  readonly db: Kysely<any>;
  /** Which SQL dialect `db` speaks. */
  readonly flavor: SqlFlavor;
  /** The adapter id in errors (`sqlite`, `postgres`, `mysql`). Default: `flavor`. */
  readonly id?: string;
  /**
   * The county region code (6 digits) written on every row and required by every read: one
   * database can hold many counties, each adapter sees its own. Default `"000000"`.
   */
  readonly region?: string;
  /** PostgreSQL: the tables' layout, plain or partitioned by region. Default `"plain"`. */
  readonly layout?: TableLayout;
  /** PostgreSQL: the schema holding the tables (the connections' `search_path`). */
  readonly schema?: string;
  /** Whether the data outlives the adapter (a file or a server). Default `true`. */
  readonly persistent?: boolean;
  /** Rows per page when streaming. Default 2000. */
  readonly batchSize?: number;
  /** Called by `close()`, after the Kysely instance is destroyed (to close a file or pool). */
  readonly onClose?: () => Promise<void> | void;
}

/**
 * A storage adapter over SQL, with what the dialect packages need beyond the port.
 * @example
 * const storage: SqlStorage = await createSqliteStorage();
 * await storage.migrate() //=> { applied: [], recorded: ["001-initial", "002-audit-chain", "003-consent", "004-audit-digest"] }
 * @category Storage
 */
export type SqlStorage = StorageAdapter & {
  /** The county region code this adapter reads and writes. */
  readonly region: string;
  /** The Kysely instance, for a host's own reads. */
  readonly db: Kysely<any>;
  /** Brings the tables up to date (idempotent; see the `migrate` function). */
  migrate(): Promise<MigrateResult>;
  close(): Promise<void>;
};

const REGION = /^\d{2,12}$/;

/**
 * Makes a storage adapter over any of the three SQL dialects: one code path, tables with the
 * full entity as JSON beside indexed columns for every query of the port, optimistic versions,
 * batched imports, keyset pagination and streaming, and contact counts by SQL `GROUP BY`.
 * Call `migrate()` once before use (the dialect packages do).
 * @param options - The database, its dialect and the county region code.
 * @returns The adapter.
 * @throws ValidationError for a region code that is not 2–12 digits.
 * @example
 * const storage = createSqlStorage({ db, flavor: "sqlite", region: "430102" });
 * await storage.migrate();
 * await storage.files.get("c1") //=> null
 * @category Storage
 */
export function createSqlStorage(options: SqlStorageOptions): SqlStorage {
  const region = options.region ?? "000000";
  if (typeof region !== "string" || !REGION.test(region)) {
    throw invalidArgument(
      "region",
      "region_code_format",
      text("应为 2 到 12 位数字的行政区划代码", "expected a region code of 2 to 12 digits"),
      region,
    );
  }
  const id = options.id ?? options.flavor;
  const ctx: SqlContext = {
    db: options.db,
    flavor: options.flavor,
    region,
    adapterId: id,
    batchSize: options.batchSize ?? 2000,
    statements: new Map(),
  };
  const capabilities: StorageCapabilities = {
    transactions: true,
    contactCounts: true,
    persistent: options.persistent ?? true,
  };
  const layout = options.layout ?? "plain";
  return {
    ...sqlSession(ctx),
    id,
    capabilities,
    region,
    db: options.db,
    async transaction(work) {
      let failure: { error: unknown } | undefined;
      try {
        return await options.db.transaction().execute(async (trx) => {
          try {
            return await work(sqlSession({ ...ctx, db: trx }));
          } catch (error) {
            failure = { error };
            throw error;
          }
        });
      } catch (error) {
        // When the rollback fails too (the connection is gone), its error would hide the
        // reason: report the first failure. The database rolls back what the dead connection
        // left open.
        if (failure && error !== failure.error) {
          throw new StorageError(id, "transaction", { cause: failure.error });
        }
        throw error;
      }
    },
    migrate: () =>
      migrate(options.db, {
        flavor: options.flavor,
        layout,
        adapterId: id,
        ...(options.schema === undefined ? {} : { schema: options.schema }),
      }),
    async close() {
      try {
        await options.db.destroy();
        await options.onClose?.();
      } catch (cause) {
        throw new StorageError(id, "close", { cause });
      }
    },
  };
}
