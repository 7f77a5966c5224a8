import type * as z from "zod";
import { invalidArgument } from "../errors/validate";
import { text } from "../i18n/locale";

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

type Def = {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  options?: readonly z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  valueType?: z.ZodType;
  items?: readonly z.ZodType[];
  rest?: z.ZodType | null;
  getter?: () => z.ZodType;
};

function defOf(schema: unknown): Def | undefined {
  const zod = (schema as { _zod?: { def?: Def } } | null | undefined)?._zod;
  return zod?.def;
}

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

/** The schema and the schemas it wraps without changing the value's shape. */
function layers(schema: z.ZodType, out: z.ZodType[] = [], depth = 0): z.ZodType[] {
  if (depth > 32) return out;
  out.push(schema);
  const def = defOf(schema);
  if (!def) return out;
  if (def.innerType) layers(def.innerType, out, depth + 1);
  if (def.type === "pipe") {
    if (def.in) layers(def.in, out, depth + 1);
    if (def.out) layers(def.out, out, depth + 1);
  }
  if (def.type === "union") for (const o of def.options ?? []) layers(o, out, depth + 1);
  if (def.type === "intersection") {
    if (def.left) layers(def.left, out, depth + 1);
    if (def.right) layers(def.right, out, depth + 1);
  }
  if (def.type === "lazy" && def.getter) layers(def.getter(), out, depth + 1);
  return out;
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

function child(schema: z.ZodType, key: PropertyKey): z.ZodType[] {
  const def = defOf(schema);
  if (!def) return [];
  switch (def.type) {
    case "object": {
      const s = typeof key === "string" ? def.shape?.[key] : undefined;
      return s && Object.hasOwn(def.shape!, key) ? [s] : [];
    }
    case "array":
      return def.element ? [def.element] : [];
    case "record":
      return def.valueType ? [def.valueType] : [];
    case "tuple": {
      const item = typeof key === "number" ? def.items?.[key] : undefined;
      return item ? [item] : def.rest ? [def.rest] : [];
    }
    default:
      return [];
  }
}

/**
 * The field class of the value found at `path` inside `schema`: the class of the field, or of
 * the nearest enclosing schema that has one (a classed object masks all its fields).
 * @param schema - The schema that was parsed.
 * @param path - A path inside it, as in a zod issue.
 * @returns The class, or `undefined` when nothing on the path is classed.
 * @throws ValidationError when `path` is not an array.
 * @example
 * fieldClassAt(ChildFileSchema, ["child", "idNumber"]) //=> "identifying"
 * fieldClassAt(ChildFileSchema, ["child", "name"]) //=> undefined
 * @category Privacy
 */
export function fieldClassAt(
  schema: z.ZodType,
  path: readonly PropertyKey[],
): FieldClass | undefined {
  if (!Array.isArray(path)) {
    throw invalidArgument(
      "path",
      "invalid_type",
      text("应为键名数组", "expected an array of keys"),
      path,
    );
  }
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
