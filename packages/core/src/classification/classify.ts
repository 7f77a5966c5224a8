import * as z from "zod";
import { refusal } from "../_lib/refusal";
import { validate } from "../errors";
import { text } from "../i18n";
import { ChildFileSchema, type ChildFile, type ChildFileInput, type Parent } from "../model";
import { AsOfSchema, CalendarDateSchema, TimeZoneSchema } from "../model/primitives";
import {
  ageOn,
  birthdayOfAge,
  resolveAsOf,
  type AsOf,
  type CalendarDate,
  type TimeZone,
} from "../time";
import {
  awayEdges,
  DEFAULT_DEFINITION,
  DefinitionVerdictSchema,
  LEFT_BEHIND_DEFINITIONS,
  LeftBehindDefinitionSchema,
  parentFacts,
  type BuiltInDefinitionId,
  type ClassificationReason,
  type LeftBehindDefinition,
} from "./definitions";

/**
 * A definition given by id (a built-in one) or as an object (a custom one).
 * @category Classification
 */
export type DefinitionChoice = BuiltInDefinitionId | LeftBehindDefinition;

/**
 * Zod schema of a {@link DefinitionChoice}.
 * @example
 * DefinitionChoiceSchema.safeParse("school").success //=> true
 * @category Classification
 */
export const DefinitionChoiceSchema = z.union([
  z.enum(Object.keys(LEFT_BEHIND_DEFINITIONS) as [BuiltInDefinitionId, ...BuiltInDefinitionId[]]),
  LeftBehindDefinitionSchema,
]);

/**
 * Options of {@link classifyLeftBehind}.
 * @category Classification
 */
export interface ClassifyOptions {
  /** The date judged: a calendar date, or an instant or `Date` read in `zone`. */
  asOf: AsOf;
  /** Zone for an instant `asOf`. Default `Asia/Shanghai`. */
  zone?: TimeZone;
  /** Definition id or a custom definition. Default `"state-council-2016"`. */
  definition?: DefinitionChoice;
}

const ClassifyOptionsSchema = z.object({
  asOf: AsOfSchema,
  zone: TimeZoneSchema.optional(),
  definition: DefinitionChoiceSchema.optional(),
});

/**
 * A parent as reported in a classification.
 * @category Classification
 */
export interface ParentStatus {
  readonly id: string;
  readonly role: Parent["role"];
  readonly away: boolean;
  readonly deceased: boolean;
  readonly guardianshipCapacity: Parent["guardianshipCapacity"];
}

/**
 * The result of {@link classifyLeftBehind}: the verdict, the definition and date it applies to,
 * and the facts and reasons that explain it.
 * @category Classification
 */
export interface LeftBehindClassification {
  readonly leftBehind: boolean;
  /** Id of the definition applied. */
  readonly definition: string;
  readonly asOf: CalendarDate;
  /** Completed years of age on `asOf` (negative before birth). */
  readonly age: number;
  /** Roles of the parents away on `asOf` (`["father", "mother"]`, `["mother"]`, `[]`). */
  readonly parentsAway: readonly Parent["role"][];
  /** Every parent on file and their status on `asOf`. */
  readonly parents: readonly ParentStatus[];
  /** Why, in order: age or schooling, who is away, the other parent's capacity. */
  readonly reasons: readonly ClassificationReason[];
}

/**
 * Resolves a definition choice that passed {@link DefinitionChoiceSchema}. Callers pass the
 * host's own object (not zod's parsed copy), so a definition whose `classify` uses `this` keeps it.
 * @internal
 */
export function resolveDefinition(choice: DefinitionChoice | undefined): LeftBehindDefinition {
  if (choice === undefined) return LEFT_BEHIND_DEFINITIONS[DEFAULT_DEFINITION];
  if (typeof choice === "string") return LEFT_BEHIND_DEFINITIONS[choice];
  return choice;
}

/**
 * The id of a built-in definition, or `undefined` for a host's own: built-in definitions allow
 * the fast counting paths of statistics and completeness.
 * @internal
 */
export function builtInDefinitionId(
  definition: LeftBehindDefinition,
): BuiltInDefinitionId | undefined {
  if (definition === LEFT_BEHIND_DEFINITIONS["state-council-2016"]) return "state-council-2016";
  if (definition === LEFT_BEHIND_DEFINITIONS.school) return "school";
  return undefined;
}

/**
 * Classifies a validated file without validating it again (statistics use this in their single
 * pass). A custom definition's verdict is still checked.
 * @internal
 */
export function classifyValidated(
  file: ChildFile,
  asOf: CalendarDate,
  definition: LeftBehindDefinition,
): LeftBehindClassification {
  const verdict = definition.classify(file, { asOf });
  const checked =
    definition === LEFT_BEHIND_DEFINITIONS["state-council-2016"] ||
    definition === LEFT_BEHIND_DEFINITIONS.school
      ? verdict
      : validate(DefinitionVerdictSchema, verdict, {
          subject: text(
            `留守儿童口径 ${definition.id} 的判定结果`,
            `result of definition ${definition.id}`,
          ),
        });
  const facts = parentFacts(file, asOf);
  return {
    leftBehind: checked.leftBehind,
    definition: definition.id,
    asOf,
    age: facts.age,
    parentsAway: facts.away.map((p) => p.role),
    parents: file.parents.map((p) => ({
      id: p.id,
      role: p.role,
      away: facts.away.includes(p),
      deceased: p.deceased,
      guardianshipCapacity: p.guardianshipCapacity,
    })),
    reasons: checked.reasons.map((r) => ({ code: r.code, message: r.message })),
  };
}

