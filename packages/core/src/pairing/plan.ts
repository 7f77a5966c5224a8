import { leftBehindChanges } from "../classification/classify";
import { text, type LocalizedText } from "../i18n";
import type { Pairing, PairingEndReason } from "../model/mentor";
import type { CalendarDate } from "../time/types";
import {
  hardViolations,
  cachedText,
  SCALE,
  softEval,
  softTerms,
  workloadTerm,
  type PairingViolation,
  type ScoreTerm,
} from "./evaluate";
import {
  buildInstance,
  isReplanned,
  parseInput,
  solveComponent,
  type Instance,
  type OutOfScope,
  type PlanPairingsInput,
} from "./instance";

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

/** Deterministic short hash (two 32-bit FNV-1a) as 16 hex characters. */
function hash(s: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
    b ^= b >>> 15;
  }
  return a.toString(16).padStart(8, "0") + b.toString(16).padStart(8, "0");
}

/** Canonical order of pairings: by child, then start date, then id. */
function byChild(a: Pairing, b: Pairing): number {
  return a.childId < b.childId
    ? -1
    : a.childId > b.childId
      ? 1
      : a.start < b.start
        ? -1
        : a.start > b.start
          ? 1
          : a.id < b.id
            ? -1
            : a.id > b.id
              ? 1
              : 0;
}

function endOn(p: Pairing, asOf: CalendarDate): CalendarDate {
  return p.start > asOf ? p.start : asOf;
}

/**
 * The day a child left scope, for a pairing that ends because the child is no longer left
 * behind: the last change to "not left behind" between the pairing's start and `asOf` (a 16th
 * birthday, the day after a parent came home), never before the pairing started.
 */
function leftScopeOn(p: Pairing, scope: OutOfScope, asOf: CalendarDate): CalendarDate {
  if (p.start >= asOf) return endOn(p, asOf);
  const timeline = leftBehindChanges(scope.file, {
    from: p.start,
    to: asOf,
    definition: scope.definition,
  });
  const last = timeline.changes.findLast((c) => !c.leftBehind);
  return last?.date ?? p.start;
}

const END_TEXT: Record<PairingEndReason, LocalizedText> = {
  "mentor-left": text("导师已离开或不再可结对", "the mentor left or is no longer available"),
  "child-left": text("儿童已不在名单中", "the child is no longer on the list"),
  "no-longer-left-behind": text("儿童不再是留守儿童", "the child is no longer left behind"),
  replanned: text(
    "重新规划：另一方案明显更优（超过稳定性加分）",
    "re-planned: a clearly better plan exists (beyond the stability bonus)",
  ),
  "rule-changed": text(
    "规则或档案变化后，该结对已不被允许",
    "the pair is no longer allowed after a change of rules or files",
  ),
  other: text("其他原因", "other reason"),
};

/** Solves every component; returns the chosen edge of each matched child index. */
export function solveAll(inst: Instance): Map<number, number> {
  const edgeOf = new Map<number, number>();
  for (const comp of inst.components) {
    for (const [i, e] of solveComponent(inst, comp).edgeOf) edgeOf.set(i, e);
  }
  return edgeOf;
}

