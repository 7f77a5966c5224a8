import {
  formatValue,
  type Block,
  type Card,
  type Chart,
  type Inline,
  type KeyFigures,
  type Report,
  type Table,
} from "@liushou/report";
import { escapeHtml as esc } from "../_lib/escape";
import { chartToSvg, type ChartSvgOptions } from "../chart/svg";

/**
 * What the block writers share while walking one report.
 * @example
 * const ctx: HtmlContext = { report, footnotes: new Map([["n1", 1]]), chart: {}, cards: 0, charts: 0 };
 */
export interface HtmlContext {
  readonly report: Report;
  /** Footnote number (1-based) by id. */
  readonly footnotes: ReadonlyMap<string, number>;
  readonly chart: ChartSvgOptions;
  /** Cards written so far, to start a page before every `cardsPerPage`-th. */
  cards: number;
  /** Charts written so far, to give each its own class names. */
  charts: number;
}

/**
 * Writes blocks as HTML, depth first.
 * @example
 * blocksHtml([{ type: "paragraph", content: [{ type: "text", text: "<b>王</b>" }] }], ctx) //=> "<p>&lt;b&gt;王&lt;/b&gt;</p>"
 */
export function blocksHtml(blocks: readonly Block[], ctx: HtmlContext): string {
  return blocks.map((b) => blockHtml(b, ctx)).join("\n");
}

function blockHtml(block: Block, ctx: HtmlContext): string {
  switch (block.type) {
    case "section": {
      const h = `h${Math.min(block.level + 1, 6)}`;
      return `<section id="${esc(`s-${block.id}`)}">\n<${h}>${esc(block.title)}</${h}>\n${blocksHtml(block.blocks, ctx)}\n</section>`;
    }
    case "paragraph":
      return `<p>${inlineHtml(block.content, ctx)}</p>`;
    case "list": {
      const tag = block.ordered ? "ol" : "ul";
      return `<${tag}>${block.items.map((i) => `<li>${inlineHtml(i, ctx)}</li>`).join("")}</${tag}>`;
    }
    case "table":
      return tableHtml(block);
    case "key-figures":
      return keyFiguresHtml(block);
    case "chart":
      return chartHtml(block, ctx);
    case "card":
      return cardHtml(block, ctx);
    case "page-break":
      return `<div class="page-break"></div>`;
  }
}

/**
 * Text, figures (bold, with their source) and footnote references of a sentence.
 * @example
 * inlineHtml([{ type: "figure", value: 54, valueType: "integer", text: "54" }], ctx) // "<strong …>54</strong>"
 */
export function inlineHtml(runs: readonly Inline[], ctx: HtmlContext): string {
  return runs
    .map((r) => {
      if (r.type === "text") return esc(r.text);
      if (r.type === "figure") {
        const source = r.source ? ` data-source="${esc(r.source)}"` : "";
        return `<span class="figure"${source}>${esc(r.text)}</span>`;
      }
      const n = ctx.footnotes.get(r.id);
      return n === undefined ? "" : `<sup><a href="#fn-${n}">[${n}]</a></sup>`;
    })
    .join("");
}

function tableHtml(t: Table): string {
  const classes = t.columns.map((c) =>
    c.type === "text" ? "" : c.type === "date" ? ` class="date"` : ` class="num"`,
  );
  const cell = (tag: "td" | "th", v: Table["rows"][number]["cells"][number], i: number) => {
    const column = t.columns[i]!;
    const printed = formatValue(
      v,
      column.type,
      column.decimals === undefined ? {} : { decimals: column.decimals },
    );
    return `<${tag}${v === null ? "" : classes[i]}>${esc(printed)}</${tag}>`;
  };
  const head = t.columns.map((c) => `<th scope="col">${esc(c.header)}</th>`).join("");
  const rows = t.rows.map((r) => `<tr>${r.cells.map((v, i) => cell("td", v, i)).join("")}</tr>`);
  const totals = t.totals
    ? `\n<tfoot><tr>${t.totals.cells.map((v, i) => cell("td", v, i)).join("")}</tr></tfoot>`
    : "";
  const caption = t.title ? `<caption>${esc(t.title)}</caption>` : "";
  const notes = t.notes.length
    ? `\n<div class="notes">${t.notes.map((n) => `<p>${esc(n)}</p>`).join("")}</div>`
    : "";
  return `<table id="${esc(`t-${t.id}`)}">${caption}\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows.join("\n")}\n</tbody>${totals}\n</table>${notes}`;
}

function keyFiguresHtml(k: KeyFigures): string {
  const items = k.items.map((f) => {
    const value = f.value === null ? "—" : formatValue(f.value, f.valueType);
    const unit = f.unit ? `<span class="unit">${esc(f.unit)}</span>` : "";
    const source = f.source ? ` data-source="${esc(f.source)}"` : "";
    return `<div class="key-figure"${source}><span class="value">${esc(value)}${unit}</span><span class="label">${esc(f.label)}</span></div>`;
  });
  return `<div class="key-figures">${items.join("")}</div>`;
}

function chartHtml(c: Chart, ctx: HtmlContext): string {
  // Class names from a counter, not from the chart's id (which may hold any character).
  const svg = chartToSvg(c, { ...ctx.chart, id: `chart-${++ctx.charts}` });
  return `<figure class="chart" id="${esc(`c-${c.id}`)}"><figcaption>${esc(c.title)}</figcaption>\n${svg}\n</figure>`;
}

function cardHtml(card: Card, ctx: HtmlContext): string {
  // Cards start on a page of their own, `cardsPerPage` to a page; breaking before (not after)
  // a page's first card leaves no blank page at the end.
  const newPage = ctx.cards % (ctx.report.layout.cardsPerPage ?? 2) === 0;
  ctx.cards++;
  const end = newPage ? " page-start" : "";
  const groups = card.groups.map((g) => {
    const title = g.title ? `<h4>${esc(g.title)}</h4>` : "";
    const fields = g.fields.map((f) => `<dt>${esc(f.label)}</dt><dd>${esc(f.value)}</dd>`);
    return `${title}<dl>${fields.join("")}</dl>`;
  });
  return `<article class="card${end}" id="${esc(`k-${card.id}`)}"><h3>${esc(card.title)}</h3>${groups.join("")}</article>`;
}