/**
 * Decides whether a child is left-behind (留守儿童) on a date under a definition, and explains
 * why. A pure function of the file and the date: the child drops out on their 16th birthday
 * (State Council definition; a 29 February child turns 16 on 1 March in common years) and on the
 * day after a parent's away period ends.
 * @param file - A child file (validated with `ChildFileSchema`).
 * @param options - `asOf` (date or instant + `zone`), `definition` (default `"state-council-2016"`).
 * @returns The verdict, the ages and parents behind it, and bilingual reasons with stable codes.
 * @throws ValidationError if the file or the options are invalid.
 * @example
 * const r = classifyLeftBehind(file, { asOf: "2026-03-01" });
 * r.leftBehind //=> true
 * r.reasons.map((x) => x.code) //=> ["under-16", "both-parents-away"]
 * classifyLeftBehind(file, { asOf: "2026-03-01", definition: "school" }).definition //=> "school"
 * @category Classification
 */
export function classifyLeftBehind(
  file: ChildFileInput | ChildFile,
  options: ClassifyOptions,
): LeftBehindClassification {
  const opts = validate(ClassifyOptionsSchema, options, {
    subject: text("留守儿童认定选项", "classification options"),
  });
  const parsed = validate(ChildFileSchema, file, { subject: text("儿童档案", "child file") });
  return classifyValidated(
    parsed,
    resolveAsOf(opts.asOf, opts.zone),
    resolveDefinition(options.definition),
  );
}

/**
 * One change of left-behind status: from `date` on, the verdict is `leftBehind`.
 * @category Classification
 */
export interface LeftBehindChange {
  readonly date: CalendarDate;
  readonly leftBehind: boolean;
  /** The full classification on `date`. */
  readonly classification: LeftBehindClassification;
}

/**
 * Result of {@link leftBehindChanges}.
 * @category Classification
 */
export interface LeftBehindTimeline {
  readonly definition: string;
  readonly from: CalendarDate;
  readonly to: CalendarDate;
  /** The classification on `from`. */
  readonly initial: LeftBehindClassification;
  /** Every day in `(from, to]` on which the verdict differs from the day before, in order. */
  readonly changes: readonly LeftBehindChange[];
}

/**
 * Options of {@link leftBehindChanges}.
 * @category Classification
 */
export interface ChangesOptions {
  from: CalendarDate;
  to: CalendarDate;
  definition?: DefinitionChoice;
}

const ChangesOptionsSchema = z
  .object({
    from: CalendarDateSchema,
    to: CalendarDateSchema,
    definition: DefinitionChoiceSchema.optional(),
  })
  .refine(
    (o) => o.from <= o.to,
    refusal("开始日期不能晚于结束日期", "from must not be after to", ["to"]),
  );

/** Candidate dates for a definition without `changeDates`: every birthday and away-period edge. */
function genericChangeDates(file: ChildFile, from: CalendarDate, to: CalendarDate): CalendarDate[] {
  const out: CalendarDate[] = [file.child.birthDate, ...awayEdges(file)];
  const first = Math.max(0, ageOn(file.child.birthDate, from));
  const last = ageOn(file.child.birthDate, to) + 1;
  for (let age = first; age <= last; age++) out.push(birthdayOfAge(file.child.birthDate, age));
  if (file.child.schooling.since) out.push(file.child.schooling.since);
  if (file.openedOn) out.push(file.openedOn);
  return out;
}

/**
 * The dates in a range on which a child's left-behind status changes, found from the file's
 * birthdays and away-period edges (first day away, first day back), not by scanning every day.
 * A custom definition can name its own candidate dates with `changeDates`.
 * @param file - A child file.
 * @param options - `from`, `to` (inclusive calendar dates) and the `definition`.
 * @returns The status on `from` and each change after it, with the classification that day.
 * @throws ValidationError if the file or the options are invalid.
 * @example
 * // born 2010-06-01, both parents away since 2020
 * leftBehindChanges(file, { from: "2026-01-01", to: "2026-12-31" }).changes
 * //=> [{ date: "2026-06-01", leftBehind: false, classification: { … } }]
 * @category Classification
 */
export function leftBehindChanges(
  file: ChildFileInput | ChildFile,
  options: ChangesOptions,
): LeftBehindTimeline {
  const opts = validate(ChangesOptionsSchema, options, {
    subject: text("留守状态变化查询选项", "status-change options"),
  }) as ChangesOptions;
  const parsed = validate(ChildFileSchema, file, { subject: text("儿童档案", "child file") });
  const definition = resolveDefinition(options.definition);
  const { from, to } = opts;
  const candidates = definition.changeDates
    ? validate(z.array(CalendarDateSchema), definition.changeDates(parsed), {
        subject: text(
          `口径 ${definition.id} 的变化日期`,
          `change dates of definition ${definition.id}`,
        ),
      })
    : genericChangeDates(parsed, from, to);
  const dates = [...new Set(candidates.filter((d) => d > from && d <= to))].sort();
  const initial = classifyValidated(parsed, from, definition);
  const changes: LeftBehindChange[] = [];
  let current = initial.leftBehind;
  for (const date of dates) {
    const c = classifyValidated(parsed, date, definition);
    if (c.leftBehind !== current) {
      changes.push({ date, leftBehind: c.leftBehind, classification: c });
      current = c.leftBehind;
    }
  }
  return { definition: definition.id, from, to, initial, changes };
}
