/**
 * `@liushou/report-html`: renders a Liushou report as one self-contained printable HTML page
 * (A4 print CSS, Chinese fonts, page breaks), charts drawn on the server as inline SVG with
 * Apache ECharts. The charts and the school page margins are shared with `@liushou/report-docx`.
 * @packageDocumentation
 */
export * from "./html";
export * from "./chart";
export * from "./page";
