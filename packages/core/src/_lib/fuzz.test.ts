import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fuzzRuns, mutating, runSeed, testSize } from "./fuzz.test-helper";

describe("the run's fast-check seed", () => {
  it("reaches this worker: fast-check's global seed is the one the run printed", () => {
    const seed = runSeed();
    expect(Number.isSafeInteger(seed)).toBe(true);
    expect(fc.readConfigureGlobal().seed).toBe(seed);
    expect(process.env["LIUSHOU_SEED"]).toBe(String(seed));
  });

  it("makes properties replayable: the same seed draws the same values", () => {
    const drawn: number[] = [];
    fc.assert(
      fc.property(fc.integer(), (n) => {
        drawn.push(n);
      }),
      { numRuns: 5 },
    );
    const replayed = fc.sample(fc.integer(), { seed: runSeed(), numRuns: 5 });
    expect(drawn).toEqual(replayed);
  });

  it("fuzzRuns keeps n under pnpm test and scales it under pnpm fuzz", () => {
    const fuzzing = process.env["LIUSHOU_FUZZ"] === "1";
    expect(fuzzRuns(7) >= 7).toBe(true);
    if (!fuzzing && !mutating) expect(fuzzRuns(7)).toBe(7);
  });

  it("testSize keeps the full size except under pnpm mutate", () => {
    expect(testSize(2000, 200)).toBe(mutating ? 200 : 2000);
  });
});
