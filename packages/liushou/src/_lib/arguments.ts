import {
  CalendarDateSchema,
  fieldIssue,
  PeriodSchema,
  formatPath,
  invalidArgument,
  MAX_TEXT_LENGTH,
  safeValidate,
  text,
  ValidationError,
  type FieldIssue,
  type Locale,
  type LocalizedText,
} from "@liushou/core";
import * as z from "zod";
import type { Context } from "../context";

/**
 * The `reason` option of a use case: 1 to {@link MAX_TEXT_LENGTH} characters, as `importFiles`
 * accepts. @internal
 */
export const ReasonSchema = z.string().min(1).max(MAX_TEXT_LENGTH);

/** The `expectedVersion` option of a use case: the version read. @internal */
export const ExpectedVersionSchema = z.number().int().nonnegative();

/** The first and last day a use case takes as a day to judge on, plan from or report over. @internal */
export const DAY_RANGE = { from: "1900-01-01", to: "2199-12-31" } as const;

const DAY_RANGE_TEXT = text(
  `应在 ${DAY_RANGE.from} 到 ${DAY_RANGE.to} 之间`,
  `must lie between ${DAY_RANGE.from} and ${DAY_RANGE.to}`,
);

const inDayRange = (d: string): boolean => d >= DAY_RANGE.from && d <= DAY_RANGE.to;

/**
 * A day a use case judges on, plans from or reports over (`asOf`, `startOn`, a period's ends):
 * a calendar date within {@link DAY_RANGE}, so the days a use case counts from it (a month
 * before, a year of records before, the days ahead) stay real dates. @internal
 */
export const DaySchema = CalendarDateSchema.refine(inDayRange, {
  params: { text: DAY_RANGE_TEXT },
} as never);

/** A period whose ends are days of {@link DAY_RANGE}. @internal */
export const DayPeriodSchema = PeriodSchema.superRefine((p, c) => {
  for (const key of ["from", "to"] as const) {
    if (!inDayRange(p[key])) {
      c.addIssue({ code: "custom", path: [key], input: p[key], params: { text: DAY_RANGE_TEXT } });
    }
  }
});

/** Issue code of a key that an argument does not take (a typo such as `dryrun`). @internal */
export const UNKNOWN_KEY = "unrecognized_keys";

type Path = readonly (string | number)[];

/**
 * Throws a ValidationError on `name` unless `value` is an object (not null, not an array), so a
 * use case refuses a bad input or options argument before it reads a property of it. @internal
 */
export function requireArgument(
  ctx: Context,
  name: string,
  value: unknown,
): asserts value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw invalidArgument(name, "invalid_type", text("应为对象", "expected an object"), value, {
      locale: ctx.locale,
    });
  }
}

/** A zod schema's definition, as far as this file reads it. */
interface Def {
  readonly type?: string;
  readonly shape?: Record<string, z.ZodType>;
  readonly catchall?: z.ZodType;
  readonly innerType?: z.ZodType;
  readonly in?: z.ZodType;
}

const defOf = (schema: unknown): Def =>
  ((schema as { _zod?: { def?: Def } } | null)?._zod?.def ?? {}) as Def;

/**
 * The keys an object schema takes (through `optional`, `default`, a pipe's input…), or
 * `undefined` when it takes any key (not an object, or a loose one).
 */
function shapeOf(schema: unknown): Record<string, z.ZodType> | undefined {
  let def = defOf(schema);
  for (let i = 0; i < 16 && def.type !== "object"; i++) {
    const inner = def.innerType ?? (def.type === "pipe" ? def.in : undefined);
    if (inner === undefined) return undefined;
    def = defOf(inner);
  }
  if (def.type !== "object" || def.shape === undefined) return undefined;
  // A loose object (a catch-all other than `never`) takes any key.
  if (def.catchall !== undefined && defOf(def.catchall).type !== "never") return undefined;
  return def.shape;
}

/** Edit distance of two short keys, for "did you mean". */
function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const same = a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase();
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (same ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}

