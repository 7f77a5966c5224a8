import * as z from "zod";
import { validate } from "../errors/validate";
import { ValidationError } from "../errors/errors";
import { duplicateIdIssues } from "../errors/duplicates";
import type { FieldIssue } from "../errors/issues";
import { text, type LocalizedText } from "../i18n";
import type { ChildFile, ChildFileInput } from "../model/child-file";
import { PairingChildSchema } from "./stages/input";
import { GenderSchema, IdSchema } from "../model/primitives";
import { solveFlow } from "./flow";
import { int32Map } from "../_lib/typed-map";

/**
 * A pupil who can be a buddy: a classmate, left-behind or not, maybe a good pupil (品学兼优).
 * @example
 * BuddyPupilSchema.parse({ id: "p1", classId: "k1" }).leftBehind //=> false
 * @category Pairing
 */
export const BuddyPupilSchema = z.object({
  id: IdSchema,
  classId: IdSchema,
  gender: GenderSchema.optional(),
  /** The pupil is left behind too (a classmate who is not is preferred). */
  leftBehind: z.boolean().default(false),
  /** A good pupil (品学兼优): the summaries ask for them first. */
  goodPupil: z.boolean().default(false),
  /** A class cadre (学生干部), whom the summaries also pick for several-plus-one groups. */
  classCadre: z.boolean().default(false),
});
/**
 * @example
 * const p: BuddyPupil = { id: "p1", classId: "k1", leftBehind: false, goodPupil: true };
 * @category Pairing
 */
export type BuddyPupil = z.infer<typeof BuddyPupilSchema>;

/**
 * Options of {@link planBuddies}.
 * @example
 * PlanBuddiesOptionsSchema.parse({}).mode //=> "friend"
 * @category Pairing
 */
export const PlanBuddiesOptionsSchema = z.object({
  /**
   * `friend`: one hand-in-hand friend (手拉手好朋友) per child; `several-plus-one`: a group of
   * `groupSize` good pupils around each child (几+1).
   */
  mode: z.enum(["friend", "several-plus-one"]).default("friend"),
  /** How many children one pupil may befriend at most. */
  maxChildrenPerBuddy: z.number().int().min(1).max(10).default(1),
  /** Buddies must be of the child's gender. */
  sameGender: z.boolean().default(false),
  /** Size of a several-plus-one group. */
  groupSize: z.number().int().min(1).max(10).default(3),
  /** In several-plus-one mode, only good pupils and class cadres join groups. */
  onlyGoodPupils: z.boolean().default(true),
  /**
   * Points for what makes a buddy preferable. The order follows the summaries (a good pupil, a
   * class cadre); the numbers, and the small preference for a classmate who is not left behind,
   * are this library's defaults.
   */
  points: z
    .object({
      goodPupil: z.number().min(0).max(100).default(4),
      classCadre: z.number().min(0).max(100).default(3),
      sameGender: z.number().min(0).max(100).default(2),
      notLeftBehind: z.number().min(0).max(100).default(1),
    })
    .prefault({}),
});
/**
 * @example
 * const o: PlanBuddiesOptions = { mode: "several-plus-one", groupSize: 3 };
 * @category Pairing
 */
export type PlanBuddiesOptions = z.input<typeof PlanBuddiesOptionsSchema>;

/**
 * One buddy of a child and why they were picked.
 * @example
 * plan.buddies[0].buddies[0] //=> { pupilId: "p2", points: 6, reasons: [ … ] }
 * @category Pairing
 */
export interface BuddyChoice {
  readonly pupilId: string;
  readonly points: number;
  readonly reasons: readonly LocalizedText[];
}

/**
 * The buddies of one left-behind child.
 * @example
 * plan.buddies[0].mode //=> "friend"
 * @category Pairing
 */
export interface Buddy {
  readonly childId: string;
  readonly mode: "friend" | "several-plus-one";
  readonly buddies: readonly BuddyChoice[];
}

