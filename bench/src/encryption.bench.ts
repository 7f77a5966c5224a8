/**
 * Field-level encryption: what sealing identifying fields costs on an import and a full read.
 *
 * - "import and read back files with field encryption": a new SQLite file through
 *   `encryptFields(createSqliteStorage(…))`, one `upsertMany` of a school's files (a township's
 *   with `--full`), then every file streamed back and opened. Baseline: the same import and read
 *   through `createSqliteStorage` alone. Both sides answer a digest of the files they read back,
 *   which must be equal (and equal to what was imported).
 * @module
 */
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { canonicalJson, type ChildFile, type StorageAdapter } from "@liushou/core";
import { generatePopulation, PRESETS } from "@liushou/fixtures";
import { createSqliteStorage } from "@liushou/storage-sqlite";
import { encryptFields } from "liushou";
import { defineCase, isFull } from "./harness";

const PRESET = isFull() ? "township" : "school";
const AT = "2026-06-30T20:00:00+08:00";
const KEYS = {
  keys: [{ id: "bench", key: Uint8Array.from({ length: 32 }, (_, i) => i) }],
  indexKey: Uint8Array.from({ length: 32 }, (_, i) => 255 - i),
};

const dir = mkdtempSync(join(tmpdir(), "liushou-bench-encryption-"));
process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
let n = 0;

async function importAndRead(
  files: readonly ChildFile[],
  wrap: (a: StorageAdapter) => StorageAdapter,
): Promise<string> {
  const storage = wrap(await createSqliteStorage({ filename: join(dir, `t${n++}.db`) }));
  try {
    await storage.files.upsertMany(files, { at: AT });
    const hash = createHash("sha256");
    let count = 0;
    for await (const r of storage.files.stream({})) {
      hash.update(canonicalJson(r.value)); // key order aside: opened fields come last
      count++;
    }
    return `${count} files, ${hash.digest("hex").slice(0, 16)}`;
  } finally {
    await storage.close?.();
  }
}

export default [
  defineCase({
    name: "import and read back files with field encryption (SQLite)",
    size: PRESETS[PRESET].children,
    setup: () =>
      [...generatePopulation({ preset: PRESET, seed: "encryption" }).files].sort((a, b) =>
        a.id < b.id ? -1 : 1,
      ),
    run: (files) => importAndRead(files, (a) => encryptFields(a, KEYS)),
    baseline: {
      name: "the same without encryption",
      run: (files) => importAndRead(files, (a) => a),
    },
    answer: (digest) => digest,
  }),
];
