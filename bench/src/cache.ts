/**
 * A cache of expensive setup data shared by the child processes of one or many `pnpm bench`
 * runs: a county's population takes minutes to generate and longer to import, and every side of
 * every case runs in a fresh process. Entries live in `bench/results/cache/` (not committed),
 * keyed by a hash of the sources that shape them, so a changed generator or schema never reads
 * a stale entry.
 * @module
 */
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { deserialize, serialize } from "node:v8";
import { benchRoot } from "./harness";

const root = benchRoot(fileURLToPath(import.meta.url));
const packages = join(root, "..", "packages");

/** Every file under `dir`, recursively, in a stable order. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}

/**
 * A short hash of `parts` and of the source folders named, relative to `packages/`
 * (`fixtures/src`, `storage-sql/src/tables`…): the key of a cache entry built from them.
 */
export function sourceKey(parts: readonly unknown[], folders: readonly string[]): string {
  const hash = createHash("sha256").update(JSON.stringify(parts));
  for (const folder of folders) {
    for (const file of filesUnder(join(packages, folder))) hash.update(readFileSync(file));
  }
  return hash.digest("hex").slice(0, 16);
}

/** The path of a cache entry (its directory is created). */
export function cachePath(name: string): string {
  const dir = join(root, "results", "cache");
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}

/**
 * Builds a file at `path` once: `build` writes it under a temporary name, which is renamed
 * into place only when complete, so a killed run never leaves half an entry behind.
 */
export async function cachedFile(
  path: string,
  build: (temporary: string) => Promise<void> | void,
): Promise<string> {
  if (existsSync(path)) return path;
  const temporary = `${path}.${process.pid}.tmp`;
  await build(temporary);
  renameSync(temporary, path);
  return path;
}

/** A value built once and kept in the cache as a V8 serialisation (faster than building it). */
export async function cachedValue<T>(name: string, build: () => T): Promise<T> {
  let built: { value: T } | undefined;
  const path = await cachedFile(cachePath(name), (temporary) => {
    built = { value: build() };
    writeFileSync(temporary, serialize(built.value));
  });
  return built ? built.value : (deserialize(readFileSync(path)) as T);
}
