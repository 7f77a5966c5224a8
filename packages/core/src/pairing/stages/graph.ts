/**
 * Stage 2 of planning, the candidate graph: which (child, mentor) pairs pass every hard rule and
 * what each is worth. Mentors are bucketed by school and area so a child meets only those it
 * could be paired with; children whose rule inputs are the same (school, class, grade, gender
 * where it matters, priority, and the region code where an area rule reads it) share their
 * eligible mentors and built-in gains (`sameVillage`'s once for each region code) when no hard
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
  addCustomGains,
  softGain,
  villageGain,
  type EvalContext,
} from "../evaluate";
import { capacityOf, type PairingCapacity, type PairingRuleSet } from "../rules";
import { findComponents, type Component } from "./components";
import { byId, indexById, isReplanned, type ParsedInput } from "./input";

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
  /**
   * The row of each child, by child index: children with the same row have the same eligible
   * mentors, in the same order (children alike share one; any other child has a row of its own).
   */
  readonly rowOf: Int32Array;
  readonly components: readonly Component[];
}

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
   * Appends a whole row at once: a copy of typed arrays for a long row, a loop for a short one
   * (cheaper than the two calls of `set`).
   */
  append(mentor: Int32Array, gain: Float64Array): void {
    const start = this.length;
    const n = mentor.length;
    const end = start + n;
    if (end > this.mentor.length) this.grow(Math.max(start * 2, this.expected, end));
    if (n > 64) {
      this.mentor.set(mentor, start);
      this.gain.set(gain, start);
    } else {
      const m = this.mentor;
      const g = this.gain;
      for (let k = 0; k < n; k++) {
        m[start + k] = mentor[k]!;
        g[start + k] = gain[k]!;
      }
    }
    this.length = end;
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
 * The class rows of a graph by the rule inputs of a child but its region code, for when which
 * mentors it may take and what the built-in rules give depend on nothing else (see
 * {@link rowsShared}): children alike share their eligible mentors and all built-in gains but
 * `sameVillage`'s (see {@link ClassRow}). The inputs are the school, class, grade, gender where
 * it matters and priority, and the region code where a distance rule reads it. The host's soft
 * rules read every pair: they are called for each child. Nested maps keyed by the child's own
 * strings, so no key is built per child.
 */
class RowIndex {
  private readonly bySchool = new Map<string, Map<string, Map<string, Map<string, ClassRow[]>>>>();
  /** Rows made so far: the id of the next one. */
  size = 0;
  /**
   * The rows of the children of `c`'s school, class, gender where it matters and region code
   * when `regionKeyed` (a distance rule reads it), by {@link slotOf}; holes for rows not made yet.
   */
  slots(c: ChildFile, sameGender: boolean, regionKeyed: boolean): ClassRow[] {
    const x = c.child;
    const byClass = getOrAdd(this.bySchool, x.schoolId ?? "");
    const byRegion = getOrAdd(byClass, x.classId ?? "");
    const byGender = getOrAdd(byRegion, regionKeyed ? x.regionCode : "");
    const gender = sameGender ? x.gender : "";
    let rows = byGender.get(gender);
    if (rows === undefined) byGender.set(gender, (rows = []));
    return rows;
  }
}

/** The map under `key` of `map`, added when missing. */
function getOrAdd<V>(map: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let m = map.get(key);
  if (m === undefined) map.set(key, (m = new Map()));
  return m;
}

/** The slot of a row among those of one school, class, region and gender: grade and priority. */
const slotOf = (c: ChildFile, priority: boolean): number =>
  2 * (c.child.grade ?? 0) + (priority ? 1 : 0);

/** Whether children alike may share their rows: no hard rule reads the pair itself. */
function rowsShared(ctx: EvalContext): boolean {
  return (
    ctx.hardCustom.length === 0 &&
    ctx.exclusions.size === 0 &&
    ctx.rules.hard.maxDistance?.km === undefined
  );
}

/**
 * The mentors the children alike of one row (see {@link RowIndex}) may take, ascending, what
 * the built-in rules but `sameVillage` give each pair, and the whole built-in gains of each
 * region code met so far. `id` numbers the class rows of a graph (see
 * {@link CandidateGraph.rowOf}).
 */
interface ClassRow {
  readonly id: number;
  readonly mentor: Int32Array;
  readonly gain: Float64Array;
  readonly byRegion: Map<string, Float64Array>;
  /**
   * The mentors of the row by region code, as the `sameVillage` gain reads them: one mentor
   * (index) of each code met, and the code group of each mentor of the row.
   */
  readonly codeMentor: readonly number[];
  readonly codeOf: Int32Array;
}

function classRow(
  ctx: EvalContext,
  b: MentorBuckets,
  mentors: readonly Mentor[],
  c: ChildFile,
  sameGender: boolean,
  priority: boolean,
  id: number,
): ClassRow {
  const candidates = candidatesOf(ctx, b, c);
  const mentor = new Int32Array(candidates.length);
  const gain = new Float64Array(candidates.length);
  let n = 0;
  for (const j of candidates) {
    const m = mentors[j]!;
    if (!isPairEligible(ctx, c, m, sameGender)) continue;
    mentor[n] = j;
    gain[n++] = softGain(ctx, c, m, false, priority, "builtin-but-village");
  }
  const codeMentor: number[] = [];
  const codeOf = new Int32Array(n);
  const codes = new Map<string | undefined, number>();
  for (let k = 0; k < n; k++) {
    const code = mentors[mentor[k]!]!.regionCode;
    let g = codes.get(code);
    if (g === undefined) {
      codes.set(code, (g = codeMentor.length));
      codeMentor.push(mentor[k]!);
    }
    codeOf[k] = g;
  }
  return {
    id,
    mentor: mentor.subarray(0, n),
    gain: gain.subarray(0, n),
    byRegion: new Map(),
    codeMentor,
    codeOf,
  };
}

/** The built-in gains of child `c` (one of the row's children) with each mentor of the row. */
function builtinGains(
  ctx: EvalContext,
  row: ClassRow,
  mentors: readonly Mentor[],
  c: ChildFile,
): Float64Array {
  let gain = row.byRegion.get(c.child.regionCode);
  if (gain === undefined) {
    // `villageGain` reads the mentor's region code alone: once for each code of the row.
    const village = row.codeMentor.map((j) => villageGain(ctx, c, mentors[j]!));
    gain = new Float64Array(row.gain);
    for (let k = 0; k < gain.length; k++) gain[k] = gain[k]! + village[row.codeOf[k]!]!;
    row.byRegion.set(c.child.regionCode, gain);
  }
  return gain;
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
  const children = input.sortedChildren;
  const allMentors = new Map(input.mentors.map((m) => [m.id, m] as const));
  const mentors = input.mentors.filter((m) => rules.mentorKinds.includes(m.kind)).sort(byId);
  const childIndex = input.childIndex;
  const mentorIndex = indexById(mentors);
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
  // The mentor (index) of each child's re-planned pairing when stability counts, else -1.
  const keptOf = new Int32Array(children.length).fill(-1);
  if (stabilityGain > 0)
    for (const [ci, p] of activeByChild) keptOf[ci] = mentorIndex.get(p.mentorId) ?? -1;
  const custom = ctx.softCustom.length > 0;
  const shared = rowsShared(ctx);
  const rows = new RowIndex();
  const regionKeyed = ctx.rules.hard.maxDistance !== null;
  const rowOf = new Int32Array(children.length);
  const edgeStart = new Int32Array(children.length + 1);
  const edges = new EdgeBuffer();
  for (let i = 0; i < children.length; i++) {
    const c = children[i]!;
    const start = edges.length;
    edgeStart[i] = start;
    // Grown to the average row so far times the rows, not doubled a dozen times on a dense graph.
    if (i > 0) edges.expected = Math.ceil((start / i) * children.length * 1.1);
    const pri = priority[i] === 1;
    const sameGender = needsSameGender(ctx, c);
    if (!shared) {
      rowOf[i] = i;
      for (const j of candidatesOf(ctx, buckets, c)) {
        const m = mentors[j]!;
        if (isPairEligible(ctx, c, m, sameGender)) edges.push(j, softGain(ctx, c, m, false, pri));
      }
    } else {
      const slots = rows.slots(c, sameGender, regionKeyed);
      const slot = slotOf(c, pri);
      let row = slots[slot];
      if (row === undefined)
        slots[slot] = row = classRow(ctx, buckets, mentors, c, sameGender, pri, rows.size++);
      rowOf[i] = row.id;
      edges.append(row.mentor, builtinGains(ctx, row, mentors, c));
      if (custom) addCustomGains(ctx, c, mentors, edges.mentor, edges.gain, start, edges.length);
    }
    // Stability is the one gain that depends on the child alone: it is added to the kept pair.
    const kept = keptOf[i]!;
    if (kept >= 0) {
      for (let e = start; e < edges.length; e++)
        if (edges.mentor[e] === kept) edges.gain[e] = edges.gain[e]! + stabilityGain;
    }
  }
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
    rowOf,
    components: findComponents(edgeStart, edgeMentor, mentors.length, rowOf),
  };
}
