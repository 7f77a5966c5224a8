import { parse, type DefaultTreeAdapterTypes } from "parse5";

type Node = DefaultTreeAdapterTypes.ChildNode | DefaultTreeAdapterTypes.Document;

/** A page as an HTML parser reads it: its parse errors, elements, attributes and texts. */
export interface ParsedPage {
  /** Parse error codes (a well-formed page has none). */
  readonly errors: string[];
  /** Every element's name, in document order. */
  readonly elements: string[];
  /** Every attribute's name, in document order. */
  readonly attributes: string[];
  /** The text of the body (SVG labels included), text nodes joined by line feeds. */
  readonly text: string;
  /** The document's `<title>`. */
  readonly title: string;
}

/** Parses a page with parse5, the HTML standard's parsing algorithm. */
export function parsedPage(html: string): ParsedPage {
  const errors: string[] = [];
  const doc = parse(html, { onParseError: (e) => errors.push(e.code) });
  const elements: string[] = [];
  const attributes: string[] = [];
  const texts: string[] = [];
  let title = "";
  const walk = (node: Node, inTitle: boolean) => {
    if (node.nodeName === "#text") {
      const value = (node as DefaultTreeAdapterTypes.TextNode).value;
      if (inTitle) title += value;
      else texts.push(value);
      return;
    }
    if ("tagName" in node) {
      elements.push(node.tagName);
      attributes.push(...node.attrs.map((a) => a.name));
    }
    const children =
      "content" in node && node.nodeName === "template"
        ? node.content.childNodes
        : "childNodes" in node
          ? node.childNodes
          : [];
    for (const c of children) walk(c, inTitle || node.nodeName === "title");
  };
  walk(doc, false);
  return { errors, elements, attributes, text: texts.join("\n"), title };
}
