import { isAbsolute, resolve } from "node:path";
import { StorageError, type StorageAdapter } from "@liushou/core";
import { DEFAULT_REPORT_POLICIES } from "@liushou/report";
import { createLiushou, FieldClassSchema, type Liushou } from "liushou";
import { dateFlag } from "./dates";
import { UsageError } from "./exit";
import type { Session } from "./io";

/** Options every command that opens the database shares. @internal */
export interface DbOptions {
  readonly db: string;
  readonly region?: string;
  readonly actor: string;
  readonly today?: string;
}

/** An open database and the use cases over it. @internal */
export interface OpenApp {
  readonly app: Liushou;
  readonly storage: StorageAdapter & { close(): Promise<void> };
  readonly today: string;
  /** The clock's instant (noon of `--today` when given). */
  now(): string;
}

/** The day in Asia/Shanghai of a moment. */
const dayOf = (d: Date): string => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * Opens the storage `--db` names: a `postgres://` or `mysql://` URL, or an SQLite file path
 * (relative to the working directory). Tables are created or brought up to date.
 * @internal
 */
export async function openStorage(
  session: Session,
  options: DbOptions,
): Promise<OpenApp["storage"]> {
  const db = options.db;
  if (typeof db !== "string" || db.trim() === "")
    throw new UsageError(
      session.t(
        "--db 不能为空（应为 SQLite 文件路径，或 postgres:// / mysql:// 地址）",
        "--db must not be empty (an SQLite file path, or a postgres:// / mysql:// URL)",
      ),
    );
  const region = options.region ? { region: options.region } : {};
  try {
    if (/^postgres(ql)?:\/\//i.test(db)) {
      const { createPostgresStorage } = await import("@liushou/storage-postgres");
      return await createPostgresStorage({ connectionString: db, ...region });
    }
    if (/^(mysql|mariadb):\/\//i.test(db)) {
      const { createMysqlStorage } = await import("@liushou/storage-mysql");
      return await createMysqlStorage({ uri: db.replace(/^mariadb:/i, "mysql:"), ...region });
    }
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(db)) {
      throw new UsageError(
        session.t(
          `--db 不支持该地址：${db.split(":")[0]}（可用 SQLite 文件路径、postgres:// 或 mysql://）`,
          `--db does not support ${db.split(":")[0]} (use an SQLite file path, postgres:// or mysql://)`,
        ),
      );
    }
    const { createSqliteStorage } = await import("@liushou/storage-sqlite");
    const filename = isAbsolute(db) ? db : resolve(session.io.cwd, db);
    return await createSqliteStorage({ filename, ...region });
  } catch (error) {
    if (error instanceof UsageError || error instanceof StorageError) throw error;
    throw new StorageError(db.replace(/\/\/[^@/]*@/, "//***@"), "open", {
      cause: error,
      locale: session.locale,
    });
  }
}

/** Opens the database and wires the use cases, with `--today` as the clock's day. @internal */
export async function openApp(session: Session, options: DbOptions): Promise<OpenApp> {
  dateFlag(session, "--today", options.today);
  const storage = await openStorage(session, options);
  const now = session.io.now ?? (() => new Date());
  const clock = (): string =>
    options.today ? `${options.today}T12:00:00+08:00` : now().toISOString();
  // The monthly home visit and parent call: what the reports judge by, and no school calendar needed.
  // A local, single-user tool on the user's own database: its actor (an administrator) sees
  // every field class, which importing a roster (matching and merging stored files) needs.
  const app = createLiushou({
    storage,
    actor: options.actor,
    visibility: { administrator: FieldClassSchema.options },
    clock,
    locale: session.locale,
    policies: DEFAULT_REPORT_POLICIES,
  });
  return { app, storage, today: options.today ?? dayOf(now()), now: clock };
}

/**
 * The SQLite file `--db` names (absolute), or `undefined` for a database URL: an output file
 * must never be written over it.
 * @internal
 */
export function sqliteFileOf(session: Session, options: DbOptions): string | undefined {
  const db = options.db;
  if (typeof db !== "string" || /^[a-z][a-z0-9+.-]*:\/\//i.test(db)) return undefined;
  return resolve(session.io.cwd, db);
}

/** Runs `work` with the app open, closing the database afterwards. @internal */
export async function withApp<T>(
  session: Session,
  options: DbOptions,
  work: (open: OpenApp) => Promise<T>,
): Promise<T> {
  const open = await openApp(session, options);
  try {
    return await work(open);
  } finally {
    await open.storage.close();
  }
}
