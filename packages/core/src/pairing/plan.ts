import type { LocalizedText } from "../i18n";
import type { Pairing } from "../model/mentor";
import type { CalendarDate } from "../time/types";
import type { PairingViolation, ScoreTerm } from "./evaluate";
import { assemblePlan } from "./stages/assemble";
import { buildCandidateGraph } from "./stages/graph";
import { parseInput, type PlanPairingsInput } from "./stages/input";
import { solveGraph } from "./stages/solve";

/**
 * A pair of the plan, with its score broken down by rule.
 * @example
 * plan.pairs[0].breakdown[0] //=> { rule: "classTeacher", weight: 10, value: 1, points: 10, explanation: { … } }
 * @category Pairing
 */
export interface PlannedPair {
  readonly pairing: Pairing;
  /** `kept`: an existing pairing stays; `added`: a new pairing starting on `asOf`. */
  readonly status: "kept" | "added";
  /** Whether the child is a key case or high-risk (served first). */
  readonly priority: boolean;
  /** Total points of the pair: the sum of `breakdown[].points`. */
  readonly score: number;
  readonly breakdown: readonly ScoreTerm[];
}

/**
 * Why a child got nobody: `no-mentors` (no mentor of the rule set's kinds at all),
 * `no-eligible-mentor` (every mentor breaks a hard rule), `capacity-taken` (every eligible mentor
 * is full with children of higher priority or a better total).
 * @example
 * plan.unmatched[0].reason //=> "no-eligible-mentor"
 * @category Pairing
 */
export type UnmatchedReason = "no-mentors" | "no-eligible-mentor" | "capacity-taken";

/**
 * A child left without a pair, and why.
 * @example
 * plan.unmatched[0].excludedBy //=> [{ rule: "same-school", count: 12 }]
 * @category Pairing
 */
export interface UnmatchedChild {
  readonly childId: string;
  readonly priority: boolean;
  readonly reason: UnmatchedReason;
  readonly message: LocalizedText;
  /** For each hard rule, how many mentors it excluded (a mentor may break several). */
  readonly excludedBy: readonly { readonly rule: string; readonly count: number }[];
  /** The excluded mentors sharing the child's school or area (at most 20), with the rules they break. */
  readonly excluded: readonly {
    readonly mentorId: string;
    readonly violations: readonly PairingViolation[];
  }[];
  /** Eligible mentors and the children who hold their places. */
  readonly takenBy: readonly { readonly mentorId: string; readonly childIds: readonly string[] }[];
}

/**
 * A pairing ended by the plan, with the reason in words.
 * @example
 * plan.diff.ended[0].pairing.endReason //=> "mentor-left"
 * @category Pairing
 */
export interface EndedPairing {
  /**
   * The pairing with `end` and `endReason` set: `end` is the plan date, or for
   * `no-longer-left-behind` the day the child left scope (a 16th birthday, the day after a
   * parent came home), which may be earlier.
   */
  readonly pairing: Pairing;
  readonly explanation: LocalizedText;
}

/**
 * What changed against the existing pairings (结对+接力).
 * @example
 * plan.diff.added[0].relayFrom //=> "p-old-1"
 * @category Pairing
 */
export interface PairingDiff {
  readonly kept: readonly Pairing[];
  readonly added: readonly Pairing[];
  readonly ended: readonly EndedPairing[];
}

/**
 * Statistics of a plan.
 * @example
 * plan.stats.priorityMatched === plan.stats.priorityChildren //=> true
 * @category Pairing
 */
export interface PairingStats {
  /** Children paired or left unmatched (not counting those out of scope). */
  readonly children: number;
  /** Children given but not left behind on `asOf` under the input's `definition`. */
  readonly outOfScope: number;
  readonly mentors: number;
  /** Mentors of the rule set's kinds. */
  readonly mentorsInScope: number;
  readonly priorityChildren: number;
  readonly priorityMatched: number;
  readonly matched: number;
  readonly unmatched: number;
  /** Candidate (child, mentor) pairs that pass every hard rule. */
  readonly candidatePairs: number;
  readonly components: number;
  readonly largestComponent: number;
  /** Mentors below their minimum (no eligible child left for them). */
  readonly mentorsBelowMinimum: readonly {
    readonly mentorId: string;
    readonly min: number;
    readonly load: number;
  }[];
  /** Existing pairings not re-planned (other roles or mentor kinds, or already ended). */
  readonly untouchedExisting: number;
}

/**
 * Result of {@link planPairings}: plain serialisable data.
 * @example
 * JSON.parse(JSON.stringify(plan)) // the same plan: plain data
 * @category Pairing
 */
export interface PairingPlan {
  readonly asOf: CalendarDate;
  readonly ruleSet: string;
  /** Active pairs after the plan, sorted by child id. */
  readonly pairs: readonly PlannedPair[];
  /** Children without a pair, sorted by child id. */
  readonly unmatched: readonly UnmatchedChild[];
  readonly diff: PairingDiff;
  /** Every pairing on file after the plan: the existing ones (ended ones now with `end`) and the new ones. */
  readonly history: readonly Pairing[];
  /** Total points and points by rule. */
  readonly score: { readonly total: number; readonly byRule: Readonly<Record<string, number>> };
  readonly stats: PairingStats;
}

/**
 * Plans pairings (结对帮扶) optimally: every hard rule holds, key cases and high-risk children
 * are served first (exactly, level by level: priority children matched, then children matched,
 * then mentors' minimums met, then total points), and the total score is the highest possible.
 * Existing pairs still allowed are kept unless a better plan beats their `stability` bonus;
 * a new pair for a child whose pairing ended carries `relayFrom` (结对+接力).
 * @param input - children, mentors, existing pairings, the rule set, `asOf`, and options.
 * @returns pairs with score breakdowns, unmatched children with reasons, the diff, the history.
 * @throws ValidationError on malformed input, duplicate ids, unknown ids or a bad custom rule.
 * @example
 * const plan = planPairings({ children, mentors, rules: TEACHER_PAIRING_PRESET, asOf: "2026-09-01" });
 * plan.pairs[0].pairing //=> { id: "pr-…", childId: "c1", mentorId: "t1", role: "mentor", start: "2026-09-01" }
 * plan.unmatched[0]?.reason //=> "capacity-taken"
 * @category Pairing
 */
export function planPairings(input: PlanPairingsInput): PairingPlan {
  const graph = buildCandidateGraph(parseInput(input));
  return assemblePlan(graph, solveGraph(graph));
}
