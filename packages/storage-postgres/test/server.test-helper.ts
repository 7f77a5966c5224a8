import { randomBytes, randomInt } from "node:crypto";
import pg from "pg";

/** The test server, from `LIUSHOU_TEST_PG_URL`; tests that need it skip (visibly) without it. */
export const PG_URL = process.env.LIUSHOU_TEST_PG_URL;

/** A random county code: each test writes as a county of its own, apart from the others. */
export function randomRegion(): string {
  return String(randomInt(100_000, 1_000_000));
}

/**
 * A schema name of its own for one test run on the test server, and `drop()` to drop it with
 * everything in it.
 */
export function testSchema(): { schema: string; drop: () => Promise<void> } {
  const schema = `liushou_test_${randomBytes(6).toString("hex")}`;
  return {
    schema,
    drop: async () => {
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      try {
        await client.query(`drop schema if exists "${schema}" cascade`);
      } finally {
        await client.end();
      }
    },
  };
}
