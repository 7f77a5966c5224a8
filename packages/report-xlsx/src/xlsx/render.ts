import { text, validate } from "@liushou/core";
import {
  defineRenderer,
  formatValue,
  mapReportText,
  metaLines,
  parseReport,
  privacyStatement,
  xmlSafeText,
  type Block,
  type Card,
  type Chart,
  type KeyFigure,
  type Report,
  type Table,
} from "@liushou/report";
import ExcelJS from "exceljs";
import { z } from "zod";
import { writeTableSheet, type SheetContext } from "./table-sheet";

/**
 * Options of {@link renderXlsx}. None yet; the object is there so that options can be added
 * without breaking callers.
 * @example
 * const options: XlsxOptions = {};
 * @category XLSX
 */
export type XlsxOptions = Record<string, never>;

const WORDS = {
  category: text("类别", "Category"),
  cards: text("卡片", "Cards"),
  card: text("卡片", "Card"),
  about: text("说明", "About"),
  item: text("项目", "Item"),
  value: text("数值", "Value"),
  report: text("报告", "Report"),
  privacy: text("隐私", "Privacy"),
} as const;

/**
 * Renders a report as an Excel workbook (exceljs): one sheet per table and per chart (its data),
 * in document order, each with a merged title row, frozen and repeated header row, number
 * formats by column type, column widths from the content and a totals row of `SUM` formulas;
 * then one sheet of the cards (a row per card) and an "About" sheet with the report's metadata,
 * key figures, notes and privacy notice. Text is never written as a formula.
 * @param report - a report from `@liushou/report`.
 * @param options - reserved: an empty object.
 * @returns the `.xlsx` file's bytes.
 * @throws ValidationError naming the field at fault in a malformed report or options.
 * @example
 * const bytes = await renderXlsx(report);
 * writeFileSync("统计表.xlsx", bytes);
 * @category XLSX
 */
export async function renderXlsx(report: Report, options: XlsxOptions = {}): Promise<Uint8Array> {
  return xlsxOf(parseReport(report), options);
}

const XlsxOptionsSchema = z.object({}).strict().optional();

/** The workbook of a report already checked; the options are checked here. */
async function xlsxOf(checked: Report, options: XlsxOptions | undefined): Promise<Uint8Array> {
  validate(XlsxOptionsSchema, options, { subject: text("XLSX 选项", "XLSX options") });
  // XML 1.0 cannot carry control characters: they become U+FFFD rather than break the file.
  const report = mapReportText(checked, xmlSafeText);
  const l = (t: { "zh-CN": string; en: string }) => t[report.locale];
  const wb = new ExcelJS.Workbook();
  const at = new Date(report.meta.generatedAt);
  wb.creator = report.meta.preparedBy ?? "Liushou";
  wb.lastModifiedBy = wb.creator;
  wb.created = at;
  wb.modified = at;
  wb.title = report.title;
  wb.subject = report.meta.subject.name;
  const m = report.meta;
  const ctx: SheetContext = {
    names: new Set(),
    subtitle: `${m.subject.name} · ${m.period.from} — ${m.period.to}`,
    landscape: report.layout.orientation === "landscape",
  };

  const cards: Card[] = [];
  const figures: KeyFigure[] = [];
  for (const block of walk(report.body)) {
    if (block.type === "table") writeTableSheet(wb, block, ctx);
    else if (block.type === "chart") writeTableSheet(wb, chartTable(block, l(WORDS.category)), ctx);
    else if (block.type === "card") cards.push(block);
    else if (block.type === "key-figures") figures.push(...block.items);
  }
  if (cards.length) writeTableSheet(wb, cardsTable(cards, l(WORDS.cards), l(WORDS.card)), ctx);
  writeTableSheet(wb, aboutTable(report, figures, l), ctx);

  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function* walk(blocks: readonly Block[]): Generator<Block> {
  for (const b of blocks) {
    yield b;
    if (b.type === "section") yield* walk(b.blocks);
  }
}

/** A chart's data as a table: a row per category, a column per series. */
function chartTable(c: Chart, categoryHeader: string): Table {
  return {
    type: "table",
    id: c.id,
    title: c.title,
    columns: [
      { key: "category", header: c.xLabel ?? categoryHeader, type: "text" },
      ...c.series.map((s, i) => ({ key: `s${i}`, header: s.name, type: c.valueType })),
    ],
    rows: c.categories.map((name, i) => ({
      cells: [name, ...c.series.map((s) => s.values[i] ?? null)],
    })),
    notes: [],
  };
}

/** The cards as a register: a row per card, a column per field label (first seen, first placed). */
function cardsTable(cards: readonly Card[], title: string, cardHeader: string): Table {
  const labels: string[] = [];
  const seen = new Set<string>();
  for (const card of cards)
    for (const g of card.groups)
      for (const f of g.fields) if (!seen.has(f.label)) (seen.add(f.label), labels.push(f.label));
  return {
    type: "table",
    id: "cards",
    title,
    columns: [
      { key: "card", header: cardHeader, type: "text" },
      ...labels.map((label, i) => ({ key: `f${i}`, header: label, type: "text" as const })),
    ],
    rows: cards.map((card) => {
      const values = new Map(
        card.groups.flatMap((g) => g.fields.map((f) => [f.label, f.value] as const)),
      );
      return { cells: [card.title, ...labels.map((label) => values.get(label) ?? null)] };
    }),
    notes: [],
  };
}

/** The report's metadata, key figures (as printed), footnotes and privacy notice, as a two-column table. */
function aboutTable(
  report: Report,
  figures: readonly KeyFigure[],
  l: (t: { "zh-CN": string; en: string }) => string,
): Table {
  const rows: [string, string][] = [
    [l(WORDS.report), report.title],
    ...(report.subtitle ? [["", report.subtitle] as [string, string]] : []),
    ...metaLines(report).map((line): [string, string] => [line.label, line.value]),
    ...figures.map((f): [string, string] => [
      f.label,
      f.value === null ? "—" : `${formatValue(f.value, f.valueType)}${f.unit ?? ""}`,
    ]),
    ...report.footnotes.map((n, i): [string, string] => [`[${i + 1}]`, n.text]),
    [l(WORDS.privacy), privacyStatement(report)],
  ];
  return {
    type: "table",
    id: "about",
    title: l(WORDS.about),
    columns: [
      { key: "item", header: l(WORDS.item), type: "text" },
      { key: "value", header: l(WORDS.value), type: "text" },
    ],
    rows: rows.map((cells) => ({ cells })),
    notes: [],
  };
}

/**
 * The XLSX format as a renderer for `renderReport`: extension `xlsx`.
 * @example
 * const bytes = await renderReport(xlsxRenderer, report);
 * @category XLSX
 */
export const xlsxRenderer = defineRenderer<XlsxOptions, Uint8Array>({
  id: "xlsx",
  mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  extension: "xlsx",
  // `renderReport` has checked the report already.
  render: xlsxOf,
});
