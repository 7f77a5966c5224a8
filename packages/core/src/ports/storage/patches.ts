import type { FilePatch } from "../../file/change";
import { immer, reconcile } from "../../file/_immer";
import { plainData } from "../../_lib/plain-data";
import { invalidArgument } from "../../errors/validate";
import { text } from "../../i18n/locale";

type Container = Record<string | number, unknown>;

/**
 * The immer patches that take an entity from `before` to `after`, for the audit log: a create
 * is one `add` at the root, a delete one `remove` at the root, an update the minimal patches
 * of the fields that changed (the same form `updateChildFile` records). Inputs are not touched.
 * @throws ValidationError when a value is not an object or array, holds a reserved key
 * (`__proto__`, `constructor`, `prototype`) or nests deeper than `MAX_DEPTH`.
 * @param before - The stored value, or `undefined` for a create.
 * @param after - The new value, or `undefined` for a delete.
 * @returns The patches, empty when nothing changed.
 * @example
 * storageAuditPatches({ id: "s1", name: "A" }, { id: "s1", name: "B" })
 * //=> [{ op: "replace", path: ["name"], value: "B" }]
 * @category Storage
 */
export function storageAuditPatches(before: unknown, after: unknown): FilePatch[] {
  if (before === undefined && after === undefined) return [];
  // Entities only, copied the one safe way (own keys, no reserved keys, bounded nesting).
  const b = before === undefined ? undefined : entity(before, "before");
  const a = after === undefined ? undefined : entity(after, "after");
  if (b === undefined) return [{ op: "add", path: [], value: a }];
  if (a === undefined) return [{ op: "remove", path: [] }];
  if (Array.isArray(a) !== Array.isArray(b)) return [{ op: "replace", path: [], value: a }];
  const [, patches] = immer().produceWithPatches(b, (draft) => {
    reconcile(draft as Container, a);
  });
  return patches.map((p) => {
    const out: FilePatch = { op: p.op, path: [...p.path] as (string | number)[] };
    if ("value" in p) out.value = p.value;
    return out;
  });
}

function entity(value: unknown, path: string): Container {
  if (typeof value !== "object" || value === null) {
    throw invalidArgument(
      path,
      "invalid_type",
      text("应为对象或数组", "expected an object or array"),
      value,
    );
  }
  return plainData(value, [path], text("存储的实体", "stored entity")) as Container;
}
