import type { IStylesOptions } from "docx";

/** Latin text in Times New Roman, Chinese in 宋体 (body) and 黑体 (headings), as school documents print. */
const BODY_FONT = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "宋体" };
const HEADING_FONT = { ascii: "Arial", hAnsi: "Arial", eastAsia: "黑体" };

const heading = (id: string, level: number, halfPoints: number) => ({
  id,
  name: `Heading ${level}`,
  basedOn: "Normal",
  next: "Normal",
  quickFormat: true,
  run: { font: HEADING_FONT, size: halfPoints, bold: level > 1, color: "000000" },
  paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, outlineLevel: level - 1 },
});

/**
 * The styles of every document: 小四 (12 pt) body with a two-character first-line indent.
 * @example
 * new Document({ styles: DOCUMENT_STYLES, sections: [] });
 */
export const DOCUMENT_STYLES: IStylesOptions = {
  default: {
    document: { run: { font: BODY_FONT, size: 24 }, paragraph: { spacing: { line: 360 } } },
  },
  paragraphStyles: [
    {
      id: "Title",
      name: "Title",
      basedOn: "Normal",
      next: "Normal",
      run: { font: HEADING_FONT, size: 36, bold: true },
      paragraph: { spacing: { after: 240 } },
    },
    heading("Heading1", 1, 32),
    heading("Heading2", 2, 28),
    heading("Heading3", 3, 26),
    heading("Heading4", 4, 24),
    heading("Heading5", 5, 24),
    heading("Heading6", 6, 24),
    {
      id: "Body",
      name: "Body Text",
      basedOn: "Normal",
      quickFormat: true,
      paragraph: { indent: { firstLine: 480 } },
    },
    { id: "Meta", name: "Report Meta", basedOn: "Normal", run: { size: 21 } },
    {
      id: "Caption",
      name: "Caption",
      basedOn: "Normal",
      run: { font: HEADING_FONT, size: 22, bold: true },
      paragraph: { alignment: "center", spacing: { before: 120, after: 60 } },
    },
    {
      id: "TableText",
      name: "Table Text",
      basedOn: "Normal",
      run: { size: 21 },
      paragraph: { spacing: { line: 276 } },
    },
    {
      id: "Note",
      name: "Note",
      basedOn: "Normal",
      run: { size: 18 },
      paragraph: { spacing: { line: 276 } },
    },
  ],
};
