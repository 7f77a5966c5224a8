export { renderXlsx, xlsxRenderer, type XlsxOptions } from "./render";