/**
 * A child left without (enough) buddies: `no-class` (class not recorded), `no-classmate`
 * (nobody in the class passes the rules), `capacity-taken` (every eligible classmate already
 * has as many children as allowed), `incomplete-group` (fewer than `groupSize`).
 * @example
 * plan.unmatched[0].reason //=> "capacity-taken"
 * @category Pairing
 */
export interface BuddyShortfall {
  readonly childId: string;
  readonly reason: "no-class" | "no-classmate" | "capacity-taken" | "incomplete-group";
  readonly message: LocalizedText;
  /** Buddies found (several-plus-one) out of the group size. */
  readonly found: number;
}

/**
 * Result of {@link planBuddies}.
 * @example
 * planBuddies({ children, pupils }).unmatched //=> []
 * @category Pairing
 */
export interface BuddyPlan {
  readonly buddies: readonly Buddy[];
  readonly unmatched: readonly BuddyShortfall[];
}

/**
 * Plans peer buddies within each class: one hand-in-hand friend (手拉手好朋友) per left-behind
 * child, or several-plus-one groups (几+1). A good pupil (品学兼优) is preferred (4 points by
 * default), then a class cadre (3), the same gender (2) and a classmate who is not left behind
 * (1), as the summaries pick “品学兼优的学生” (county summary, L326) and “优秀学生和学生干部”
 * (school summary, L44); the points are options. Each pupil befriends at most
 * `maxChildrenPerBuddy` children. Each round is an exact assignment that first serves as many
 * children as possible (one round for friends, `groupSize` rounds for groups); ties are broken
 * by id, so the same input gives the same buddies in any order.
 * @throws ValidationError on malformed input or duplicate ids.
 * @example
 * planBuddies({ children: [file], pupils: [{ id: "p1", classId: "k1" }] }).buddies[0].buddies[0].pupilId //=> "p1"
 * @category Pairing
 */
