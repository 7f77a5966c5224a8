import type * as z from "zod";

/**
 * How Liushou walks a zod schema's definition (internal, not exported from the package): the
 * wrappers that keep a value's shape, the schema of a field, and every leaf field. Field
 * classes are read with it (`field-class.ts`), and the field-class audit lists the fields with it.
 * @module
 */

/** The parts of a zod definition the walk reads. */
export type Def = {
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

/** The definition of a zod schema, or `undefined` for anything else. */
export function defOf(schema: unknown): Def | undefined {
  const zod = (schema as { _zod?: { def?: Def } } | null | undefined)?._zod;
  return zod?.def;
}

/** The schema and the schemas it wraps without changing the value's shape. */
export function layers(schema: z.ZodType, out: z.ZodType[] = [], depth = 0): z.ZodType[] {
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

/** The schemas of the field `key` of a schema (an object key, an array item, a record value, a tuple item). */
export function child(schema: z.ZodType, key: PropertyKey): z.ZodType[] {
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

const MAX_LEAF_DEPTH = 24;

/**
 * Every leaf field (text, number or custom value) of a schema, by pattern (`guardians.*.phone`,
 * a record's values under `key`) with a sample path to give `fieldClassAt`.
 */
export function schemaLeaves(schema: z.ZodType): Map<string, (string | number)[]> {
  const out = new Map<string, (string | number)[]>();
  const walk = (s: z.ZodType, path: (string | number)[], depth: number): void => {
    if (depth > MAX_LEAF_DEPTH) return;
    for (const layer of layers(s)) {
      const def = defOf(layer);
      switch (def?.type) {
        case "object":
          for (const [k, field] of Object.entries(def.shape ?? {}))
            walk(field, [...path, k], depth + 1);
          break;
        case "array":
          if (def.element) walk(def.element, [...path, 0], depth + 1);
          break;
        case "record":
          if (def.valueType) walk(def.valueType, [...path, "key"], depth + 1);
          break;
        case "string":
        case "number":
        case "custom":
          if (path.length > 0)
            out.set(path.map((k) => (typeof k === "number" ? "*" : k)).join("."), path);
          break;
      }
    }
  };
  walk(schema, [], 0);
  return out;
}
