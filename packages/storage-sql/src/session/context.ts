import type { Kysely } from "kysely";
import type { SqlFlavor } from "../tables/flavor";
import type { StatementCache } from "./insert";

/** What every repository of one session shares: the database (or transaction) and the tenant. */
export interface SqlContext {
  /** The database, or the open transaction of a `transaction` call. */
  readonly db: Kysely<any>;
  readonly flavor: SqlFlavor;
  /** The county region code written on every row and required by every read. */
  readonly region: string;
  /** The adapter's id, for errors. */
  readonly adapterId: string;
  /** Rows per page when streaming. */
  readonly batchSize: number;
  /** Compiled batch inserts of this adapter, reused across batches. */
  readonly statements: StatementCache;
}

/**
 * Runs `work` atomically: inside the session's transaction if there is one, else in a new one,
 * so a write that touches several tables never lands in part.
 */
export function atomically<T>(ctx: SqlContext, work: (ctx: SqlContext) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return work(ctx);
  return ctx.db.transaction().execute((trx) => work({ ...ctx, db: trx }));
}
