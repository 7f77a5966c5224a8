/**
 * The CSV renderer: UTF-8 with a byte-order mark, formula injection neutralised.
 * @module
 */
export * from "./render";
