import * as z from "zod";
import { ConflictError, validate, ValidationError } from "../errors";
import { text, type LocalizedText } from "../i18n";
import {
  DonorSchema,
  IdSchema,
  InstantSchema,
  MicroWishSchema,
  WishStatusSchema,
  type Donor,
  type MicroWish,
  type WishStatus,
} from "../model";
import { instantMs, type Instant } from "../time";
import { deepFreeze } from "../_lib/freeze";

/**
 * The allowed status changes of a micro-wish (微心愿), as data: submitted → approved → claimed
 * (by a donor) → fulfilled → thanked; cancelled from submitted, approved or claimed. Every other
 * change is refused.
 * @example
 * WISH_TRANSITIONS.approved //=> ["claimed", "cancelled"]
 * @category Wishes
 */
export const WISH_TRANSITIONS: Readonly<Record<WishStatus, readonly WishStatus[]>> =
  /*#__PURE__*/ Object.freeze({
    submitted: Object.freeze(["approved", "cancelled"] as const),
    approved: Object.freeze(["claimed", "cancelled"] as const),
    claimed: Object.freeze(["fulfilled", "cancelled"] as const),
    fulfilled: Object.freeze(["thanked"] as const),
    thanked: Object.freeze([] as const),
    cancelled: Object.freeze([] as const),
  });

/**
 * Names of the statuses in both languages, for messages and reports.
 * @example
 * WISH_STATUS_TEXT.claimed["zh-CN"] //=> "已认领"
 * @category Wishes
 */
export const WISH_STATUS_TEXT: Readonly<Record<WishStatus, LocalizedText>> =
  /*#__PURE__*/ Object.freeze({
    submitted: text("已提交", "submitted"),
    approved: text("已审核", "approved"),
    claimed: text("已认领", "claimed"),
    fulfilled: text("已实现", "fulfilled"),
    thanked: text("已致谢", "thanked"),
    cancelled: text("已取消", "cancelled"),
  });

/**
 * Whether a micro-wish may go from one status to another.
 * @example
 * canTransitionWish("approved", "claimed") //=> true
 * canTransitionWish("submitted", "fulfilled") //=> false
 * @category Wishes
 */
export function canTransitionWish(from: WishStatus, to: WishStatus): boolean {
  return (
    typeof from === "string" &&
    Object.hasOwn(WISH_TRANSITIONS, from) &&
    WISH_TRANSITIONS[from].includes(to)
  );
}

/**
 * Options of {@link transitionWish}.
 * @category Wishes
 */
export interface TransitionWishOptions {
  /** When the change happened; not before the last history entry. */
  at: Instant;
  /** Who made the change. */
  actorId?: string;
  /** The donor who claims the wish: required to go to `claimed` unless the wish already names one. */
  donor?: z.input<typeof DonorSchema>;
  note?: string;
}

const TransitionOptionsSchema = z.object({
  at: InstantSchema,
  actorId: IdSchema.optional(),
  donor: DonorSchema.optional(),
  note: z.string().optional(),
});

/**
 * Moves a micro-wish to a new status and returns a new wish with the change appended to its
 * history; the input wish is not changed. Going to `claimed` needs a donor.
 * @param wish - The wish (validated with `MicroWishSchema`).
 * @param to - The new status.
 * @param options - `at` (instant), and optionally `actorId`, `donor`, `note`.
 * @returns The new wish, frozen.
 * @throws ConflictError for a change {@link WISH_TRANSITIONS} does not allow, or a time before the last change.
 * @throws ValidationError for invalid input or a claim without a donor.
 * @example
 * const claimed = transitionWish(approvedWish, "claimed", { at: "2026-05-20T10:00:00+08:00", donor: { name: "爱心企业" } });
 * claimed.status //=> "claimed"
 * transitionWish(claimed, "thanked", { at: "2026-05-21T10:00:00+08:00" }) // throws ConflictError: 不能从“已认领”变为“已致谢”
 * @category Wishes
 */
export function transitionWish(
  wish: z.input<typeof MicroWishSchema> | MicroWish,
  to: WishStatus,
  options: TransitionWishOptions,
): MicroWish {
  const current = validate(MicroWishSchema, wish, { subject: text("微心愿", "micro-wish") });
  const target = validate(WishStatusSchema, to, { subject: text("目标状态", "target status") });
  const opts = validate(TransitionOptionsSchema, options, {
    subject: text("状态变更选项", "transition options"),
  });
  const from = current.status;
  if (!canTransitionWish(from, target)) {
    const allowed = WISH_TRANSITIONS[from];
    throw new ConflictError(
      text(
        `微心愿 ${current.id} 不能从“${WISH_STATUS_TEXT[from]["zh-CN"]}”（${from}）变为“${WISH_STATUS_TEXT[target]["zh-CN"]}”（${target}）` +
          (allowed.length ? `；可变为：${allowed.join("、")}` : "；该状态为终态"),
        `micro-wish ${current.id} cannot go from ${from} to ${target}` +
          (allowed.length ? `; allowed: ${allowed.join(", ")}` : `; ${from} is final`),
      ),
    );
  }
  const last = current.history[current.history.length - 1];
  if (last && instantMs(opts.at) < instantMs(last.at)) {
    throw new ConflictError(
      text(
        `变更时间 ${opts.at} 早于上一次变更 ${last.at}`,
        `the change at ${opts.at} is before the previous change at ${last.at}`,
      ),
    );
  }
  const donor: Donor | undefined = opts.donor ?? current.donor;
  if (target === "claimed" && donor === undefined) {
    throw new ValidationError(
      [
        {
          path: "donor",
          code: "missing_donor",
          received: "undefined",
          message: text(
            `字段 donor：认领微心愿 ${current.id} 须填写捐赠人（收到：undefined）`,
            `donor: claiming micro-wish ${current.id} needs a donor (received: undefined)`,
          ),
        },
      ],
      { subject: text("微心愿认领", "micro-wish claim") },
    );
  }
  const entry: MicroWish["history"][number] = { status: target, at: opts.at };
  if (opts.actorId !== undefined) entry.actorId = opts.actorId;
  if (opts.note !== undefined) entry.note = opts.note;
  const next: MicroWish = {
    ...current,
    status: target,
    history: [...current.history, entry],
  };
  if (donor !== undefined) next.donor = donor;
  return deepFreeze(next);
}
