import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors";
import { syntheticFiles } from "./synthetic.test-helper";
import { leftBehindStatistics, leftBehindStatisticsPartitioned } from "./statistics";

async function* asyncly<T>(xs: readonly T[]): AsyncGenerator<T> {
  for (const x of xs) yield await Promise.resolve(x);
}

describe("leftBehindStatisticsPartitioned", () => {
  it("gives the statistics of all the files at once, however they are split", async () => {
    const { files, schools, classes } = syntheticFiles(300);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: files.length }), { maxLength: 6 }),
        fc.constantFrom(
          "all",
          "stage",
          "school",
          "grade",
          "class",
          "township",
          "county",
        ) as fc.Arbitrary<"all" | "stage" | "school" | "grade" | "class" | "township" | "county">,
        fc.constantFrom("boarding-overlaps", "boarding-separate") as fc.Arbitrary<
          "boarding-overlaps" | "boarding-separate"
        >,
        async (cuts, groupBy, convention) => {
          const at = [0, ...[...cuts].sort((a, b) => a - b), files.length];
          const batches = at.slice(1).map((end, i) => files.slice(at[i], end));
          const options = { asOf: "2026-09-01", groupBy, convention, schools, classes } as const;
          const merged = await leftBehindStatisticsPartitioned(asyncly(batches), options);
          expect(merged).toEqual(leftBehindStatistics(files, options));
        },
      ),
      { numRuns: 40 },
    );
  });

  it("counts nothing from no batch, and rejects what is not batches of files", async () => {
    const none = await leftBehindStatisticsPartitioned([], { asOf: "2026-09-01" });
    expect(none.total.totalPupils).toBe(0);
    expect(() => leftBehindStatisticsPartitioned(5 as never, { asOf: "2026-09-01" })).toThrow(
      /batches/,
    );
    await expect(
      leftBehindStatisticsPartitioned([[{ id: 1 } as never]], { asOf: "2026-09-01" }),
    ).rejects.toBeInstanceOf(ValidationError);
  });
});
