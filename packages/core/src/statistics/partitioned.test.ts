import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors";
import { syntheticFiles } from "./synthetic.test-helper";
import { completenessReportPartitioned } from "../completeness";
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

  it("refuses a file id counted in an earlier batch, as one call refuses an id twice", async () => {
    const { files } = syntheticFiles(5);
    const options = { asOf: "2026-09-01" } as const;
    expect(() => leftBehindStatistics([...files, files[2]!], options)).toThrow(ValidationError);
    for (const count of [leftBehindStatisticsPartitioned, completenessReportPartitioned]) {
      const e = await (count as typeof leftBehindStatisticsPartitioned)(
        asyncly([files.slice(0, 3), [], files.slice(1)]),
        options,
      ).catch((x: unknown) => x as ValidationError);
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).issues.map((i) => i.path)).toEqual([
        "batches[2][0].id",
        "batches[2][1].id",
      ]);
      expect((e as ValidationError).issues[0]!.message.en).toMatch(/is already in batch 0/);
    }
  });
});
