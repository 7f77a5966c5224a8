import type * as z from "zod";
import { invalidArgument, requireObject } from "../errors/validate";
import { text } from "../i18n/locale";
import { maskValue } from "./mask";
import { requirePath } from "./path-argument";
import { child, defOf, layers } from "./schema-walk";

/**
 * Classes of personal information a schema can carry (PIPL Art. 28 and 51), set in zod's
 * metadata: `z.string().meta({ fieldClass: FieldClass.IDENTIFYING })`. A field with a class is
 * never shown in full in an error: messages, `received` texts and serialised errors show it
 * masked. JSON Schema exported with `z.toJSONSchema` carries the class too.
 * - `identifying`: identifies a person by itself (resident ID number, mobile number, address).
 * - `sensitive`: sensitive personal information other than health and money.
 * - `health`: health, illness and disability.
 * - `financial`: income, aid amounts, accounts.
 * @example
 * FieldClass.IDENTIFYING //=> "identifying"
 * @category Privacy
 */
export const FieldClass = {
  IDENTIFYING: "identifying",
  SENSITIVE: "sensitive",
  HEALTH: "health",
  FINANCIAL: "financial",
} as const;

/**
 * One of the {@link FieldClass} values.
 * @category Privacy
 */
export type FieldClass = (typeof FieldClass)[keyof typeof FieldClass];

const CLASSES: ReadonlySet<unknown> = new Set(Object.values(FieldClass));

/**
 * The class set on this schema itself. `meta()` without an argument reads zod's global registry,
 * so this module needs no runtime import of zod (time helpers and errors stay small in a bundle).
 */
function ownClass(schema: z.ZodType): FieldClass | undefined {
  const meta = (schema as { meta?: unknown }).meta;
  if (typeof meta !== "function") return undefined;
  const c = (meta.call(schema) as { fieldClass?: unknown } | undefined)?.fieldClass;
  return CLASSES.has(c) ? (c as FieldClass) : undefined;
}

/**
 * The field class of a schema, looking through `optional`, `default`, `nullable`, pipes,
 * transforms and unions (a union is classed if any of its options is).
 * @param schema - Any zod schema.
 * @returns The class, or `undefined` for an unclassed schema.
 * @example
 * fieldClassOf(IdNumberSchema.optional()) //=> "identifying"
 * fieldClassOf(z.string()) //=> undefined
 * @category Privacy
 */
export function fieldClassOf(schema: z.ZodType): FieldClass | undefined {
  if (defOf(schema) === undefined) return undefined;
  for (const s of layers(schema)) {
    const c = ownClass(s);
    if (c !== undefined) return c;
  }
  return undefined;
}

/**
 * The field class of the value found at `path` inside `schema`: the class of the field, or of
 * the nearest enclosing schema that has one (a classed object masks all its fields).
 * @param schema - The schema that was parsed.
 * @param path - A path inside it, as in a zod issue.
 * @returns The class, or `undefined` when nothing on the path is classed.
 * @throws ValidationError when `path` is not an array of keys (strings, numbers or symbols).
 * @example
 * fieldClassAt(ChildFileSchema, ["child", "idNumber"]) //=> "identifying"
 * fieldClassAt(ChildFileSchema, ["child", "name"]) //=> undefined
 * @category Privacy
 */
export function fieldClassAt(
  schema: z.ZodType,
  path: readonly PropertyKey[],
): FieldClass | undefined {
  requirePath(path);
  let current: z.ZodType[] = [schema];
  for (let i = 0; ; i++) {
    const all = current.flatMap((s) => (defOf(s) ? layers(s) : []));
    for (const s of all) {
      const c = ownClass(s);
      if (c !== undefined) return c;
    }
    if (i >= path.length || all.length === 0) return undefined;
    const key = path[i]!;
    current = all.flatMap((s) => child(s, key));
  }
}

/**
 * Whether values of a field class are masked in errors: every class is.
 * @param fieldClass - A class or `undefined`.
 * @returns `true` for any class.
 * @example
 * isMaskedClass("health") //=> true
 * isMaskedClass(undefined) //=> false
 * @category Privacy
 */
export function isMaskedClass(fieldClass: FieldClass | undefined): boolean {
  return fieldClass !== undefined;
}

/** Stands for a hidden value that is left out (a number, a flag). */
const LEFT_OUT: unique symbol = Symbol("left out");
const MAX_MASK_DEPTH = 64;

