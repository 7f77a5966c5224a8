/**
 * Arbitrary report trees through `renderXlsx`: never a crash or a hang, and the workbook stays
 * well-formed (exceljs and SheetJS both read it) and inert (the only formulas are the totals'
 * `SUM`s; formula-looking text is formatted as text). A small run in `pnpm test`, a large one
 * under `pnpm fuzz`.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { fuzzRuns } from "../../../core/src/_lib/fuzz.test-helper";
import { reportArb } from "../../../report/src/_lib/hostile.test-helper";
import { readBack } from "../_lib/read-back.test-helper";
import { renderXlsx } from "./render";

/** No single report may take longer than this (a hang shows up as a failure, not a stuck run). */
const BOUND_MS = 10_000;

describe("renderXlsx on arbitrary reports", () => {
  it("never crashes, never hangs, and writes a readable, inert workbook", async () => {
    await fc.assert(
      fc.asyncProperty(reportArb(), async (report) => {
        const t0 = performance.now();
        const bytes = await renderXlsx(report);
        expect(performance.now() - t0).toBeLessThan(BOUND_MS);
        const book = await readBack(bytes);
        for (const f of book.formulas) expect(f).toMatch(/^SUM\([A-Z]+\d+:[A-Z]+\d+\)$/);
        for (const cell of book.texts)
          if (/^[=+\-@\t\r]/.test(cell.value)) expect(cell.numFmt).toBe("@");
        expect(XLSX.read(bytes, { type: "buffer" }).SheetNames.length).toBeGreaterThan(0);
      }),
      { numRuns: fuzzRuns(10) },
    );
  });
});
