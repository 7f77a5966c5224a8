import Database from "better-sqlite3";
import { MIGRATION_TABLE, STORAGE_TABLES, createSqlStorage, migrate } from "@liushou/storage-sql";
import { Kysely, SqliteDialect } from "kysely";
import { describe, expect, it } from "vitest";

describe("migrate", () => {
  it("creates every table once, records what ran, and does nothing the second time", async () => {
    const database = new Database(":memory:");
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database }) });
    const first = await migrate(db, { flavor: "sqlite", layout: "plain" });
    const all = ["001-initial", "002-audit-chain", "003-consent"];
    expect(first).toEqual({ applied: all, recorded: all });
    const second = await migrate(db, { flavor: "sqlite", layout: "plain" });
    expect(second).toEqual({ applied: [], recorded: all });

    const tables = database
      .prepare(
        "select name from sqlite_master where type = 'table' and name like 'ls\\_%' escape '\\'",
      )
      .all()
      .map((r) => (r as { name: string }).name);
    expect(tables.sort()).toEqual(
      [...STORAGE_TABLES, MIGRATION_TABLE, `${MIGRATION_TABLE}_lock`].sort(),
    );
    const recorded = database.prepare(`select name, timestamp from ${MIGRATION_TABLE}`).all();
    expect(recorded).toEqual(all.map((name) => ({ name, timestamp: expect.any(String) })));
    await db.destroy();
  });

  it("rejects a region code that is not 2–12 digits, in both languages", () => {
    const db = new Kysely<any>({
      dialect: new SqliteDialect({ database: new Database(":memory:") }),
    });
    expect(() => createSqlStorage({ db, flavor: "sqlite", region: "43-01" })).toThrowError(
      /region/,
    );
  });
});
