import type { CareData } from "@liushou/report";
import type { StorageAdapter, StorageEntities, StorageEntityKind, StorageSession } from "liushou";

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
 * Reads the stored data the reports take (`CareData`), in one transaction so every list comes
 * from the same state.
 * @param storage - The portal's storage (Liushou's wrapped adapter).
 * @returns Files, mentors, pairings, records, wishes, aid, activities, assessments, schools, classes.
 */
export async function loadCareData(
  storage: StorageAdapter,
): Promise<Required<Omit<CareData, "calendar" | "areas">>> {
  return storage.transaction(async (tx) => ({
    files: await all(tx, "files"),
    mentors: await all(tx, "mentors"),
    pairings: await all(tx, "pairings"),
    records: await all(tx, "contacts"),
    activities: await all(tx, "activities"),
    wishes: await all(tx, "wishes"),
    aid: await all(tx, "aid"),
    assessments: await all(tx, "assessments"),
    schools: await all(tx, "schools"),
    classes: await all(tx, "classes"),
  }));
}
