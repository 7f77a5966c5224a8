import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runStorageConformance } from "@liushou/storage-conformance";
import { afterAll } from "vitest";
import type { SqlStorage } from "@liushou/storage-sql";
import { createSqliteStorage } from "./index";

runStorageConformance({ name: "sqlite :memory:", create: () => createSqliteStorage() });

const dir = mkdtempSync(join(tmpdir(), "liushou-sqlite-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const files = new WeakMap<SqlStorage, string>();
/** Opens the file of a test; the suite's `reopen` opens the same file again after closing it. */
async function open(filename: string): Promise<SqlStorage> {
  const storage = await createSqliteStorage({ filename, region: "430102" });
  files.set(storage, filename);
  return storage;
}
runStorageConformance({
  name: "sqlite file",
  create: () => open(join(dir, `t${n++}.db`)),
  reopen: async (storage) => {
    await storage.close();
    return open(files.get(storage)!);
  },
});
