import type { MessagePort } from "node:worker_threads";
import type {
  CompliancePartitionInput,
  PairingPartition,
  PartitionedPairingOptions,
} from "@liushou/core";

/**
 * A host module that loads compliance partitions for worker threads: each worker imports it
 * once and calls `loadPartition(key)` for every partition it evaluates (reading a county from
 * storage, files, a queue). Raw lists or data prepared with `prepareComplianceData`.
 * @example
 * // counties.mjs
 * export async function loadPartition(county) { return loadCounty(county); }
 * @category Composition
 */
export interface PartitionLoaderModule {
  loadPartition(key: string): Promise<CompliancePartitionInput["data"]>;
}

/**
 * A host module that loads pairing partitions for worker threads: each worker imports it once
 * and calls `loadPairingPartition(key)` for every partition it plans. The partition is what
 * {@link planPairingsPartitioned} reads, its `name` the key (so errors name the county).
 * @example
 * // counties.mjs
 * export async function loadPairingPartition(county) {
 *   const { children, mentors, pairings } = await loadCounty(county);
 *   return { name: county, children, mentors, existing: pairings };
 * }
 * @category Composition
 */
export interface PairingPartitionLoaderModule {
  loadPairingPartition(key: string): Promise<PairingPartition> | PairingPartition;
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

/**
 * What the main thread sends a worker to plan one pairing partition: its key, its position
 * among the keys (the name of a partition without one), the loader's URL and the options.
 * @example
 * const task: PairingPartitionTask = { key: "440923", index: 0, loader: loaderUrl, options: { rules, asOf } };
 * @category Composition
 */
export interface PairingPartitionTask {
  readonly key: string;
  readonly index: number;
  readonly loader: string;
  readonly options: PartitionedPairingOptions;
}

/**
 * A task for the pool's worker: which job, its task and the port the worker answers on (the
 * pool adds it). @internal
 */
export type WorkerJob = (
  | { readonly job: "compliance"; readonly task: PartitionTask }
  | { readonly job: "pairing"; readonly task: PairingPartitionTask }
) & { readonly port?: MessagePort };

/**
 * What the worker sends on a job's port: its thread id when it starts, then the job's outcome.
 * @internal
 */
export type JobMessage = { readonly started: number } | { readonly settled: unknown };