/** Builds the plan from an instance and a chosen edge per child. */
export function assemble(inst: Instance, edgeOf: ReadonlyMap<number, number>): PairingPlan {
  const { input, rules, ctx, children, mentors } = inst;
  const asOf = input.asOf;
  const load = new Int32Array(mentors.length);
  const holders: number[][] = mentors.map(() => []);
  for (let i = 0; i < children.length; i++) {
    const e = edgeOf.get(i);
    if (e === undefined) continue;
    const j = inst.edgeMentor[e]!;
    load[j]!++;
    holders[j]!.push(i); // children are in id order, so holders are too
  }
  const slotOf = new Map<number, number>();
  holders.forEach((hs) => hs.forEach((i, k) => slotOf.set(i, k + 1)));

  // Existing pairings: kept or ended.
  const usedIds = new Set(input.existing.map((p) => p.id));
  const kept: Pairing[] = [];
  const ended: EndedPairing[] = [];
  const endedOf = new Map<string, Pairing>(); // child id → pairing ended by this plan
  const historyOut = new Map<string, Pairing>();
  let untouched = 0;
  const existingLoad = new Map<string, number>();
  for (const p of inst.activeByChild.values())
    existingLoad.set(p.mentorId, (existingLoad.get(p.mentorId) ?? 0) + 1);
  for (const p of input.existing) {
    historyOut.set(p.id, p);
    if (!isReplanned(p, rules, asOf, inst.kindOf)) {
      untouched++;
      continue;
    }
    const ci = inst.childIndex.get(p.childId);
    const mentor = inst.allMentors.get(p.mentorId);
    let reason: PairingEndReason | undefined;
    let explanation: LocalizedText | undefined;
    let end = endOn(p, asOf);
    const scope = ci === undefined ? inst.input.outOfScope.get(p.childId) : undefined;
    if (scope !== undefined) {
      reason = "no-longer-left-behind";
      end = leftScopeOn(p, scope, asOf);
    } else if (ci === undefined) reason = "child-left";
    else if (mentor === undefined) reason = "mentor-left";
    else {
      const e = edgeOf.get(ci);
      if (e !== undefined && mentors[inst.edgeMentor[e]!]!.id === p.mentorId) {
        kept.push(p);
        continue;
      }
      const v = hardViolations(ctx, children[ci]!, mentor);
      if (v.some((x) => x.rule === "availability")) {
        reason = "mentor-left";
        explanation = text(
          `导师已不可结对：${v.map((x) => x.explanation["zh-CN"]).join("；")}`,
          `the mentor is no longer available: ${v.map((x) => x.explanation.en).join("; ")}`,
        );
      } else if (v.length > 0) {
        reason = "rule-changed";
        explanation = text(
          `该结对已违反硬性规则：${v.map((x) => x.explanation["zh-CN"]).join("；")}`,
          `the pair now breaks a hard rule: ${v.map((x) => x.explanation.en).join("; ")}`,
        );
      } else {
        const j = inst.mentorIndex.get(p.mentorId);
        const cap = j === undefined ? undefined : inst.caps[j]!.max;
        const had = existingLoad.get(p.mentorId) ?? 0;
        if (cap !== undefined && had > cap) {
          reason = "rule-changed";
          explanation = text(
            `导师容量现为 ${cap} 名，原有 ${had} 名结对儿童`,
            `the mentor's capacity is now ${cap}, and they had ${had} children`,
          );
        } else reason = "replanned";
      }
    }
    const endedPairing: Pairing = { ...p, end, endReason: reason };
    ended.push({ pairing: endedPairing, explanation: explanation ?? END_TEXT[reason] });
    historyOut.set(p.id, endedPairing);
    if (ci !== undefined) endedOf.set(p.childId, endedPairing);
  }
  const keptIds = new Set(kept.map((p) => `${p.childId}\u0000${p.mentorId}`));

  // Pairs.
  const pairs: PlannedPair[] = [];
  const added: Pairing[] = [];
  const byRule: Record<string, number> = {};
  let totalInt = 0;
  for (let i = 0; i < children.length; i++) {
    const e = edgeOf.get(i);
    if (e === undefined) continue;
    const child = children[i]!;
    const j = inst.edgeMentor[e]!;
    const mentor = mentors[j]!;
    const existing = inst.activeByChild.get(i);
    const isKept =
      existing !== undefined &&
      existing.mentorId === mentor.id &&
      keptIds.has(`${child.id}\u0000${mentor.id}`);
    const priority = inst.priority[i] === 1;
    const s = softEval(ctx, child, mentor, existing?.mentorId === mentor.id, priority);
    const breakdown = softTerms(ctx, s.values);
    const wt = workloadTerm(rules, slotOf.get(i)!, inst.caps[j]!.max);
    if (wt) breakdown.push(wt);
    let pointsInt = 0;
    for (const t of breakdown) {
      const pi = Math.round(t.points * SCALE);
      pointsInt += pi;
      byRule[t.rule] = (byRule[t.rule] ?? 0) + pi;
    }
    totalInt += pointsInt;
    let pairing: Pairing;
    if (isKept) pairing = existing!;
    else {
      let id = `${input.idPrefix}${hash(`${child.id}\u0000${mentor.id}\u0000${rules.role}\u0000${asOf}`)}`;
      for (let k = 2; usedIds.has(id); k++) id = `${id.replace(/~\d+$/, "")}~${k}`;
      usedIds.add(id);
      const relay = endedOf.get(child.id);
      pairing = {
        id,
        childId: child.id,
        mentorId: mentor.id,
        role: rules.role,
        start: asOf,
        ...(relay ? { relayFrom: relay.id } : {}),
      };
      added.push(pairing);
      historyOut.set(id, pairing);
    }
    pairs.push({
      pairing,
      status: isKept ? "kept" : "added",
      priority,
      score: pointsInt / SCALE,
      breakdown,
    });
  }
  for (const k of Object.keys(byRule)) byRule[k] = byRule[k]! / SCALE;

  // Unmatched children and why.
  const unmatched: UnmatchedChild[] = [];
  const holderCache = new Map<number, { mentorId: string; childIds: readonly string[] }>();
  const holderIds = (j: number) => {
    let h = holderCache.get(j);
    if (!h) {
      h = { mentorId: mentors[j]!.id, childIds: holders[j]!.map((x) => children[x]!.id) };
      holderCache.set(j, h);
    }
    return h;
  };
  for (let i = 0; i < children.length; i++) {
    if (edgeOf.has(i)) continue;
    unmatched.push(explainUnmatched(inst, i, holders, holderIds));
  }

  const mentorsBelowMinimum = mentors
    .map((m, j) => ({ mentorId: m.id, min: inst.caps[j]!.min, load: load[j]! }))
    .filter((x) => x.load < x.min);
  const priorityChildren = inst.priority.reduce((a, b) => a + b, 0);
  return {
    asOf,
    ruleSet: rules.name,
    pairs,
    unmatched,
    diff: {
      kept: kept.sort(byChild),
      added,
      ended: ended.sort((a, b) => byChild(a.pairing, b.pairing)),
    },
    history: [...historyOut.values()].sort(byChild),
    score: { total: totalInt / SCALE, byRule },
    stats: {
      children: children.length,
      outOfScope: inst.input.outOfScope.size,
      mentors: inst.allMentors.size,
      mentorsInScope: mentors.length,
      priorityChildren,
      priorityMatched: pairs.filter((p) => p.priority).length,
      matched: pairs.length,
      unmatched: unmatched.length,
      candidatePairs: inst.edgeMentor.length,
      components: inst.components.length,
      largestComponent: inst.components.reduce(
        (a, c) => Math.max(a, c.children.length + c.mentors.length),
        0,
      ),
      mentorsBelowMinimum,
      untouchedExisting: untouched,
    },
  };
}

