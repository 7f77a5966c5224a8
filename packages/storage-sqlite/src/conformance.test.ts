import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runStorageConformance } from "@liushou/storage-conformance";
import { afterAll } from "vitest";
import { createSqliteStorage } from "./index";

runStorageConformance({ name: "sqlite :memory:", create: () => createSqliteStorage() });

const dir = mkdtempSync(join(tmpdir(), "liushou-sqlite-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
runStorageConformance({
  name: "sqlite file",
  create: () => createSqliteStorage({ filename: join(dir, `t${n++}.db`), region: "430102" }),
});
