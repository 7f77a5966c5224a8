import type { CalendarDate, Instant, Locale, TimeZone } from "@liushou/core";

/**
 * How the values of a table column, a key figure or a chart are typed and printed:
 * `text`; `integer` (counts); `decimal`; `percent` (a ratio 0–1, printed as 95.2%); `date`
 * (`YYYY-MM-DD`); `money-fen` (integer fen, printed in yuan).
 * @example
 * const type: ValueType = "percent";
 * @category Report model
 */
export type ValueType = "text" | "integer" | "decimal" | "percent" | "date" | "money-fen";

/**
 * A cell value: text or a date as a string, a number, or `null` for an empty cell.
 * @example
 * const cells: CellValue[] = ["小学", 28342, 0.28, null];
 * @category Report model
 */
export type CellValue = string | number | null;

/**
 * A run of plain text inside a paragraph.
 * @example
 * const run: TextRun = { type: "text", text: "本学期共走访 " };
 * @category Report model
 */
export interface TextRun {
  readonly type: "text";
  readonly text: string;
}

/**
 * A number inside a sentence, kept as data: the value, its type, the text printed, and where it
 * came from (`source`, such as `leftBehindStatistics.total.leftBehind`), so a renderer can
 * emphasise it and a test can check it against the function that computed it.
 * @example
 * const run: FigureRun = { type: "figure", value: 54, valueType: "integer", text: "54", source: "leftBehindStatistics.total.leftBehind" };
 * @category Report model
 */
export interface FigureRun {
  readonly type: "figure";
  readonly value: number;
  readonly valueType: ValueType;
  readonly text: string;
  readonly source?: string;
}

/**
 * A reference to a footnote of the report (by its id).
 * @example
 * const run: FootnoteRef = { type: "footnote-ref", id: "convention" };
 * @category Report model
 */
export interface FootnoteRef {
  readonly type: "footnote-ref";
  readonly id: string;
}

/**
 * A piece of a paragraph or a list item: text, a figure or a footnote reference.
 * @example
 * const runs: Inline[] = [{ type: "text", text: "共 " }, { type: "figure", value: 54, valueType: "integer", text: "54" }];
 * @category Report model
 */
export type Inline = TextRun | FigureRun | FootnoteRef;

/**
 * A paragraph: sentences whose numbers are figures filled from data.
 * @example
 * const p: Paragraph = { type: "paragraph", content: [{ type: "text", text: "我校共有留守儿童 " }, { type: "figure", value: 54, valueType: "integer", text: "54" }, { type: "text", text: " 名。" }] };
 * @category Report model
 */
export interface Paragraph {
  readonly type: "paragraph";
  readonly content: readonly Inline[];
}

/**
 * A bulleted or numbered list; each item is a run of inlines.
 * @example
 * const list: List = { type: "list", ordered: true, items: [[{ type: "text", text: "补齐档案" }]] };
 * @category Report model
 */
export interface List {
  readonly type: "list";
  readonly ordered: boolean;
  readonly items: readonly (readonly Inline[])[];
}

/**
 * A table column: its key, header and value type. `total: "sum"` says the totals cell is the
 * sum of the column (a spreadsheet may write it as a formula); `decimals` fixes the digits
 * printed for `decimal` and `percent` (default 2 and 1).
 * @example
 * const column: TableColumn = { key: "leftBehind", header: "留守儿童数", type: "integer", total: "sum" };
 * @category Report model
 */
export interface TableColumn {
  readonly key: string;
  readonly header: string;
  readonly type: ValueType;
  readonly decimals?: number;
  readonly total?: "sum";
  /** A hint for the printed width, in characters. */
  readonly width?: number;
}

/**
 * A row of a table: one cell per column, in column order.
 * @example
 * const row: TableRow = { key: "primary", cells: ["小学", 69595, 28342] };
 * @category Report model
 */
export interface TableRow {
  /** A stable key for the row (a stage, a school id), when there is one. */
  readonly key?: string;
  readonly cells: readonly CellValue[];
}

