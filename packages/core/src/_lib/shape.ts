/**
 * Small field checks shared by the quick shape checks that let data already in validated shape
 * skip a full zod parse (the counters' files, pairing's children). Each check accepts only what
 * the matching schema accepts unchanged.
 * @module
 */
import { MAX_ID_LENGTH } from "../model/limits";
import { RESERVED_KEYS } from "./plain-data";

/**
 * Whether a value is an id as `IdSchema` outputs it: a string of 1–64 characters (a number or
 * bigint id is normalised by the schema, so it is not in validated shape).
 * @internal
 */
export function isId(v: unknown): v is string {
  return typeof v === "string" && v.length >= 1 && v.length <= MAX_ID_LENGTH;
}

/** {@link isId}, or `undefined` (an optional id left out). @internal */
export function isOptionalId(v: unknown): v is string | undefined {
  return v === undefined || isId(v);
}

/** Whether a value is a grade as `GradeSchema` accepts it: a whole number 1–12. @internal */
export function isGrade(v: unknown): v is number {
  return Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 12;
}

/**
 * Whether a value is a plain object (its prototype is `Object.prototype`): not `null`, an
 * array, a class instance or an object without a prototype.
 * @internal
 */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype;
}

/**
 * {@link isPlainObject} without any of the reserved keys (`__proto__` and the like) as its own,
 * which a zod object might treat otherwise.
 * @internal
 */
export function isPlainRecord(v: unknown): v is Record<string, unknown> {
  if (!isPlainObject(v)) return false;
  for (const k of RESERVED_KEYS) if (Object.hasOwn(v, k)) return false;
  return true;
}