export function planBuddies(input: {
  children: readonly ChildFileInput[];
  pupils: readonly z.input<typeof BuddyPupilSchema>[];
  options?: PlanBuddiesOptions;
}): BuddyPlan {
  const subject = text("同伴结对输入", "buddy plan input");
  const parsed = validate(
    z.object({
      children: z.array(PairingChildSchema),
      pupils: z.array(BuddyPupilSchema),
      options: PlanBuddiesOptionsSchema.prefault({}),
    }),
    input,
    { subject },
  );
  const o = parsed.options;
  const issues: FieldIssue[] = [];
  issues.push(
    ...duplicateIdIssues(parsed.children, "children", text("儿童", "child")),
    ...duplicateIdIssues(parsed.pupils, "pupils", text("学生", "pupil")),
  );
  if (issues.length > 0) throw new ValidationError(issues, { subject });

  const children = [...parsed.children].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const pupils = [...parsed.pupils].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const byClass = new Map<string, number[]>();
  pupils.forEach((p, j) => {
    const l = byClass.get(p.classId) ?? [];
    l.push(j);
    byClass.set(p.classId, l);
  });

  const eligible = (c: ChildFile, j: number): boolean => {
    const p = pupils[j]!;
    if (p.id === c.id) return false;
    if (o.sameGender && p.gender !== c.child.gender) return false;
    if (o.mode === "several-plus-one" && o.onlyGoodPupils && !p.goodPupil && !p.classCadre)
      return false;
    return true;
  };
  const pointsOf = (c: ChildFile, j: number): { points: number; reasons: LocalizedText[] } => {
    const p = pupils[j]!;
    const reasons: LocalizedText[] = [text("同班同学", "a classmate")];
    const w = o.points;
    let points = 0;
    if (p.goodPupil) {
      points += w.goodPupil;
      reasons.push(text("品学兼优", "a good pupil"));
    }
    if (p.classCadre) {
      points += w.classCadre;
      reasons.push(text("学生干部", "a class cadre"));
    }
    if (p.gender !== undefined && p.gender === c.child.gender) {
      points += w.sameGender;
      reasons.push(text("同性别", "same gender"));
    }
    if (!p.leftBehind) {
      points += w.notLeftBehind;
      reasons.push(text("非留守儿童同学", "a classmate who is not left behind"));
    }
    return { points, reasons };
  };

  const rounds = o.mode === "friend" ? 1 : o.groupSize;
  const chosen: number[][] = children.map(() => []);
  const load = new Int32Array(pupils.length);
  for (let round = 0; round < rounds; round++) {
    const edgeStart: number[] = [0];
    const edgeCol: number[] = [];
    const edgeGain: number[] = [];
    children.forEach((c, i) => {
      const cls = c.child.classId;
      for (const j of cls === undefined ? [] : (byClass.get(cls) ?? [])) {
        if (!eligible(c, j) || chosen[i]!.includes(j)) continue;
        edgeCol.push(j);
        edgeGain.push(pointsOf(c, j).points);
      }
      edgeStart.push(edgeCol.length);
    });
    const cap = int32Map(pupils, (_, j) => Math.max(0, o.maxChildrenPerBuddy - load[j]!));
    const slotStart = new Int32Array(pupils.length + 1);
    for (let j = 0; j < pupils.length; j++) slotStart[j + 1] = slotStart[j]! + cap[j]!;
    const res = solveFlow({
      rows: children.length,
      cols: pupils.length,
      rowHi: new Float64Array(children.length).fill(1),
      edgeStart,
      edgeCol,
      edgeGain,
      cap,
      slotStart,
      slotGain: new Float64Array(slotStart[pupils.length]!),
    });
    let any = false;
    res.rowEdge.forEach((e, i) => {
      if (e < 0) return;
      const j = edgeCol[e]!;
      chosen[i]!.push(j);
      load[j]!++;
      any = true;
    });
    if (!any) break;
  }

  const buddies: Buddy[] = [];
  const unmatched: BuddyShortfall[] = [];
  children.forEach((c, i) => {
    const picks = chosen[i]!;
    if (picks.length > 0) {
      buddies.push({
        childId: c.id,
        mode: o.mode,
        buddies: picks.map((j) => ({ pupilId: pupils[j]!.id, ...pointsOf(c, j) })),
      });
    }
    if (picks.length >= rounds) return;
    const cls = c.child.classId;
    if (cls === undefined) {
      unmatched.push({
        childId: c.id,
        reason: "no-class",
        found: 0,
        message: text("儿童档案未登记班级", "the child's class is not recorded"),
      });
      return;
    }
    const mates = (byClass.get(cls) ?? []).filter((j) => pupils[j]!.id !== c.id);
    const ok = mates.filter((j) => eligible(c, j));
    if (picks.length > 0) {
      unmatched.push({
        childId: c.id,
        reason: "incomplete-group",
        found: picks.length,
        message: text(
          `只找到 ${picks.length} 名伙伴（需要 ${rounds} 名）`,
          `only ${picks.length} buddies found (${rounds} wanted)`,
        ),
      });
    } else if (ok.length === 0) {
      const why: string[] = [];
      const whyEn: string[] = [];
      if (mates.length === 0) {
        why.push("班上没有其他学生");
        whyEn.push("no other pupil in the class");
      } else {
        if (o.sameGender) {
          why.push("要求同性别");
          whyEn.push("same gender required");
        }
        if (o.mode === "several-plus-one" && o.onlyGoodPupils) {
          why.push("只选品学兼优的学生");
          whyEn.push("good pupils only");
        }
      }
      unmatched.push({
        childId: c.id,
        reason: "no-classmate",
        found: 0,
        message: text(
          `班上没有符合条件的同学（${why.join("，")}）`,
          `no classmate fits (${whyEn.join(", ")})`,
        ),
      });
    } else {
      unmatched.push({
        childId: c.id,
        reason: "capacity-taken",
        found: 0,
        message: text(
          `${ok.length} 名符合条件的同学都已结满 ${o.maxChildrenPerBuddy} 名儿童`,
          `the ${ok.length} eligible classmate(s) each already have ${o.maxChildrenPerBuddy} child(ren)`,
        ),
      });
    }
  });
  return { buddies, unmatched };
}
