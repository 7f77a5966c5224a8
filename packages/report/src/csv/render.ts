import { invalidArgument, IssueCode, text, validate } from "@liushou/core";
import * as z from "zod";
import { requireString } from "../_lib/guard";
import { printNumber } from "../model/format";
import { parseReport } from "../model/parse";
import { walkBlocks } from "../model/schema";
import type {
  Block,
  Card,
  CellValue,
  Chart,
  KeyFigures,
  Report,
  Table,
  ValueType,
} from "../model/types";
import { defineRenderer, type ReportRenderer } from "../renderer/port";

/**
 * The byte-order mark that makes Excel read a CSV file as UTF-8 (Chinese text intact).
 * @example
 * csv.startsWith(UTF8_BOM) //=> true
 * @category Renderers
 */
export const UTF8_BOM = "\uFEFF";

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Neutralises a text cell against formula injection (CSV injection): a cell that starts with
 * `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading apostrophe, so a spreadsheet
 * shows it as text instead of running it.
 * @param value - The cell text.
 * @returns The text, safe to open in a spreadsheet.
 * @example
 * neutralizeFormula("=HYPERLINK(\"http://x\")") //=> "'=HYPERLINK(\"http://x\")"
 * neutralizeFormula("王小明") //=> "王小明"
 * @category Renderers
 */
export function neutralizeFormula(value: string): string {
  requireString(value, "value");
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * Quotes one CSV field as RFC 4180 asks (double quotes around a field with a comma, a quote,
 * a line break or surrounding spaces; quotes doubled).
 * @param value - The field text.
 * @returns The field as written.
 * @example
 * quoteCsv('说 "你好", 再见') //=> '"说 ""你好"", 再见"'
 * @category Renderers
 */
export function quoteCsv(value: string): string {
  requireString(value, "value");
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function field(value: CellValue, type: ValueType = "text", decimals?: number): string {
  if (value === null) return "";
  // As a spreadsheet reads it: plain digits (never `1e+21`), a ratio as a percent, fen as yuan.
  if (typeof value === "number") return printNumber(value, type, decimals, false);
  return quoteCsv(neutralizeFormula(value));
}

type Line = string[];

function tableLines(t: Table, withTitle: boolean, note: string): Line[] {
  const out: Line[] = [];
  if (withTitle && t.title !== undefined) out.push([field(t.title)]);
  out.push(t.columns.map((c) => field(c.header)));
  const row = (cells: readonly CellValue[]) =>
    cells.map((v, i) => field(v, t.columns[i]!.type, t.columns[i]!.decimals));
  for (const r of t.rows) out.push(row(r.cells));
  if (t.totals) out.push(row(t.totals.cells));
  if (withTitle) for (const n of t.notes) out.push([field(`${note}${n}`)]);
  return out;
}

function chartLines(c: Chart, category: string): Line[] {
  return [
    [field(c.title)],
    [field(c.xLabel ?? category), ...c.series.map((s) => field(s.name))],
    ...c.categories.map((cat, i) => [
      field(cat),
      ...c.series.map((s) => field(s.values[i] ?? null, c.valueType)),
    ]),
  ];
}

function figureLines(k: KeyFigures): Line[] {
  return k.items.map((f) => [field(f.label), field(f.value, f.valueType), field(f.unit ?? "")]);
}

/**
 * Cards of one kind become one table: a row per card, a column per field label (a label that
 * repeats within a card, such as a second emergency contact, is numbered).
 */
function cardLines(cards: readonly Card[], titleHeader: string): Line[] {
  const labels: string[] = [];
  const seen = new Set<string>();
  const keyed = cards.map((c) => {
    const values = new Map<string, string>();
    const times = new Map<string, number>();
    for (const g of c.groups) {
      for (const f of g.fields) {
        const base = g.title === undefined ? f.label : `${g.title}·${f.label}`;
        const n = (times.get(base) ?? 0) + 1;
        times.set(base, n);
        const label = n === 1 ? base : `${base} ${n}`;
        if (!seen.has(label)) {
          seen.add(label);
          labels.push(label);
        }
        values.set(label, f.value);
      }
    }
    return { title: c.title, values };
  });
  return [
    [field(titleHeader), ...labels.map((l) => field(l))],
    ...keyed.map((k) => [field(k.title), ...labels.map((l) => field(k.values.get(l) ?? null))]),
  ];
}

/** Splits cards by kind (the titles of their groups), keeping the order each kind first appears. */
function cardKinds(cards: readonly Card[]): Card[][] {
  const kinds = new Map<string, Card[]>();
  for (const c of cards) {
    const key = c.groups.map((g) => g.title ?? "").join("\u0000");
    const list = kinds.get(key);
    if (list) list.push(c);
    else kinds.set(key, [c]);
  }
  return [...kinds.values()];
}

/**
 * Options of {@link toCsv}.
 * @example
 * const options: CsvOptions = { tableId: "statistics", bom: true };
 * @category Renderers
 */
export interface CsvOptions {
  /** Only this table (by id), as a bare header + rows + totals grid for machine reading. */
  tableId?: string;
  /** Leave out the byte-order mark (default: written, so Excel reads UTF-8). */
  bom?: boolean;
}

const OptionsSchema = z.strictObject({
  tableId: z.string().min(1).optional(),
  bom: z.boolean().optional(),
});

/**
 * Renders the data of a report as CSV (UTF-8 with a byte-order mark, CRLF line ends): every
 * table with its title and notes, key figures, charts as category × series grids, and cards as
 * one row per card; blank lines between them. Numbers stay plain (no thousands separators,
 * never in exponent notation, however large or small), percents carry `%`, money is in yuan. Every text cell starting with `=`, `+`, `-`, `@`, a tab
 * or a carriage return is neutralised. With `tableId`, just that table.
 * @param report - A checked report.
 * @param options - `tableId`, `bom`.
 * @returns The CSV text, starting with U+FEFF.
 * @throws ValidationError for malformed or unknown options or a `tableId` not in the report.
 * @example
 * toCsv(report, { tableId: "statistics" }).split("\r\n")[1] //=> "小学,420,180,…"
 * @category Renderers
 */
export function toCsv(report: Report, options: CsvOptions = {}): string {
  return csvOf(parseReport(report), options);
}

/** CSV of a report already checked. */
function csvOf(report: Report, options: CsvOptions = {}): string {
  const opts = validate(OptionsSchema, options, { subject: text("CSV 选项", "CSV options") });
  const zh = report.locale === "zh-CN";
  const blocks: Block[] = [...walkBlocks(report.body)];
  let lines: Line[];
  if (opts.tableId !== undefined) {
    const t = blocks.find((b): b is Table => b.type === "table" && b.id === opts.tableId);
    if (!t) {
      const ids = blocks.flatMap((b) => (b.type === "table" ? [b.id] : [])).join(", ");
      throw invalidArgument(
        "tableId",
        IssueCode.UNKNOWN_ID,
        text(`报告中没有该表格（现有：${ids}）`, `no such table in the report (tables: ${ids})`),
        opts.tableId,
      );
    }
    lines = tableLines(t, false, "");
  } else {
    const groups: Line[][] = [];
    for (let i = 0; i < blocks.length; i++) {
      const b = blocks[i]!;
      if (b.type === "table") groups.push(tableLines(b, true, zh ? "注：" : "Note: "));
      else if (b.type === "chart") groups.push(chartLines(b, zh ? "类别" : "Category"));
      else if (b.type === "key-figures") groups.push(figureLines(b));
      else if (b.type === "card") {
        const run: Card[] = [b];
        while (blocks[i + 1]?.type === "card") run.push(blocks[++i] as Card);
        for (const kind of cardKinds(run)) groups.push(cardLines(kind, zh ? "卡片" : "Card"));
      }
    }
    lines = groups.flatMap((g, i) => (i === 0 ? g : [[], ...g]));
  }
  const body = lines.map((l) => l.join(",")).join("\r\n");
  return `${opts.bom === false ? "" : UTF8_BOM}${body}\r\n`;
}

/**
 * The CSV renderer: `text/csv`, extension `csv`, UTF-8 with a byte-order mark.
 * @example
 * await renderReport(csvRenderer, report, { tableId: "statistics" })
 * @category Renderers
 */
export const csvRenderer: ReportRenderer<CsvOptions, string> = defineRenderer({
  id: "csv",
  mediaType: "text/csv; charset=utf-8",
  extension: "csv",
  render: (report: Report, options?: CsvOptions) => csvOf(report, options),
});
