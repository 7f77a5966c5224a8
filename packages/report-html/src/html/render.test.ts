import { parseReport, renderReport, type Report } from "@liushou/report";
import { describe, expect, it } from "vitest";
import { HOSTILE, kitchenSinkReport, sampleReports } from "../_lib/sample.test-helper";
import { hugeNumbersTable } from "../../../report/src/_lib/sample.test-helper";
import { htmlRenderer, renderHtml } from "./render";

/** The visible text of a page, one block per line, charts as `[chart: title]` (for the golden files). */
function visibleText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, "")
    .replace(/<title>[\s\S]*?<\/title>/g, "")
    .replace(/<svg[\s\S]*?<\/svg>/g, "[svg]")
    .replace(
      /<\/(p|h\d|tr|li|dd|caption|figcaption|div|article|section|header|footer|table)>/g,
      "\n",
    )
    .replace(/<\/(td|th|dt)>/g, " | ")
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .join("\n");
}

function* blocks(report: Report) {
  const stack = [...report.body];
  while (stack.length) {
    const b = stack.shift()!;
    yield b;
    if (b.type === "section") stack.unshift(...b.blocks);
  }
}

describe("renderHtml", () => {
  for (const { key, report } of sampleReports()) {
    it(`${key}: matches its golden text and prints every figure, cell and chart`, async () => {
      const html = await renderReport(htmlRenderer, report);
      await expect(visibleText(html)).toMatchFileSnapshot(`__golden__/${key}.html.txt`);
      const text = visibleText(html);
      for (const b of blocks(report)) {
        if (b.type === "paragraph")
          for (const r of b.content) if (r.type === "figure") expect(text).toContain(r.text);
        if (b.type === "chart") expect(html).toContain(`<figure class="chart" id="c-${b.id}">`);
        if (b.type === "table")
          expect(html.match(/<tr>/g)!.length).toBeGreaterThanOrEqual(b.rows.length + 1);
      }
    });
  }

  it("is one self-contained page: no script, no external resource, a policy forbidding both", () => {
    const html = renderHtml(kitchenSinkReport());
    expect(html).not.toMatch(/<script|<link|<iframe|<img|\s(src|href)="(?!#)/i);
    expect(html).toContain(
      `content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`,
    );
    expect(html.match(/<svg /g)).toHaveLength(3);
  });

  it("escapes every text: script-looking strings stay inert", () => {
    const html = renderHtml(kitchenSinkReport());
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<b>");
    expect(html).toContain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    for (const s of HOSTILE) expect(visibleText(html)).toContain(s.trim());
  });

  it("prints on A4 with the report's orientation, and two cards to a page", () => {
    const portrait = renderHtml(kitchenSinkReport());
    expect(portrait).toContain("@page { size: A4 portrait; margin: 37mm 26mm 35mm 28mm; }");
    expect(portrait.match(/class="card page-start"/g)).toHaveLength(2);
    expect(portrait.match(/class="card"/g)).toHaveLength(1);
    const base = kitchenSinkReport();
    const landscape = renderHtml(
      { ...base, layout: { ...base.layout, orientation: "landscape", cardsPerPage: 3 } },
      {
        margins: { top: 10, right: 10, bottom: 10, left: 10 },
      },
    );
    expect(landscape).toContain("@page { size: A4 landscape; margin: 10mm 10mm 10mm 10mm; }");
    expect(landscape.match(/class="card page-start"/g)).toHaveLength(1);
  });

  it("never gives a card a negative height: without room for cardsPerPage, each card is as tall as its fields", () => {
    const base = kitchenSinkReport();
    const crowded = {
      ...base,
      layout: { ...base.layout, orientation: "landscape", cardsPerPage: 8 },
    } as const;
    const margins = { top: 100, right: 10, bottom: 100, left: 10 };
    const html = renderHtml(crowded, { margins });
    const card = /\.card \{ box-sizing[^}]*\}/.exec(html)![0];
    expect(card).not.toMatch(/height|overflow: hidden/);
    const css = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    expect(css).not.toMatch(/:\s*-\d/);
    // Still a page before every eighth card; with room, the cards share the page as before.
    expect(html.match(/class="card page-start"/g)).toHaveLength(1);
    expect(renderHtml(base)).toMatch(
      /\.card \{ box-sizing: border-box; height: \d+(\.\d)?mm; overflow: hidden;/,
    );
  });

  it("prints huge and tiny numbers in plain digits, never in exponent notation", () => {
    const base = kitchenSinkReport();
    const html = renderHtml({
      ...base,
      body: [
        hugeNumbersTable(),
        { type: "key-figures", items: [{ label: "k", value: 1e-7, valueType: "text" }] },
      ],
      footnotes: [],
    });
    expect(html).toContain(`<td class="num">1,000,000,000,000,000,000,000</td>`);
    expect(html).toContain(`<td class="num">0.00</td>`);
    expect(html).toContain(`<span class="value">0.0000001</span>`);
    expect(visibleText(html)).not.toMatch(/\de[+-]\d/);
  });

  it("keeps a hostile chart id inert", () => {
    const base = kitchenSinkReport();
    const chart = {
      type: "chart",
      id: 'x"><script>alert(1)</script>',
      kind: "pie",
      title: "t",
      categories: ["a"],
      series: [{ name: "n", values: [1] }],
      valueType: "integer",
    } as const;
    const html = renderHtml({ ...base, body: [chart] });
    expect(html).not.toContain("<script");
    expect(html).toContain('class="chart-1-cls-0"');
  });

  it("renders the same report to the same page", () => {
    expect(renderHtml(kitchenSinkReport("en"))).toBe(renderHtml(kitchenSinkReport("en")));
  });

  it("refuses a malformed report through renderReport with a ValidationError", async () => {
    const bad = { ...kitchenSinkReport(), title: "" };
    expect(() => parseReport(bad)).toThrow();
    await expect(renderReport(htmlRenderer, bad)).rejects.toMatchObject({
      code: "LIUSHOU_VALIDATION",
    });
  });
});
