import {
  CalendarDateSchema,
  explainWhyNot as explainWhyNotPure,
  IdSchema,
  IssueCode,
  MAX_TEXT_LENGTH,
  PairingRuleSetSchema,
  PairingSchema,
  planPairings as planPairingsPure,
  storageAuditPatches,
  text,
  ConflictError,
  ValidationError,
  type PairingPlan,
  type PairingRuleSetInput,
  type PlanPairingsInput,
  type WhyNot,
  type StorageRecord,
  type Pairing,
  type SchoolClass,
} from "@liushou/core";
import * as z from "zod";
import type { Context } from "../context";
import { saveEntity, storedById, validationIssue } from "../_lib/write";
import {
  checkArgument,
  DaySchema,
  ReasonSchema,
  requireArgument,
  unknownKeyIssues,
} from "../_lib/arguments";
import { checkWrites } from "./checks";
import { checkScope, drain, loadScopePeople, type LiushouScope } from "./scope";

/**
 * Options of `planPairings`: the rule set, the day (default today), the scope, and any other
 * option of core's `planPairings` (exclusions, locations, definition…).
 * @category Composition
 */
export type PlanPairingsOptions = {
  rules: PairingRuleSetInput;
  asOf?: PlanPairingsInput["asOf"];
  scope?: LiushouScope;
} & Omit<
  PlanPairingsInput,
  "children" | "mentors" | "existing" | "rules" | "asOf" | "classes" | "timeZone"
>;

const PLAN_OPTIONS = text("结对规划选项", "pairing options");

/** The options `planPairings` and `explainWhyNot` take: those of core's `planPairings` but the data. */
const PLAN_OPTION_KEYS = [
  "rules",
  "asOf",
  "scope",
  "exclusions",
  "childLocations",
  "onMissing",
  "idPrefix",
  "definition",
  "customRules",
] as const satisfies readonly (keyof PlanPairingsOptions)[];

/**
 * The input of core's `planPairings` for the children in scope, from what is stored: their
 * files, the mentors of the scope (and every mentor already paired with them), their pairings
 * and the classes, read in one transaction.
 */
async function pairingInput(
  ctx: Context,
  options: PlanPairingsOptions,
): Promise<PlanPairingsInput> {
  requireArgument(ctx, "options", options);
  const unknown = unknownKeyIssues(undefined, options, { known: PLAN_OPTION_KEYS });
  if (unknown.length > 0) {
    throw new ValidationError(unknown, { subject: PLAN_OPTIONS, locale: ctx.locale });
  }
  const { rules, asOf, scope: rawScope, ...rest } = options;
  const scope = checkScope(ctx, rawScope);
  const day =
    asOf === undefined
      ? ctx.today()
      : ctx.check(DaySchema, asOf, text("规划日期", "plan date"), ["asOf"]);
  // One transaction: files, mentors, pairings and classes come from the same state.
  const { children, existing, mentors, classes } = await ctx.storage.transaction(async (tx) => {
    const people = await loadScopePeople(tx, scope);
    const schoolIds = [
      ...new Set(people.children.map((c) => c.child.schoolId).filter((x) => x !== undefined)),
    ];
    const classes: SchoolClass[] = [];
    for (const schoolId of schoolIds)
      classes.push(...(await drain(tx.classes.stream({ schoolId }), (r) => r.value)));
    return { ...people, existing: people.pairings, classes };
  });
  return {
    onMissing: "end",
    ...rest,
    children,
    mentors: [...mentors.values()],
    existing,
    rules,
    asOf: day,
    classes,
    timeZone: ctx.timeZone,
  };
}

/**
 * Plans pairings for the children in scope from what is stored (see `pairingInput`). Reads
 * only; apply the plan with `applyPairingPlan`. @internal
 */
export async function planPairings(
  ctx: Context,
  options: PlanPairingsOptions,
): Promise<PairingPlan> {
  return planPairingsPure(await pairingInput(ctx, options));
}

/**
 * Why a child was not paired with a mentor in a plan made by `planPairings` with the same
 * options: core's `explainWhyNot` on the stored input, read inside the library. @internal
 */
export async function explainWhyNot(
  ctx: Context,
  plan: PairingPlan,
  childId: string,
  mentorId: string,
  options: PlanPairingsOptions,
): Promise<WhyNot> {
  // Checked before the stored data is read, each issue named as the caller passed it.
  checkArgument(ctx, "plan", plan, WhyNotPlanSchema, WHY_NOT);
  ctx.check(IdSchema, childId, WHY_NOT, ["childId"]);
  ctx.check(IdSchema, mentorId, WHY_NOT, ["mentorId"]);
  return explainWhyNotPure(await pairingInput(ctx, options), plan, childId, mentorId);
}

const WHY_NOT = text("结对解释请求", "why-not request");
const WhyNotPlanSchema = z.looseObject({
  pairs: z.array(
    z.looseObject({ pairing: z.looseObject({ childId: IdSchema, mentorId: IdSchema }) }),
  ),
});

