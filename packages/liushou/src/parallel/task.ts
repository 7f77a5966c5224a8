import type { CompliancePartitionInput } from "@liushou/core";

/**
 * A host module that loads partitions for worker threads: each worker imports it once and
 * calls `loadPartition(key)` for every partition it evaluates (reading a county from storage,
 * files, a queue). Raw lists or data prepared with `prepareComplianceData`.
 * @example
 * // counties.mjs
 * export async function loadPartition(county) { return loadCounty(county); }
 * @category Composition
 */
export interface PartitionLoaderModule {
  loadPartition(key: string): Promise<CompliancePartitionInput["data"]>;
}

/**
 * What the main thread sends a worker for one partition: its key, the loader's URL and the
 * evaluation's options (plain data, structured-cloned). The default export of
 * `liushou/compliance-worker` takes one; a host that runs its own pool sends it.
 * @example
 * const task: PartitionTask = { key: "440923", loader: loaderUrl, options: { policies, period, asOf } };
 * @category Composition
 */
export interface PartitionTask {
  readonly key: string;
  readonly loader: string;
  readonly options: Omit<CompliancePartitionInput, "key" | "data" | "counts">;
}
