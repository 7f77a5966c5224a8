// @ts-check
/**
 * StrykerJS settings for `pnpm mutate`. One engine per run (`LIUSHOU_MUTATE_ENGINE`), chosen by
 * `scripts/mutate.mjs`: only that engine's sources are mutated and only its tests run
 * (`vitest.mutate.config.ts`). Incremental: a rerun tests only mutants whose code or tests changed.
 */
const engine = process.env["LIUSHOU_MUTATE_ENGINE"];
if (engine === undefined) throw new Error("run through `pnpm mutate` (scripts/mutate.mjs)");

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutate.config.ts", related: false },
  plugins: ["@stryker-mutator/vitest-runner"],
  mutate: [
    ...(process.env["LIUSHOU_MUTATE_ONLY"] ?? "**/*.ts")
      .split(",")
      .map((glob) => `packages/core/src/${engine}/${glob.trim()}`),
    "!**/*.test.ts",
    "!**/*.test-d.ts",
    "!**/*.test-helper.ts",
    "!**/index.ts",
    // Built-in instruments are content (bilingual wording, citations), not scoring logic.
    "!packages/core/src/checklists/builtin/**",
  ],
  ignorePatterns: ["docs", "bench", "examples", "reports", ".changeset", "coverage", "dist"],
  coverageAnalysis: "perTest",
  // Module-level mutants (schemas, presets) would rerun every test of the engine for each one.
  ignoreStatic: true,
  concurrency: Number(process.env["LIUSHOU_MUTATE_CONCURRENCY"] ?? "1"),
  incremental: true,
  incrementalFile: `reports/mutation/${engine}.incremental.json`,
  reporters: ["clear-text", "progress", "json"],
  clearTextReporter: {
    allowEmojis: false,
    logTests: false,
    reportScoreTable: true,
    reportMutants: false,
  },
  jsonReporter: { fileName: `reports/mutation/${engine}.json` },
  thresholds: { high: 90, low: 85, break: null },
  // Generous: on a loaded machine a rerun after a worker restart (cold imports) easily takes
  // 10 s, and each time-out restarts the worker, whose next rerun is cold again. Real endless
  // loops are caught sooner by Stryker's hit limit.
  timeoutMS: Number(process.env["LIUSHOU_MUTATE_TIMEOUT_MS"] ?? "60000"),
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
};
