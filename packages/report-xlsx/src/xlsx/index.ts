export { renderXlsx, xlsxRenderer, type XlsxOptions } from "./render";
export { MAX_XLSX_CELL_TEXT, MAX_XLSX_COLUMNS, MAX_XLSX_ROWS } from "./limits";
