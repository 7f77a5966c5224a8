export * from "./png";
export { CJK_FONT_FILES, cjkFontSubset } from "./font";
