/**
 * Checklists: versioned assessment instruments as data (items, conditions, scales with
 * proration, bands per population and informant, derived flags, risk weights), a registry of
 * versions so stored assessments always score the same, and the built-in checklists.
 * @module
 */
export { SourceCitationSchema, type SourceCitation } from "./text";
export * from "./schema";
export { reverseLikert } from "./items";
export {
  defineChecklist,
  scaleRanges,
  validateResponses,
  scoreChecklist,
  type ResponseIssue,
  type ResponseCheck,
  type ScaleScore,
  type ScoreRiskFactor,
  type ChecklistScore,
  type ChecklistSource,
  type ScoreOptions,
} from "./engine";
export * from "./registry";
export * from "./builtin";
export * from "./needs-profile";
