import {
  formatValue,
  type Block,
  type Card,
  type Chart,
  type Inline,
  type KeyFigures,
  type Report,
  type Table as ReportTable,
} from "@liushou/report";
import {
  AlignmentType,
  BorderStyle,
  HeadingLevel,
  ImageRun,
  PageBreak,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from "docx";
import { chartImages } from "../chart/png";

/**
 * What the block writers share while walking one report.
 * @example
 * const ctx: DocxContext = { report, footnotes: new Map([["n1", 1]]), textWidthPx: 590, cards: 0, lists: 0 };
 */
export interface DocxContext {
  readonly report: Report;
  /** Footnote number (1-based) by id. */
  readonly footnotes: ReadonlyMap<string, number>;
  /** Width of the text area in CSS pixels (96 per inch), for charts. */
  readonly textWidthPx: number;
  /** Cards written so far, to start a page before every `cardsPerPage`-th. */
  cards: number;
  /** Ordered lists written so far, so each restarts at 1. */
  lists: number;
}

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

/**
 * Writes blocks as Word paragraphs and tables, depth first.
 * @example
 * new Document({ sections: [{ children: blocksDocx(report.body, ctx) }] });
 */
export function blocksDocx(blocks: readonly Block[], ctx: DocxContext): (Paragraph | Table)[] {
  return blocks.flatMap((b) => blockDocx(b, ctx));
}

function blockDocx(block: Block, ctx: DocxContext): (Paragraph | Table)[] {
  switch (block.type) {
    case "section":
      return [
        new Paragraph({
          heading: HEADINGS[Math.min(block.level, 6) - 1],
          keepNext: true,
          children: [new TextRun(block.title)],
        }),
        ...blocksDocx(block.blocks, ctx),
      ];
    case "paragraph":
      return [new Paragraph({ style: "Body", children: inlineRuns(block.content, ctx) })];
    case "list": {
      const instance = block.ordered ? ++ctx.lists : 0;
      return block.items.map(
        (item) =>
          new Paragraph({
            ...(block.ordered
              ? { numbering: { reference: "ordered", level: 0, instance } }
              : { bullet: { level: 0 } }),
            children: inlineRuns(item, ctx),
          }),
      );
    }
    case "table":
      return tableDocx(block);
    case "key-figures":
      return [keyFiguresDocx(block)];
    case "chart":
      return chartDocx(block, ctx);
    case "card":
      return cardDocx(block, ctx);
    case "page-break":
      return [new Paragraph({ children: [new PageBreak()] })];
  }
}

/**
 * Text, figures (bold) and footnote references (superscript `[n]`) of a sentence.
 * @example
 * new Paragraph({ children: inlineRuns([{ type: "text", text: "共 " }, { type: "figure", value: 54, valueType: "integer", text: "54" }], ctx) });
 */
export function inlineRuns(runs: readonly Inline[], ctx: DocxContext): ParagraphChild[] {
  return runs.flatMap((r): ParagraphChild[] => {
    if (r.type === "text") return [new TextRun(r.text)];
    if (r.type === "figure") return [new TextRun({ text: r.text, bold: true })];
    const n = ctx.footnotes.get(r.id);
    return n === undefined ? [] : [new TextRun({ text: `[${n}]`, superScript: true })];
  });
}

const LINE = { style: BorderStyle.SINGLE, size: 4, color: "333333" } as const;
const BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE };

function cell(
  textValue: string,
  options: { bold?: boolean; right?: boolean; header?: boolean } = {},
): TableCell {
  return new TableCell({
    borders: BORDERS,
    ...(options.header
      ? { shading: { type: ShadingType.CLEAR, color: "auto", fill: "E7E6E6" } }
      : {}),
    children: [
      new Paragraph({
        style: "TableText",
        alignment: options.header
          ? AlignmentType.CENTER
          : options.right
            ? AlignmentType.RIGHT
            : AlignmentType.LEFT,
        children: [new TextRun({ text: textValue, ...(options.bold ? { bold: true } : {}) })],
      }),
    ],
  });
}

function tableDocx(t: ReportTable): (Paragraph | Table)[] {
  const numeric = t.columns.map((c) => c.type !== "text" && c.type !== "date");
  const row = (cells: ReportTable["rows"][number]["cells"], bold: boolean) =>
    new TableRow({
      cantSplit: true,
      children: cells.map((v, i) => {
        const c = t.columns[i]!;
        const printed = formatValue(
          v,
          c.type,
          c.decimals === undefined ? {} : { decimals: c.decimals },
        );
        return cell(printed, { bold, right: numeric[i] && typeof v === "number" });
      }),
    });
  const out: (Paragraph | Table)[] = [];
  if (t.title)
    out.push(new Paragraph({ style: "Caption", keepNext: true, children: [new TextRun(t.title)] }));
  out.push(
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({
          tableHeader: true,
          cantSplit: true,
          children: t.columns.map((c) => cell(c.header, { bold: true, header: true })),
        }),
        ...t.rows.map((r) => row(r.cells, false)),
        ...(t.totals ? [row(t.totals.cells, true)] : []),
      ],
    }),
  );
  for (const note of t.notes)
    out.push(new Paragraph({ style: "Note", children: [new TextRun(note)] }));
  return out;
}

function keyFiguresDocx(k: KeyFigures): Table {
  const printed = k.items.map(
    (f) => (f.value === null ? "—" : formatValue(f.value, f.valueType)) + (f.unit ?? ""),
  );
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        cantSplit: true,
        children: printed.map((p) => cell(p, { bold: true, header: true })),
      }),
      new TableRow({
        cantSplit: true,
        children: k.items.map((f) => cell(f.label, { header: false })),
      }),
    ],
  });
}

function chartDocx(c: Chart, ctx: DocxContext): Paragraph[] {
  const width = Math.min(640, ctx.textWidthPx);
  const height = Math.round(width / 2);
  const images = chartImages(c, { width, height });
  return [
    new Paragraph({ style: "Caption", keepNext: true, children: [new TextRun(c.title)] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [
        new ImageRun({
          type: "svg",
          data: Buffer.from(images.svg, "utf8"),
          fallback: { type: "png", data: images.png },
          transformation: { width, height },
          altText: { name: c.id, title: c.title, description: c.title },
        }),
      ],
    }),
  ];
}

function cardDocx(card: Card, ctx: DocxContext): (Paragraph | Table)[] {
  // Cards start on a page of their own, `cardsPerPage` to a page; breaking before (not after)
  // a page's first card leaves no blank page at the end.
  const newPage = ctx.cards % (ctx.report.layout.cardsPerPage ?? 2) === 0;
  ctx.cards++;
  const rows: TableRow[] = [];
  for (const g of card.groups) {
    if (g.title) {
      rows.push(
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({
              borders: BORDERS,
              columnSpan: 2,
              children: [
                new Paragraph({
                  style: "TableText",
                  children: [new TextRun({ text: g.title, bold: true })],
                }),
              ],
            }),
          ],
        }),
      );
    }
    for (const f of g.fields)
      rows.push(
        new TableRow({ cantSplit: true, children: [cell(f.label, { bold: true }), cell(f.value)] }),
      );
  }
  const out: (Paragraph | Table)[] = [
    new Paragraph({
      heading: HeadingLevel.HEADING_3,
      alignment: AlignmentType.CENTER,
      keepNext: true,
      pageBreakBefore: newPage,
      children: [new TextRun(card.title)],
    }),
  ];
  if (rows.length)
    out.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        columnWidths: [2400, 6600],
        rows,
      }),
    );
  out.push(new Paragraph({ children: [] }));
  return out;
}
