import { randomBytes } from "node:crypto";
import { createConnection } from "mysql2/promise";

/** The test server, from `LIUSHOU_TEST_MYSQL_URL`; tests that need it skip (visibly) without it. */
export const MYSQL_URL = process.env.LIUSHOU_TEST_MYSQL_URL;

/**
 * A database of its own for one test run on the test server: its URI, and `drop()` to drop it.
 */
export async function testDatabase(): Promise<{ uri: string; drop: () => Promise<void> }> {
  const name = `liushou_test_${randomBytes(6).toString("hex")}`;
  const admin = await createConnection({ uri: MYSQL_URL });
  try {
    await admin.query(`create database \`${name}\` character set utf8mb4 collate utf8mb4_bin`);
  } finally {
    await admin.end();
  }
  const uri = new URL(MYSQL_URL!);
  uri.pathname = `/${name}`;
  return {
    uri: uri.toString(),
    drop: async () => {
      const c = await createConnection({ uri: MYSQL_URL });
      try {
        await c.query(`drop database if exists \`${name}\``);
      } finally {
        await c.end();
      }
    },
  };
}
