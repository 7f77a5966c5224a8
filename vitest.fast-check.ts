/**
 * fast-check settings for every test file: the seed chosen by `vitest.fast-check.global.ts`.
 * fast-check prints the seed, the path and the shrunk counterexample of any failure.
 */
import fc from "fast-check";
import { inject } from "vitest";

// Under `pnpm mutate` properties without their own run count run 10 times instead of 100.
const mutating = process.env["LIUSHOU_MUTATE"] === "1";
fc.configureGlobal({ seed: inject("fastCheckSeed"), ...(mutating ? { numRuns: 10 } : {}) });
