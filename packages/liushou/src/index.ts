/**
 * `liushou`: Liushou in one install. `createLiushou` wires a storage adapter and the rules of
 * `@liushou/core` into use cases (import, update a file, record a contact, plan and apply
 * pairings, list what is due, assess a child, assistance plans, reports); every export of
 * `@liushou/core` is re-exported, so the pure functions stay usable on their own.
 * @packageDocumentation
 */
export * from "@liushou/core";
export { createLiushou, type Liushou } from "./create";
export type { LiushouOptions } from "./context";
export { wrapStorage } from "./storage/wrap";
export type { AssessChildInput, AssessChildResult } from "./usecases/assessment";
export type { LatePlanItem, ProposePlanInput } from "./usecases/assistance";
export type { ComplianceOptions, DueOptions } from "./usecases/compliance";
export type {
  AnalysisCompletenessOptions,
  AnalysisStatisticsOptions,
  AssessRisksOptions,
  ChildRisk,
  EnrolmentOptions,
} from "./usecases/analysis";
export type { LiushouScope } from "./usecases/scope";
export {
  evaluateCompliancePartitionedParallel,
  type ParallelComplianceInput,
} from "./parallel/parallel";
export { planPairingsPartitionedParallel, type ParallelPairingInput } from "./parallel/pairing";
export type { PoolOptions } from "./parallel/pool";
export type {
  PairingPartitionLoaderModule,
  PairingPartitionTask,
  PartitionLoaderModule,
  PartitionTask,
} from "./parallel/task";
export type { RecordContactInput } from "./usecases/contacts";
export type { FileUpdateResult } from "./usecases/files";
export type { RevealResult } from "./usecases/reveal";
export type {
  ApplyRetentionOptions,
  RetentionOutcome,
  RetentionReport,
  RetentionSkip,
} from "./usecases/retention";
export type { ConsentOption, RecordConsentInput } from "./usecases/consent";
export type { ImportableKind, ImportResult } from "./usecases/import";
export type { AppliedPairingPlan, PlanPairingsOptions } from "./usecases/pairing";
export type { ReportContext, ReportRenderer } from "./usecases/reports";
export { encryptFields, type EncryptedStorage } from "./encryption/storage";
export type {
  FieldEncryptionKey,
  FieldEncryptionOptions,
  WebCryptoKey,
} from "./encryption/keyring";
export type { RotationOptions, RotationResult } from "./encryption/rotate";
