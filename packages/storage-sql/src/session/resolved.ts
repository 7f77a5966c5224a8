import type { StorageEntityKind, StorageQueries } from "@liushou/core";

/** The kinds whose access scope is a subquery (the others' scope is their own columns or none). */
const SCOPE_BY_SUBQUERY: ReadonlySet<StorageEntityKind> = new Set<StorageEntityKind>([
  "pairings",
  "contacts",
  "assessments",
  "assistancePlans",
  "wishes",
  "activities",
  "aid",
  "consents",
]);

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
  if (f.scope !== undefined && SCOPE_BY_SUBQUERY.has(kind)) return true;
  return (LINKED_FIELDS[kind] ?? []).some((field) => f[field] !== undefined);
}
