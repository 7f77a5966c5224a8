/**
 * Picks the fast-check seed once per run and hands it to every test worker (see
 * `vitest.fast-check.ts`), through Vitest's `provide`/`inject` and `LIUSHOU_SEED`.
 *
 * - `pnpm test`: a fixed seed, so a boundary that a property can hit is hit on every run.
 * - `pnpm fuzz` (`LIUSHOU_FUZZ=1`): a fresh random seed each run.
 * - `LIUSHOU_SEED=<n>` replays one seed in either mode.
 */
import type { TestProject } from "vitest/node";

/** The seed `pnpm test` uses unless `LIUSHOU_SEED` names another. */
export const FIXED_SEED = 20_261_129;

declare module "vitest" {
  export interface ProvidedContext {
    fastCheckSeed: number;
  }
}

/** The seed for this run: `LIUSHOU_SEED` if set, else random under `pnpm fuzz`, else fixed. */
function chooseSeed(): { seed: number; fuzzing: boolean } {
  const fuzzing = process.env["LIUSHOU_FUZZ"] === "1";
  const given = process.env["LIUSHOU_SEED"];
  if (given !== undefined && given !== "") {
    const seed = Number(given);
    if (!Number.isSafeInteger(seed))
      throw new Error(`LIUSHOU_SEED must be an integer, got "${given}"`);
    return { seed, fuzzing };
  }
  const seed = fuzzing ? (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) | 0 : FIXED_SEED;
  return { seed, fuzzing };
}

export default function pickSeed(project: TestProject): void {
  const { seed, fuzzing } = chooseSeed();
  // Every project of the run shares the first project's seed, printed once.
  process.env["LIUSHOU_SEED"] = String(seed);
  project.provide("fastCheckSeed", seed);
  if (process.env["LIUSHOU_SEED_PRINTED"] === "1") return;
  process.env["LIUSHOU_SEED_PRINTED"] = "1";
  console.info(
    `fast-check seed ${seed}${fuzzing ? " (fuzz)" : ""}; replay with LIUSHOU_SEED=${seed}`,
  );
}
