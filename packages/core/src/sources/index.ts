/**
 * Where the rules come from: the work summaries by line and kind of document, and citations
 * of them that a test holds against the seed file.
 * @module
 */
export * from "./summaries";
export * from "./cite";
