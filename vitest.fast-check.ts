/**
 * fast-check settings for every test file: the seed chosen by `vitest.fast-check.global.ts`.
 * fast-check prints the seed, the path and the shrunk counterexample of any failure.
 */
import fc from "fast-check";
import { inject } from "vitest";

fc.configureGlobal({ seed: inject("fastCheckSeed") });
