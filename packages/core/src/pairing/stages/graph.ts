/**
 * Stage 2 of planning, the candidate graph: which (child, mentor) pairs pass every hard rule and
 * what each is worth. Mentors are bucketed by school and area so a child meets only those it
 * could be paired with; children whose rule inputs are the same (school, class, grade, region,
 * gender where it matters, priority) share their eligible mentors and built-in gains when no hard
 * rule reads the pair itself (custom hard rules, exclusions, distances in km); a host's soft rules
 * are still called for each pair. Edges are stored in compressed-row form in typed arrays.
 * Private to the pairing module.
 * @module
 */
import type { ChildFile } from "../../model/child-file";
import type { Mentor, Pairing } from "../../model/mentor";
import {
  areaOf,
  isMentorEligible,
  isPairEligible,
  isPriority,
  makeEvalContext,
  needsSameGender,
  SCALE,
  customGain,
  softGain,
  type EvalContext,
} from "../evaluate";
import { capacityOf, type PairingCapacity, type PairingRuleSet } from "../rules";
import { findComponents, type Component } from "./components";
import { isReplanned, type ParsedInput } from "./input";

/** The candidate graph: children and mentors sorted by id, edges in compressed-row form. */
export interface CandidateGraph {
  readonly input: ParsedInput;
  readonly ctx: EvalContext;
  readonly rules: PairingRuleSet;
  readonly children: readonly ChildFile[];
  /** Mentors of the rule set's kinds, sorted by id. */
  readonly mentors: readonly Mentor[];
  /** Every mentor given, by id (also those out of scope). */
  readonly allMentors: ReadonlyMap<string, Mentor>;
  readonly childIndex: ReadonlyMap<string, number>;
  readonly mentorIndex: ReadonlyMap<string, number>;
  readonly priority: Uint8Array;
  readonly caps: readonly PairingCapacity[];
  /** The existing pairing the plan re-plans, by child index (see {@link isReplanned}). */
  readonly activeByChild: ReadonlyMap<number, Pairing>;
  /** Kind of every mentor given, by id. */
  readonly kindOf: ReadonlyMap<string, string>;
  /** Edges of child `i` are `edgeStart[i] .. edgeStart[i + 1] - 1`. */
  readonly edgeStart: Int32Array;
  readonly edgeMentor: Int32Array;
  /** Integer gain (points × SCALE) of each edge. */
  readonly edgeGain: Float64Array;
  readonly components: readonly Component[];
}

const byId = <T extends { id: string }>(a: T, b: T): number =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** Growable compressed-row edge lists. */
class EdgeBuffer {
  mentor = new Int32Array(1024);
  gain = new Float64Array(1024);
  length = 0;
  /** The edges the whole graph is expected to hold (set as rows come): the size to grow to. */
  expected = 0;
  push(j: number, g: number): void {
    if (this.length === this.mentor.length) this.grow(Math.max(this.length * 2, this.expected));
    this.mentor[this.length] = j;
    this.gain[this.length++] = g;
  }
  /**
   * The edges, in views of the buffers when these are at most a quarter too long (a copy of
   * tens of megabytes is slower than the slack is large), else in copies.
   */
  trimmed(): { edgeMentor: Int32Array; edgeGain: Float64Array } {
    const n = this.length;
    const view = 4 * (this.mentor.length - n) <= this.mentor.length;
    return {
      edgeMentor: view ? this.mentor.subarray(0, n) : this.mentor.slice(0, n),
      edgeGain: view ? this.gain.subarray(0, n) : this.gain.slice(0, n),
    };
  }
  private grow(size: number): void {
    const mentor = new Int32Array(size);
    const gain = new Float64Array(size);
    mentor.set(this.mentor);
    gain.set(this.gain);
    this.mentor = mentor;
    this.gain = gain;
  }
}

/** Mentor indexes by school, by area, and the rest: the only mentors a child can meet. */
interface MentorBuckets {
  readonly bySchool: ReadonlyMap<string, readonly number[]>;
  readonly byArea: ReadonlyMap<string, readonly number[]>;
  readonly global: readonly number[];
}

function bucketMentors(ctx: EvalContext, mentors: readonly Mentor[]): MentorBuckets {
  const { hard } = ctx.rules;
  const md = hard.maxDistance;
  const bySchool = new Map<string, number[]>();
  const byArea = new Map<string, number[]>();
  const global: number[] = [];
  const add = (map: Map<string, number[]>, key: string, j: number) => {
    const list = map.get(key);
    if (list) list.push(j);
    else map.set(key, [j]);
  };
  mentors.forEach((m, j) => {
    if (!isMentorEligible(ctx, m)) return; // unavailable or full: no edge at all
    if (hard.sameSchoolKinds.includes(m.kind)) {
      if (m.schoolId !== undefined) add(bySchool, m.schoolId, j); // else never same-school
    } else if (md?.area !== undefined && (md.kinds === undefined || md.kinds.includes(m.kind))) {
      const a = areaOf(m.regionCode, md.area);
      if (a !== undefined) add(byArea, a, j); // else never within the area
    } else global.push(j);
  });
  return { bySchool, byArea, global };
}

/** The mentors a child can meet, ascending. */
function candidatesOf(ctx: EvalContext, b: MentorBuckets, c: ChildFile): readonly number[] {
  const md = ctx.rules.hard.maxDistance;
  const lists: (readonly number[])[] = [];
  if (c.child.schoolId !== undefined) lists.push(b.bySchool.get(c.child.schoolId) ?? []);
  if (md?.area !== undefined) {
    const a = areaOf(c.child.regionCode, md.area);
    if (a !== undefined) lists.push(b.byArea.get(a) ?? []);
  }
  lists.push(b.global);
  const nonEmpty = lists.filter((l) => l.length > 0);
  if (nonEmpty.length <= 1) return nonEmpty[0] ?? [];
  return nonEmpty.flat().sort((x, y) => x - y);
}

