import * as z from "zod";
import { IssueCode } from "../errors/codes";
import { validate } from "../errors/validate";
import { IdSchema } from "../model/primitives";
import { ValidationError } from "../errors/errors";
import type { FieldIssue } from "../errors/issues";
import { text, type LocalizedText } from "../i18n";
import { hardViolations, SCALE, workloadPenalty, type PairingViolation } from "./evaluate";
import type { PairingPlan } from "./plan";
import { assemblePlan } from "./stages/assemble";
import { buildCandidateGraph } from "./stages/graph";
import { parseInput, type PlanPairingsInput } from "./stages/input";
import { compareObjective, noChoice, solveComponent, type Objective } from "./stages/solve";

/**
 * Why a pair was not made: `paired` (it was), `hard-rule` (see `violations`), `priority`
 * (it would unseat a key case or high-risk child), `coverage` (it would leave more children
 * unmatched), `minimum` (a mentor would fall below its minimum), `score` (it would lower the
 * total by `scoreLoss`), `tie` (an equally good plan; the canonical tie-break chose another).
 * @example
 * explainWhyNot(input, plan, "c1", "t9").code //=> "hard-rule"
 * @category Pairing
 */
export type WhyNotCode =
  "paired" | "hard-rule" | "priority" | "coverage" | "minimum" | "score" | "tie";

/**
 * Answer of {@link explainWhyNot}.
 * @example
 * explainWhyNot(input, plan, "c1", "t9").violations[0].rule //=> "same-school"
 * @category Pairing
 */
export interface WhyNot {
  readonly childId: string;
  readonly mentorId: string;
  readonly code: WhyNotCode;
  readonly message: LocalizedText;
  /** Hard rules the pair breaks (code `hard-rule`). */
  readonly violations: readonly PairingViolation[];
  /** Children holding the mentor's places in the plan, with their priority. */
  readonly takenBy: readonly { readonly childId: string; readonly priority: boolean }[];
  /** Points the total would lose with the pair forced (code `score`), else 0. */
  readonly scoreLoss: number;
  /** Children whose pair would change if the pair were forced. */
  readonly displaced: readonly string[];
}

/**
 * Explains why `childId` was not paired with `mentorId` in a plan made by `planPairings` from
 * the same input: a hard rule, places taken by children of higher priority, or how much the
 * total score would drop if the pair were forced (the rest of the plan re-optimised around it).
 * @throws ValidationError when the input is invalid or an id is unknown.
 * @example
 * const plan = planPairings(input);
 * explainWhyNot(input, plan, "c7", "t2").message.en //=> "forcing this pair would lower the total score by 4.5 points"
 * @category Pairing
 */
