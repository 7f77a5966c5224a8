/**
 * The report document model: a typed tree (sections, paragraphs of figures, tables with typed
 * columns, key figures, charts as data, cards, footnotes), its zod schema and value printing.
 * @module
 */
export * from "./types";
export { ReportSchema, BlockSchema, ValueTypeSchema, SensitiveFieldSchema } from "./schema";
export { formatValue } from "./format";
export * from "./build";
export { parseReport } from "./parse";
export { metaLines, privacyStatement } from "./describe";
export { walkReport } from "./walk";
export { mapReportText, xmlSafeText } from "./xml-text";