/**
 * A table: typed columns, rows, an optional totals row and notes printed under it.
 * @example
 * const table: Table = { type: "table", id: "stats", title: "留守儿童统计表", columns, rows, totals: { cells: ["合计", 40138] }, notes: [] };
 * @category Report model
 */
export interface Table {
  readonly type: "table";
  /** Unique in the report; a spreadsheet names its sheet after the title, a CSV export its file after the id. */
  readonly id: string;
  readonly title?: string;
  readonly columns: readonly TableColumn[];
  readonly rows: readonly TableRow[];
  readonly totals?: TableRow;
  /** Notes printed under the table (the boarding convention, a definition). */
  readonly notes: readonly string[];
}

/**
 * One key figure: a label, a value and how to print it.
 * @example
 * const figure: KeyFigure = { label: "建档率", value: 0.98, valueType: "percent" };
 * @category Report model
 */
export interface KeyFigure {
  readonly label: string;
  readonly value: number | null;
  readonly valueType: ValueType;
  /** A unit printed after the value (人, 次). */
  readonly unit?: string;
  readonly source?: string;
}

/**
 * A row of key figures printed prominently (total, archive rate, compliance).
 * @example
 * const block: KeyFigures = { type: "key-figures", items: [{ label: "留守儿童", value: 54, valueType: "integer", unit: "人" }] };
 * @category Report model
 */
export interface KeyFigures {
  readonly type: "key-figures";
  readonly items: readonly KeyFigure[];
}

/**
 * A chart kind: bars, a pie (one series) or lines.
 * @example
 * const kind: ChartKind = "pie";
 * @category Report model
 */
export type ChartKind = "bar" | "pie" | "line";

/**
 * One series of a chart: a value per category (`null` for a gap).
 * @example
 * const series: ChartSeries = { name: "留守儿童", values: [18281, 3124, 2937, 580] };
 * @category Report model
 */
export interface ChartSeries {
  readonly name: string;
  readonly values: readonly (number | null)[];
}

/**
 * A chart as data: renderers draw it (an SVG, a spreadsheet chart) or print it as a table.
 * @example
 * const chart: Chart = { type: "chart", id: "arrangements", kind: "pie", title: "生活方式", categories: ["随祖辈", "随其他亲戚"], series: [{ name: "人数", values: [40, 6] }], valueType: "integer" };
 * @category Report model
 */
export interface Chart {
  readonly type: "chart";
  readonly id: string;
  readonly kind: ChartKind;
  readonly title: string;
  readonly categories: readonly string[];
  readonly series: readonly ChartSeries[];
  readonly valueType: ValueType;
  readonly xLabel?: string;
  readonly yLabel?: string;
  /** Bars stacked instead of side by side. */
  readonly stacked?: boolean;
}

/**
 * One labelled field of a card.
 * @example
 * const field: CardField = { label: "姓名", value: "王小明" };
 * @category Report model
 */
export interface CardField {
  readonly label: string;
  readonly value: string;
}

/**
 * A printable card (a child file card, a contact card): a title and groups of labelled fields.
 * The report's `layout.cardsPerPage` says how many share a page.
 * @example
 * const card: Card = { type: "card", id: "c1-contact", title: "联系卡 · 王小明", groups: [{ fields: [{ label: "班主任", value: "李老师" }] }] };
 * @category Report model
 */
export interface Card {
  readonly type: "card";
  readonly id: string;
  readonly title: string;
  readonly groups: readonly { readonly title?: string; readonly fields: readonly CardField[] }[];
}

/**
 * A forced page break (between the pages of a record book, say).
 * @example
 * const br: PageBreak = { type: "page-break" };
 * @category Report model
 */
export interface PageBreak {
  readonly type: "page-break";
}

/**
 * A section: a heading and its blocks (which may be sections). `level` 1 is a top section.
 * @example
 * const s: Section = { type: "section", id: "basic", title: "一、基本情况", level: 1, blocks: [] };
 * @category Report model
 */
export interface Section {
  readonly type: "section";
  readonly id: string;
  readonly title: string;
  readonly level: number;
  readonly blocks: readonly Block[];
}

