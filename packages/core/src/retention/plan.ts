import * as z from "zod";
import { validate } from "../errors/validate";
import { text } from "../i18n/locale";
import { ChildFileSchema, type ChildFile } from "../model/child-file";
import { CalendarDateSchema } from "../model/primitives";
import { addDays, addMonths, birthdayOfAge } from "../time/calendar-date";
import type { CalendarDate } from "../time/types";

/**
 * How long a child's file is kept after the child leaves scope, and what happens then:
 * `anonymise` (identifying, sensitive, health and financial data removed, statistics kept) or
 * `delete`.
 * @example
 * RetentionPolicySchema.parse({ years: 3, action: "anonymise" })
 * @category Retention
 */
export const RetentionPolicySchema = z.object({
  years: z.number().int().min(1).max(100),
  action: z.enum(["anonymise", "delete"]),
});
/**
 * A retention policy: see {@link RetentionPolicySchema}.
 * @category Retention
 */
export type RetentionPolicy = z.infer<typeof RetentionPolicySchema>;

/**
 * Why a child left scope:
 * - `graduated`, `transferred`: the schooling status, from `child.schooling.since`;
 * - `aged-out`: the 16th birthday (the age limit of a left-behind child);
 * - `parents-returned`: the day after the last away period of the parents ended, once no
 *   parent has an open away period.
 * @category Retention
 */
export type LeftScopeReason = "graduated" | "transferred" | "aged-out" | "parents-returned";

/**
 * When and why a child left scope.
 * @category Retention
 */
export interface LeftScope {
  readonly on: CalendarDate;
  readonly reason: LeftScopeReason;
}

/**
 * The day a child left scope as its file shows on `asOf`: the earliest of the events of
 * {@link LeftScopeReason} that happened on or before `asOf`; `undefined` while none has.
 * A graduation or transfer without a `since` date is not dated: {@link planRetention} lists
 * such files as `undated`.
 * @param file - A parsed child file.
 * @param asOf - The day of the plan.
 * @returns The date and reason, or `undefined`.
 * @throws ValidationError when an argument is malformed.
 * @example
 * leftScopeOn(bornOn20150302, "2031-03-02") //=> { on: "2031-03-02", reason: "aged-out" }
 * @category Retention
 */
export function leftScopeOn(file: ChildFile, asOf: CalendarDate): LeftScope | undefined {
  return leftScope(
    validate(ChildFileSchema, file, { subject: text("档案", "file"), path: ["file"] }),
    validate(CalendarDateSchema, asOf, { path: ["asOf"] }),
  );
}

function leftScope(file: ChildFile, asOf: CalendarDate): LeftScope | undefined {
  const events: LeftScope[] = [];
  const { status, since } = file.child.schooling;
  if ((status === "graduated" || status === "transferred") && since !== undefined) {
    events.push({ on: since, reason: status });
  }
  events.push({ on: birthdayOfAge(file.child.birthDate, 16), reason: "aged-out" });
  const periods = file.parents.flatMap((p) => p.awayPeriods);
  if (periods.length > 0 && periods.every((p) => p.to !== undefined)) {
    const last = periods
      .map((p) => p.to!)
      .sort()
      .at(-1)!;
    events.push({ on: addDays(last, 1), reason: "parents-returned" });
  }
  return events
    .filter((e) => e.on <= asOf)
    .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))[0];
}

/**
 * One file whose retention has expired.
 * @category Retention
 */
export interface RetentionItem {
  readonly childId: string;
  readonly leftScope: LeftScope;
  /** `years` after leaving scope: from this day on the file is kept no longer. */
  readonly expiredOn: CalendarDate;
}

/**
 * What {@link planRetention} found: the files to anonymise or delete (by the policy's action),
 * the files out of scope without a date (fix them: add `schooling.since`), and how many files
 * are kept. Ids and dates only, no personal data.
 * @category Retention
 */
export interface RetentionPlan {
  readonly asOf: CalendarDate;
  readonly policy: RetentionPolicy;
  readonly anonymise: readonly RetentionItem[];
  readonly delete: readonly RetentionItem[];
  readonly undated: readonly string[];
  readonly kept: number;
}

const FilesSchema = z.array(ChildFileSchema).max(1_000_000);

/**
 * Plans retention (PIPL Art. 19 and 47: kept no longer than needed): each file whose child left
 * scope (see {@link leftScopeOn}) `policy.years` years ago or more, on `asOf`, is listed to be
 * anonymised or deleted. Pure: nothing is changed.
 * @param files - Child files.
 * @param policy - Years kept after leaving scope, and the action.
 * @param asOf - The day of the plan.
 * @returns The plan, files in the order given.
 * @throws ValidationError when an argument is malformed.
 * @example
 * planRetention(files, { years: 3, action: "anonymise" }, "2026-09-01").anonymise.map((i) => i.childId)
 * @category Retention
 */
export function planRetention(
  files: readonly ChildFile[],
  policy: RetentionPolicy,
  asOf: CalendarDate,
): RetentionPlan {
  const list = validate(FilesSchema, files, { subject: text("档案", "files"), path: ["files"] });
  const p = validate(RetentionPolicySchema, policy, { path: ["policy"] });
  const day = validate(CalendarDateSchema, asOf, { path: ["asOf"] });
  const expired: RetentionItem[] = [];
  const undated: string[] = [];
  for (const file of list) {
    const left = leftScope(file, day);
    const { status, since } = file.child.schooling;
    if (!left && (status === "graduated" || status === "transferred") && since === undefined) {
      undated.push(file.id);
      continue;
    }
    if (!left) continue;
    const expiredOn = addMonths(left.on, p.years * 12);
    if (expiredOn <= day) expired.push({ childId: file.id, leftScope: left, expiredOn });
  }
  return {
    asOf: day,
    policy: p,
    anonymise: p.action === "anonymise" ? expired : [],
    delete: p.action === "delete" ? expired : [],
    undated,
    kept: list.length - expired.length,
  };
}
