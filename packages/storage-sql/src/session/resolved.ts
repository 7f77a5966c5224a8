import type { StorageEntityKind, StorageQueries } from "@liushou/core";
import { scopeBySubquery } from "./filters";

/** The filter fields read through a link table, by kind: `IN (select … from the link table)`. */
const LINKED_FIELDS: Partial<Record<StorageEntityKind, readonly string[]>> = {
  mentors: ["classId"],
  contacts: ["childId", "childIds"],
  activities: ["childId"],
  aid: ["childId"],
};

/**
 * Whether a filter's SQL holds a subquery: an access scope (through the files, and for the
 * kinds that list children, the link table) or a list field (`childId`, `childIds`,
 * `classId`). A keyset stream would evaluate it again for every page; a stream of such a
 * filter instead resolves the matching ids once and reads the rows by primary key.
 */
export function filterHasSubquery<K extends StorageEntityKind>(
  kind: K,
  filter: StorageQueries[K],
): boolean {
  const f = filter as Record<string, unknown>;
  if (f.scope !== undefined && scopeBySubquery(kind)) return true;
  return (LINKED_FIELDS[kind] ?? []).some((field) => f[field] !== undefined);
}
