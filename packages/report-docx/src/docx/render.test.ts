import { renderReport } from "@liushou/report";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { convertToPdf, needs, SOFFICE } from "../../../../vitest.programs";
import {
  cardsOnlyReport,
  HOSTILE,
  kitchenSinkReport,
  sampleReports,
} from "../../../report-html/src/_lib/sample.test-helper";
import { docxRenderer, renderDocx } from "./render";

async function unzip(bytes: Uint8Array) {
  return JSZip.loadAsync(bytes);
}

/** The text of `word/document.xml`, one paragraph a line (table cells separated by ` | `). */
function documentText(xml: string): string {
  return xml
    .replace(/<w:tab\/>/g, "\t")
    .replace(/<\/w:p>\s*<\/w:tc>/g, " | ")
    .replace(/<\/w:tr>/g, "\n")
    .replace(/<\/w:p>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .join("\n");
}

describe("renderDocx", () => {
  // Rendering rasterises the charts; do it once for the structural checks.
  let sample: JSZip;
  let xml: string;
  beforeAll(async () => {
    sample = await unzip(await renderDocx(kitchenSinkReport()));
    xml = await sample.file("word/document.xml")!.async("string");
  });

  for (const { key, report } of sampleReports()) {
    it(`${key}: matches its golden document text`, async () => {
      const zip = await unzip(await renderReport(docxRenderer, report));
      const xml = await zip.file("word/document.xml")!.async("string");
      await expect(`${documentText(xml)}\n`).toMatchFileSnapshot(`__golden__/${key}.docx.txt`);
    });
  }

  it("lays out A4 with the school margins, page numbers in the footer, repeated table headers", async () => {
    // A4 is 11906 × 16838 twips; GB/T 9704 margins 37, 26, 35, 28 mm.
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(xml).toContain("<w:tblHeader/>");
    expect(xml).toContain("<w:cantSplit/>");
    const footer = await sample.file(/word\/footer\d*\.xml/)[0]!.async("string");
    expect(footer).toMatch(/>\s*PAGE\s*</);
    expect(footer).toMatch(/>\s*NUMPAGES\s*</);
    expect(documentText(footer)).toContain("第");
  });

  it("embeds every chart as SVG with a PNG fallback", async () => {
    const media = Object.keys(sample.files).filter((f) => f.startsWith("word/media/"));
    expect(media.filter((f) => f.endsWith(".svg"))).toHaveLength(3);
    expect(media.filter((f) => f.endsWith(".png"))).toHaveLength(3);
    const png = await sample.file(media.find((f) => f.endsWith(".png"))!)!.async("uint8array");
    expect(Buffer.from(png.subarray(1, 4)).toString("latin1")).toBe("PNG");
  });

  it("escapes hostile text: it stays text in the XML", async () => {
    expect(xml).not.toContain("<script");
    expect(xml).toContain("&lt;script&gt;");
    const text = documentText(xml);
    for (const s of HOSTILE.slice(0, 6)) expect(text).toContain(s);
  });

  it("starts a page before every second card", async () => {
    expect(xml.match(/<w:pageBreakBefore\/>/g)).toHaveLength(2);
  });
});

describe.skipIf(!SOFFICE)(
  needs("LibreOffice converts every document to PDF", SOFFICE, "soffice"),
  () => {
    it("converts every zh-CN document without errors; the cards come two to a page", async () => {
      for (const { report } of sampleReports().filter((s) => s.key.endsWith("zh-CN"))) {
        await convertToPdf(await renderDocx(report), "docx");
      }
      // A title page, then five cards two to a page.
      const { pages } = await convertToPdf(await renderDocx(cardsOnlyReport(5)), "docx");
      expect(pages).toBe(1 + 3);
    }, 300_000);
  },
);
