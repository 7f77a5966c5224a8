/**
 * The second stage of {@link planPairingsPartitioned}: partition summaries checked against each
 * other and merged, in order, into one plan.
 * @module
 */
import { IdIndex } from "../_lib/id-index";
import { requireIterable } from "../_lib/iterable";
import { IssueCode } from "../errors/codes";
import { LiushouError, ValidationError } from "../errors/errors";
import type { FieldIssue } from "../errors/issues";
import { invalidArgument, requireObject, validate } from "../errors/validate";
import { text, type LocalizedText } from "../i18n";
import type { ChildFile } from "../model/child-file";
import type { Mentor, Pairing } from "../model/mentor";
import { hardViolations, makeEvalContext, SCALE, type EvalContext } from "./evaluate";
import {
  checkSharedOptions,
  PARTITIONED_SUBJECT,
  type PairingPartitionSummary,
} from "./partition-summary";
import type { PartitionedPairingOptions } from "./partitioned";
import type { PairingPlan, PairingStats, UnmatchedChild } from "./plan";
import { assemblePlan, byChild } from "./stages/assemble";
import { buildCandidateGraph } from "./stages/graph";
import type { ParsedInput } from "./stages/input";
import { solveGraph } from "./stages/solve";
import { SummarySchema, summaryInShape } from "./summary-shape";
import { explainNoEligible } from "./stages/unmatched";

/** Issue code of a pairing that would cross partitions. */
const CROSSES_PARTITION = "crosses_partition";

/** A child no mentor of its partition could take, explained again against every partition. */
interface NoEligible {
  readonly ctx: EvalContext;
  readonly child: ChildFile;
  readonly priority: boolean;
}

/** What the merge keeps of each partition: the plan, and where each id was seen. */
class Merge {
  readonly plans: PairingPlan[] = [];
  readonly noEligible = new Map<string, NoEligible>();
  readonly inScopeMentors: Mentor[] = [];
  /** The partitions' names, in the order added: the numbers `seen` holds. */
  private readonly names: string[] = [];
  /** Child, mentor and pairing ids → the partition they were first given in (off the heap). */
  private readonly seen = { child: new IdIndex(), mentor: new IdIndex(), pairing: new IdIndex() };
  /** Ids an existing pairing of a partition names but the partition does not hold. */
  readonly missing: { kind: "child" | "mentor"; id: string; pairing: string; partition: string }[] =
    [];
  readonly issues: FieldIssue[] = [];

  /**
   * @param shared - The shared options, validated: the rules and dates of every partition's
   * evaluation.
   * @param check - Whether each summary must be checked against them (its plan's `asOf`), as
   * summaries handed in by a caller are; those planned in the same call are planned with them.
   */
  constructor(
    private readonly shared: ParsedInput,
    private readonly check: boolean,
  ) {}

  /** Records an id of partition `p`; a second sighting is an issue naming both partitions. */
  private see(kind: "child" | "mentor" | "pairing", id: string, p: number): void {
    const first = this.seen[kind].add(id, p);
    if (first >= 0 && this.issues.length < 100)
      this.issues.push(twice(kind, id, this.names[first]!, this.names[p]!));
  }

  /** The partition a child or mentor id was given in, if any. */
  partitionOf(kind: "child" | "mentor", id: string): string | undefined {
    const p = this.seen[kind].get(id);
    return p < 0 ? undefined : this.names[p];
  }