export function explainWhyNot(
  input: PlanPairingsInput,
  plan: PairingPlan,
  childId: string,
  mentorId: string,
): WhyNot {
  validate(
    z.object({
      childId: IdSchema,
      mentorId: IdSchema,
      pairs: z.array(
        z.looseObject({ pairing: z.looseObject({ childId: IdSchema, mentorId: IdSchema }) }),
      ),
    }),
    { childId, mentorId, pairs: plan?.pairs },
    { subject: text("结对解释请求", "why-not request") },
  );
  const inst = buildCandidateGraph(parseInput(input));
  const ci = inst.childIndex.get(childId);
  const mentor = inst.allMentors.get(mentorId);
  const issues: FieldIssue[] = [];
  if (ci === undefined)
    issues.push({
      path: "childId",
      code: IssueCode.UNKNOWN_ID,
      message: text(
        `字段 childId：儿童 ${childId} 不在输入中`,
        `childId: child ${childId} is not in the input`,
      ),
    });
  if (mentor === undefined)
    issues.push({
      path: "mentorId",
      code: IssueCode.UNKNOWN_ID,
      message: text(
        `字段 mentorId：导师 ${mentorId} 不在输入中`,
        `mentorId: mentor ${mentorId} is not in the input`,
      ),
    });
  if (ci === undefined || mentor === undefined)
    throw new ValidationError(issues, { subject: text("结对解释请求", "why-not request") });
  const child = inst.children[ci]!;
  const base = {
    childId,
    mentorId,
    violations: [] as PairingViolation[],
    takenBy: [] as { childId: string; priority: boolean }[],
    scoreLoss: 0,
    displaced: [] as string[],
  };
  const holders = plan.pairs
    .filter((p) => p.pairing.mentorId === mentorId)
    .map((p) => ({ childId: p.pairing.childId, priority: p.priority }));
  if (plan.pairs.some((p) => p.pairing.childId === childId && p.pairing.mentorId === mentorId)) {
    return {
      ...base,
      takenBy: holders,
      code: "paired",
      message: text("该结对已在计划中", "this pair is in the plan"),
    };
  }
  const violations = hardViolations(inst.ctx, child, mentor);
  if (violations.length > 0) {
    return {
      ...base,
      code: "hard-rule",
      violations,
      takenBy: holders,
      message: text(
        `违反硬性规则：${violations.map((v) => v.explanation["zh-CN"]).join("；")}`,
        `breaks a hard rule: ${violations.map((v) => v.explanation.en).join("; ")}`,
      ),
    };
  }
  const mj = inst.mentorIndex.get(mentorId)!;
  const comp = inst.components.find((c) => c.children.includes(ci))!;
  const best = solveComponent(inst, comp);
  const forced = solveComponent(inst, comp, { child: ci, mentor: mj });
  const displaced: string[] = [];
  for (const i of comp.children) {
    if (i === ci) continue;
    if (best.edgeOf[i] !== forced.edgeOf[i]) displaced.push(inst.children[i]!.id);
  }
  const f: Objective = forced.objective;
  const b: Objective = best.objective;
  const takenBy = holders;
  const cmp = compareObjective(b, f);
  if (cmp === 0) {
    return {
      ...base,
      takenBy,
      displaced,
      code: "tie",
      message: text(
        "存在同样优的方案，按编号顺序的确定性规则选择了另一方案",
        "an equally good plan exists; the canonical (id-ordered) tie-break chose another",
      ),
    };
  }
  if (b.priorityMatched > f.priorityMatched) {
    return {
      ...base,
      takenBy,
      displaced,
      code: "priority",
      message: text(
        `名额被优先级更高的儿童（重点对象或高风险）占用：强制该结对会使 ${b.priorityMatched - f.priorityMatched} 名优先儿童失去结对`,
        `the places are held by higher-priority children (key cases or high-risk): forcing this pair would leave ${b.priorityMatched - f.priorityMatched} priority child(ren) unmatched`,
      ),
    };
  }
  if (b.matched > f.matched) {
    return {
      ...base,
      takenBy,
      displaced,
      code: "coverage",
      message: text(
        `强制该结对会使 ${b.matched - f.matched} 名儿童失去结对`,
        `forcing this pair would leave ${b.matched - f.matched} more child(ren) unmatched`,
      ),
    };
  }
  if (b.minimumMet > f.minimumMet) {
    return {
      ...base,
      takenBy,
      displaced,
      code: "minimum",
      message: text(
        "强制该结对会使导师达不到最少结对人数",
        "forcing this pair would leave a mentor below its minimum",
      ),
    };
  }
  const loss = (b.score - f.score) / SCALE;
  return {
    ...base,
    takenBy,
    displaced,
    scoreLoss: loss,
    code: "score",
    message: text(
      `强制该结对会使总分降低 ${loss} 分`,
      `forcing this pair would lower the total score by ${loss} points`,
    ),
  };
}

/**
 * A greedy baseline: children in priority order (priority children first, then by id) each take
 * the available mentor with the best points for them. Honest and fast, but not optimal; the
 * benchmark compares {@link planPairings} against it.
 * @example
 * planPairingsGreedy(input).score.total <= planPairings(input).score.total //=> true
 * @category Pairing
 */
export function planPairingsGreedy(input: PlanPairingsInput): PairingPlan {
  const inst = buildCandidateGraph(parseInput(input));
  const order = inst.children
    .map((_, i) => i)
    .sort((a, b) => inst.priority[b]! - inst.priority[a]! || a - b);
  const load = new Int32Array(inst.mentors.length);
  const edgeOf = noChoice(inst);
  for (const i of order) {
    let bestE = -1;
    let bestV = -Infinity;
    for (let e = inst.edgeStart[i]!; e < inst.edgeStart[i + 1]!; e++) {
      const j = inst.edgeMentor[e]!;
      const cap = inst.caps[j]!;
      if (load[j]! >= cap.max) continue;
      const v = inst.edgeGain[e]! - workloadPenalty(inst.rules, load[j]! + 1, cap.max);
      if (v > bestV) {
        bestV = v;
        bestE = e;
      }
    }
    if (bestE >= 0) {
      edgeOf[i] = bestE;
      load[inst.edgeMentor[bestE]!]!++;
    }
  }
  return assemblePlan(inst, edgeOf);
}
