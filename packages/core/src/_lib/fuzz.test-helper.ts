import { inject } from "vitest";

declare module "vitest" {
  /** Values the run's global setup hands to every test worker. */
  export interface ProvidedContext {
    /** The fast-check seed of this run (`vitest.fast-check.global.ts`). */
    fastCheckSeed: number;
  }
}

/** The fast-check seed of this run, as printed at its start. */
export function runSeed(): number {
  return inject("fastCheckSeed");
}

/**
 * True under `pnpm mutate` (`LIUSHOU_MUTATE=1`, set by `vitest.mutate.config.ts`): the tests run
 * once per mutant, so property and county-scale tests run small (see {@link fuzzRuns},
 * {@link testSize}).
 */
export const mutating = process.env["LIUSHOU_MUTATE"] === "1";

/** How much smaller run counts are under `pnpm mutate`. */
const MUTATE_DIVISOR = 10;

/**
 * Run counts for property tests that `pnpm fuzz` leaves as they are: `n`, or `n ÷ 10` (at least 5)
 * under `pnpm mutate`. The seed stays fixed, so the small run is the first tenth of the full one.
 */
export function propertyRuns(n: number): number {
  return mutating ? Math.min(n, Math.max(5, Math.ceil(n / MUTATE_DIVISOR))) : n;
}

/**
 * Run counts for property tests: `n` under `pnpm test`, `n × LIUSHOU_FUZZ_SCALE` (default 1,000)
 * under `pnpm fuzz`, and as {@link propertyRuns} under `pnpm mutate`.
 */
export function fuzzRuns(n: number): number {
  if (mutating) return propertyRuns(n);
  if (process.env["LIUSHOU_FUZZ"] !== "1") return n;
  const scale = Number(process.env["LIUSHOU_FUZZ_SCALE"] ?? "1000");
  return Math.max(n, Math.round(n * (Number.isFinite(scale) && scale > 0 ? scale : 1000)));
}

/** The size of a large test input: `full` under `pnpm test` and `pnpm fuzz`, `small` under `pnpm mutate`. */
export function testSize(full: number, small: number): number {
  return mutating ? small : full;
}