  /**
   * Adds the summary at `index` of the stream: refuses one planned as of another date than the
   * options' (when checking), and records an issue for each id an earlier partition gave.
   */
  add(s: PairingPartitionSummary, index: number): void {
    const { name } = s;
    const asOf = this.shared.asOf;
    if (this.check && s.plan.asOf !== asOf) {
      throw invalidArgument(
        `summaries[${index}].plan.asOf`,
        "invalid_value",
        text(
          `分区 ${name} 按 ${s.plan.asOf} 计划，而选项的 asOf 是 ${asOf}：只能合并按同一选项计划的分区`,
          `partition ${name} was planned as of ${s.plan.asOf}, the options' asOf is ${asOf}: only partitions planned with the same options can be merged`,
        ),
        s.plan.asOf,
      );
    }
    const p = this.names.push(name) - 1;
    for (const id of s.ids.children) this.see("child", id, p);
    for (const id of s.ids.mentors) this.see("mentor", id, p);
    for (const id of s.ids.pairings) this.see("pairing", id, p);
    for (const m of s.missing) this.missing.push({ ...m, partition: name });
    this.inScopeMentors.push(...s.mentors);
    if (s.noEligible.length > 0) {
      const ctx = this.contextOf(s);
      for (const n of s.noEligible) this.noEligible.set(n.child.id, { ctx, ...n });
    }
    this.plans.push(s.plan);
  }

  /** The evaluation context of a partition, as far as its children with nobody read it. */
  private contextOf(s: PairingPartitionSummary): EvalContext {
    const { rules, customRules, asOf, timeZone } = this.shared;
    return makeEvalContext({ rules, custom: customRules, asOf, timeZone, ...s.context });
  }

  /** Issues for existing pairings whose child or mentor was given in another partition. */
  crossings(): FieldIssue[] {
    return this.missing.flatMap((m) => {
      const other = this.partitionOf(m.kind, m.id);
      if (other === undefined || other === m.partition) return [];
      const who = m.kind === "child" ? text("儿童", "child") : text("导师", "mentor");
      return [
        {
          path: `${m.partition}.existing`,
          code: CROSSES_PARTITION,
          message: text(
            `分区 ${m.partition} 的结对 ${m.pairing} 指向分区 ${other} 的${who["zh-CN"]} ${m.id}：结对跨越了分区，请合并这两个分区或整体规划`,
            `pairing ${m.pairing} of partition ${m.partition} names ${who.en} ${m.id} of partition ${other}: the pairing crosses partitions; merge the two or plan them as one`,
          ),
        },
      ];
    });
  }
}

function twice(kind: "child" | "mentor" | "pairing", id: string, a: string, b: string): FieldIssue {
  const what: Record<typeof kind, LocalizedText> = {
    child: text("儿童", "child"),
    mentor: text("导师", "mentor"),
    pairing: text("结对", "pairing"),
  };
  return {
    path: `${b}.${kind === "pairing" ? "existing" : kind === "child" ? "children" : "mentors"}`,
    code: IssueCode.DUPLICATE_ID,
    message: text(
      `${what[kind]["zh-CN"]} ${id} 同时出现在分区 ${a} 和 ${b} 中：分区须互不重叠`,
      `${what[kind].en} ${id} appears in partitions ${a} and ${b}: partitions must not overlap`,
    ),
  };
}

const sumInt = (xs: readonly number[]) => xs.reduce((a, x) => a + Math.round(x * SCALE), 0);

function mergeStats(plans: readonly PairingPlan[]): PairingStats {
  const sum = (k: keyof PairingStats) => plans.reduce((a, p) => a + (p.stats[k] as number), 0);
  return {
    children: sum("children"),
    outOfScope: sum("outOfScope"),
    mentors: sum("mentors"),
    mentorsInScope: sum("mentorsInScope"),
    priorityChildren: sum("priorityChildren"),
    priorityMatched: sum("priorityMatched"),
    matched: sum("matched"),
    unmatched: sum("unmatched"),
    candidatePairs: sum("candidatePairs"),
    components: sum("components"),
    largestComponent: plans.reduce((a, p) => Math.max(a, p.stats.largestComponent), 0),
    mentorsBelowMinimum: plans
      .flatMap((p) => p.stats.mentorsBelowMinimum)
      .sort((a, b) => (a.mentorId < b.mentorId ? -1 : a.mentorId > b.mentorId ? 1 : 0)),
    untouchedExisting: sum("untouchedExisting"),
  };
}

/**
 * A mentor of another partition that a child left with nobody could have taken: the pair would
 * cross partitions, so the merged plan would not be the single plan.
 */
