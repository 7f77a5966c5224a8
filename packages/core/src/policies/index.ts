/**
 * Visit-frequency policies (走访频次) and compliance: policies as data with presets citing their
 * sources, an evaluator that says for any date what is due, overdue, met or missed, roll-ups,
 * work lists, next due windows, mentor workload and iCalendar export.
 * @module
 */
export * from "./schema";
export * from "./presets";
export {
  prepareComplianceData,
  PolicyFindingCode,
  type ComplianceData,
  type ComplianceDataInput,
  type PolicyFinding,
} from "./data";
export {
  evaluateCompliance,
  COMPLIANCE_STATUSES,
  type ComplianceStatus,
  type ComplianceInput,
  type ComplianceSource,
} from "./evaluate";
export {
  complianceCountRequests,
  complianceCounts,
  type ComplianceCountOptions,
  type ComplianceCountRequest,
  type ComplianceCounts,
} from "./pushed-counts";
export { ComplianceReport, type ComplianceRow } from "./report";
export {
  evaluateCompliancePartitioned,
  type CompliancePartition,
  type PartitionedCompliance,
  type PartitionedComplianceInput,
} from "./partitioned";
export {
  mergeCompliancePartitions,
  summarizeCompliancePartition,
  type CompliancePartitionInput,
  type CompliancePartitionSummary,
} from "./partition-merge";
export { rollUpCompliance, type RollUpBy, type RollUpRow } from "./rollup";
export { workList, type WorkItem, type WorkList } from "./worklist";
export { nextDue, type DueSubject, type NextDueInput } from "./next-due";
export { mentorWorkload, type MentorWorkload, type WorkloadInput } from "./workload";
export {
  mentorScheduleToICalendar,
  escapeICalText,
  foldICalLine,
  type ICalendarOptions,
} from "./ical";
