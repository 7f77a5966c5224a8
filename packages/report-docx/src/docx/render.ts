import { text, validate } from "@liushou/core";
import {
  defineRenderer,
  mapReportText,
  metaLines,
  parseReport,
  privacyStatement,
  xmlSafeText,
  type Report,
} from "@liushou/report";
import { PageMarginsSchema, SCHOOL_A4_MARGINS_MM, type PageMargins } from "@liushou/report-html";
import { z } from "zod";
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  TextRun,
} from "docx";
import { blocksDocx, type DocxContext } from "./blocks";
import { requireTablesFit } from "./limits";
import { DOCUMENT_STYLES } from "./styles";

/**
 * Options of {@link renderDocx}.
 * @example
 * const options: DocxOptions = { margins: { top: 25.4, right: 31.8, bottom: 25.4, left: 31.8 } };
 * @category DOCX
 */
export interface DocxOptions {
  /** Page margins in millimetres. Default `SCHOOL_A4_MARGINS_MM` (GB/T 9704: 37, 26, 35, 28). */
  margins?: PageMargins;
}

/** Millimetres to twips (1/1440 inch), rounded as Word does: A4 is 11906 × 16838. */
function twip(mm: number): number {
  return Math.round((mm / 25.4) * 1440);
}

/**
 * Renders a report as a Word document (docx): the title and metadata, headings by section
 * level, paragraphs with their figures in bold, tables whose header row repeats on every page
 * and whose rows never split, key figures, charts as images (SVG with a PNG fallback, both from
 * ECharts), cards `cardsPerPage` to a page, notes, the privacy notice, and "第 X 页 共 Y 页" page
 * numbers in the footer, on A4 with the margins schools print official documents with.
 * @param report - a report from `@liushou/report`.
 * @param options - page margins.
 * @returns the `.docx` file's bytes.
 * @throws ValidationError naming the field at fault in a malformed report or options (an
 * unknown option key included); `too_big` for a table wider than Word's 63 columns
 * (`MAX_DOCX_COLUMNS`), or more key figures in one block than that.
 * @example
 * const bytes = await renderDocx(report);
 * writeFileSync("工作总结.docx", bytes);
 * @category DOCX
 */
export async function renderDocx(report: Report, options: DocxOptions = {}): Promise<Uint8Array> {
  return docxOf(parseReport(report), options);
}

const DocxOptionsSchema = z.strictObject({ margins: PageMarginsSchema.optional() }).optional();

/** The document of a report already checked; the options are checked here. */
async function docxOf(checked: Report, rawOptions: DocxOptions | undefined): Promise<Uint8Array> {
  const options =
    validate(DocxOptionsSchema, rawOptions, { subject: text("DOCX 选项", "DOCX options") }) ?? {};
  // Refused before any chart is drawn: a table wider than Word's makes a file it cannot open.
  requireTablesFit(checked);
  // XML 1.0 cannot carry control characters: they become U+FFFD rather than break the file.
  const report = mapReportText(checked, xmlSafeText);
  const zh = report.locale === "zh-CN";
  const margins = options.margins ?? SCHOOL_A4_MARGINS_MM;
  const landscape = report.layout.orientation === "landscape";
  const textWidthMm = (landscape ? 297 : 210) - margins.left - margins.right;
  const ctx: DocxContext = {
    report,
    footnotes: new Map(report.footnotes.map((n, i) => [n.id, i + 1])),
    textWidthPx: Math.floor((textWidthMm / 25.4) * 96),
    cards: 0,
    lists: 0,
  };
  const colon = zh ? "：" : ": ";
  const meta = metaLines(report).map(
    (line) =>
      new Paragraph({
        style: "Meta",
        children: [
          new TextRun({ text: `${line.label}${colon}`, bold: true }),
          new TextRun(line.value),
        ],
      }),
  );
  const footnotes = report.footnotes.length
    ? [
        new Paragraph({
          heading: HeadingLevel.HEADING_2,
          children: [new TextRun(zh ? "注释" : "Notes")],
        }),
        ...report.footnotes.map(
          (n, i) =>
            new Paragraph({ style: "Note", children: [new TextRun(`[${i + 1}] ${n.text}`)] }),
        ),
      ]
    : [];

  const doc = new Document({
    title: report.title,
    subject: report.meta.subject.name,
    creator: report.meta.preparedBy ?? "Liushou",
    styles: DOCUMENT_STYLES,
    numbering: {
      config: [
        {
          reference: "ordered",
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.START },
          ],
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: {
              width: twip(210),
              height: twip(297),
              orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: {
              top: twip(margins.top),
              right: twip(margins.right),
              bottom: twip(margins.bottom),
              left: twip(margins.left),
            },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: zh
                      ? ["第 ", PageNumber.CURRENT, " 页 共 ", PageNumber.TOTAL_PAGES, " 页"]
                      : ["Page ", PageNumber.CURRENT, " of ", PageNumber.TOTAL_PAGES],
                  }),
                ],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({
            style: "Title",
            alignment: AlignmentType.CENTER,
            children: [new TextRun(report.title)],
          }),
          ...(report.subtitle
            ? [
                new Paragraph({
                  alignment: AlignmentType.CENTER,
                  children: [new TextRun(report.subtitle)],
                }),
              ]
            : []),
          ...meta,
          ...blocksDocx(report.body, ctx),
          ...footnotes,
          new Paragraph({ style: "Note", children: [new TextRun(privacyStatement(report))] }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/**
 * The DOCX format as a renderer for `renderReport`: extension `docx`.
 * @example
 * const bytes = await renderReport(docxRenderer, report);
 * @category DOCX
 */
export const docxRenderer = defineRenderer<DocxOptions, Uint8Array>({
  id: "docx",
  mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  extension: "docx",
  // `renderReport` has checked the report already.
  render: docxOf,
});
