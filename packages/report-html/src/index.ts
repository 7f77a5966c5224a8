/**
 * `@liushou/report-html`: renders a Liushou report as one self-contained printable HTML page
 * (A4 print CSS, Chinese fonts, page breaks), charts drawn on the server as inline SVG with
 * Apache ECharts.
 * @packageDocumentation
 */
export * from "./chart";
