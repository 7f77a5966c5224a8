/**
 * Identity checks: resident ID numbers (GB 11643), mobile numbers, region codes (GB/T 2260).
 * @module
 */
export * from "./id-number";
export * from "./mobile";
export * from "./region-code";
