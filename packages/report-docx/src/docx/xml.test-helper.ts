import JSZip from "jszip";
import { SaxesParser } from "saxes";

/** A DOCX's main document as a strict XML parser reads it: its paragraphs' text. */
export interface ParsedDocx {
  /** The text of each paragraph (`w:p`), its `w:t` runs joined, tabs as `\t`. */
  readonly paragraphs: string[];
  /** Every `w:t` text, as the XML parser decoded it. */
  readonly runs: string[];
}

/**
 * Unzips a DOCX and parses every XML part with saxes (a strict, conforming XML parser), which
 * throws on any XML that is not well-formed; returns the main document's text.
 */
export async function parseDocx(bytes: Uint8Array): Promise<ParsedDocx> {
  const zip = await JSZip.loadAsync(bytes);
  const paragraphs: string[] = [];
  const runs: string[] = [];
  for (const name of Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n))) {
    const xml = await zip.file(name)!.async("string");
    const parser = new SaxesParser({ xmlns: false });
    const main = name === "word/document.xml";
    let inText = false;
    let paragraph = "";
    let run = "";
    parser.on("error", (e) => {
      throw new Error(`${name}: ${e.message}`);
    });
    parser.on("opentag", (t) => {
      if (t.name === "w:t") ((inText = true), (run = ""));
      if (t.name === "w:tab") paragraph += "\t";
    });
    parser.on("text", (text) => {
      if (inText) ((paragraph += text), (run += text));
    });
    parser.on("closetag", (t) => {
      if (t.name === "w:t") ((inText = false), main && runs.push(run));
      if (t.name === "w:p") (main && paragraphs.push(paragraph), (paragraph = ""));
    });
    parser.write(xml).close();
  }
  return { paragraphs, runs };
}
