import type { Report } from "@liushou/report";
import { CJK_FONT_STACK, CJK_SERIF_STACK } from "../_lib/fonts";
import { A4_MM, type PageMargins } from "../page/margins";

/**
 * The shortest card worth a fixed height, in millimetres: its padding and border, its title and
 * one line of fields. Below it a fixed height would hide the fields (or be negative: invalid CSS).
 */
const MIN_CARD_HEIGHT_MM = 20;

/**
 * The page's only stylesheet: A4 with the given margins, a Chinese font stack, tables whose
 * header repeats on every printed page, and cards sized so `cardsPerPage` fill one page. When
 * the margins leave too little height for that many cards (under 20 mm each, or none at all),
 * the cards are not given a fixed height: each is as tall as its fields, so none is hidden,
 * and a page still starts before every `cardsPerPage`-th card.
 * @example
 * printCss(report, SCHOOL_A4_MARGINS_MM).includes("@page") //=> true
 */
export function printCss(report: Report, margins: PageMargins): string {
  const landscape = report.layout.orientation === "landscape";
  const pageHeight = landscape ? A4_MM.width : A4_MM.height;
  const perPage = report.layout.cardsPerPage ?? 2;
  const usable = pageHeight - margins.top - margins.bottom;
  const gap = 6;
  const cardHeight = Math.floor(((usable - gap * perPage) / perPage) * 10) / 10;
  const cardSize =
    cardHeight >= MIN_CARD_HEIGHT_MM ? `height: ${cardHeight}mm; overflow: hidden; ` : "";
  return `
@page { size: A4 ${landscape ? "landscape" : "portrait"}; margin: ${margins.top}mm ${margins.right}mm ${margins.bottom}mm ${margins.left}mm; }
:root { color: #111; background: #fff; }
body { margin: 0; font-family: ${CJK_SERIF_STACK}; font-size: 12pt; line-height: 1.6; }
h1, h2, h3, h4, h5, h6, .key-figures, table, figcaption, .card { font-family: ${CJK_FONT_STACK}; }
h1 { font-size: 20pt; text-align: center; margin: 0 0 4mm; }
.subtitle { text-align: center; margin: 0 0 4mm; }
h2 { font-size: 15pt; margin: 6mm 0 2mm; }
h3 { font-size: 13pt; margin: 4mm 0 2mm; }
h4, h5, h6 { font-size: 12pt; margin: 3mm 0 1mm; }
h2, h3, h4, h5, h6 { break-after: avoid; page-break-after: avoid; }
p { margin: 0 0 2mm; text-indent: 2em; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0 4mm; margin: 0 0 5mm; font-size: 10pt; }
.meta dt { color: #555; } .meta dd { margin: 0; }
.figure { font-weight: bold; }
.key-figures { display: flex; flex-wrap: wrap; gap: 3mm; margin: 3mm 0; break-inside: avoid; }
.key-figure { border: 0.3mm solid #999; border-radius: 1.5mm; padding: 2mm 4mm; min-width: 30mm; }
.key-figure .value { font-size: 16pt; font-weight: bold; display: block; }
.key-figure .label { font-size: 9pt; color: #444; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0; font-size: 10pt; }
caption { font-weight: bold; margin-bottom: 1mm; }
th, td { border: 0.3mm solid #333; padding: 1mm 1.5mm; vertical-align: top; }
th { background: #eee; }
thead { display: table-header-group; }
tfoot { display: table-row-group; font-weight: bold; }
tr { break-inside: avoid; page-break-inside: avoid; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.date { white-space: nowrap; }
.notes { font-size: 9pt; color: #333; margin: 0 0 3mm; }
.notes p { text-indent: 0; }
figure.chart { margin: 3mm 0; break-inside: avoid; page-break-inside: avoid; text-align: center; }
figure.chart svg { max-width: 100%; height: auto; }
figcaption { font-weight: bold; margin-bottom: 1mm; }
.card { box-sizing: border-box; ${cardSize}border: 0.4mm solid #333; padding: 4mm; margin: 0 0 ${gap}mm; break-inside: avoid; page-break-inside: avoid; font-size: 10.5pt; }
.card h3 { margin: 0 0 2mm; text-align: center; }
.card h4 { margin: 1mm 0; }
.card dl { display: grid; grid-template-columns: max-content 1fr; gap: 0 3mm; margin: 0; }
.card dd { margin: 0; }
.page-start { break-before: page; page-break-before: always; }
.page-break { break-after: page; page-break-after: always; }
.footnotes { font-size: 9pt; border-top: 0.3mm solid #999; margin-top: 6mm; padding-top: 2mm; }
.footnotes p, .privacy p { text-indent: 0; }
.privacy { font-size: 9pt; color: #444; }
@media screen { body { max-width: ${(landscape ? A4_MM.height : A4_MM.width) - margins.left - margins.right}mm; margin: 10mm auto; padding: 0 8mm; } }
`.trim();
}
