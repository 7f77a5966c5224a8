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
 * Run counts for property tests: `n` under `pnpm test`, `n × LIUSHOU_FUZZ_SCALE` (default 1,000)
 * under `pnpm fuzz`.
 */
export function fuzzRuns(n: number): number {
  if (process.env["LIUSHOU_FUZZ"] !== "1") return n;
  const scale = Number(process.env["LIUSHOU_FUZZ_SCALE"] ?? "1000");
  return Math.max(n, Math.round(n * (Number.isFinite(scale) && scale > 0 ? scale : 1000)));
}
