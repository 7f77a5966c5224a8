import { text, validate } from "@liushou/core";
import {
  defineRenderer,
  metaLines,
  parseReport,
  privacyStatement,
  type Report,
} from "@liushou/report";
import { z } from "zod";
import { escapeHtml as esc } from "../_lib/escape";
import { ChartSvgOptionsSchema, type ChartSvgOptions } from "../chart/svg";
import { PageMarginsSchema, SCHOOL_A4_MARGINS_MM, type PageMargins } from "../page/margins";
import { blocksHtml, type HtmlContext } from "./blocks";
import { printCss } from "./style";

/**
 * Options of {@link renderHtml}.
 * @example
 * const options: HtmlOptions = { margins: { top: 20, right: 15, bottom: 20, left: 15 }, chart: { width: 560 } };
 * @category HTML
 */
export interface HtmlOptions {
  /** Page margins in millimetres. Default {@link SCHOOL_A4_MARGINS_MM} (GB/T 9704). */
  margins?: PageMargins;
  /** Size and font of the charts. Default 640 × 320 px. */
  chart?: Omit<ChartSvgOptions, "id">;
}

/**
 * Renders a report as one self-contained printable HTML page: no script, no external file; A4
 * print CSS with page breaks (cards `cardsPerPage` to a page, table headers repeated on every
 * page); charts as inline SVG drawn on the server by ECharts; every text escaped. A
 * Content-Security-Policy forbids scripts and remote loads as a second line of defence.
 * Negative values of bar and line charts are drawn below the zero line; when the margins leave
 * too little of the page for `cardsPerPage` cards, each card is as tall as its fields.
 * @param report - a report from `@liushou/report` (checked against its schema first).
 * @param options - margins and chart size.
 * @returns the HTML document.
 * @throws ValidationError naming the field at fault in a malformed report or options (an
 * unknown option key included), or a pie chart with a negative value (`too_small`).
 * @example
 * const html = renderHtml(report);
 * html.startsWith("<!doctype html>") //=> true
 * @category HTML
 */
export function renderHtml(report: Report, options: HtmlOptions = {}): string {
  return htmlOf(parseReport(report), options);
}

const HtmlOptionsSchema = z
  .strictObject({
    margins: PageMarginsSchema.optional(),
    chart: ChartSvgOptionsSchema.omit({ id: true }).strict().optional(),
  })
  .optional();

/** The page of a report already checked; the options are checked here. */
function htmlOf(report: Report, rawOptions: HtmlOptions | undefined): string {
  const options =
    validate(HtmlOptionsSchema, rawOptions, { subject: text("HTML 选项", "HTML options") }) ?? {};
  const ctx: HtmlContext = {
    report,
    footnotes: new Map(report.footnotes.map((n, i) => [n.id, i + 1])),
    chart: options.chart ?? {},
    cards: 0,
    charts: 0,
  };
  const footnotes = report.footnotes.length
    ? `<footer class="footnotes"><h2>${esc(report.locale === "zh-CN" ? "注释" : "Notes")}</h2>${report.footnotes
        .map((n, i) => `<p id="fn-${i + 1}">[${i + 1}] ${esc(n.text)}</p>`)
        .join("")}</footer>`
    : "";
  const lang = report.locale === "zh-CN" ? "zh-CN" : "en";
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Liushou">
<title>${esc(report.title)}</title>
<style>
${printCss(report, options.margins ?? SCHOOL_A4_MARGINS_MM)}
</style>
</head>
<body class="report" data-kind="${esc(report.kind)}">
<header>
<h1>${esc(report.title)}</h1>
${report.subtitle ? `<p class="subtitle">${esc(report.subtitle)}</p>\n` : ""}<dl class="meta">${metaLines(
    report,
  )
    .map((line) => `<dt>${esc(line.label)}</dt><dd>${esc(line.value)}</dd>`)
    .join("")}</dl>
</header>
<main>
${blocksHtml(report.body, ctx)}
</main>
${footnotes}
<footer class="privacy"><p>${esc(privacyStatement(report))}</p></footer>
</body>
</html>
`;
}

/**
 * The HTML format as a renderer for `renderReport`: `text/html`, extension `html`.
 * @example
 * const html = await renderReport(htmlRenderer, report);
 * @category HTML
 */
export const htmlRenderer = defineRenderer<HtmlOptions, string>({
  id: "html",
  mediaType: "text/html; charset=utf-8",
  extension: "html",
  // `renderReport` has checked the report already.
  render: htmlOf,
});
