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
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [
    line(headers.map(escapeMarkdown)),
    line(align.map((right) => (right ? "---:" : "---"))),
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
  if (t.title !== undefined) out.push(`**${escapeMarkdown(t.title)}**`, "");
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
  const out = [`**${escapeMarkdown(c.title)}**`];
  for (const g of c.groups) {
    out.push("");
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
      return inline(b.content, ctx);
    case "list":
      return b.items
        .map((item, i) => `${b.ordered ? `${i + 1}.` : "-"} ${inline(item, ctx)}`)
        .join("\n");
    case "table":
      return table(b, ctx);
    case "key-figures":
      return b.items
        .map((f) => {
          const v = f.value === null ? "—" : formatValue(f.value, f.valueType);
          const unit = f.unit === undefined ? "" : ` ${escapeMarkdown(f.unit)}`;
          return `- ${escapeMarkdown(f.label)}${colon(ctx.report)}${bold(escapeMarkdown(v))}${unit}`;
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
 * footnotes, and the privacy statement. Every character of the data is escaped.
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
  if (report.subtitle !== undefined) parts.push(escapeMarkdown(report.subtitle));
  parts.push(
    metaLines(report)
      .map((m) => `${escapeMarkdown(m.label)}${colon(report)}${escapeMarkdown(m.value)}`)
      .join("  \n"),
  );
  for (const b of report.body) parts.push(block(b, ctx));
  if (report.footnotes.length > 0) {
    parts.push(report.footnotes.map((f, i) => `[^${i + 1}]: ${escapeMarkdown(f.text)}`).join("\n"));
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