/**
 * Any block of the document tree.
 * @example
 * const blocks: Block[] = [{ type: "page-break" }];
 * @category Report model
 */
export type Block = Section | Paragraph | List | Table | KeyFigures | Chart | Card | PageBreak;

/**
 * A footnote, referenced by {@link FootnoteRef} runs and printed at the end.
 * @example
 * const note: Footnote = { id: "definition", text: "留守儿童按国发〔2016〕13号认定。" };
 * @category Report model
 */
export interface Footnote {
  readonly id: string;
  readonly text: string;
}

/**
 * A personal field that reports mask unless the caller reveals it by name.
 * @example
 * const reveal: SensitiveField[] = ["phone"];
 * @category Privacy
 */
export type SensitiveField = "idNumber" | "phone" | "address" | "health";

/**
 * What the report did with sensitive fields: masked by default, revealed only where named.
 * @example
 * const p: PrivacyNotice = { masked: ["idNumber", "phone", "address", "health"], revealed: [] };
 * @category Privacy
 */
export interface PrivacyNotice {
  readonly masked: readonly SensitiveField[];
  readonly revealed: readonly SensitiveField[];
}

/**
 * A data set the report was built from: its name and how many entries were read.
 * @example
 * const source: DataSource = { name: "儿童档案", count: 650 };
 * @category Report model
 */
export interface DataSource {
  readonly name: string;
  readonly count?: number;
  readonly note?: string;
}

/**
 * Who made the report, for what area or school, over which period, when, and from what data.
 * @example
 * const meta: ReportMeta = { subject: { kind: "school", id: "s1", name: "红桃镇中心小学" }, period: { from: "2026-02-20", to: "2026-06-30" }, asOf: "2026-06-30", generatedAt: "2026-07-01T09:00:00+08:00", timeZone: "Asia/Shanghai", dataSources: [{ name: "儿童档案", count: 36 }] };
 * @category Report model
 */
export interface ReportMeta {
  /** The person or office who prepared it (填报人 / 填报单位). */
  readonly preparedBy?: string;
  /** The school, township or county the report is about. */
  readonly subject: {
    readonly kind: "school" | "area" | "mentor" | "child" | "all";
    readonly id?: string;
    readonly name: string;
  };
  /** The period reported on (inclusive). */
  readonly period: { readonly from: CalendarDate; readonly to: CalendarDate };
  /** The date the figures describe. */
  readonly asOf: CalendarDate;
  /** When the report was generated (a parameter: nothing reads the clock). */
  readonly generatedAt: Instant;
  readonly timeZone: TimeZone;
  /** The left-behind definition counted under, when figures depend on it. */
  readonly definition?: string;
  readonly dataSources: readonly DataSource[];
}

/**
 * Page layout hints for printable formats.
 * @example
 * const layout: ReportLayout = { pageSize: "A4", orientation: "portrait", cardsPerPage: 2 };
 * @category Report model
 */
export interface ReportLayout {
  readonly pageSize: "A4";
  readonly orientation: "portrait" | "landscape";
  /** Cards printed per page (the contact card prints two per A4 page). */
  readonly cardsPerPage?: number;
}

/**
 * A report: a document tree built from data in one locale. Every renderer takes it; the zod
 * schema {@link ReportSchema} checks it.
 * @example
 * const report: Report = { kind: "statistics", locale: "zh-CN", title: "留守儿童统计表", meta, layout: { pageSize: "A4", orientation: "landscape" }, body: [], footnotes: [], privacy: { masked: [], revealed: [] } };
 * @category Report model
 */
export interface Report {
  /** Which report this is: `work-summary`, `statistics`, `child-cards`, `record-book`, `work-list`, `wish-aid-ledger`, or a host's own. */
  readonly kind: string;
  readonly locale: Locale;
  readonly title: string;
  readonly subtitle?: string;
  readonly meta: ReportMeta;
  readonly layout: ReportLayout;
  readonly body: readonly Block[];
  readonly footnotes: readonly Footnote[];
  readonly privacy: PrivacyNotice;
}
