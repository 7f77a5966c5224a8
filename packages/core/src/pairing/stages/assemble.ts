/**
 * Stage 4 of planning, the plan: turns the solver's choice into the plan a host reads — existing
 * pairings kept or ended (with the reason in words), new pairs with their score breakdown and
 * relay, unmatched children with why, and the statistics. Each part is its own function below.
 * Private to the pairing module.
 * @module
 */
import { leftBehindChanges } from "../../classification/classify";
import { text, type LocalizedText } from "../../i18n";
import type { Pairing, PairingEndReason } from "../../model/mentor";
import type { CalendarDate } from "../../time/types";
import { hardViolations, SCALE, softEval, softTerms, workloadTerm } from "../evaluate";
import type { EndedPairing, PairingPlan, PairingStats, PlannedPair, UnmatchedChild } from "../plan";
import type { CandidateGraph } from "./graph";
import { isReplanned, type OutOfScope } from "./input";
import type { EdgeChoice } from "./solve";
import { explainUnmatched, UnmatchedShared, type Holders } from "./unmatched";

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
export function byChild(a: Pairing, b: Pairing): number {
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

/** The children each mentor holds in the choice (ascending), by mentor index. */
function holdersOf(graph: CandidateGraph, edgeOf: EdgeChoice): Holders {
  const holders: number[][] = graph.mentors.map(() => []);
  for (let i = 0; i < edgeOf.length; i++) {
    const e = edgeOf[i]!;
    if (e >= 0) holders[graph.edgeMentor[e]!]!.push(i);
  }
  return holders;
}

/** Why a re-planned pairing whose child and mentor are both still there did not stay. */
function whyNotKept(
  graph: CandidateGraph,
  p: Pairing,
  ci: number,
  existingLoad: ReadonlyMap<string, number>,
): { reason: PairingEndReason; explanation?: LocalizedText } {
  const v = hardViolations(graph.ctx, graph.children[ci]!, graph.allMentors.get(p.mentorId)!);
  const zh = v.map((x) => x.explanation["zh-CN"]).join("；");
  const en = v.map((x) => x.explanation.en).join("; ");
  if (v.some((x) => x.rule === "availability")) {
    const explanation = text(`导师已不可结对：${zh}`, `the mentor is no longer available: ${en}`);
    return { reason: "mentor-left", explanation };
  }
  if (v.length > 0) {
    const explanation = text(
      `该结对已违反硬性规则：${zh}`,
      `the pair now breaks a hard rule: ${en}`,
    );
    return { reason: "rule-changed", explanation };
  }
  const j = graph.mentorIndex.get(p.mentorId);
  const cap = j === undefined ? undefined : graph.caps[j]!.max;
  const had = existingLoad.get(p.mentorId) ?? 0;
  if (cap !== undefined && had > cap) {
    const explanation = text(
      `导师容量现为 ${cap} 名，原有 ${had} 名结对儿童`,
      `the mentor's capacity is now ${cap}, and they had ${had} children`,
    );
    return { reason: "rule-changed", explanation };
  }
  return { reason: "replanned" };
}

/** The existing pairings after the plan: kept, ended (and why), or untouched. */
interface ExistingOutcome {
  readonly kept: Pairing[];
  readonly ended: EndedPairing[];
  /** Child id → the pairing this plan ended (for `relayFrom`). */
  readonly endedOf: ReadonlyMap<string, Pairing>;
  /** Pairing id → the pairing as it is after the plan. */
  readonly history: Map<string, Pairing>;
  readonly untouched: number;
}

function settleExisting(graph: CandidateGraph, edgeOf: EdgeChoice): ExistingOutcome {
  const { input, rules } = graph;
  const asOf = input.asOf;
  const kept: Pairing[] = [];
  const ended: EndedPairing[] = [];
  const endedOf = new Map<string, Pairing>();
  const history = new Map<string, Pairing>();
  let untouched = 0;
  const existingLoad = new Map<string, number>();
  for (const p of graph.activeByChild.values())
    existingLoad.set(p.mentorId, (existingLoad.get(p.mentorId) ?? 0) + 1);
  for (const p of input.existing) {
    history.set(p.id, p);
    if (!isReplanned(p, rules, asOf, graph.kindOf)) {
      untouched++;
      continue;
    }
    const ci = graph.childIndex.get(p.childId);
    const scope = ci === undefined ? input.outOfScope.get(p.childId) : undefined;
    let end = endOn(p, asOf);
    let why: { reason: PairingEndReason; explanation?: LocalizedText };
    if (scope !== undefined) {
      why = { reason: "no-longer-left-behind" };
      end = leftScopeOn(p, scope, asOf);
    } else if (ci === undefined) why = { reason: "child-left" };
    else if (!graph.allMentors.has(p.mentorId)) why = { reason: "mentor-left" };
    else {
      const e = edgeOf[ci]!;
      if (e >= 0 && graph.mentors[graph.edgeMentor[e]!]!.id === p.mentorId) {
        kept.push(p);
        continue;
      }
      why = whyNotKept(graph, p, ci, existingLoad);
    }
    const endedPairing: Pairing = { ...p, end, endReason: why.reason };
    ended.push({ pairing: endedPairing, explanation: why.explanation ?? END_TEXT[why.reason] });
    history.set(p.id, endedPairing);
    if (ci !== undefined) endedOf.set(p.childId, endedPairing);
  }
  return { kept, ended, endedOf, history, untouched };
}

/** The pairs of the plan with their breakdowns, the new pairings, and the score by rule. */
function buildPairs(
  graph: CandidateGraph,
  edgeOf: EdgeChoice,
  holders: Holders,
  existing: ExistingOutcome,
): { pairs: PlannedPair[]; added: Pairing[]; score: PairingPlan["score"] } {
  const { input, rules, ctx, children, mentors } = graph;
  const slotOf = new Int32Array(children.length);
  for (const hs of holders) hs.forEach((i, k) => (slotOf[i] = k + 1));
  const usedIds = new Set(input.existing.map((p) => p.id));
  // At most one re-planned pairing a child (the input stage refuses two): a child's active
  // pairing is kept exactly when it is among the kept ones.
  const kept: ReadonlySet<Pairing> = new Set(existing.kept);
  const pairs: PlannedPair[] = [];
  const added: Pairing[] = [];
  const byRule: Record<string, number> = {};
  let totalInt = 0;
  for (let i = 0; i < children.length; i++) {
    const e = edgeOf[i]!;
    if (e < 0) continue;
    const child = children[i]!;
    const j = graph.edgeMentor[e]!;
    const mentor = mentors[j]!;
    const active = graph.activeByChild.get(i);
    const isKept = active !== undefined && active.mentorId === mentor.id && kept.has(active);
    const priority = graph.priority[i] === 1;
    const s = softEval(ctx, child, mentor, active?.mentorId === mentor.id, priority);
    const breakdown = softTerms(ctx, s.values);
    const wt = workloadTerm(ctx, slotOf[i]!, graph.caps[j]!.max);
    if (wt) breakdown.push(wt);
    let pointsInt = 0;
    for (const t of breakdown) {
      const pi = Math.round(t.points * SCALE);
      pointsInt += pi;
      byRule[t.rule] = (byRule[t.rule] ?? 0) + pi;
    }
    totalInt += pointsInt;
    let pairing: Pairing;
    if (isKept) pairing = active;
    else {
      let id = `${input.idPrefix}${hash(`${child.id}\u0000${mentor.id}\u0000${rules.role}\u0000${input.asOf}`)}`;
      for (let k = 2; usedIds.has(id); k++) id = `${id.replace(/~\d+$/, "")}~${k}`;
      usedIds.add(id);
      const relay = existing.endedOf.get(child.id);
      pairing = {
        id,
        childId: child.id,
        mentorId: mentor.id,
        role: rules.role,
        start: input.asOf,
        ...(relay ? { relayFrom: relay.id } : {}),
      };
      added.push(pairing);
      existing.history.set(id, pairing);
    }
    const status = isKept ? "kept" : "added";
    pairs.push({ pairing, status, priority, score: pointsInt / SCALE, breakdown });
  }
  for (const k of Object.keys(byRule)) byRule[k] = byRule[k]! / SCALE;
  return { pairs, added, score: { total: totalInt / SCALE, byRule } };
}

/** The statistics of a plan. */
function planStats(
  graph: CandidateGraph,
  holders: Holders,
  pairs: readonly PlannedPair[],
  unmatched: number,
  untouched: number,
): PairingStats {
  const { mentors, caps, components } = graph;
  let priorityChildren = 0;
  for (const p of graph.priority) priorityChildren += p;
  return {
    children: graph.children.length,
    outOfScope: graph.input.outOfScope.size,
    mentors: graph.allMentors.size,
    mentorsInScope: mentors.length,
    priorityChildren,
    priorityMatched: pairs.filter((p) => p.priority).length,
    matched: pairs.length,
    unmatched,
    candidatePairs: graph.edgeMentor.length,
    components: components.length,
    largestComponent: components.reduce(
      (a, c) => Math.max(a, c.children.length + c.mentors.length),
      0,
    ),
    mentorsBelowMinimum: mentors
      .map((m, j) => ({ mentorId: m.id, min: caps[j]!.min, load: holders[j]!.length }))
      .filter((x) => x.load < x.min),
    untouchedExisting: untouched,
  };
}

/** Builds the plan from a candidate graph and the chosen edge of each child. */
export function assemblePlan(graph: CandidateGraph, edgeOf: EdgeChoice): PairingPlan {
  const holders = holdersOf(graph, edgeOf);
  const existing = settleExisting(graph, edgeOf);
  const { pairs, added, score } = buildPairs(graph, edgeOf, holders, existing);
  const unmatched: UnmatchedChild[] = [];
  const shared = new UnmatchedShared(graph, holders);
  for (let i = 0; i < graph.children.length; i++)
    if (edgeOf[i]! < 0) unmatched.push(explainUnmatched(graph, i, shared));
  return {
    asOf: graph.input.asOf,
    ruleSet: graph.rules.name,
    pairs,
    unmatched,
    diff: {
      kept: existing.kept.sort(byChild),
      added,
      ended: existing.ended.sort((a, b) => byChild(a.pairing, b.pairing)),
    },
    history: [...existing.history.values()].sort(byChild),
    score,
    stats: planStats(graph, holders, pairs, unmatched.length, existing.untouched),
  };
}
