import {
  CalendarDateSchema,
  explainWhyNot as explainWhyNotPure,
  planPairings as planPairingsPure,
  storageAuditPatches,
  text,
  ConflictError,
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
import { saveEntity } from "../_lib/write";
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

/**
 * The input of core's `planPairings` for the children in scope, from what is stored: their
 * files, the mentors of the scope (and every mentor already paired with them), their pairings
 * and the classes, read in one transaction.
 */
async function pairingInput(
  ctx: Context,
  options: PlanPairingsOptions,
): Promise<PlanPairingsInput> {
  const { rules, asOf, scope: rawScope, ...rest } = options ?? ({} as PlanPairingsOptions);
  const scope = checkScope(ctx, rawScope);
  const day =
    asOf === undefined
      ? ctx.today()
      : ctx.check(CalendarDateSchema, asOf, text("规划日期", "plan date"));
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
  return explainWhyNotPure(await pairingInput(ctx, options), plan, childId, mentorId);
}

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

const PlanSchema = z.looseObject({
  asOf: CalendarDateSchema,
  ruleSet: z.string(),
  history: z.array(z.looseObject({ id: z.string() })),
  diff: z.looseObject({
    added: z.array(z.looseObject({ id: z.string() })),
    ended: z.array(z.looseObject({ pairing: z.looseObject({ id: z.string() }) })),
  }),
});

const withoutEnd = (p: Pairing): Pairing => {
  const { end: _end, endReason: _reason, ...rest } = p;
  return rest;
};

/**
 * Stores a plan from `planPairings` in one transaction: every pairing of its `history` (new
 * ones created, ended ones closed with the reason in the audit entry), nothing dropped. A
 * pairing changed since the plan was made is refused with a ConflictError. @internal
 */
export async function applyPairingPlan(
  ctx: Context,
  plan: PairingPlan,
  options: { reason?: string } = {},
): Promise<AppliedPairingPlan> {
  ctx.check(PlanSchema, plan, text("结对方案", "pairing plan"));
  const at = ctx.now();
  const reason = options.reason ?? `pairing plan ${plan.ruleSet} ${plan.asOf}`;
  const endedWhy = new Map(plan.diff.ended.map((e) => [e.pairing.id, e.explanation]));
  return ctx.storage.transaction(async (tx) => {
    const added: StorageRecord<Pairing>[] = [];
    const ended: StorageRecord<Pairing>[] = [];
    let unchanged = 0;
    for (const pairing of plan.history) {
      const stored = await tx.pairings.get(pairing.id);
      if (stored && storageAuditPatches(stored.value, pairing).length === 0) {
        unchanged++;
        continue;
      }
      const why = endedWhy.get(pairing.id);
      if (!stored) {
        added.push(await saveEntity(ctx, tx, "pairings", pairing, { at, reason }));
      } else if (why && storageAuditPatches(stored.value, withoutEnd(pairing)).length === 0) {
        ended.push(
          await saveEntity(ctx, tx, "pairings", pairing, {
            at,
            before: stored,
            reason: `${reason}: ${why[ctx.locale]}`,
          }),
        );
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
    return { added, ended, unchanged };
  });
}
