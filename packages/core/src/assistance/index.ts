/**
 * Assistance plans (帮扶计划): items proposed from a needs profile and legal findings (what,
 * who, by when, staged results), dated progress, and what is late on a date.
 * @module
 */
export * from "./schema";
export * from "./templates";
export {
  proposeAssistancePlan,
  addProgress,
  lateItems,
  summarizeAssistancePlan,
  type ProposeAssistancePlanInput,
  type LateItem,
  type AssistancePlanSummary,
} from "./plan";
