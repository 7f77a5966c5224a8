import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors";
import { syntheticFiles } from "../statistics/synthetic.test-helper";
import { completenessReport, completenessReportPartitioned } from "./completeness";

async function* asyncly<T>(xs: readonly T[]): AsyncGenerator<T> {
  for (const x of xs) yield await Promise.resolve(x);
}

describe("completenessReportPartitioned", () => {
  it("gives the report of all the files at once, however they are split", async () => {
    const { files, schools, classes } = syntheticFiles(200, 3);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: files.length }), { maxLength: 5 }),
        fc.constantFrom("all", "school", "class", "township") as fc.Arbitrary<
          "all" | "school" | "class" | "township"
        >,
        fc.boolean(),
        async (cuts, groupBy, details) => {
          const at = [0, ...[...cuts].sort((a, b) => a - b), files.length];
          const batches = at.slice(1).map((end, i) => files.slice(at[i], end));
          const options = { asOf: "2026-09-01", groupBy, schools, classes, details } as const;
          const merged = await completenessReportPartitioned(asyncly(batches), options);
          expect(merged).toEqual(completenessReport(files, options));
        },
      ),
      { numRuns: 30 },
    );
  });

  it("rejects what is not batches of files", async () => {
    expect(() => completenessReportPartitioned(null as never, { asOf: "2026-09-01" })).toThrow(
      /batches/,
    );
    await expect(
      completenessReportPartitioned([[{ id: "x" } as never]], { asOf: "2026-09-01" }),
    ).rejects.toBeInstanceOf(ValidationError);
  });
});
