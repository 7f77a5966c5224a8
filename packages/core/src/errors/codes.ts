/**
 * Stable error codes. Hosts switch on these; the wording of messages may change, codes do not.
 * @example
 * if (error.code === ErrorCode.FORBIDDEN) res.status(403)
 * @category Errors
 */
export const ErrorCode = {
  /** Input failed validation; see `issues`. */
  VALIDATION: "LIUSHOU_VALIDATION",
  /** The operation conflicts with the current state (a duplicate id, an illegal transition). */
  CONFLICT: "LIUSHOU_CONFLICT",
  /** Something referenced by id does not exist. */
  NOT_FOUND: "LIUSHOU_NOT_FOUND",
  /** A storage adapter failed. */
  STORAGE: "LIUSHOU_STORAGE",
  /** A report could not be rendered. */
  RENDER: "LIUSHOU_RENDER",
  /** The actor may not read or write this (outside its scope, or not allowed to its role). */
  FORBIDDEN: "LIUSHOU_FORBIDDEN",
  /**
   * Processing a child's data needs a guardian's consent that is missing or withdrawn
   * (PIPL Art. 31): see `requireConsent`.
   */
  CONSENT_REQUIRED: "LIUSHOU_CONSENT_REQUIRED",
  /** An error built without a valid code (a host's own subclass given a malformed one). */
  ERROR: "LIUSHOU_ERROR",
} as const;

/**
 * One of the {@link ErrorCode} values.
 * @category Errors
 */
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * Codes of single validation issues (a field's problem), beyond zod's own issue codes.
 * @example
 * error.issues.some((i) => i.code === IssueCode.ID_NUMBER_CHECK_DIGIT) // a mistyped ID number
 * @category Errors
 */
export const IssueCode = {
  ID_NUMBER_FORMAT: "id_number_format",
  ID_NUMBER_CHECK_DIGIT: "id_number_check_digit",
  ID_NUMBER_REGION: "id_number_region",
  ID_NUMBER_BIRTH_DATE: "id_number_birth_date",
  ID_NUMBER_BIRTH_MISMATCH: "id_number_birth_mismatch",
  ID_NUMBER_SEX_MISMATCH: "id_number_sex_mismatch",
  MOBILE_FORMAT: "mobile_format",
  REGION_CODE_FORMAT: "region_code_format",
  REGION_CODE_PROVINCE: "region_code_province",
  ID: "id",
  CALENDAR_DATE: "calendar_date",
  INSTANT: "instant",
  TIME_ZONE: "time_zone",
  DATE_ORDER: "date_order",
  DUPLICATE_ID: "duplicate_id",
  UNKNOWN_ID: "unknown_id",
  MISSING_AMOUNT: "missing_amount",
  INVALID_TRANSITION: "invalid_transition",
  /** A key that could reach `Object.prototype` (`__proto__`, `constructor`, `prototype`). */
  RESERVED_KEY: "reserved_key",
  /** Objects and arrays nested deeper than {@link MAX_DEPTH}. */
  TOO_DEEP: "too_deep",
  /** A recorded change that does not apply to the file it is replayed on. */
  PATCH_MISMATCH: "patch_mismatch",
  /** Stands for the issues beyond {@link MAX_ISSUES} that an error does not list. */
  TOO_MANY_ISSUES: "too_many_issues",
  OTHER: "other",
} as const;

/**
 * One of the {@link IssueCode} values, or a zod issue code such as `invalid_type`.
 * @category Errors
 */
export type IssueCode = (typeof IssueCode)[keyof typeof IssueCode] | (string & {});
