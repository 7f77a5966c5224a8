/**
 * Errors and validation: one base class with stable codes, bilingual field-level issues.
 * @module
 */
export * from "./codes";
export * from "./errors";
export * from "./issues";
export * from "./validate";
export * from "./validate-list";
export * from "./duplicates";
