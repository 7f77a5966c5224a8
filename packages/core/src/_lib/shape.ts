/**
 * Small field checks shared by the quick shape checks that let data already in validated shape
 * skip a full zod parse (the counters' files, pairing's input, the compliance data's child files). Each check accepts only what
 * the matching schema accepts unchanged.
 * @module
 */
import * as z from "zod";
import { checkRegionCode } from "../identity/region-code";
import { normalizeMobile } from "../identity/mobile";
import { MAX_ID_LENGTH, MAX_NAME_LENGTH } from "../model/limits";
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

/** How many keys {@link pick} sets by computed stores before V8 might make the object slow. */
const FAST_KEYS = 12;

/** A field check: whether a value certainly passes the field's schema unchanged. @internal */
export type Check = (v: unknown) => boolean;

/** A check that a value is one of `values` (an enum's options). @internal */
export const oneOf = (values: readonly string[]): Check => {
  const set: ReadonlySet<unknown> = new Set(values);
  return (v) => set.has(v);
};

/** A whole number from 0 up to `Number.MAX_SAFE_INTEGER`. @internal */
export const nonNegativeInt: Check = (v) => Number.isSafeInteger(v) && (v as number) >= 0;

/** A finite number in `[min, max]`. @internal */
export const inRange =
  (min: number, max: number): Check =>
  (v) =>
    Number.isFinite(v) && (v as number) >= min && (v as number) <= max;

/** A string of `min`–`max` UTF-16 units, as `z.string().min(min).max(max)` accepts it. @internal */
export const textOf =
  (min: number, max: number): Check =>
  (v) =>
    typeof v === "string" && v.length >= min && v.length <= max;

/** A name: 1 to `MAX_NAME_LENGTH` characters. @internal */
export const name: Check = textOf(1, MAX_NAME_LENGTH);

/** A valid region code (6, 9 or 12 digits). @internal */
export const region: Check = (v) => typeof v === "string" && checkRegionCode(v).valid;

/**
 * A {@link region} check that remembers the codes it found valid, for one list whose rows share
 * few codes.
 * @internal
 */
export function rememberingRegion(): Check {
  const valid = new Set<string>();
  return (v) => {
    if (typeof v !== "string") return false;
    if (valid.has(v)) return true;
    if (!checkRegionCode(v).valid) return false;
    valid.add(v);
    return true;
  };
}

/** A mobile number already in the normalised form `MobileSchema` outputs. @internal */
export const mobile: Check = (v) => typeof v === "string" && normalizeMobile(v) === v;

/** A boolean. @internal */
export const isBoolean: Check = (v) => v === true || v === false;

/** An array with the array prototype (its items are checked when copied). @internal */
export const plainArray: Check = (v) =>
  Array.isArray(v) && Object.getPrototypeOf(v) === Array.prototype;

/**
 * How a field may be left out: `true` when required, a function giving the default the schema
 * fills in (for a field left out or `undefined`), or nothing when optional.
 * @internal
 */
export type Presence = boolean | (() => unknown);

/** A field of {@link pick}: its key, its check and whether it is required or defaulted. @internal */
export type Field = readonly [key: string, check: Check, presence?: Presence];

/**
 * Copies the fields of a plain object named in `fields`, in that order (the order of the
 * schema's shape, as zod outputs them), each read once and checked; unknown keys are dropped as
 * zod drops them. An optional field left out is left out (`undefined` stays when given, as zod
 * keeps it); a defaulted one gets its default. `undefined` when a field fails, a required one
 * is missing, or the object is not plain.
 * @internal
 */
export function pick(row: unknown, fields: readonly Field[]): Record<string, unknown> | undefined {
  if (!isPlainRecord(row)) return undefined;
  const out: Record<string, unknown> = {};
  let n = 0;
  for (const [key, check, presence] of fields) {
    // `row[key]` reads what `key in row` would find (a plain record's prototype is
    // `Object.prototype`); `in` is asked only of a field that reads `undefined`.
    const v = row[key];
    if (v === undefined) {
      if (presence === true) return undefined;
      if (typeof presence === "function") out[key] = presence();
      else if (key in row) out[key] = undefined;
      else continue;
      n++;
      continue;
    }
    if (!check(v)) return undefined;
    out[key] = v;
    n++;
  }
  // V8 turns an object given more than a dozen keys by computed stores into a slow dictionary;
  // a spread copy has fast properties again (same keys, same order), for every later read.
  return n > FAST_KEYS ? { ...out } : out;
}

/** A copier of one object's fields, as {@link pick} copies them. @internal */
export type Picker = (row: unknown) => Record<string, unknown> | undefined;

/**
 * The code of a {@link Picker} for `fields`: one named store per field, so V8 builds a fast
 * object from the same transitions every time, where the loop of {@link pick} makes computed
 * stores. `c[i]` is field `i`'s check, `p[i]` its presence.
 */
function pickerCode(fields: readonly Field[]): string {
  const steps = fields.map(([key, , presence], i) => {
    const k = JSON.stringify(key);
    const absent =
      presence === true
        ? "return undefined;"
        : typeof presence === "function"
          ? `out[${k}] = p[${i}]();`
          : `if (${k} in row) out[${k}] = undefined;`;
    return `v = row[${k}]; if (v === undefined) { ${absent} } else if (c[${i}](v)) out[${k}] = v; else return undefined;`;
  });
  return `return (row) => { if (!plain(row)) return undefined; const out = {}; let v;\n${steps.join("\n")}\nreturn out; };`;
}

/**
 * {@link pick} for one layout of fields (their keys and presences), compiled once: given the
 * checks, in the layout's order, it gives a {@link Picker} that copies as `pick` does, several
 * times faster on a county's files. Where code cannot be compiled (zod told `jitless`, or a
 * content security policy), the picker is `pick` itself.
 * @example
 * const pickPoint = pickerOf(POINT)(checksOf(POINT));
 * @internal
 */
export function pickerOf(fields: readonly Field[]): (checks: readonly Check[]) => Picker {
  const presences = fields.map(([, , presence]) => presence);
  if (z.config().jitless || !z.util.allowsEval.value) {
    return (checks) => {
      const checked = fields.map(([key, , presence], i): Field => [key, checks[i]!, presence]);
      return (row) => pick(row, checked);
    };
  }
  const make = new Function("plain", "c", "p", pickerCode(fields)) as (
    plain: (v: unknown) => boolean,
    c: readonly Check[],
    p: readonly (Presence | undefined)[],
  ) => Picker;
  return (checks) => make(isPlainRecord, checks, presences);
}

/** The checks of `fields`, in order. @internal */
export const checksOf = (fields: readonly Field[]): Check[] => fields.map(([, check]) => check);

/** The {@link Picker} of `fields` with their own checks. @internal */
export const picker = (fields: readonly Field[]): Picker => pickerOf(fields)(checksOf(fields));

/**
 * A copy of a plain array of at most `max` items, each through `inShape` (read once), or
 * `undefined` when the value is no plain array, is too long or an item is not in shape.
 * @internal
 */
export function listOf<T>(
  v: unknown,
  max: number,
  inShape: (item: unknown) => T | undefined,
): T[] | undefined {
  if (!plainArray(v)) return undefined;
  const items = v as readonly unknown[];
  if (items.length > max) return undefined;
  const out: T[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = inShape(items[i]);
    if (item === undefined) return undefined;
    out.push(item);
  }
  return out;
}
