/**
 * `@liushou/report-docx`: renders a Liushou report as a Word document with docx (a peer
 * dependency): headings, tables with repeated header rows, page numbers, charts as images, A4
 * with the margins schools print with.
 * @packageDocumentation
 */
export * from "./docx";
export * from "./chart";
