/**
 * Picks the fast-check seed once per run and hands it to every test worker through
 * `LIUSHOU_SEED` (see `vitest.fast-check.ts`).
 *
 * - `pnpm test`: a fixed seed, so a boundary that a property can hit is hit on every run.
 * - `pnpm fuzz` (`LIUSHOU_FUZZ=1`): a fresh random seed each run.
 * - `LIUSHOU_SEED=<n>` replays one seed in either mode.
 */

/** The seed `pnpm test` uses unless `LIUSHOU_SEED` names another. */
export const FIXED_SEED = 20_261_129;

export default function pickSeed(): void {
  const fuzzing = process.env["LIUSHOU_FUZZ"] === "1";
  const given = process.env["LIUSHOU_SEED"];
  const seed =
    given !== undefined && given !== ""
      ? Number(given)
      : fuzzing
        ? (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) | 0
        : FIXED_SEED;
  process.env["LIUSHOU_SEED"] = String(seed);
  console.info(
    `fast-check seed ${seed}${fuzzing ? " (fuzz)" : ""}; replay with LIUSHOU_SEED=${seed}`,
  );
}
