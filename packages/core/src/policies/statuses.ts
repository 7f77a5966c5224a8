/**
 * The status of one subject for one policy in one bucket (a week, a month, a window):
 * - `met`: enough contacts (at any time, even before the deadline);
 * - `due`: open, the deadline not yet passed;
 * - `overdue`: the deadline passed, still inside the grace days (records may still be entered);
 * - `missed`: closed short;
 * - `upcoming`: not started on `asOf`;
 * - `exempt`: nothing required (a holiday week of a school-calendar policy, an exemption, or a
 *   proration that rounds to zero);
 * - `not-applicable`: the subject was out of scope for the whole bucket (pairing not yet started
 *   or ended, child not left-behind, policy not in force).
 * @example
 * COMPLIANCE_STATUSES.includes("overdue") //=> true
 * @category Policies
 */
export const COMPLIANCE_STATUSES = [
  "met",
  "missed",
  "due",
  "overdue",
  "upcoming",
  "exempt",
  "not-applicable",
] as const;
/** One of {@link COMPLIANCE_STATUSES}. @category Policies */
export type ComplianceStatus = (typeof COMPLIANCE_STATUSES)[number];
