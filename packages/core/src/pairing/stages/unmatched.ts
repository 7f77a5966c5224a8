/**
 * Part of stage 4, the plan: the explanation of each child left without a pair. Private to the
 * pairing module.
 * @module
 */
import { text } from "../../i18n";
import { cachedText, hardViolations, type PairingViolation } from "../evaluate";
import type { UnmatchedChild } from "../plan";
import type { ChildFile } from "../../model/child-file";
import type { Mentor } from "../../model/mentor";
import type { EvalContext } from "../evaluate";
import type { CandidateGraph } from "./graph";

/** The children each mentor holds (ascending), by mentor index. */
export type Holders = readonly (readonly number[])[];

/** A mentor's id and the ids of the children it holds. */
interface HolderIds {
  readonly mentorId: string;
  readonly childIds: readonly string[];
}

/** An empty list shared by the explanations that have nothing to list. */
const NONE: readonly never[] = Object.freeze([]);

/** What the children of one row left unmatched with eligible mentors share. */
interface CapacityTaken {
  readonly message: UnmatchedChild["message"];
  readonly takenBy: readonly HolderIds[];
}

/**
 * What the explanations of one plan's unmatched children share, frozen: each mentor's
 * {@link HolderIds}, each `takenBy` list (children with the same eligible mentors share it), and
 * the explanation of each row of the graph (see `CandidateGraph.rowOf`), built for its first
 * child only.
 */
export class UnmatchedShared {
  private readonly ids = new Map<number, HolderIds>();
  private readonly lists = new Map<string, readonly HolderIds[]>();
  private readonly rows = new Map<number, CapacityTaken>();

  constructor(
    private readonly graph: CandidateGraph,
    /** The children each mentor holds. */
    readonly holders: Holders,
  ) {}

  /** The mentors `eligible` (indices) with the children who hold their places. */
  takenBy(eligible: readonly number[]): readonly HolderIds[] {
    const key = eligible.join();
    let list = this.lists.get(key);
    if (list === undefined) {
      list = Object.freeze(eligible.map((j) => this.holder(j)));
      this.lists.set(key, list);
    }
    return list;
  }

  /**
   * Why child `i`, which has eligible mentors, got none: the same for every child of its row
   * and priority, so built once for them.
   */
  capacityTaken(i: number): CapacityTaken {
    const { graph } = this;
    const key = 2 * graph.rowOf[i]! + graph.priority[i]!;
    let row = this.rows.get(key);
    if (row === undefined) {
      row = this.explain(i);
      this.rows.set(key, row);
    }
    return row;
  }

  private explain(i: number): CapacityTaken {
    const { graph, holders } = this;
    const eligible: number[] = [];
    for (let e = graph.edgeStart[i]!; e < graph.edgeStart[i + 1]!; e++)
      eligible.push(graph.edgeMentor[e]!);
    const higher = eligible.some((j) =>
      holders[j]!.some((h) => graph.priority[h]! > graph.priority[i]!),
    );
    const message = cachedText(graph.ctx, `taken\u0000${eligible.length}\u0000${higher}`, () =>
      text(
        `${eligible.length} 名符合条件的导师名额已满${higher ? "（部分由优先级更高的儿童占用）" : "（由总分更优的方案占用）"}`,
        `the ${eligible.length} eligible mentor(s) are full${higher ? " (partly with higher-priority children)" : " (a plan with a better total holds their places)"}`,
      ),
    );
    return { message, takenBy: this.takenBy(eligible) };
  }

  private holder(j: number): HolderIds {
    let h = this.ids.get(j);
    if (h === undefined) {
      const { mentors, children } = this.graph;
      h = Object.freeze({
        mentorId: mentors[j]!.id,
        childIds: Object.freeze(this.holders[j]!.map((x) => children[x]!.id)),
      });
      this.ids.set(j, h);
    }
    return h;
  }
}

/**
 * Why a child got nobody: no mentor of the kinds at all, every mentor breaking a hard rule
 * (counted by rule, the nearest named), or every eligible mentor full (and with whom).
 */
export function explainUnmatched(
  graph: CandidateGraph,
  i: number,
  shared: UnmatchedShared,
): UnmatchedChild {
  const child = graph.children[i]!;
  const priority = graph.priority[i] === 1;
  if (graph.edgeStart[i] === graph.edgeStart[i + 1])
    return explainNoEligible(graph.ctx, child, priority, graph.mentors);
  const { message, takenBy } = shared.capacityTaken(i);
  return {
    childId: child.id,
    priority,
    reason: "capacity-taken",
    message,
    excludedBy: NONE,
    excluded: NONE,
    takenBy,
  };
}

/**
 * Why a child with no eligible mentor got nobody: no mentor of the rule set's kinds at all, or,
 * for each hard rule, how many of `mentors` (in scope, sorted by id) it excluded, the excluded
 * mentors of the child's school or township first (at most 20).
 */
export function explainNoEligible(
  ctx: EvalContext,
  child: ChildFile,
  priority: boolean,
  mentors: readonly Mentor[],
): UnmatchedChild {
  const kinds = ctx.rules.mentorKinds;
  if (mentors.length === 0) {
    return {
      childId: child.id,
      priority,
      reason: "no-mentors",
      message: text(
        `没有 ${kinds.join("、")} 类型的导师`,
        `there is no mentor of kind ${kinds.join(", ")}`,
      ),
      excludedBy: NONE,
      excluded: NONE,
      takenBy: NONE,
    };
  }
  const counts = new Map<string, number>();
  const near: { mentorId: string; violations: PairingViolation[] }[] = [];
  const rest: { mentorId: string; violations: PairingViolation[] }[] = [];
  for (const m of mentors) {
    const v = hardViolations(ctx, child, m);
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
      `没有符合硬性规则的导师（共 ${mentors.length} 名：${summaryZh}）`,
      `no mentor passes the hard rules (${mentors.length} in all: ${summaryEn})`,
    ),
    excludedBy,
    excluded: [...near, ...rest].slice(0, 20),
    takenBy: NONE,
  };
}
