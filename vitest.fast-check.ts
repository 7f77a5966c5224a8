/**
 * fast-check settings for every test file: the seed chosen by `vitest.fast-check.global.ts`.
 * fast-check prints the seed and the shrunk counterexample of any failure.
 */
import fc from "fast-check";

fc.configureGlobal({ seed: Number(process.env["LIUSHOU_SEED"] ?? "20261129") });
