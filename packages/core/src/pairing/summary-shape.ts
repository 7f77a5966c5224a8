/**
 * What {@link mergePairingPartitions} reads of a partition summary, as a zod schema (for the
 * errors) and as a quick check that lets a summary already in that shape skip the zod parse,
 * which copies every object it checks: a province's summaries are a million children's plans.
 * Private to the pairing module.
 * @module
 */
import { isPlainObject, nonNegativeInt } from "../_lib/shape";
import * as z from "zod";

const Obj = z.looseObject({});
const Ids = z.array(z.string());
const ByChild = z.array(z.looseObject({ childId: z.string() }));
const ByPairing = z.array(z.looseObject({ pairing: z.looseObject({ childId: z.string() }) }));
const Count = z.number().int().nonnegative();

/** The counts of a plan's `stats` the merge adds up. */
const COUNTS = [
  "children",
  "outOfScope",
  "mentors",
  "mentorsInScope",
  "priorityChildren",
  "priorityMatched",
  "matched",
  "unmatched",
  "candidatePairs",
  "components",
  "largestComponent",
  "untouchedExisting",
] as const;

/**
 * The shape the merge reads of a summary: what `summarizePairingPartition` returns, checked as
 * far as the merge walks it, so a summary that was not made by it is refused by name.
 * @internal
 */
export const SummarySchema = z.looseObject({
  name: z.string().min(1),
  plan: z.looseObject({
    pairs: ByPairing,
    unmatched: ByChild,
    diff: z.looseObject({ kept: ByChild, added: ByChild, ended: ByPairing }),
    history: ByChild,
    score: z.looseObject({ total: z.number(), byRule: z.record(z.string(), z.number()) }),
    stats: z.looseObject({
      ...Object.fromEntries(COUNTS.map((k) => [k, Count] as const)),
      mentorsBelowMinimum: z.array(z.looseObject({ mentorId: z.string() })),
    }),
  }),
  ids: z.looseObject({ children: Ids, mentors: Ids, pairings: Ids }),
  missing: z.array(
    z.looseObject({ kind: z.enum(["child", "mentor"]), id: z.string(), pairing: z.string() }),
  ),
  mentors: z.array(z.looseObject({ id: z.string() })),
  noEligible: z.array(
    z.looseObject({ child: z.looseObject({ id: z.string() }), priority: z.boolean() }),
  ),
  context: z.looseObject({
    classes: z.array(Obj),
    exclusions: z.array(Obj),
    childLocations: z.record(z.string(), Obj),
  }),
});

type Row = Record<string, unknown>;

/** Whether every item of `v`, an array, is a plain object that `row` accepts. */
function everyRow(v: unknown, row: (r: Row) => boolean): boolean {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) {
    const r: unknown = v[i];
    if (!isPlainObject(r) || !row(r)) return false;
  }
  return true;
}

/** Whether `v` is a plain object without symbol keys whose every value passes `value`. */
function everyValue(v: unknown, value: (x: unknown) => boolean): boolean {
  if (!isPlainObject(v) || Object.getOwnPropertySymbols(v).length > 0) return false;
  for (const k of Object.keys(v)) if (!value(v[k])) return false;
  return true;
}

const isString = (v: unknown): v is string => typeof v === "string";
const stringField = (key: string) => (r: Row) => typeof r[key] === "string";
const byChild = stringField("childId");
const byPairing = (r: Row) => isPlainObject(r.pairing) && byChild(r.pairing);
const isStrings = (v: unknown) => Array.isArray(v) && (v as unknown[]).every(isString);
const isObject = (v: unknown) => isPlainObject(v);

/**
 * Whether `SummarySchema` certainly accepts `s` as it is: plain objects and arrays all through,
 * every field the merge reads of the right type. `false` says nothing (zod then decides, and
 * words the errors); `true` only when zod would pass it.
 * @internal
 */
export function summaryInShape(s: unknown): boolean {
  if (!isPlainObject(s) || !isString(s.name) || s.name === "") return false;
  const { plan, ids, context } = s;
  if (!isPlainObject(plan) || !isPlainObject(ids) || !isPlainObject(context)) return false;
  const { diff, score, stats } = plan;
  if (!isPlainObject(diff) || !isPlainObject(score) || !isPlainObject(stats)) return false;
  return (
    everyRow(plan.pairs, byPairing) &&
    everyRow(plan.unmatched, byChild) &&
    everyRow(diff.kept, byChild) &&
    everyRow(diff.added, byChild) &&
    everyRow(diff.ended, byPairing) &&
    everyRow(plan.history, byChild) &&
    Number.isFinite(score.total) &&
    everyValue(score.byRule, Number.isFinite) &&
    COUNTS.every((k) => nonNegativeInt(stats[k])) &&
    everyRow(stats.mentorsBelowMinimum, stringField("mentorId")) &&
    isStrings(ids.children) &&
    isStrings(ids.mentors) &&
    isStrings(ids.pairings) &&
    everyRow(
      s.missing,
      (r) => (r.kind === "child" || r.kind === "mentor") && isString(r.id) && isString(r.pairing),
    ) &&
    everyRow(s.mentors, stringField("id")) &&
    everyRow(
      s.noEligible,
      (r) => isPlainObject(r.child) && isString(r.child.id) && typeof r.priority === "boolean",
    ) &&
    everyRow(context.classes, () => true) &&
    everyRow(context.exclusions, () => true) &&
    everyValue(context.childLocations, isObject)
  );
}
