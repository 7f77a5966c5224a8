/**
 * Risk: a child's risk level (low, medium, high, critical) from assessments, legal findings and
 * visit compliance, with every factor and its weight; thresholds and weights are data.
 * @module
 */
export * from "./model";
export {
  assessRisk,
  assessRiskAll,
  withRiskLevel,
  RiskFindingSchema,
  RiskComplianceSchema,
  type RiskFinding,
  type RiskCompliance,
  type AssessRiskOptions,
  type AssessRiskAllOptions,
  type RiskFactor,
  type RiskFloor,
  type RiskAssessment,
} from "./assess";
