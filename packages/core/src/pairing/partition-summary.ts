/**
 * The first stage of {@link planPairingsPartitioned}: one partition planned into a summary of
 * plain data (structured-clone safe), so a worker thread can plan it and send it back.
 * @module
 */
import { ValidationError } from "../errors/errors";
import { inPartition } from "../errors/in-partition";
import { invalidArgument, requireObject } from "../errors/validate";
import { text } from "../i18n";
import type { SchoolClass } from "../model/area";
import type { ChildFile } from "../model/child-file";
import type { GeoPoint, Mentor } from "../model/mentor";
import type { PairingPartition, PartitionedPairingOptions } from "./partitioned";
import type { PairingPlan } from "./plan";
import { assemblePlan } from "./stages/assemble";
import { buildCandidateGraph, type CandidateGraph } from "./stages/graph";
import {
  isReplanned,
  parseInput,
  type PairingExclusion,
  type ParsedInput,
  type SharedPairingOptions,
} from "./stages/input";
import { solveGraph } from "./stages/solve";

/** The subject of the errors of a partitioned plan. */
export const PARTITIONED_SUBJECT = text("分区结对计划输入", "partitioned pairing plan input");

/**
 * A partition planned on its own, with what {@link mergePairingPartitions} needs to check the
 * partitions against each other and merge them: plain data, safe to send between threads.
 * @example
 * const summary = summarizePairingPartition(county, 0, { rules: TEACHER_PAIRING_PRESET, asOf });
 * summary.plan.stats.matched //=> 1652
 * @category Pairing
 */
export interface PairingPartitionSummary {
  /** The partition's name, or `partitions[index]` when it has none. */
  readonly name: string;
  /** The partition's own plan. */
  readonly plan: PairingPlan;
  /** Ids of the children given (in scope, then out of scope), of the mentors and pairings. */
  readonly ids: {
    readonly children: readonly string[];
    readonly mentors: readonly string[];
    readonly pairings: readonly string[];
  };
  /** The child or mentor an active existing pairing names but the partition does not hold. */
  readonly missing: readonly {
    readonly kind: "child" | "mentor";
    readonly id: string;
    readonly pairing: string;
  }[];
  /** The mentors of the rule set's kinds, sorted by id. */
  readonly mentors: readonly Mentor[];
  /** Children no mentor of the partition could take, to explain against every partition. */
  readonly noEligible: readonly { readonly child: ChildFile; readonly priority: boolean }[];
  /** What rule evaluation reads for those children: the classes, their exclusions and homes. */
  readonly context: {
    readonly classes: readonly SchoolClass[];
    readonly exclusions: readonly PairingExclusion[];
    readonly childLocations: Readonly<Record<string, GeoPoint>>;
  };
}

/** What the partition's graph and plan leave for the merge. */
function summaryOf(
  name: string,
  graph: CandidateGraph,
  plan: PairingPlan,
): PairingPartitionSummary {
  const { input } = graph;
  const missing: PairingPartitionSummary["missing"][number][] = [];
  for (const p of input.existing) {
    if (!isReplanned(p, graph.rules, input.asOf, graph.kindOf)) continue;
    if (!graph.childIndex.has(p.childId) && !input.outOfScope.has(p.childId))
      missing.push({ kind: "child", id: p.childId, pairing: p.id });
    if (!graph.allMentors.has(p.mentorId))
      missing.push({ kind: "mentor", id: p.mentorId, pairing: p.id });
  }
  const noEligible = plan.unmatched
    .filter((u) => u.reason === "no-eligible-mentor" || u.reason === "no-mentors")
    .map((u) => ({
      child: graph.children[graph.childIndex.get(u.childId)!]!,
      priority: u.priority,
    }));
  const unexplained = new Set(noEligible.map((n) => n.child.id));
  const childLocations: Record<string, GeoPoint> = {};
  for (const id of unexplained) {
    const at = input.childLocations[id];
    if (at !== undefined) childLocations[id] = at;
  }
  return {
    name,
    plan,
    ids: {
      children: [...input.children.map((c) => c.id), ...input.outOfScope.keys()],
      mentors: input.mentors.map((m) => m.id),
      pairings: input.existing.map((p) => p.id),
    },
    missing,
    mentors: graph.mentors,
    noEligible,
    context: {
      classes: noEligible.length > 0 ? input.classes : [],
      exclusions: input.exclusions.filter((e) => unexplained.has(e.childId)),
      childLocations,
    },
  };
}

/**
 * Validates the options every partition shares (on their own, so an error in them is not
 * blamed on a partition).
 * @returns Their parse, with no child or mentor: the rules, `asOf` as a date and the rest a
 * partition's evaluation reads, and the input of a plan of no partition.
 * @internal
 */
export function checkSharedOptions(options: PartitionedPairingOptions): ParsedInput {
  requireObject(options, "options");
  return parseInput({ ...options, children: [], mentors: [] });
}

/**
 * Plans one partition of {@link planPairingsPartitioned} into a {@link PairingPartitionSummary}:
 * the stage a worker thread runs. Its validation issues carry the partition's name.
 * @param partition - The partition (children, mentors, existing pairings and the rest).
 * @param index - Its position among the partitions: its name when it has none.
 * @param options - The rule set, `asOf` and the other options every partition shares.
 * @returns The partition's plan and what the merge needs.
 * @throws ValidationError on a malformed partition or options, the partition's name in the path.
 * @example
 * const summaries = counties.map((c, i) => summarizePairingPartition(c, i, options));
 * const plan = await mergePairingPartitions(summaries, options);
 * @category Pairing
 */
export function summarizePairingPartition(
  partition: PairingPartition,
  index: number,
  options: PartitionedPairingOptions,
): PairingPartitionSummary {
  if (!Number.isSafeInteger(index) || index < 0) {
    throw invalidArgument(
      "index",
      "invalid_type",
      text(
        "应为分区的序号（非负整数）",
        "expected the partition's index (a whole number, 0 or more)",
      ),
      index,
    );
  }
  return planPartition(partition, index, checkSharedOptions(options));
}

/**
 * {@link summarizePairingPartition} with the shared options parsed by the caller, once for all
 * the partitions of one call ({@link checkSharedOptions}): validates and plans the partition.
 * @internal
 */
export function planPartition(
  partition: PairingPartition,
  index: number,
  shared: SharedPairingOptions,
): PairingPartitionSummary {
  requireObject(partition, `partitions[${index}]`);
  const name =
    typeof partition.name === "string" && partition.name !== ""
      ? partition.name
      : `partitions[${index}]`;
  // Only the partition's lists: the shared options stay the options' (a partition's own `asOf`
  // or `rules` would plan it apart from the others).
  const { children, mentors, existing, classes, exclusions, childLocations } = partition;
  const data = { children, mentors, existing, classes, exclusions, childLocations };
  try {
    const graph = buildCandidateGraph(parseInput({ ...shared, ...data }, shared));
    return summaryOf(name, graph, assemblePlan(graph, solveGraph(graph)));
  } catch (e) {
    throw e instanceof ValidationError ? inPartition(e, name, name, PARTITIONED_SUBJECT) : e;
  }
}
