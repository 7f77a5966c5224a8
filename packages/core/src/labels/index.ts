/**
 * Chinese and English labels for every enum, and reading enum values back from labels.
 * @module
 */
export * from "./enum-labels";
export * from "./label";
