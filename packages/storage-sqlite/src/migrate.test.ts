import Database from "better-sqlite3";
import { MIGRATION_TABLE, STORAGE_TABLES, createSqlStorage, migrate } from "@liushou/storage-sql";
import { Kysely, SqliteDialect } from "kysely";
import { describe, expect, it } from "vitest";

describe("migrate", () => {
  it("creates every table once, records what ran, and does nothing the second time", async () => {
    const database = new Database(":memory:");
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database }) });
    const first = await migrate(db, { flavor: "sqlite", layout: "plain" });
    const all = ["001-initial", "002-audit-chain", "003-consent", "004-audit-digest"];
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

  it("adds the consent table to a database made before it, keeping its data", async () => {
    const database = new Database(":memory:");
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database }) });
    await migrate(db, { flavor: "sqlite", layout: "plain" });
    database.exec(
      "drop table ls_consent; delete from ls_migration where name in ('003-consent', '004-audit-digest');",
    );
    database.exec(
      "insert into ls_school (region, id, version, updated_at, data, area_code) values ('430102', 's1', 1, '2026-03-01T09:00:00+08:00', '{}', '430102')",
    );
    const upgrade = await migrate(db, { flavor: "sqlite", layout: "plain" });
    expect(upgrade.applied).toEqual(["003-consent", "004-audit-digest"]);
    const rows = database.prepare("select count(*) as n from ls_consent").get() as { n: number };
    expect(rows.n).toBe(0);
    expect(database.prepare("select id from ls_school").all()).toEqual([{ id: "s1" }]);
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
