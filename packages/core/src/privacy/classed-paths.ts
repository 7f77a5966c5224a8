import type * as z from "zod";
import { fieldClassAt, type FieldClass } from "./field-class";
import { requirePath } from "./path-argument";

/**
 * A classed value inside an entity: its path and its field class.
 * @category Privacy
 */
export interface ClassedPath {
  readonly path: readonly (string | number)[];
  readonly fieldClass: FieldClass;
}

const MAX_DEPTH = 32;

/**
 * Every value of `value` that carries a field class under `schema`, outermost first: a
 * classed field, or a classed object as a whole. Follows the schema's metadata, so a field
 * that gets a class is found without changing this function.
 * @param schema - The schema `value` passed.
 * @param value - A parsed entity.
 * @returns The paths of its classed values, in the order met.
 * @example
 * classedPaths(ChildFileSchema, file).map((p) => p.path.join(".")) //=> ["child.idNumber", "child.health", "guardians.0.phone", …]
 * @category Privacy
 */
export function classedPaths(schema: z.ZodType, value: unknown): ClassedPath[] {
  const out: ClassedPath[] = [];
  const walk = (v: unknown, path: (string | number)[]) => {
    if (path.length > 0) {
      const fieldClass = fieldClassAt(schema, path);
      if (fieldClass !== undefined) {
        out.push({ path: [...path], fieldClass });
        return;
      }
    }
    if (v === null || typeof v !== "object" || path.length >= MAX_DEPTH) return;
    if (Array.isArray(v)) v.forEach((item, i) => walk(item, [...path, i]));
    else for (const [k, item] of Object.entries(v)) walk(item, [...path, k]);
  };
  walk(value, []);
  return out;
}

/**
 * The value at a path inside a value, reading own properties only: a key the value does not
 * hold itself (`constructor`, `__proto__`, `toString`) finds nothing.
 * @param value - Any value (plain data).
 * @param path - Keys and indexes from the root, as in {@link ClassedPath}.
 * @returns The value found, or `undefined`.
 * @throws ValidationError when `path` is not an array of keys (strings, numbers or symbols).
 * @example
 * valueAt({ guardians: [{ phone: "13912345678" }] }, ["guardians", 0, "phone"]) //=> "13912345678"
 * valueAt({}, ["constructor"]) //=> undefined
 * @category Privacy
 */
export function valueAt(value: unknown, path: readonly (string | number)[]): unknown {
  requirePath(path);
  let v = value;
  for (const k of path) {
    if (v === null || typeof v !== "object" || !Object.hasOwn(v, k)) return undefined;
    v = (v as Record<string | number, unknown>)[k];
  }
  return v;
}

/**
 * The field classes whose values differ between two versions of an entity (added, removed or
 * changed); `before` absent stands for a new entity.
 * @param schema - The entity's schema.
 * @param before - The stored value, or `undefined`.
 * @param after - The new value.
 * @returns The classes touched, each once, in the order of {@link FieldClass}.
 * @example
 * changedFieldClasses(ChildFileSchema, file, { ...file, child: { ...file.child, health: "哮喘" } }) //=> ["health"]
 * @category Privacy
 */
export function changedFieldClasses(
  schema: z.ZodType,
  before: unknown,
  after: unknown,
): FieldClass[] {
  const changed = new Set<FieldClass>();
  const seen = new Set<string>();
  for (const side of [before, after]) {
    for (const { path, fieldClass } of side === undefined ? [] : classedPaths(schema, side)) {
      const key = JSON.stringify(path);
      if (seen.has(key)) continue;
      seen.add(key);
      if (JSON.stringify(valueAt(before, path)) !== JSON.stringify(valueAt(after, path))) {
        changed.add(fieldClass);
      }
    }
  }
  return (["identifying", "sensitive", "health", "financial"] as FieldClass[]).filter((c) =>
    changed.has(c),
  );
}
