/**
 * Arbitrary report trees through `renderDocx`: never a crash or a hang, and every XML part of
 * the document stays well-formed (a strict XML parser reads it) with every text of the report
 * in it. Charts are left out of most trees (each is rasterised, which is slow); one property
 * keeps them, with fewer runs. A small run in `pnpm test`, a large one under `pnpm fuzz`.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fuzzRuns } from "../../../core/src/_lib/fuzz.test-helper";
import { reportArb, textsOf } from "../../../report/src/_lib/hostile.test-helper";
import { xmlSafeText } from "@liushou/report";
import { renderDocx } from "./render";
import { parseDocx } from "./xml.test-helper";

/** No single report may take longer than this (a hang shows up as a failure, not a stuck run). */
const BOUND_MS = 20_000;

describe("renderDocx on arbitrary reports", () => {
  it("never crashes, never hangs, and writes well-formed XML holding every text", async () => {
    await fc.assert(
      fc.asyncProperty(reportArb({ charts: false }), async (report) => {
        const t0 = performance.now();
        const bytes = await renderDocx(report);
        expect(performance.now() - t0).toBeLessThan(BOUND_MS);
        const doc = await parseDocx(bytes);
        const all = doc.paragraphs.join("\n");
        for (const t of textsOf(report)) {
          const expected = xmlSafeText(t).replace(/\r\n?/g, "\n");
          if (expected.trim()) expect(all).toContain(expected);
        }
      }),
      { numRuns: fuzzRuns(10) },
    );
  });

  it("with charts, still well-formed", async () => {
    await fc.assert(
      fc.asyncProperty(reportArb(), async (report) => {
        await parseDocx(await renderDocx(report));
      }),
      { numRuns: fuzzRuns(5) },
    );
  });
});
