/**
 * Arbitrary report trees through `renderHtml`: never a crash or a hang, and the page stays
 * well-formed and inert (no parse errors, no script element, no event attribute, one
 * `<table>` per table of the model and one chart figure per chart). A small run in `pnpm test`,
 * a large one under `pnpm fuzz`.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fuzzRuns } from "../../../core/src/_lib/fuzz.test-helper";
import { reportArb } from "../../../report/src/_lib/hostile.test-helper";
import { walkBlocks } from "../../../report/src/model/schema";
import { parsedPage } from "../_lib/parsed.test-helper";
import { renderHtml } from "./render";

/** No single report may take longer than this (a hang shows up as a failure, not a stuck run). */
const BOUND_MS = 5000;

describe("renderHtml on arbitrary reports", () => {
  it("never crashes, never hangs, and writes a well-formed inert page", () => {
    fc.assert(
      fc.property(reportArb(), (report) => {
        const t0 = performance.now();
        const html = renderHtml(report);
        expect(performance.now() - t0).toBeLessThan(BOUND_MS);
        const page = parsedPage(html);
        expect(page.errors).toEqual([]);
        expect(page.elements).not.toContain("script");
        expect(page.attributes.filter((a) => /^on/i.test(a))).toEqual([]);
        const blocks = [...walkBlocks(report.body)];
        const count = (name: string) => page.elements.filter((e) => e === name).length;
        expect(count("table")).toBeGreaterThanOrEqual(
          blocks.filter((b) => b.type === "table").length,
        );
        expect(count("figure")).toBe(blocks.filter((b) => b.type === "chart").length);
      }),
      { numRuns: fuzzRuns(40) },
    );
  });
});
