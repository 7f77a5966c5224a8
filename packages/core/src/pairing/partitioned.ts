import { IssueCode } from "../errors/codes";
import { ValidationError } from "../errors/errors";
import type { FieldIssue } from "../errors/issues";
import { requireObject } from "../errors/validate";
import { text, type LocalizedText } from "../i18n";
import type { ChildFile, ChildFileInput } from "../model/child-file";
import type { SchoolClassInput } from "../model/area";
import type { GeoPoint, Mentor, MentorInput, PairingInput } from "../model/mentor";
import { hardViolations, SCALE, type EvalContext } from "./evaluate";
import type { PairingPlan, PairingStats, UnmatchedChild } from "./plan";
import { assemblePlan, byChild } from "./stages/assemble";
import { buildCandidateGraph, type CandidateGraph } from "./stages/graph";
import {
  isReplanned,
  parseInput,
  type PairingExclusionInput,
  type PlanPairingsInput,
} from "./stages/input";
import { solveGraph } from "./stages/solve";
import { explainNoEligible } from "./stages/unmatched";

/**
 * One partition of a pairing input (a county, or any region level): its children and mentors,
 * and the existing pairings, classes, exclusions and locations that belong to them.
 * @example
 * const county: PairingPartition = { name: "439901", children, mentors, existing };
 * @category Pairing
 */
export interface PairingPartition {
  /** The partition's name (a region code, say), used in error messages. */
  readonly name: string;
  readonly children: readonly ChildFileInput[];
  readonly mentors: readonly MentorInput[];
  readonly existing?: readonly PairingInput[];
  readonly classes?: readonly SchoolClassInput[];
  readonly exclusions?: readonly PairingExclusionInput[];
  readonly childLocations?: Readonly<Record<string, GeoPoint>>;
}

/**
 * What every partition shares: the rule set, the plan date and the other options of
 * {@link planPairings}.
 * @example
 * const options: PartitionedPairingOptions = { rules: TEACHER_PAIRING_PRESET, asOf: "2026-09-01" };
 * @category Pairing
 */
export type PartitionedPairingOptions = Omit<
  PlanPairingsInput,
  "children" | "mentors" | "existing" | "classes" | "exclusions" | "childLocations"
>;

/** Issue code of a pairing that would cross partitions. */
const CROSSES_PARTITION = "crosses_partition";

