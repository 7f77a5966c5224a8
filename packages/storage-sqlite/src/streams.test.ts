import Database from "better-sqlite3";
import type { StoragePageRequest, StoragePage, StorageRecord } from "@liushou/core";
import { generatePopulation } from "@liushou/fixtures";
import { createSqlStorage } from "@liushou/storage-sql";
import { Kysely, SqliteDialect } from "kysely";
import { describe, expect, it } from "vitest";

const AT = "2026-06-30T20:00:00+08:00";
const SINCE = { from: "2026-01-01T00:00:00+08:00" };

/** A storage streaming 5 rows per page, with a log of the statements it issues. */
async function loggedStorage() {
  const statements: string[] = [];
  const db = new Kysely<any>({
    dialect: new SqliteDialect({ database: new Database(":memory:") }),
    log: (event) => {
      if (event.level === "query") statements.push(event.query.sql);
    },
  });
  const storage = createSqlStorage({ db, flavor: "sqlite", region: "430102", batchSize: 5 });
  await storage.migrate();
  const pop = generatePopulation({ preset: "class", seed: "streams", asOf: "2026-06-30" });
  await storage.files.upsertMany(pop.files, { at: AT });
  await storage.contacts.upsertMany(pop.records, { at: AT });
  await storage.pairings.upsertMany(pop.pairings, { at: AT });
  statements.length = 0;
  return { storage, statements, pop };
}

async function collect<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of stream) out.push(item);
  return out;
}

/** Every page of a query: what a stream must yield, in the same order. */
async function allPages<T>(
  query: (page: StoragePageRequest) => Promise<StoragePage<StorageRecord<T>>>,
  limit = 5,
): Promise<StorageRecord<T>[]> {
  const out: StorageRecord<T>[] = [];
  let cursor: string | null = null;
  do {
    const page: StoragePage<StorageRecord<T>> = await query({ limit, cursor });
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return out;
}

const reading = (table: string) => (sql: string) => sql.includes(`"${table}" as "`);

describe("streams of a filter with a subquery", () => {
  it("read the children's record ids once, then the records by primary key", async () => {
    const { storage, statements, pop } = await loggedStorage();
    const childIds = pop.files.slice(0, 20).map((f) => f.id);
    const filter = { childIds, at: SINCE };
    const expected = await allPages((p) => storage.contacts.query(filter, p));
    expect(expected.length).toBeGreaterThan(20);
    statements.length = 0;

    const streamed = await collect(storage.contacts.stream(filter));
    expect(streamed).toEqual(expected);
    expect(statements.filter(reading("ls_contact_child"))).toHaveLength(1);
    expect(statements).toHaveLength(1 + Math.ceil(expected.length / 5));

    statements.length = 0;
    const ids = await collect(storage.contacts.streamIds(filter));
    expect(ids).toEqual(expected.map((r) => r.id));
    expect(statements).toHaveLength(1);
    await storage.close();
  });

  it("read the link table once per chunk of 1,000 children, each record once", async () => {
    const { storage, statements, pop } = await loggedStorage();
    const real = pop.files.map((f) => f.id);
    const absent = Array.from({ length: 1_500 }, (_, i) => `absent-${i}`);
    const filter = { childIds: [...absent.slice(0, 900), ...real, ...absent.slice(900)] };
    const expected = await allPages((p) => storage.contacts.query(filter, p), 1000);
    expect(expected).toHaveLength(pop.records.length);
    statements.length = 0;

    expect(await collect(storage.contacts.stream(filter))).toEqual(expected);
    expect(statements.filter(reading("ls_contact_child"))).toHaveLength(2);
    await storage.close();
  });

  it("read the files of an access scope once", async () => {
    const { storage, statements, pop } = await loggedStorage();
    const filter = { scope: { schoolIds: [pop.files[0]!.child.schoolId!] } };
    const expected = await allPages((p) => storage.pairings.query(filter, p));
    expect(expected.length).toBeGreaterThan(10);
    statements.length = 0;

    expect(await collect(storage.pairings.stream(filter))).toEqual(expected);
    expect(statements.filter(reading("ls_file"))).toHaveLength(1);
    expect(statements).toHaveLength(1 + Math.ceil(expected.length / 5));
    await storage.close();
  });

  it("leave out a row removed while the stream runs", async () => {
    const { storage, pop } = await loggedStorage();
    const filter = { childIds: pop.files.map((f) => f.id) };
    const expected = await allPages((p) => storage.contacts.query(filter, p), 1000);
    const gone = expected[expected.length - 1]!;
    const streamed: string[] = [];
    for await (const r of storage.contacts.stream(filter)) {
      if (streamed.length === 0) {
        await storage.contacts.remove(gone.id, { expectedVersion: gone.version });
      }
      streamed.push(r.id);
    }
    expect(streamed).toEqual(expected.slice(0, -1).map((r) => r.id));
    await storage.close();
  });
});
