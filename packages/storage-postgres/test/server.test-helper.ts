import { randomBytes } from "node:crypto";
import pg from "pg";

/** The test server, from `LIUSHOU_TEST_PG_URL`; tests that need it skip (visibly) without it. */
export const PG_URL = process.env.LIUSHOU_TEST_PG_URL;

/**
 * A schema of its own for one test run on the test server, dropped (with everything in it)
 * by `drop()`.
 */
export async function testSchema(): Promise<{ schema: string; drop: () => Promise<void> }> {
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
