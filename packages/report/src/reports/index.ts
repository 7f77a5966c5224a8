/**
 * The built-in reports, each built from core's own results.
 * @module
 */
export type { ReportOptions } from "./options";
export { statisticsReport, type StatisticsReportInput } from "./statistics";
