import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import type { Options } from "tsup";

type Plugin = NonNullable<Options["esbuildPlugins"]>[number];

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

/** A source module: a `.ts` file under `src/` that is not a test, a test helper or a declaration. */
const isModule = (file: string): boolean =>
  file.endsWith(".ts") && !/\.(test|test-d|test-helper|fuzz\.test|d)\.ts$/.test(file);

/** Every source module under `src/`, as `{ "pairing/plan": "src/pairing/plan.ts" }`. */
function moduleEntries(dir: string): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const file of readdirSync(join(dir, "src"), { recursive: true, encoding: "utf8" })) {
    const path = file.split(sep).join("/");
    if (isModule(path)) entries[path.replace(/\.ts$/, "")] = `src/${path}`;
  }
  return entries;
}

/**
 * An esbuild plugin that keeps each source module in its own output file: every relative import
 * stays an import, pointed at the imported module's output file (`"../errors"` becomes
 * `"../errors/index.js"`, or `.cjs` in the CommonJS build).
 */
function keepModules(srcDir: string): Plugin {
  return {
    name: "keep-modules",
    setup(build) {
      const extension = build.initialOptions.outExtension?.[".js"] ?? ".js";
      build.onResolve({ filter: /^\.\.?(\/|$)/ }, ({ path, importer, kind }) => {
        if (kind === "entry-point") return undefined;
        const target = resolve(dirname(importer), path);
        const file = [`${target}.ts`, join(target, "index.ts")].find((f) => existsSync(f));
        if (file === undefined) return undefined;
        const from = relative(srcDir, dirname(importer));
        let to = relative(from, relative(srcDir, file)).split(sep).join("/");
        if (!to.startsWith(".")) to = `./${to}`;
        return { path: to.replace(/\.ts$/, extension), external: true };
      });
    },
  };
}

/**
 * Build settings for a library that bundlers must be able to trim module by module
 * (`@liushou/core`): one output file per source module, as date-fns ships. With
 * `sideEffects: false` a bundler drops every module a host does not reach, whatever top-level
 * code (zod schemas, presets) it holds; a single shared chunk would keep all of it. Each
 * subpath in `exports` gets a one-line entry (`dist/pairing.js` re-exports
 * `dist/pairing/index.js`); type declarations stay bundled per subpath.
 */
export function perModuleConfig(dir: string = process.cwd()): Options {
  const publicEntries = entriesFromExports(dir);
  return {
    ...baseConfig,
    entry: moduleEntries(dir),
    dts: { entry: publicEntries },
    splitting: false,
    esbuildPlugins: [keepModules(join(dir, "src"))],
    async onSuccess() {
      for (const [name, source] of Object.entries(publicEntries)) {
        const target = source.replace(/^src\//, "").replace(/\.ts$/, "");
        if (target === name) continue;
        const from = relative(dirname(name), target).split(sep).join("/");
        const to = from.startsWith(".") ? from : `./${from}`;
        writeFileSync(join(dir, "dist", `${name}.js`), `export * from "${to}.js";\n`);
        writeFileSync(join(dir, "dist", `${name}.cjs`), `module.exports = require("${to}.cjs");\n`);
      }
    },
  };
}
