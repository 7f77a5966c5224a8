import { PGlite } from "@electric-sql/pglite";
import { runStorageConformance } from "@liushou/storage-conformance";
import { createMemoryStorage } from "@liushou/storage-memory";
import { createPgliteStorage, createPostgresStorage } from "@liushou/storage-postgres";
import { createSqliteStorage } from "@liushou/storage-sqlite";
import { afterAll, beforeAll } from "vitest";
import {
  PG_URL,
  randomRegion,
  testSchema,
} from "../../../storage-postgres/test/server.test-helper";
import { encrypted } from "./test-keys.test-helper";

// The whole published suite, through the encryption decorator, on each kind of adapter.
runStorageConformance({ name: "encrypted memory", create: () => encrypted(createMemoryStorage()) });
runStorageConformance({
  name: "encrypted sqlite",
  create: async () => encrypted(await createSqliteStorage()),
});

// PostgreSQL keeps the phone column as varchar(32): the lookup token must fit it.
const pglite = new PGlite();
beforeAll(async () => void (await (await createPgliteStorage({ pglite })).close()), 300_000);
afterAll(() => pglite.close());
runStorageConformance({
  name: "encrypted pglite",
  create: async () => encrypted(await createPgliteStorage({ pglite, region: randomRegion() })),
});

if (PG_URL) {
  const { schema, drop } = testSchema();
  afterAll(drop);
  runStorageConformance({
    name: "encrypted postgresql server",
    create: async () =>
      encrypted(
        await createPostgresStorage({
          connectionString: PG_URL,
          schema,
          region: randomRegion(),
          maxConnections: 4,
        }),
      ),
  });
}