function crossingMentor(merge: Merge, n: NoEligible, mentors: readonly Mentor[]): FieldIssue[] {
  const own = merge.partitionOf("child", n.child.id)!;
  const m = mentors.find((x) => hardViolations(n.ctx, n.child, x).length === 0);
  if (m === undefined) return [];
  const other = merge.partitionOf("mentor", m.id)!;
  return [
    {
      path: `${own}.children`,
      code: CROSSES_PARTITION,
      message: text(
        `分区 ${own} 的儿童 ${n.child.id} 可与分区 ${other} 的导师 ${m.id} 结对：结对跨越了分区，请按更大的区划分区或整体规划`,
        `child ${n.child.id} of partition ${own} could be paired with mentor ${m.id} of partition ${other}: pairs cross partitions; partition by a larger region or plan them as one`,
      ),
    },
  ];
}

/** Order by an id, as `<` orders strings. */
const byId =
  <T>(id: (x: T) => string) =>
  (a: T, b: T): number => {
    const x = id(a);
    const y = id(b);
    return x < y ? -1 : x > y ? 1 : 0;
  };
const byMentorId = byId((m: Mentor) => m.id);
const byChildId = byId((u: UnmatchedChild) => u.childId);
const byPairChild = byId((x: PairingPlan["pairs"][number]) => x.pairing.childId);
const byEndedPairing = (a: { pairing: Pairing }, b: { pairing: Pairing }) =>
  byChild(a.pairing, b.pairing);

/**
 * The lists one after another, in order by `compare`, as `lists.flat().sort(compare)` gives
 * them: each partition's lists are in order already and partitions mostly follow one another,
 * so each item is compared with the one before and the whole is sorted only when one is not in
 * order (the sort is stable, so equal items keep their places either way).
 */
function joinInOrder<T>(lists: readonly (readonly T[])[], compare: (a: T, b: T) => number): T[] {
  const out: T[] = [];
  let ordered = true;
  for (const list of lists) {
    for (let i = 0; i < list.length; i++) {
      const x = list[i]!;
      if (ordered && out.length > 0 && compare(out[out.length - 1]!, x) > 0) ordered = false;
      out.push(x);
    }
  }
  return ordered ? out : out.sort(compare);
}

function mergePlans(merge: Merge): PairingPlan {
  const { plans } = merge;
  const mentors = merge.inScopeMentors.sort(byMentorId);
  const crossing = [...merge.noEligible.values()].flatMap((n) => crossingMentor(merge, n, mentors));
  if (crossing.length > 0)
    throw new ValidationError(crossing.slice(0, 100), { subject: PARTITIONED_SUBJECT });
  // A child left with nobody in its partition is explained again against every partition.
  const explained = (u: UnmatchedChild) => {
    const n = merge.noEligible.get(u.childId);
    return n === undefined ? u : explainNoEligible(n.ctx, n.child, n.priority, mentors);
  };
  const unmatched = joinInOrder(
    plans.map((p) => (merge.noEligible.size === 0 ? p.unmatched : p.unmatched.map(explained))),
    byChildId,
  );
  const byRule: Record<string, number> = {};
  for (const p of plans)
    for (const [k, v] of Object.entries(p.score.byRule))
      byRule[k] = (byRule[k] ?? 0) + Math.round(v * SCALE);
  for (const k of Object.keys(byRule)) byRule[k] = byRule[k]! / SCALE;
  return {
    asOf: plans[0]!.asOf,
    ruleSet: plans[0]!.ruleSet,
    pairs: joinInOrder(
      plans.map((p) => p.pairs),
      byPairChild,
    ),
    unmatched,
    diff: {
      kept: joinInOrder(
        plans.map((p) => p.diff.kept),
        byChild,
      ),
      added: joinInOrder(
        plans.map((p) => p.diff.added),
        byChild,
      ),
      ended: joinInOrder(
        plans.map((p) => p.diff.ended),
        byEndedPairing,
      ),
    },
    history: joinInOrder(
      plans.map((p) => p.history),
      byChild,
    ),
    score: { total: sumInt(plans.map((p) => p.score.total)) / SCALE, byRule },
    stats: mergeStats(plans),
  };
}

