/**
 * The published build of `liushou`, for the cases on worker threads: a host runs the compiled
 * package, whose workers load the compiled core in a fraction of the time the TypeScript sources
 * take through tsx (about 0.8 s against 2.2 s to start two workers here), every run.
 * @module
 */
import { existsSync } from "node:fs";

/** Where the ES module build of `liushou` is. */
const ENTRY = new URL("../../packages/liushou/dist/index.js", import.meta.url);

/**
 * The partition loader of the province counties for built workers (`province-loader.mjs`): it
 * loads `province-counties.ts` through tsx, with the built packages.
 */
export const BUILT_LOADER = new URL("./province-loader.mjs", import.meta.url);

/**
 * `liushou` as published (`packages/liushou/dist`).
 * @throws Error saying to run `pnpm build` when there is no build.
 */
export async function builtLiushou(): Promise<typeof import("liushou")> {
  if (!existsSync(ENTRY))
    throw new Error(
      "the province cases on worker threads run the published build of liushou: run `pnpm build` first",
    );
  return (await import(ENTRY.href)) as typeof import("liushou");
}
