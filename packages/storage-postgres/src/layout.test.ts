import { PGlite } from "@electric-sql/pglite";
import { ValidationError } from "@liushou/core";
import { generatePopulation } from "@liushou/fixtures";
import { STORAGE_TABLES } from "@liushou/storage-sql";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addRegionPartitions, citusDistributionStatements, createPgliteStorage } from "./index";

const at = "2026-03-01T09:00:00+08:00";
const pop = generatePopulation({ preset: "class", seed: "layout", asOf: "2026-06-30" });

describe("PostgreSQL layouts", () => {
  const plain = new PGlite();
  const partitioned = new PGlite();
  beforeAll(async () => {
    await (await createPgliteStorage({ pglite: plain })).close();
    await (await createPgliteStorage({ pglite: partitioned, layout: "partitioned" })).close();
  }, 300_000);
  afterAll(() => Promise.all([plain.close(), partitioned.close()]));

  it("keys every table by county region code first (what a Citus distribution column needs)", async () => {
    const { rows } = await plain.query<{ table: string; key: string }>(`
      select c.relname as table, a.attname as key
      from pg_index i
      join pg_class c on c.oid = i.indrelid
      join pg_attribute a on a.attrelid = c.oid and a.attnum = i.indkey[0]
      where i.indisprimary and c.relname like 'ls\\_%' and c.relname not like 'ls\\_migration%'`);
    expect(rows.map((r) => r.table).sort()).toEqual([...STORAGE_TABLES].sort());
    expect(rows.every((r) => r.key === "region")).toBe(true);
    // Every unique index includes the region too, or Citus refuses to distribute the table.
    const unique = await plain.query<{ n: number }>(`
      select count(*)::int as n from pg_index i join pg_class c on c.oid = i.indrelid
      where i.indisunique and c.relname like 'ls\\_%' and c.relname not like 'ls\\_migration%'
        and not exists (select 1 from pg_attribute a
          where a.attrelid = c.oid and a.attname = 'region' and a.attnum = any(i.indkey))`);
    expect(unique.rows[0]!.n).toBe(0);
  });

  it("distributes every table on Citus by region, co-located", () => {
    const statements = citusDistributionStatements();
    expect(statements).toHaveLength(STORAGE_TABLES.length);
    for (const [i, table] of STORAGE_TABLES.entries()) {
      expect(statements[i]).toContain(`create_distributed_table('${table}', 'region'`);
      if (i > 0) expect(statements[i]).toContain(`colocate_with => '${STORAGE_TABLES[0]}'`);
    }
  });

  it("partitions by region: each county's rows in its own partitions, queries pruned to them", async () => {
    const a = await createPgliteStorage({
      pglite: partitioned,
      layout: "partitioned",
      region: "430102",
    });
    const b = await createPgliteStorage({
      pglite: partitioned,
      layout: "partitioned",
      region: "430103",
    });
    try {
      await a.files.upsertMany(pop.files, { at });
      await a.contacts.upsertMany(pop.records.slice(0, 200), { at });
      await b.files.upsertMany(pop.files.slice(0, 5), { at });

      const where = await sql<{ part: string; n: number }>`
        select tableoid::regclass::text as part, count(*)::int as n from ls_file group by 1 order by 1`.execute(
        a.db,
      );
      expect(where.rows).toEqual([
        { part: "ls_file_r430102", n: pop.files.length },
        { part: "ls_file_r430103", n: 5 },
      ]);
      const links = await sql<{ part: string }>`
        select distinct tableoid::regclass::text as part from ls_contact_child`.execute(a.db);
      expect(links.rows).toEqual([{ part: "ls_contact_child_r430102" }]);

      // Each county sees only its own rows.
      expect((await b.files.query({}, { limit: 1000 })).items).toHaveLength(5);
      // The planner reads one county's partition only.
      const plan = await sql<{ "QUERY PLAN": string }>`
        explain select data from ls_file where region = '430103' and school_id = 'x'`.execute(a.db);
      const text = plan.rows.map((r) => r["QUERY PLAN"]).join("\n");
      expect(text).toContain("ls_file_r430103");
      expect(text).not.toContain("ls_file_r430102");
      expect(text).not.toContain("ls_file_default");

      // Idempotent; a bad code is a validation error.
      await addRegionPartitions(a.db, "430102");
      await expect(addRegionPartitions(a.db, "43'; drop table ls_file; --")).rejects.toBeInstanceOf(
        ValidationError,
      );
    } finally {
      await a.close();
      await b.close();
    }
  }, 120_000);
});