/**
 * The key of the rule inputs of a child, when which mentors it may take and what the built-in
 * rules give depend on nothing else (children of one key share them); `undefined` when a hard
 * rule reads the pair itself (custom hard rules, exclusions, distances in km). The host's soft
 * rules read every pair: they are called for each child of a key.
 */
function rowKeyOf(
  ctx: EvalContext,
  c: ChildFile,
  sameGender: boolean,
  priority: boolean,
): string | undefined {
  const md = ctx.rules.hard.maxDistance;
  if (ctx.hardCustom.length > 0 || ctx.exclusions.size > 0) return undefined;
  if (md?.km !== undefined) return undefined;
  const x = c.child;
  return `${x.schoolId ?? ""}\u0000${x.classId ?? ""}\u0000${x.grade ?? ""}\u0000${x.regionCode}\u0000${sameGender ? x.gender : ""}\u0000${priority ? 1 : 0}`;
}

/** The mentors a child may take, ascending, and what the built-in rules give each pair. */
interface BaseRow {
  readonly mentor: readonly number[];
  readonly gain: readonly number[];
}

function baseRow(
  ctx: EvalContext,
  b: MentorBuckets,
  mentors: readonly Mentor[],
  c: ChildFile,
  sameGender: boolean,
  priority: boolean,
): BaseRow {
  const mentor: number[] = [];
  const gain: number[] = [];
  for (const j of candidatesOf(ctx, b, c)) {
    const m = mentors[j]!;
    if (!isPairEligible(ctx, c, m, sameGender)) continue;
    mentor.push(j);
    gain.push(softGain(ctx, c, m, false, priority, "builtin"));
  }
  return { mentor, gain };
}

/**
 * Builds the candidate graph of a validated input: hard rules applied, soft gains computed,
 * connected components found.
 */
export function buildCandidateGraph(input: ParsedInput): CandidateGraph {
  const rules = input.rules;
  const ctx = makeEvalContext({
    rules,
    custom: input.customRules,
    asOf: input.asOf,
    timeZone: input.timeZone,
    classes: input.classes,
    exclusions: input.exclusions,
    childLocations: input.childLocations,
  });
  const children = [...input.children].sort(byId);
  const allMentors = new Map(input.mentors.map((m) => [m.id, m] as const));
  const mentors = input.mentors.filter((m) => rules.mentorKinds.includes(m.kind)).sort(byId);
  const childIndex = new Map(children.map((c, i) => [c.id, i] as const));
  const mentorIndex = new Map(mentors.map((m, i) => [m.id, i] as const));
  const priority = new Uint8Array(children.length);
  for (let i = 0; i < children.length; i++) priority[i] = isPriority(children[i]!, rules) ? 1 : 0;
  const caps = mentors.map((m) => capacityOf(m, rules));
  const kindOf = new Map(input.mentors.map((m) => [m.id, m.kind] as const));
  const activeByChild = new Map<number, Pairing>();
  for (const p of input.existing) {
    if (!isReplanned(p, rules, input.asOf, kindOf)) continue;
    const ci = childIndex.get(p.childId);
    if (ci !== undefined) activeByChild.set(ci, p);
  }

  const buckets = bucketMentors(ctx, mentors);
  const stabilityGain = rules.stability > 0 ? Math.round(rules.stability * SCALE) : 0;
  const custom = ctx.softCustom.length > 0;
  const rows = new Map<string, BaseRow>();
  const edgeStart = new Int32Array(children.length + 1);
  const edges = new EdgeBuffer();
  children.forEach((c, i) => {
    const start = edges.length;
    edgeStart[i] = start;
    // Grown to the average row so far times the rows, not doubled a dozen times on a dense graph.
    if (i > 0) edges.expected = Math.ceil((start / i) * children.length * 1.1);
    const pri = priority[i] === 1;
    const sameGender = needsSameGender(ctx, c);
    const key = rowKeyOf(ctx, c, sameGender, pri);
    if (key === undefined) {
      for (const j of candidatesOf(ctx, buckets, c)) {
        const m = mentors[j]!;
        if (isPairEligible(ctx, c, m, sameGender)) edges.push(j, softGain(ctx, c, m, false, pri));
      }
    } else {
      let base = rows.get(key);
      if (base === undefined)
        rows.set(key, (base = baseRow(ctx, buckets, mentors, c, sameGender, pri)));
      const { mentor, gain } = base;
      if (custom)
        for (let k = 0; k < mentor.length; k++)
          edges.push(mentor[k]!, gain[k]! + customGain(ctx, c, mentors[mentor[k]!]!));
      else for (let k = 0; k < mentor.length; k++) edges.push(mentor[k]!, gain[k]!);
    }
    // Stability is the one gain that depends on the child alone: it is added to the kept pair.
    const existing = activeByChild.get(i);
    const kept =
      stabilityGain > 0 && existing !== undefined ? mentorIndex.get(existing.mentorId) : undefined;
    if (kept !== undefined) {
      for (let e = start; e < edges.length; e++)
        if (edges.mentor[e] === kept) edges.gain[e] = edges.gain[e]! + stabilityGain;
    }
  });
  edgeStart[children.length] = edges.length;
  const { edgeMentor, edgeGain } = edges.trimmed();
  return {
    input,
    ctx,
    rules,
    children,
    mentors,
    allMentors,
    childIndex,
    mentorIndex,
    priority,
    caps,
    activeByChild,
    kindOf,
    edgeStart,
    edgeMentor,
    edgeGain,
    components: findComponents(edgeStart, edgeMentor, mentors.length),
  };
}
