const ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * Code points an HTML page may not carry (the HTML standard makes each a parse error): C0 and
 * C1 controls other than tab, line feed, form feed and carriage return, DEL, noncharacters and
 * lone surrogates.
 */
const NOT_IN_HTML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]/g;

/**
 * Replaces the code points an HTML page may not carry (controls, noncharacters, lone
 * surrogates) with U+FFFD, as a browser would show them; other text is unchanged.
 * @example
 * printableText("王\u0000小明") //=> "王\uFFFD小明"
 */
export function printableText(value: string): string {
  return value.replace(NOT_IN_HTML, "\uFFFD");
}

/**
 * Escapes text for HTML content and quoted attribute values, so any string from data (a name,
 * a note, `</style><script>…`) stays inert text; characters an HTML page may not carry become
 * U+FFFD.
 * @example
 * escapeHtml(`<b onclick="x">`) //=> "&lt;b onclick=&quot;x&quot;&gt;"
 */
export function escapeHtml(value: string): string {
  return printableText(value).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
