/**
 * The Markdown renderer (GitHub-flavoured: tables, footnotes).
 * @module
 */
export * from "./render";
