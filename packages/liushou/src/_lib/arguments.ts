import {
  invalidArgument,
  MAX_TEXT_LENGTH,
  text,
  validate,
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

/**
 * Checks an object argument of a use case (`plan`, `options`…) with `schema`, each issue named
 * under the argument (`plan.history[0].start`), except an option's, named by itself (`reason`,
 * as every use case names its options). An optional argument left `undefined` is read as `{}`.
 * @returns The parsed argument.
 * @internal
 */
export function checkArgument<S extends z.ZodType>(
  ctx: Context,
  name: string,
  value: unknown,
  schema: S,
  subject: LocalizedText,
  { optional = false }: { optional?: boolean } = {},
): z.output<S> {
  const v = optional && value === undefined ? {} : value;
  requireArgument(ctx, name, v);
  const path = name === "options" ? [] : [name];
  return validate(schema, v, { subject, locale: ctx.locale, path });
}