/**
 * Result of `applyPairingPlan`: what was stored.
 * @category Composition
 */
export interface AppliedPairingPlan {
  readonly added: readonly StorageRecord<Pairing>[];
  readonly ended: readonly StorageRecord<Pairing>[];
  /** Pairings of the plan's history already stored as they are. */
  readonly unchanged: number;
}

const PLAN = text("结对方案", "pairing plan");

const ExplanationSchema = z.object({
  "zh-CN": z.string().max(MAX_TEXT_LENGTH),
  en: z.string().max(MAX_TEXT_LENGTH),
});

// Every pairing is checked as core stores it; `pairs`, `score`… are not read, so not checked.
const PlanSchema = z.looseObject({
  asOf: CalendarDateSchema,
  ruleSet: PairingRuleSetSchema.shape.name,
  history: z.array(PairingSchema),
  diff: z.looseObject({
    added: z.array(PairingSchema),
    ended: z.array(z.looseObject({ pairing: PairingSchema, explanation: ExplanationSchema })),
  }),
});

const ApplyOptionsSchema = z.object({ reason: ReasonSchema.optional() });

/** Throws a ValidationError naming every pairing of the history whose id came before. */
function refuseDuplicates(ctx: Context, history: readonly Pairing[]): void {
  const seen = new Set<string>();
  const issues = [];
  for (const [i, p] of history.entries()) {
    if (!seen.has(p.id)) {
      seen.add(p.id);
      continue;
    }
    const e = validationIssue(
      ctx,
      `plan.history[${i}].id`,
      IssueCode.DUPLICATE_ID,
      p.id,
      "方案中此结对出现了两次",
      "this pairing is listed twice in the plan",
    );
    issues.push(...e.issues);
  }
  if (issues.length > 0) throw new ValidationError(issues, { subject: PLAN, locale: ctx.locale });
}

const withoutEnd = (p: Pairing): Pairing => {
  const { end: _end, endReason: _reason, ...rest } = p;
  return rest;
};

/**
 * Stores a plan from `planPairings` in one transaction: every pairing of its `history` (new
 * ones created, ended ones closed with the reason in the audit entry), nothing dropped. Every
 * pairing is checked first, and nothing is written when one is refused: a malformed plan or
 * pairing, or a child or mentor not on file, with a ValidationError naming the field
 * (`plan.history[3].childId`); a child outside the actor's scope with a ForbiddenError; a
 * pairing changed since the plan was made with a ConflictError. @internal
 */
export async function applyPairingPlan(
  ctx: Context,
  plan: PairingPlan,
  options?: { reason?: string },
): Promise<AppliedPairingPlan> {
  const p = checkArgument(ctx, "plan", plan, PlanSchema, PLAN);
  const o = checkArgument(ctx, "options", options, ApplyOptionsSchema, PLAN, { optional: true });
  refuseDuplicates(ctx, p.history);
  const at = ctx.now();
  const reason = o.reason ?? `pairing plan ${p.ruleSet} ${p.asOf}`;
  const endedWhy = new Map(p.diff.ended.map((e) => [e.pairing.id, e.explanation]));
  return ctx.storage.transaction(async (tx) => {
    const stored = await storedById(
      tx,
      "pairings",
      p.history.map((x) => x.id),
    );
    // Every pairing is sorted and checked first, so nothing is written when one is refused.
    const writes: { pairing: Pairing; index: number; why?: string }[] = [];
    for (const [index, pairing] of p.history.entries()) {
      const before = stored.get(pairing.id);
      if (before && storageAuditPatches(before.value, pairing).length === 0) continue;
      const why = endedWhy.get(pairing.id);
      if (!before) {
        writes.push({ pairing, index });
      } else if (why && storageAuditPatches(before.value, withoutEnd(pairing)).length === 0) {
        writes.push({ pairing, index, why: why[ctx.locale] });
      } else {
        throw new ConflictError(
          text(
            `结对 ${pairing.id} 在方案生成后已被修改，请重新规划`,
            `pairing ${pairing.id} changed after the plan was made; plan again`,
          ),
          { locale: ctx.locale },
        );
      }
    }
    await checkWrites(
      ctx,
      tx,
      "pairings",
      writes.map(({ pairing, index }) => ({ value: pairing, path: ["plan", "history", index] })),
      PLAN,
    );
    const added: StorageRecord<Pairing>[] = [];
    const ended: StorageRecord<Pairing>[] = [];
    for (const { pairing, why } of writes) {
      const before = stored.get(pairing.id);
      if (!before || why === undefined) {
        added.push(await saveEntity(ctx, tx, "pairings", pairing, { at, reason }));
        continue;
      }
      ended.push(
        await saveEntity(ctx, tx, "pairings", pairing, {
          at,
          before: { id: pairing.id, value: before.value, version: before.version, updatedAt: at },
          reason: `${reason}: ${why}`,
        }),
      );
    }
    return { added, ended, unchanged: p.history.length - writes.length };
  });
}
