/**
 * The built-in reports, each built from core's own results.
 * @module
 */
export type { ReportOptions } from "./options";
export { statisticsReport, type StatisticsReportInput } from "./statistics";
export { workSummaryReport, type WorkSummaryInput } from "./work-summary";
export { DEFAULT_REPORT_POLICIES } from "../care/analyse";
export type { CareData, ReportScope } from "../care/scope";
export type { CareReportInput } from "../care/run";
export { registersReport, type RegistersReportInput } from "./registers";
export { childCardsReport, type ChildCardsInput } from "./child-cards";
export { recordBookReport, type RecordBookInput } from "./record-book";
export { workListReport, type WorkListInput } from "./work-list";
export { wishAidLedgerReport, type LedgerInput } from "./ledger";
export {
  BUILT_IN_REPORTS,
  BUILT_IN_REPORT_KINDS,
  buildBuiltInReport,
  isBuiltInReportKind,
  type BuiltInReport,
  type BuiltInReportInput,
  type BuiltInReportKind,
} from "./built-in";
