/**
 * Legal checks: the hard lines of the Law on the Protection of Minors (Arts. 11, 21, 22, 23)
 * and the Personal Information Protection Law (Art. 31), as rules (data + pure functions) that
 * return findings with the article cited.
 * @module
 */
export * from "./types";
export { LegalCode, LEGAL_RULES, hasCapableCare } from "./rules";
export { checkLegalDuties, checkLegalDutiesAll, type LegalCheckOptions } from "./check";
export {
  checkLegalDutiesPartitioned,
  type LegalCodeCount,
  type LegalDutiesSummary,
  type LegalPartition,
  type PartitionedLegalOptions,
} from "./partitioned";
