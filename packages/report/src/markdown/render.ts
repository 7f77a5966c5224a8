import { requireString } from "../_lib/guard";
import { formatValue } from "../model/format";
import { parseReport } from "../model/parse";
import { metaLines, privacyStatement } from "../model/describe";
import type {
  Block,
  Card,
  CellValue,
  Chart,
  Inline,
  Report,
  Table,
  TableColumn,
} from "../model/types";
import { defineRenderer, type ReportRenderer } from "../renderer/port";

/**
 * Escapes text for Markdown so that data (a name, a note) can never become markup.
 * @param value - Plain text.
 * @returns The text with Markdown and HTML characters escaped and line breaks as spaces.
 * @example
 * escapeMarkdown("*重点* <b>") //=> "\\*重点\\* &lt;b&gt;"
 * @category Renderers
 */
export function escapeMarkdown(value: string): string {
  requireString(value, "value");
  return value
    .replace(/[\\`*_[\]#|~]/g, (c) => `\\${c}`)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\r\n|\r|\n/g, " ");
}

/**
 * Text that would open a Markdown block where it starts a line (after at most three spaces): a
 * bullet (`- x`, `+ x`, a lone `-`), a numbered item (`1. x`, `1) x`), or a thematic break
 * (`---`, `- - -`). `#`, `>`, `*`, `_`, backticks and `~` are escaped wherever they are.
 */
const BLOCK_START =
  /^( {0,3})(?:([-+])(?=[ \t]|$)|(\d{1,9})([.)])(?=[ \t]|$)|(-)(?=(?:[ \t]*-){2}[ \t-]*$))/;

/** Four columns of indentation (spaces, or a tab within them): an indented code block. */
const CODE_INDENT = /^(?: {0,3}\t| {4})/;

/**
 * Escaped text that starts a line (a paragraph, a list item, a table cell) kept as text: the
 * marker of a list item or a thematic break gets a backslash (`\- x`, `1\. x`), and indentation
 * that would open a code block starts with a character reference. Other text is unchanged.
 */
function escapeLineStart(md: string): string {
  const block = BLOCK_START.exec(md);
  if (block) {
    const [match, indent] = block;
    // The marker is the last character of the match (the `.` or `)` of a numbered item).
    return `${indent}${match.slice(indent!.length, -1)}\\${match.slice(-1)}${md.slice(match.length)}`;
  }
  if (CODE_INDENT.test(md)) return `${md[0] === "\t" ? "&#9;" : "&#32;"}${md.slice(1)}`;
  return md;
}

interface Ctx {
  report: Report;
  footnote: Map<string, number>;
}

function inline(runs: readonly Inline[], ctx: Ctx): string {
  let out = "";
  for (const r of runs) {
    if (r.type === "text") out += escapeMarkdown(r.text);
    else if (r.type === "figure") out += `**${escapeMarkdown(r.text)}**`;
    else out += `[^${ctx.footnote.get(r.id)}]`;
  }
  return out;
}

const NUMERIC = new Set(["integer", "decimal", "percent", "money-fen"]);

function cell(value: CellValue, column: TableColumn): string {
  return escapeMarkdown(
    formatValue(
      value,
      column.type,
      column.decimals === undefined ? {} : { decimals: column.decimals },
    ),
  );
}

function gridLines(
  headers: readonly string[],
  align: readonly boolean[],
  rows: readonly string[][],
): string[] {
  const line = (cells: readonly string[]) => `| ${cells.map(escapeLineStart).join(" | ")} |`;
  return [
    line(headers.map(escapeMarkdown)),
    `| ${align.map((right) => (right ? "---:" : "---")).join(" | ")} |`,
    ...rows.map(line),
  ];
}

function bold(s: string): string {
  return s === "" ? "" : `**${s}**`;
}

function colon(report: Report): string {
  return report.locale === "zh-CN" ? "：" : ": ";
}

function table(t: Table, ctx: Ctx): string {
  const l = ctx.report.locale;
  const out: string[] = [];
  // An empty title would print `****`, a thematic break.
  if (t.title) out.push(bold(escapeMarkdown(t.title)), "");
  const rows = t.rows.map((r) => r.cells.map((c, i) => cell(c, t.columns[i]!)));
  if (t.totals) rows.push(t.totals.cells.map((c, i) => bold(cell(c, t.columns[i]!))));
  out.push(
    ...gridLines(
      t.columns.map((c) => c.header),
      t.columns.map((c) => NUMERIC.has(c.type)),
      rows,
    ),
  );
  const note = l === "zh-CN" ? "注" : "Note";
  for (const n of t.notes) out.push("", `${note}${colon(ctx.report)}${escapeMarkdown(n)}`);
  return out.join("\n");
}

function chart(c: Chart, ctx: Ctx): string {
  const l = ctx.report.locale;
  const head = bold(
    `${l === "zh-CN" ? "图" : "Chart"}${colon(ctx.report)}${escapeMarkdown(c.title)}`,
  );
  const rows = c.categories.map((cat, i) => [
    escapeMarkdown(cat),
    ...c.series.map((s) => escapeMarkdown(formatValue(s.values[i] ?? null, c.valueType))),
  ]);
  const first = c.xLabel ?? (l === "zh-CN" ? "类别" : "Category");
  return [
    head,
    "",
    ...gridLines(
      [first, ...c.series.map((s) => s.name)],
      [false, ...c.series.map(() => true)],
      rows,
    ),
  ].join("\n");
}

function card(c: Card, ctx: Ctx): string {
  const zh = ctx.report.locale === "zh-CN";
  const out = c.title ? [bold(escapeMarkdown(c.title))] : [];
  for (const g of c.groups) {
    if (out.length > 0) out.push("");
    if (g.title !== undefined) out.push(`*${escapeMarkdown(g.title)}*`, "");
    out.push(
      ...gridLines(
        zh ? ["项目", "内容"] : ["Field", "Value"],
        [false, false],
        g.fields.map((f) => [escapeMarkdown(f.label), escapeMarkdown(f.value)]),
      ),
    );
  }
  return out.join("\n");
}

function block(b: Block, ctx: Ctx): string {
  switch (b.type) {
    case "section": {
      const head = `${"#".repeat(Math.min(6, b.level + 1))} ${escapeMarkdown(b.title)}`;
      return [head, ...b.blocks.map((x) => block(x, ctx))].join("\n\n");
    }
    case "paragraph":
      return escapeLineStart(inline(b.content, ctx));
    case "list":
      return b.items
        .map((item, i) => `${b.ordered ? `${i + 1}.` : "-"} ${escapeLineStart(inline(item, ctx))}`)
        .join("\n");
    case "table":
      return table(b, ctx);
    case "key-figures":
      return b.items
        .map((f) => {
          const v = f.value === null ? "—" : formatValue(f.value, f.valueType);
          const unit = f.unit === undefined ? "" : ` ${escapeMarkdown(f.unit)}`;
          return `- ${escapeLineStart(escapeMarkdown(f.label))}${colon(ctx.report)}${bold(escapeMarkdown(v))}${unit}`;
        })
        .join("\n");
    case "chart":
      return chart(b, ctx);
    case "card":
      return card(b, ctx);
    case "page-break":
      return "---";
  }
}

/**
 * Renders a report as Markdown: title, metadata, sections as headings, figures in bold, tables
 * with numbers right-aligned and totals in bold, charts as data tables, cards as field tables,
 * footnotes, and the privacy statement. Every character of the data is escaped, and data that
 * starts a line (a paragraph, a list item, a table cell) and looks like a list item (`- x`,
 * `1. x`), a heading, a quote, a thematic break or indented code stays text.
 * @param report - A checked report.
 * @returns The Markdown text.
 * @example
 * toMarkdown(report).startsWith("# 留守儿童统计表") //=> true
 * @category Renderers
 */
export function toMarkdown(report: Report): string {
  return markdownOf(parseReport(report));
}

/** Markdown of a report already checked. */
function markdownOf(report: Report): string {
  const footnote = new Map(report.footnotes.map((f, i) => [f.id, i + 1]));
  const ctx: Ctx = { report, footnote };
  const parts: string[] = [`# ${escapeMarkdown(report.title)}`];
  if (report.subtitle !== undefined) parts.push(escapeLineStart(escapeMarkdown(report.subtitle)));
  parts.push(
    metaLines(report)
      .map((m) => `${escapeMarkdown(m.label)}${colon(report)}${escapeMarkdown(m.value)}`)
      .join("  \n"),
  );
  for (const b of report.body) parts.push(block(b, ctx));
  if (report.footnotes.length > 0) {
    parts.push(
      report.footnotes
        .map((f, i) => `[^${i + 1}]: ${escapeLineStart(escapeMarkdown(f.text))}`)
        .join("\n"),
    );
  }
  parts.push(`*${escapeMarkdown(privacyStatement(report))}*`);
  return `${parts.join("\n\n")}\n`;
}

/**
 * The Markdown renderer: `text/markdown`, extension `md`.
 * @example
 * await renderReport(markdownRenderer, report) //=> "# 留守儿童统计表\n\n…"
 * @category Renderers
 */
export const markdownRenderer: ReportRenderer<Record<string, never>, string> = defineRenderer({
  id: "markdown",
  mediaType: "text/markdown; charset=utf-8",
  extension: "md",
  render: (report: Report) => markdownOf(report),
});
