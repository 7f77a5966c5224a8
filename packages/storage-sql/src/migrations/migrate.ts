import { Migrator, type Kysely, type Migration } from "kysely";
import { StorageError } from "@liushou/core";
import { initialSchema } from "./001-initial";
import { auditChain } from "./002-audit-chain";
import { consentTable } from "./003-consent";
import { auditDigest } from "./004-audit-digest";
import type { MigrationContext } from "./ddl";

/**
 * The table that records which migrations ran, and when.
 * @example
 * await db.selectFrom(MIGRATION_TABLE).select(["name", "timestamp"]).execute() //=> [{ name: "001-initial", timestamp: "2026-…" }]
 * @category Storage
 */
export const MIGRATION_TABLE = "ls_migration";

/** Every migration, in order; a name once released never changes. */
function migrations(ctx: MigrationContext): Record<string, Migration> {
  return {
    "001-initial": { up: (db) => initialSchema(db, ctx) },
    "002-audit-chain": { up: (db) => auditChain(db, ctx) },
    "003-consent": { up: (db) => consentTable(db, ctx) },
    "004-audit-digest": { up: (db) => auditDigest(db, ctx) },
  };
}

/** The migrations recorded as run, oldest first, or `null` before the first migration. */
async function recordedMigrations(db: Kysely<any>): Promise<string[] | null> {
  try {
    const rows = await db.selectFrom(MIGRATION_TABLE).select("name").orderBy("name").execute();
    return rows.map((r) => String(r.name));
  } catch {
    return null;
  }
}

/**
 * Options of {@link migrate}.
 * @example
 * const options: MigrateOptions = { flavor: "postgres", layout: "partitioned", schema: "county" };
 * @category Storage
 */
export interface MigrateOptions extends MigrationContext {
  /** PostgreSQL schema holding the tables (the connection's `search_path` must name it). */
  readonly schema?: string;
  /** Adapter id used in a {@link StorageError}. */
  readonly adapterId?: string;
}

/**
 * What {@link migrate} did.
 * @example
 * const { applied } = await migrate(db, { flavor: "mysql", layout: "plain" }); // [] when up to date
 * @category Storage
 */
export interface MigrateResult {
  /** Migrations applied by this call, in order (empty when the schema was up to date). */
  readonly applied: readonly string[];
  /** Every migration recorded in the database, in order. */
  readonly recorded: readonly string[];
}

/**
 * Brings the database's tables up to the latest version. Idempotent: applied migrations are
 * recorded in `ls_migration` (name and time) and never run twice; concurrent callers wait on
 * a lock.
 * @param db - A Kysely instance for the database.
 * @param options - Dialect and layout.
 * @returns The migrations applied now and all those recorded.
 * @throws StorageError when a migration fails (the cause is the driver's error).
 * @example
 * await migrate(db, { flavor: "sqlite", layout: "plain" }) //=> { applied: ["001-initial", "002-audit-chain", "003-consent", "004-audit-digest"], recorded: […] }
 * @category Storage
 */
export async function migrate(db: Kysely<any>, options: MigrateOptions): Promise<MigrateResult> {
  const list = migrations(options);
  const names = Object.keys(list);
  // The common case, an up-to-date database, costs one query instead of the migrator's
  // catalogue reads and lock.
  const done = await recordedMigrations(db);
  if (done !== null && names.every((n) => done.includes(n))) return { applied: [], recorded: done };
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => list },
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: `${MIGRATION_TABLE}_lock`,
    ...(options.schema === undefined ? {} : { migrationTableSchema: options.schema }),
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error !== undefined) {
    throw new StorageError(options.adapterId ?? options.flavor, "migrate", { cause: error });
  }
  const recorded = (await migrator.getMigrations())
    .filter((m) => m.executedAt !== undefined)
    .map((m) => m.name);
  return {
    applied: results.filter((r) => r.status === "Success").map((r) => r.migrationName),
    recorded,
  };
}
