/**
 * `@liushou/storage-conformance`: the suite every Liushou storage adapter runs, in a few
 * lines of a Vitest test file. `@liushou/storage-memory` is the reference implementation.
 * @packageDocumentation
 */
export { runStorageConformance, type StorageConformanceOptions } from "./run";
export {
  changedEntity,
  INSTANTS_IN_ZONES,
  LONG_TEXT,
  newSampleScope,
  randomId,
  sampleEntity,
  TRICKY_STRINGS,
  type SampleScope,
} from "./samples";