function explainUnmatched(
  inst: Instance,
  i: number,
  holders: readonly number[][],
  holderIds: (j: number) => { mentorId: string; childIds: readonly string[] },
): UnmatchedChild {
  const child = inst.children[i]!;
  const priority = inst.priority[i] === 1;
  const eligible: number[] = [];
  for (let e = inst.edgeStart[i]!; e < inst.edgeStart[i + 1]!; e++)
    eligible.push(inst.edgeMentor[e]!);
  if (inst.mentors.length === 0) {
    return {
      childId: child.id,
      priority,
      reason: "no-mentors",
      message: text(
        `没有 ${inst.rules.mentorKinds.join("、")} 类型的导师`,
        `there is no mentor of kind ${inst.rules.mentorKinds.join(", ")}`,
      ),
      excludedBy: [],
      excluded: [],
      takenBy: [],
    };
  }
  if (eligible.length === 0) {
    const counts = new Map<string, number>();
    const near: { mentorId: string; violations: PairingViolation[] }[] = [];
    const rest: { mentorId: string; violations: PairingViolation[] }[] = [];
    for (const m of inst.mentors) {
      const v = hardViolations(inst.ctx, child, m);
      for (const x of v) counts.set(x.rule, (counts.get(x.rule) ?? 0) + 1);
      const close =
        (m.schoolId !== undefined && m.schoolId === child.child.schoolId) ||
        (m.regionCode !== undefined &&
          m.regionCode.slice(0, 9) === child.child.regionCode.slice(0, 9));
      (close ? near : rest).push({ mentorId: m.id, violations: v });
    }
    const excludedBy = [...counts]
      .map(([rule, count]) => ({ rule, count }))
      .sort((a, b) => b.count - a.count || (a.rule < b.rule ? -1 : 1));
    const summaryZh = excludedBy.map((x) => `${x.rule} 排除 ${x.count} 名`).join("，");
    const summaryEn = excludedBy.map((x) => `${x.rule} excludes ${x.count}`).join(", ");
    return {
      childId: child.id,
      priority,
      reason: "no-eligible-mentor",
      message: text(
        `没有符合硬性规则的导师（共 ${inst.mentors.length} 名：${summaryZh}）`,
        `no mentor passes the hard rules (${inst.mentors.length} in all: ${summaryEn})`,
      ),
      excludedBy,
      excluded: [...near, ...rest].slice(0, 20),
      takenBy: [],
    };
  }
  const takenBy = eligible.map((j) => holderIds(j));
  const higher = eligible.some((j) =>
    holders[j]!.some((h) => inst.priority[h]! > inst.priority[i]!),
  );
  return {
    childId: child.id,
    priority,
    reason: "capacity-taken",
    message: cachedText(`taken\u0000${eligible.length}\u0000${higher}`, () =>
      text(
        `${eligible.length} 名符合条件的导师名额已满${higher ? "（部分由优先级更高的儿童占用）" : "（由总分更优的方案占用）"}`,
        `the ${eligible.length} eligible mentor(s) are full${higher ? " (partly with higher-priority children)" : " (a plan with a better total holds their places)"}`,
      ),
    ),
    excludedBy: [],
    excluded: [],
    takenBy,
  };
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
  const inst = buildInstance(parseInput(input));
  return assemble(inst, solveAll(inst));
}
