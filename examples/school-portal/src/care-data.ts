import type { CareData } from "@liushou/report";
import type { StorageEntities, StorageEntityKind, StorageSession } from "liushou";

/** Every stored entity of one kind (a school's data is small enough to hold at once). */
async function all<K extends StorageEntityKind>(
  storage: StorageSession,
  kind: K,
): Promise<StorageEntities[K][]> {
  const out: StorageEntities[K][] = [];
  const repository = storage[kind] as StorageSession[K];
  for await (const r of repository.stream({} as never)) out.push(r.value as StorageEntities[K]);
  return out;
}

/**
 * Reads the stored data the reports take (`CareData`). A report renderer reads it from its
 * context (in the actor's scope, unmasked, inside the library); the reports of
 * `@liushou/report` mask what they output.
 * @param storage - The renderer's `ReportContext.storage`.
 * @returns Files, mentors, pairings, records, wishes, aid, activities, assessments, schools, classes.
 */
export async function loadCareData(
  storage: StorageSession,
): Promise<Required<Omit<CareData, "calendar" | "areas">>> {
  return {
    files: await all(storage, "files"),
    mentors: await all(storage, "mentors"),
    pairings: await all(storage, "pairings"),
    records: await all(storage, "contacts"),
    activities: await all(storage, "activities"),
    wishes: await all(storage, "wishes"),
    aid: await all(storage, "aid"),
    assessments: await all(storage, "assessments"),
    schools: await all(storage, "schools"),
    classes: await all(storage, "classes"),
  };
}
