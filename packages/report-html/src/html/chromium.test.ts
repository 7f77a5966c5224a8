import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, CHROMIUM_ARGS, needs, pdfPages } from "../../../../vitest.programs";
import { cardsOnlyReport, sampleReports } from "../_lib/sample.test-helper";
import { renderHtml } from "./render";

/** Where the PDFs and screenshots are left for a person to look at (not committed). */
const OUT = join(import.meta.dirname, "..", "..", "test-output");

describe.skipIf(!CHROMIUM)(needs("the page in headless Chromium", CHROMIUM, "chromium"), () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM!, args: CHROMIUM_ARGS });
    mkdirSync(OUT, { recursive: true });
  });
  afterAll(async () => browser?.close());

  for (const { key, report } of sampleReports()) {
    it(`${key}: prints to an A4 PDF and a PNG, with no script run and no request made`, async () => {
      const page = await browser.newPage();
      const requests: string[] = [];
      const dialogs: string[] = [];
      page.on("request", (r) => requests.push(r.url()));
      page.on("dialog", (d) => (dialogs.push(d.message()), void d.dismiss()));
      await page.setContent(renderHtml(report), { waitUntil: "load" });
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      const png = await page.screenshot({ fullPage: true });
      // The charts are laid out: each inline SVG has a size on the page.
      const charts = await page.$$eval("figure.chart svg", (svgs) =>
        svgs.map((s) => s.getBoundingClientRect().width),
      );
      await page.close();
      writeFileSync(join(OUT, `${key}.pdf`), pdf);
      writeFileSync(join(OUT, `${key}.png`), png);

      expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
      expect(dialogs).toEqual([]);
      expect(requests.filter((u) => !u.startsWith("data:") && u !== "about:blank")).toEqual([]);
      expect(charts.every((w) => w > 100)).toBe(true);
    });
  }

  it("puts two cards on each A4 page, after the title page", async () => {
    const page = await browser.newPage();
    await page.setContent(renderHtml(cardsOnlyReport(5)), { waitUntil: "load" });
    const pdf = await page.pdf({ preferCSSPageSize: true });
    await page.close();
    writeFileSync(join(OUT, "cards.pdf"), pdf);
    // A title page, then five cards two to a page.
    expect(pdfPages(pdf)).toBe(1 + 3);
  });
});
