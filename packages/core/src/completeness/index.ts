/**
 * File completeness (建档率): which register fields each left-behind child's file lacks, and
 * the archive and completeness rates per class, school, township and county.
 * @module
 */
export * from "./fields";
export {
  fileCompleteness,
  completenessReport,
  completenessReportPartitioned,
  type MissingField,
  type FileCompleteness,
  type FileOpenedBy,
  type FileCompletenessOptions,
  type CompletenessRow,
  type CompletenessReport,
  type CompletenessReportOptions,
} from "./completeness";
