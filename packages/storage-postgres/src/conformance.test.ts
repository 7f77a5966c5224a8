import { PGlite } from "@electric-sql/pglite";
import { runStorageConformance } from "@liushou/storage-conformance";
import { afterAll, beforeAll, describe, it } from "vitest";
import { PG_URL, randomRegion, testSchema } from "../test/server.test-helper";
import { createPgliteStorage, createPostgresStorage } from "./index";

// One in-process database for the file; each test is a county of its own in it.
const pglite = new PGlite();
const partitioned = new PGlite();
// Migrate once up front (PGlite runs the DDL in WebAssembly); each test then only checks it.
beforeAll(async () => {
  await (await createPgliteStorage({ pglite })).close();
  await (await createPgliteStorage({ pglite: partitioned, layout: "partitioned" })).close();
}, 300_000);
afterAll(() => Promise.all([pglite.close(), partitioned.close()]));
runStorageConformance({
  name: "pglite",
  create: () => createPgliteStorage({ pglite, region: randomRegion() }),
});
runStorageConformance({
  name: "pglite, partitioned by region",
  // Two counties, each with its own partitions, made once: the suite's random ids keep tests apart.
  create: () =>
    createPgliteStorage({
      pglite: partitioned,
      region: Math.random() < 0.5 ? "430102" : "430103",
      layout: "partitioned",
    }),
});

if (PG_URL) {
  const { schema, drop } = testSchema();
  afterAll(drop);
  const server = (region: string) =>
    createPostgresStorage({ connectionString: PG_URL, schema, region, maxConnections: 4 });
  runStorageConformance({
    name: "postgresql server",
    create: () => server(randomRegion()),
    reopen: async (storage) => {
      await storage.close();
      return server(storage.region);
    },
  });
} else {
  describe("storage conformance: postgresql server", () => {
    it.skip("needs LIUSHOU_TEST_PG_URL (postgres://user@host:port/db)", () => {});
  });
}
