import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ValidationError } from "@liushou/core";
import { afterAll, describe, expect, it } from "vitest";
import { createSqliteStorage, openSqliteDatabase } from "./index";

const dir = mkdtempSync(join(tmpdir(), "liushou-sqlite-open-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("openSqliteDatabase", () => {
  it("opens a file in WAL mode with a 64 MiB page cache by default", () => {
    const database = openSqliteDatabase({ filename: join(dir, "a.db") });
    expect(database.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(database.pragma("synchronous", { simple: true })).toBe(1);
    expect(database.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(database.pragma("cache_size", { simple: true })).toBe(-64 * 1024);
    database.close();
  });

  it("takes the cache size asked for", () => {
    const database = openSqliteDatabase({ cacheSizeMb: 8 });
    expect(database.pragma("cache_size", { simple: true })).toBe(-8 * 1024);
    database.close();
  });

  it.each([0, -1, Number.NaN, 100_000, "64"])(
    "refuses a cache size of %s, naming the field",
    async (cacheSizeMb) => {
      expect.assertions(2);
      const error = await createSqliteStorage({ cacheSizeMb: cacheSizeMb as number }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues[0]?.path).toBe("cacheSizeMb");
    },
  );
});
