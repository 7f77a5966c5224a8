/**
 * Vitest settings for mutation testing (`pnpm mutate`): core's tests for one engine only, named
 * by `LIUSHOU_MUTATE_ENGINE`, with no type checking, so each mutant runs just the tests that
 * can kill it. `LIUSHOU_MUTATE=1` makes property and county-scale tests run small
 * (`propertyRuns`, `fuzzRuns`, `testSize` in `packages/core/src/_lib/fuzz.test-helper.ts`). See `scripts/mutate.mjs`.
 */
import { fileURLToPath } from "node:url";
import { defaultServerConditions } from "vite";
import { defineConfig } from "vitest/config";

const engine = process.env["LIUSHOU_MUTATE_ENGINE"];
if (engine === undefined || !/^[a-z-]+$/.test(engine)) {
  throw new Error("LIUSHOU_MUTATE_ENGINE must name one engine folder of packages/core/src");
}
const conditions = ["@liushou/source", ...defaultServerConditions];
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    root: here("./packages/core"),
    include: [`src/${engine}/**/*.test.ts`],
    // Instrumented code on a shared machine runs several times slower than in `pnpm test`.
    testTimeout: 120_000,
    env: { LIUSHOU_MUTATE: "1" },
    // Stryker switches mutants at run time, so one worker keeps its modules between runs.
    isolate: false,
    setupFiles: [here("./vitest.fast-check.ts")],
    globalSetup: [here("./vitest.fast-check.global.ts")],
  },
});
