import type { Population } from "@liushou/fixtures";
import type { ImportResult, Liushou } from "liushou";

/** What the roster import stored, by kind. */
export type RosterImport = Readonly<Record<string, ImportResult>>;

/**
 * Imports the county's roster through the use cases, as a county system would on its first
 * day: schools, classes and mentors, then one file per child (with history), then last term's
 * pairings. Each kind is validated whole (every bad row reported at once) and written in one
 * transaction with its audit entries.
 * @param app - The use cases.
 * @param county - The synthetic county.
 * @param reason - Why, as written in every history and audit entry.
 * @returns How many rows were created, updated or unchanged, by kind.
 */
export async function importRoster(
  app: Liushou,
  county: Population,
  reason: string,
): Promise<RosterImport> {
  return {
    schools: await app.importEntities("schools", county.schools, { reason }),
    classes: await app.importEntities("classes", county.classes, { reason }),
    mentors: await app.importEntities("mentors", county.mentors, { reason }),
    files: await app.importFiles(county.files, { reason }),
    pairings: await app.importEntities("pairings", county.pairings, { reason }),
  };
}
