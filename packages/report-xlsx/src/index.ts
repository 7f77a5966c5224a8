/**
 * `@liushou/report-xlsx`: renders a Liushou report as an Excel workbook with exceljs (a peer
 * dependency): a sheet per table, frozen headers, number formats, merged title rows, totals as
 * formulas, and text that can never turn into a formula.
 * @packageDocumentation
 */
export * from "./xlsx";