function hide(value: unknown, depth: number): unknown {
  if (typeof value === "string") return maskValue(value);
  if (value === null || typeof value !== "object" || depth > MAX_MASK_DEPTH) return LEFT_OUT;
  if (Array.isArray(value)) {
    return value.map((v) => hide(v, depth + 1)).filter((v) => v !== LEFT_OUT);
  }
  return copyObject(value as Record<string, unknown>, (v) => hide(v, depth + 1));
}

function copyObject(
  value: Record<string, unknown>,
  map: (v: unknown, key: string) => unknown,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const m = map(v, k);
    // defineProperty: a key named `__proto__` stays a plain key.
    if (m !== LEFT_OUT)
      Object.defineProperty(out, k, {
        value: m,
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  return out;
}

/**
 * A copy of a value with every field of a class not in `visible` masked: texts as
 * {@link maskValue} shows them, other values (amounts, flags) left out. A classed object or
 * list masks everything in it. The value is not changed.
 * @param schema - The schema the value was parsed with, such as `ChildFileSchema`.
 * @param value - The value (plain data).
 * @param visible - The classes shown in full.
 * @param path - Where `value` sits inside `schema` (default the root), as for {@link fieldClassAt}.
 * @returns The masked copy.
 * @throws ValidationError when `visible` or `path` is not an array.
 * @example
 * maskFields(ChildFileSchema, file, ["health"]).child.idNumber //=> "43**************21"
 * maskFields(ParentSchema, parent, []).monthlyIncomeFen //=> undefined
 * @category Privacy
 */
export function maskFields<T>(
  schema: z.ZodType,
  value: T,
  visible: readonly FieldClass[],
  path: readonly PropertyKey[] = [],
): T {
  if (!Array.isArray(visible)) {
    throw invalidArgument(
      "visible",
      "invalid_type",
      text("应为字段类别数组", "expected an array of field classes"),
      visible,
    );
  }
  requirePath(path);
  const shown = new Set<unknown>(visible);
  let start: z.ZodType[] = [schema];
  for (const key of path)
    start = start.flatMap((s) => (defOf(s) ? layers(s) : [])).flatMap((s) => child(s, key));
  const walk = (v: unknown, schemas: z.ZodType[], depth: number): unknown => {
    const all = schemas.flatMap((s) => (defOf(s) ? layers(s) : []));
    const c = all.map(ownClass).find((x) => x !== undefined);
    if (c !== undefined && !shown.has(c)) return hide(v, depth);
    if (v === null || typeof v !== "object" || depth > MAX_MASK_DEPTH) return v;
    if (Array.isArray(v)) {
      return v
        .map((x, i) =>
          walk(
            x,
            all.flatMap((s) => child(s, i)),
            depth + 1,
          ),
        )
        .filter((x) => x !== LEFT_OUT);
    }
    return copyObject(v as Record<string, unknown>, (x, k) =>
      walk(
        x,
        all.flatMap((s) => child(s, k)),
        depth + 1,
      ),
    );
  };
  // A classed ancestor on the path masks the value too.
  const above = fieldClassAt(schema, path.slice(0, -1));
  if (path.length > 0 && above !== undefined && !shown.has(above)) {
    const h = hide(value, 0);
    return (h === LEFT_OUT ? undefined : h) as T;
  }
  const out = walk(value, start, 0);
  return (out === LEFT_OUT ? undefined : out) as T;
}

/**
 * Patches (of a file's history or an audit entry) with the values of classed fields not in
 * `visible` masked, as {@link maskFields} masks them at each patch's path.
 * @param schema - The schema of the value the patches change, such as `ChildFileSchema`.
 * @param patches - Patches with `path` and an optional `value`.
 * @param visible - The classes shown in full.
 * @returns Masked copies of the patches.
 * @throws ValidationError when `patches` or `visible` is not an array.
 * @example
 * maskPatches(ChildFileSchema, [{ op: "replace", path: ["child", "idNumber"], value: "110105194912310021" }], [])
 * //=> [{ op: "replace", path: ["child", "idNumber"], value: "11**************21" }]
 * @category Privacy
 */
export function maskPatches<
  P extends { readonly path: readonly PropertyKey[]; readonly value?: unknown },
>(schema: z.ZodType, patches: readonly P[], visible: readonly FieldClass[]): P[] {
  if (!Array.isArray(patches)) {
    throw invalidArgument(
      "patches",
      "invalid_type",
      text("应为补丁数组", "expected an array of patches"),
      patches,
    );
  }
  return patches.map((p: P, i): P => {
    requireObject(p as unknown, `patches[${i}]`);
    return "value" in p && Array.isArray(p.path)
      ? { ...p, value: maskFields(schema, p.value, visible, p.path) }
      : { ...p };
  });
}
