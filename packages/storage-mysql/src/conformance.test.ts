import { randomInt } from "node:crypto";
import { runStorageConformance } from "@liushou/storage-conformance";
import { afterAll, beforeAll, describe, it } from "vitest";
import { MYSQL_URL, testDatabase } from "../test/server.test-helper";
import { createMysqlStorage } from "./index";

if (MYSQL_URL) {
  let uri = "";
  let drop = async () => {};
  beforeAll(async () => ({ uri, drop } = await testDatabase()));
  afterAll(() => drop());
  const open = (region: string) => createMysqlStorage({ uri, region, maxConnections: 4 });
  runStorageConformance({
    name: "mysql/mariadb server",
    create: () => open(String(randomInt(100_000, 1_000_000))),
    reopen: async (storage) => {
      await storage.close();
      return open(storage.region);
    },
  });
} else {
  describe("storage conformance: mysql/mariadb server", () => {
    it.skip("needs LIUSHOU_TEST_MYSQL_URL (mysql://user:password@host:port/db)", () => {});
  });
}