/**
 * Merges partition summaries, in order, into the plan of {@link planPairingsPartitioned}: the
 * stage after {@link summarizePairingPartition}. Reads the summaries one at a time and stops at
 * the first partition that repeats an id of an earlier one, so a stream that throws for a later
 * partition throws just where the one-thread plan would.
 * @param summaries - The partitions' summaries in partition order, an iterable or async iterable.
 * @param options - The options the partitions were planned with.
 * @returns The merged plan, as {@link planPairings} returns it for the union of the partitions.
 * @throws ValidationError when `summaries` is not iterable, when a summary is not one
 * {@link summarizePairingPartition} makes (or its values change as they are read), on
 * overlapping partitions or pairs that would cross them; whatever `summaries` throws.
 * @example
 * const plan = await mergePairingPartitions(counties.map((c, i) => summarizePairingPartition(c, i, options)), options);
 * plan.stats.matched //=> 41873
 * @category Pairing
 */
export async function mergePairingPartitions(
  summaries: Iterable<PairingPartitionSummary> | AsyncIterable<PairingPartitionSummary>,
  options: PartitionedPairingOptions,
): Promise<PairingPlan> {
  requireIterable(summaries, "summaries", text("分区摘要", "partition summaries"));
  requireObject(options, "options");
  return mergeSummaries(summaries, checkSharedOptions(options), true);
}

/**
 * {@link mergePairingPartitions} after its argument checks, with the shared options already
 * validated ({@link checkSharedOptions}); `check` validates each summary's shape and `asOf`,
 * which summaries fresh from {@link summarizePairingPartition} in the same call skip.
 * @internal
 */
export async function mergeSummaries(
  summaries: Iterable<PairingPartitionSummary> | AsyncIterable<PairingPartitionSummary>,
  shared: ParsedInput,
  check: boolean,
): Promise<PairingPlan> {
  const merge = new Merge(shared, check);
  let index = 0;
  for await (const summary of summaries) {
    // A summary in shape passes the schema as it is: zod, which copies it, only words errors.
    if (check && !summaryInShape(summary)) {
      validate(SummarySchema, summary, {
        path: [`summaries[${index}]`],
        subject: text("分区摘要", "partition summary"),
      });
    }
    try {
      merge.add(summary, index);
    } catch (e) {
      throw check ? unreadable(`summaries[${index}]`, e) : e;
    }
    index++;
    if (merge.issues.length > 0)
      throw new ValidationError(merge.issues, { subject: PARTITIONED_SUBJECT });
  }
  const crossings = merge.crossings();
  if (crossings.length > 0) throw new ValidationError(crossings, { subject: PARTITIONED_SUBJECT });
  if (merge.plans.length === 0) {
    // No partition: the plan of an empty input, the shared options alone.
    const graph = buildCandidateGraph(shared);
    return assemblePlan(graph, solveGraph(graph));
  }
  try {
    return mergePlans(merge);
  } catch (e) {
    throw check ? unreadable("summaries", e) : e;
  }
}

/**
 * The error for summaries that passed the check but failed as the merge read them: their
 * values changed between reads (a getter, a proxy), since a summary as checked merges. The
 * error met is kept as the cause; the library's own errors pass through.
 */
function unreadable(path: string, cause: unknown): unknown {
  if (cause instanceof LiushouError) return cause;
  return new ValidationError(
    [
      {
        path,
        code: IssueCode.OTHER,
        message: text(
          "分区摘要在读取过程中发生了变化，无法合并：请传入 summarizePairingPartition 返回的普通数据",
          "the partition summary changed as it was read and cannot be merged: pass the plain data summarizePairingPartition returns",
        ),
      },
    ],
    { subject: PARTITIONED_SUBJECT, cause },
  );
}
