/**
 * Arbitrary report trees through the Markdown and CSV renderers: never a crash or a hang, and the
 * output stays well-formed (every CSV record parses with one field per column, no cell starts a
 * formula). A small run in `pnpm test`, a large one under `pnpm fuzz`.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fuzzRuns } from "../../core/src/_lib/fuzz.test-helper";
import { parseCsv, reportArb } from "./_lib/hostile.test-helper";
import { toCsv } from "./csv/render";
import { toMarkdown } from "./markdown/render";
import { walkBlocks } from "./model/schema";
import type { Table } from "./model/types";

/** No single report may take longer than this (a hang shows up as a failure, not a stuck run). */
const BOUND_MS = 2000;

describe("Markdown and CSV on arbitrary reports", () => {
  it("never crash, never hang, and write well-formed CSV", () => {
    fc.assert(
      fc.property(reportArb(), (report) => {
        const t0 = performance.now();
        const md = toMarkdown(report);
        const csv = toCsv(report);
        expect(performance.now() - t0).toBeLessThan(BOUND_MS);
        expect(md.startsWith("# ")).toBe(true);
        expect(csv.startsWith("\uFEFF")).toBe(true);
        const cells = parseCsv(csv.slice(1)).flat();
        // Text never starts a formula; a leading minus only ever belongs to a negative number.
        for (const cell of cells) {
          expect(cell).not.toMatch(/^[=+@\t\r]/);
          if (cell.startsWith("-")) expect(cell).toMatch(/^-\d+(\.\d+)?%?$/);
          expect(cell).not.toMatch(/^-0(\.0*)?%?$/);
        }
        // Each table alone is a rectangle: a header and one record per row, totals included.
        for (const t of walkBlocks(report.body)) {
          if (t.type !== "table") continue;
          const table = t as Table;
          const records = parseCsv(toCsv(report, { tableId: table.id }).slice(1));
          expect(records.length).toBe(1 + table.rows.length + (table.totals ? 1 : 0));
          for (const r of records) expect(r.length).toBe(table.columns.length);
        }
      }),
      { numRuns: fuzzRuns(60) },
    );
  });
});
