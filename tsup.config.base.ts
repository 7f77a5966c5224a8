import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Options } from "tsup";

/** The source condition every package's `exports` carries beside `import` and `require`. */
const SOURCE_CONDITION = "@liushou/source";

/**
 * The build entries of the package in the current directory, read from its `package.json`
 * `exports`: each subpath whose `@liushou/source` target is `./src/<path>.ts` builds to
 * `dist/<name>.js`, named after the `import` target. A package with the usual single
 * `".": { "@liushou/source": "./src/index.ts", … }` builds `dist/index.*`; a package with
 * subpath exports (`"./pairing"`) builds one entry per subpath, sharing chunks.
 */
export function entriesFromExports(dir: string = process.cwd()): Record<string, string> {
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
    exports?: Record<string, unknown>;
  };
  const entries: Record<string, string> = {};
  for (const target of Object.values(pkg.exports ?? {})) {
    if (typeof target !== "object" || target === null) continue;
    const t = target as Record<string, unknown>;
    const source = t[SOURCE_CONDITION];
    const esm = (t.import as { default?: unknown } | undefined)?.default;
    if (typeof source !== "string" || typeof esm !== "string") continue;
    const name = esm.replace(/^\.\/dist\//, "").replace(/\.js$/, "");
    entries[name] = source.replace(/^\.\//, "");
  }
  if (Object.keys(entries).length === 0) entries.index = "src/index.ts";
  return entries;
}

/**
 * Shared build settings: ESM + CJS + type declarations for every entry in `exports`.
 * Output is split into shared chunks, so a bundler keeps only the modules a host imports and the
 * subpath entries share one copy of each class (`instanceof ValidationError` holds across them).
 * The output is not minified and carries no source maps: it reads as it is, and the tarball holds
 * one copy of the sources (`src/`, for the `@liushou/source` condition), not a second one
 * embedded in maps.
 */
export const baseConfig: Options = {
  entry: entriesFromExports(),
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: false,
  target: "node20",
  treeshake: false,
  splitting: true,
};
