/**
 * Partitioned compliance on worker threads: the partition keys go to a pool of workers, each
 * worker loads its own partition with the host's loader module and evaluates it, and the main
 * thread merges the summaries in key order.
 * @module
 */
import {
  mergeCompliancePartitions,
  text,
  type CompliancePartitionInput,
  type CompliancePartitionSummary,
  type PartitionedCompliance,
} from "@liushou/core";
import { collect, onWorkers, requireCloneable, splitPoolOptions, type PoolOptions } from "./pool";

/**
 * Options of {@link evaluateCompliancePartitionedParallel}.
 * @category Composition
 */
export interface ParallelComplianceInput
  extends Omit<CompliancePartitionInput, "key" | "data" | "counts">, PoolOptions {
  /**
   * The host's loading module exporting `loadPartition(key)` (see {@link PartitionLoaderModule}):
   * a `file:` URL or a file path, a relative path resolved against `process.cwd()`.
   */
  loader: string | URL;
}

/**
 * Evaluates compliance partition by partition on worker threads, so every core is used, and
 * merges the results into what {@link evaluateCompliancePartitioned} gives for the same
 * partitions in `keys` order (a test holds this). The contract: the keys go to the workers;
 * each worker imports `loader` once and calls its `loadPartition(key)` for each partition it
 * takes, so it holds one partition at a time; each partition's summary comes back to the main
 * thread, which merges the summaries in key order. Memory is bounded by the largest partition
 * per worker, plus the summaries (ids, roll-up rows, work list items).
 * @param input - Policies, period, `asOf`, roll-ups and work list as for
 * `evaluateCompliancePartitioned`; the partition `keys`, the `loader` module and `workers`.
 * @returns The merged counts, roll-ups, work list and findings.
 * @throws ValidationError for bad options (one that cannot be copied to a worker thread, such
 * as a function, names its field) and, on `loader`, for a loader module that cannot be loaded;
 * the error of the first partition in key order that fails (a bad partition, a loader without
 * `loadPartition`), rebuilt with its class and issues; a `LiushouError` naming the partition
 * whose worker thread ended (out of memory, `process.exit`, a crash).
 * @example
 * const merged = await evaluateCompliancePartitionedParallel({
 *   policies: ALL_PRESETS, period, asOf, keys: countyCodes,
 *   loader: new URL("./load-county.js", import.meta.url), workers: 2,
 * });
 * merged.rollUps.county //=> [{ by: "county", key: "430102", met: 812, … }, …]
 * @category Composition
 */
export async function evaluateCompliancePartitionedParallel(
  input: ParallelComplianceInput,
): Promise<PartitionedCompliance> {
  const subject = text("并行分区评估选项", "parallel partitioned evaluation options");
  const { pool, options } = splitPoolOptions(input, subject);
  requireCloneable(options, subject, "evaluateCompliancePartitioned");
  return onWorkers(
    pool,
    (key, _index, loader) => ({ job: "compliance", task: { key, loader, options } }),
    async (summaries: AsyncIterable<CompliancePartitionSummary>) =>
      mergeCompliancePartitions(await collect(summaries), options),
  );
}
