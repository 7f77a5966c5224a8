import type { FilePatch } from "../../file/change";
import { immer, reconcile } from "../../file/_immer";

type Container = Record<string | number, unknown>;

/**
 * The immer patches that take an entity from `before` to `after`, for the audit log: a create
 * is one `add` at the root, a delete one `remove` at the root, an update the minimal patches
 * of the fields that changed (the same form `updateChildFile` records). Inputs are not touched.
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
  if (before === undefined) return [{ op: "add", path: [], value: after }];
  if (after === undefined) return [{ op: "remove", path: [] }];
  const [, patches] = immer().produceWithPatches(before as Container, (draft) => {
    reconcile(draft as Container, after as Container);
  });
  return patches.map((p) => {
    const out: FilePatch = { op: p.op, path: [...p.path] as (string | number)[] };
    if ("value" in p) out.value = p.value;
    return out;
  });
}
