/**
 * Locales and bilingual text. Every message Liushou produces exists in zh-CN and English.
 * @module
 */
export * from "./locale";
export * from "./localize";