const SUBJECT = text("分区结对计划输入", "partitioned pairing plan input");

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
  /** Child, mentor and pairing ids → the partition they were given in. */
  readonly seen = { child: new Map<string, string>(), mentor: new Map<string, string>() };
  readonly seenPairing = new Map<string, string>();
  /** Ids an existing pairing of a partition names but the partition does not hold. */
  readonly missing: { kind: "child" | "mentor"; id: string; pairing: string; partition: string }[] =
    [];
  readonly issues: FieldIssue[] = [];

  /** Records the ids of a partition; a second sighting is an issue naming both partitions. */
  see(kind: "child" | "mentor", id: string, partition: string): void {
    const map = this.seen[kind];
    const first = map.get(id);
    if (first === undefined) map.set(id, partition);
    else if (this.issues.length < 100) this.issues.push(twice(kind, id, first, partition));
  }

  add(name: string, graph: CandidateGraph, plan: PairingPlan): void {
    const { input } = graph;
    for (const c of input.children) this.see("child", c.id, name);
    for (const id of input.outOfScope.keys()) this.see("child", id, name);
    for (const m of input.mentors) this.see("mentor", m.id, name);
    for (const p of input.existing) {
      const first = this.seenPairing.get(p.id);
      if (first !== undefined && this.issues.length < 100)
        this.issues.push(twice("pairing", p.id, first, name));
      this.seenPairing.set(p.id, name);
      if (!isReplanned(p, graph.rules, input.asOf, graph.kindOf)) continue;
      if (!graph.childIndex.has(p.childId) && !input.outOfScope.has(p.childId))
        this.missing.push({ kind: "child", id: p.childId, pairing: p.id, partition: name });
      if (!graph.allMentors.has(p.mentorId))
        this.missing.push({ kind: "mentor", id: p.mentorId, pairing: p.id, partition: name });
    }
    this.inScopeMentors.push(...graph.mentors);
    for (const u of plan.unmatched) {
      if (u.reason !== "no-eligible-mentor" && u.reason !== "no-mentors") continue;
      const i = graph.childIndex.get(u.childId)!;
      this.noEligible.set(u.childId, {
        ctx: graph.ctx,
        child: graph.children[i]!,
        priority: u.priority,
      });
    }
    this.plans.push(plan);
  }

  /** Issues for existing pairings whose child or mentor was given in another partition. */
  crossings(): FieldIssue[] {
    return this.missing.flatMap((m) => {
      const other = this.seen[m.kind].get(m.id);
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

/** Plans one partition; its validation issues are named after the partition. */
function planPartition(
  partition: PairingPartition,
  index: number,
  options: PartitionedPairingOptions,
): { name: string; graph: CandidateGraph; plan: PairingPlan } {
  requireObject(partition, `partitions[${index}]`);
  const name =
    typeof partition.name === "string" && partition.name !== ""
      ? partition.name
      : `partitions[${index}]`;
  const { name: _, ...data } = partition;
  try {
    const graph = buildCandidateGraph(parseInput({ ...options, ...data }));
    return { name, graph, plan: assemblePlan(graph, solveGraph(graph)) };
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    const issues = e.issues.map((x) => ({
      ...x,
      path: x.path === "" ? name : `${name}.${x.path}`,
      message: text(`分区 ${name}：${x.message["zh-CN"]}`, `partition ${name}: ${x.message.en}`),
    }));
    throw new ValidationError(issues, { subject: SUBJECT, cause: e });
  }
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
  const own = merge.seen.child.get(n.child.id)!;
  const m = mentors.find((x) => hardViolations(n.ctx, n.child, x).length === 0);
  if (m === undefined) return [];
  const other = merge.seen.mentor.get(m.id)!;
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

function mergePlans(merge: Merge): PairingPlan {
  const { plans } = merge;
  const byChildId =
    <T>(id: (x: T) => string) =>
    (a: T, b: T) =>
      id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0;
  const mentors = merge.inScopeMentors.sort(byChildId((m: Mentor) => m.id));
  const crossing = [...merge.noEligible.values()].flatMap((n) => crossingMentor(merge, n, mentors));
  if (crossing.length > 0) throw new ValidationError(crossing.slice(0, 100), { subject: SUBJECT });
  const unmatched: UnmatchedChild[] = plans
    .flatMap((p) => p.unmatched)
    .map((u) => {
      const n = merge.noEligible.get(u.childId);
      return n === undefined ? u : explainNoEligible(n.ctx, n.child, n.priority, mentors);
    })
    .sort(byChildId((u: UnmatchedChild) => u.childId));
  const byRule: Record<string, number> = {};
  for (const p of plans)
    for (const [k, v] of Object.entries(p.score.byRule))
      byRule[k] = (byRule[k] ?? 0) + Math.round(v * SCALE);
  for (const k of Object.keys(byRule)) byRule[k] = byRule[k]! / SCALE;
  const pairs = plans
    .flatMap((p) => p.pairs)
    .sort(byChildId((x: PairingPlan["pairs"][number]) => x.pairing.childId));
  return {
    asOf: plans[0]!.asOf,
    ruleSet: plans[0]!.ruleSet,
    pairs,
    unmatched,
    diff: {
      kept: plans.flatMap((p) => p.diff.kept).sort(byChild),
      added: plans.flatMap((p) => p.diff.added).sort(byChild),
      ended: plans.flatMap((p) => p.diff.ended).sort((a, b) => byChild(a.pairing, b.pairing)),
    },
    history: plans.flatMap((p) => p.history).sort(byChild),
    score: { total: sumInt(plans.map((p) => p.score.total)) / SCALE, byRule },
    stats: mergeStats(plans),
  };
}

/**
 * Plans pairings partition by partition (county by county, say), holding one partition's input
 * at a time, and merges the partitions' plans into one. When no pairing could cross partitions
 * — every mentor a child could be paired with is in the child's partition — the plan is the one
 * {@link planPairings} makes on the union of the partitions, field for field.
 *
 * Which rule sets keep pairs inside a county: same-school teachers (a school is in one county),
 * and any rule set whose `maxDistance.area` is `county` or finer. Volunteers, cadres and other
 * kinds without an area rule can be paired across counties: partition such inputs by a coarser
 * level, or plan them with {@link planPairings}. Ids must not repeat across partitions: a child,
 * mentor or pairing given in two partitions is a ValidationError naming both, and so is an
 * existing pairing whose child or mentor was given in another partition (also with
 * `onMissing: "end"`, where the plan would otherwise end it silently).
 *
 * A partition's own validation issues carry its name in their path and message. An unmatched
 * child with no eligible mentor is explained against the mentors of every partition, as in the
 * single plan; keep `maxDistance` and custom rules free of the other partitions' `classes`.
 * @param partitions - the partitions, an iterable or an async iterable (read once, in order).
 * @param options - the rule set, `asOf` and the other options every partition shares.
 * @returns the merged plan, as {@link planPairings} returns it.
 * @throws ValidationError on a malformed partition (its name in the path) or overlapping partitions.
 * @example
 * async function* counties() { for (const code of codes) yield await loadCounty(code); }
 * const plan = await planPairingsPartitioned(counties(), { rules: TEACHER_PAIRING_PRESET, asOf: "2026-09-01" });
 * plan.stats.matched //=> 41873
 * @category Pairing
 */
export async function planPairingsPartitioned(
  partitions: Iterable<PairingPartition> | AsyncIterable<PairingPartition>,
  options: PartitionedPairingOptions,
): Promise<PairingPlan> {
  requireObject(options, "options");
  const iterable =
    partitions !== null &&
    typeof partitions === "object" &&
    (Symbol.asyncIterator in partitions || Symbol.iterator in partitions);
  if (!iterable) {
    throw new ValidationError(
      [
        {
          path: "partitions",
          code: "invalid_type",
          message: text(
            "partitions：应为分区的可迭代对象（数组或异步迭代器）",
            "partitions: expected an iterable of partitions (an array or an async iterable)",
          ),
        },
      ],
      { subject: SUBJECT },
    );
  }
  const merge = new Merge();
  let index = 0;
  for await (const partition of partitions) {
    const { name, graph, plan } = planPartition(partition, index++, options);
    merge.add(name, graph, plan);
    if (merge.issues.length > 0) throw new ValidationError(merge.issues, { subject: SUBJECT });
  }
  const crossings = merge.crossings();
  if (crossings.length > 0) throw new ValidationError(crossings, { subject: SUBJECT });
  if (merge.plans.length === 0) {
    // No partition: the plan of an empty input.
    const graph = buildCandidateGraph(parseInput({ ...options, children: [], mentors: [] }));
    return assemblePlan(graph, solveGraph(graph));
  }
  return mergePlans(merge);
}
