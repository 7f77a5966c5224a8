/**
 * Who counts as a left-behind child (留守儿童) on a date: the State Council definition, the
 * schools' definition, or a host's own; with the reasons, and the dates the status changes.
 * @module
 */
export {
  ReasonCode,
  LeftBehindDefinitionSchema,
  DefinitionVerdictSchema,
  isParentAway,
  STATE_COUNCIL_2016_DEFINITION,
  SCHOOL_DEFINITION,
  schoolDefinition,
  type SchoolDefinitionOptions,
  LEFT_BEHIND_DEFINITIONS,
  DEFAULT_DEFINITION,
  type ClassificationReason,
  type DefinitionVerdict,
  type LeftBehindDefinition,
  type BuiltInDefinitionId,
} from "./definitions";
export {
  classifyLeftBehind,
  leftBehindChanges,
  DefinitionChoiceSchema,
  type DefinitionChoice,
  type ClassifyOptions,
  type ParentStatus,
  type LeftBehindClassification,
  type LeftBehindChange,
  type LeftBehindTimeline,
  type ChangesOptions,
} from "./classify";