/** The issue of one key an argument does not take, suggesting the key meant when close. */
function unknownKeyIssue(
  path: Path,
  key: string,
  value: unknown,
  known: readonly string[],
): FieldIssue {
  const near = known
    .map((k) => [k, distance(key.slice(0, 64), k)] as const)
    .filter(([, d]) => d <= 2)
    .sort((a, b) => a[1] - b[1])[0]?.[0];
  const list = known.join(", ");
  return fieldIssue(
    formatPath([...path, key]),
    UNKNOWN_KEY,
    near === undefined
      ? text(`不认识的字段（可用：${list}）`, `unknown field (expected one of: ${list})`)
      : text(`不认识的字段，是否应为 ${near}？`, `unknown field; did you mean ${near}?`),
    value,
  );
}

/**
 * Issues naming every key of `value` that `schema` does not take, and, with `deep`, every such
 * key of the objects nested in it that the schema describes (a `scope`, a `period`, a
 * `policy`), each by its path (`scope.schoolID`). Keys of arrays, records and unions are not
 * looked at. @internal
 */
export function unknownKeyIssues(
  schema: unknown,
  value: unknown,
  {
    path = [],
    known = [],
    deep = true,
  }: { path?: Path; known?: readonly string[]; deep?: boolean },
): FieldIssue[] {
  const shape = shapeOf(schema);
  if (typeof value !== "object" || value === null || Array.isArray(value)) return [];
  if (shape === undefined && known.length === 0) return [];
  const keys = [...new Set([...Object.keys(shape ?? {}), ...known])];
  const issues: FieldIssue[] = [];
  for (const key of Object.keys(value)) {
    if (!keys.includes(key)) {
      issues.push(unknownKeyIssue(path, key, (value as Record<string, unknown>)[key], keys));
      continue;
    }
    const inner = shape?.[key];
    if (deep && inner !== undefined) {
      issues.push(
        ...unknownKeyIssues(inner, (value as Record<string, unknown>)[key], {
          path: [...path, key],
        }),
      );
    }
  }
  return issues;
}

/**
 * Parses `value` with `schema` and refuses, in the same ValidationError, every key the schema
 * does not take (see {@link unknownKeyIssues}): a host's typo (`dryrun`, `expectedVerison`,
 * `scope.schoolID`) is an error naming the key, never an option silently left out.
 * @param known - Keys taken besides the schema's (those another function checks).
 * @internal
 */
export function checkStrict<S extends z.ZodType>(
  locale: Locale,
  schema: S,
  value: unknown,
  subject: LocalizedText,
  {
    path = [],
    known = [],
    deep = true,
  }: { path?: Path; known?: readonly string[]; deep?: boolean } = {},
): z.output<S> {
  const unknown = unknownKeyIssues(schema, value, { path, known, deep });
  const r = safeValidate(schema, value, { subject, locale, path });
  if (r.success && unknown.length === 0) return r.data;
  const issues = [...unknown, ...(r.success ? [] : r.error.issues)];
  throw new ValidationError(issues, {
    subject,
    locale,
    ...(r.success ? {} : { zodIssues: r.error.zodIssues }),
  });
}

/**
 * Checks an object argument of a use case (`plan`, `options`…) with `schema`, each issue named
 * under the argument (`plan.history[0].start`), except an option's, named by itself (`reason`,
 * as every use case names its options). An optional argument left `undefined` is read as `{}`.
 * A key the schema does not take is refused, named by itself (`dryrun`).
 * @returns The parsed argument.
 * @internal
 */
export function checkArgument<S extends z.ZodType>(
  ctx: Context,
  name: string,
  value: unknown,
  schema: S,
  subject: LocalizedText,
  { optional = false, known = [] }: { optional?: boolean; known?: readonly string[] } = {},
): z.output<S> {
  const v = optional && value === undefined ? {} : value;
  requireArgument(ctx, name, v);
  const path = name === "options" ? [] : [name];
  return checkStrict(ctx.locale, schema, v, subject, { path, known });
}
