/**
 * Pairing (结对帮扶): rule sets as data, an exact min-cost-flow planner with priorities and
 * explanations, pair-and-relay re-planning, peer buddies, and a dense assignment solver.
 * @module
 */
export {
  PairingCapacitySchema,
  PairingHardRulesSchema,
  PairingSoftRulesSchema,
  PairingRuleSetSchema,
  TEACHER_PAIRING_PRESET,
  SURROGATE_PARENT_PRESET,
  COUNSELLOR_PAIRING_PRESET,
  CARING_MOTHER_PRESET,
  CHILD_DIRECTOR_PRESET,
  CLASS_TEACHER_CARING_MOTHER_PRESET,
  CADRE_PAIRING_PRESET,
  PAIRING_PRESETS,
} from "./rules";
export type {
  PairingCapacity,
  PairingHardRules,
  PairingSoftRules,
  PairingRuleSet,
  PairingRuleSetInput,
  PairingRuleContext,
  CustomHardRule,
  CustomSoftRule,
  CustomPairingRule,
} from "./rules";
export type { PairingViolation, ScoreTerm } from "./evaluate";
export {
  PairingChildSchema,
  PairingExclusionSchema,
  PlanPairingsInputSchema,
} from "./stages/input";
export type { PairingExclusion, PairingExclusionInput, PlanPairingsInput } from "./stages/input";
export { planPairings } from "./plan";
export { planPairingsPartitioned } from "./partitioned";
export { summarizePairingPartition, type PairingPartitionSummary } from "./partition-summary";
export { mergePairingPartitions } from "./partition-merge";
export type { PairingPartition, PartitionedPairingOptions } from "./partitioned";
export type {
  EndedPairing,
  PairingDiff,
  PairingPlan,
  PairingStats,
  PlannedPair,
  UnmatchedChild,
  UnmatchedReason,
} from "./plan";
export * from "./explain";
export * from "./assignment";
export * from "./buddies";
export * from "./quota";
export * from "./groups";
