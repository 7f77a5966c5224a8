/**
 * Partitioned pairing on worker threads: the partition keys go to a pool of workers, each
 * worker loads its own partition with the host's loader module and plans it, and the main
 * thread merges the plans in key order.
 * @module
 */
import {
  invalidArgument,
  mergePairingPartitions,
  text,
  type PairingPartitionSummary,
  type PairingPlan,
  type PartitionedPairingOptions,
} from "@liushou/core";
import { onWorkers, requireCloneable, splitPoolOptions, type PoolOptions } from "./pool";

/**
 * Options of {@link planPairingsPartitionedParallel}: those of {@link planPairingsPartitioned}
 * (plain data: no `customRules`, which cannot be sent to a worker thread) and the pool's.
 * @category Composition
 */
export interface ParallelPairingInput extends PartitionedPairingOptions, PoolOptions {
  /**
   * The host's loading module exporting `loadPairingPartition(key)` (see
   * {@link PairingPartitionLoaderModule}): a `file:` URL or a file path, a relative path
   * resolved against `process.cwd()`.
   */
  loader: string | URL;
}

const SUBJECT = text("并行分区结对选项", "parallel partitioned pairing options");

/**
 * Plans pairings partition by partition on worker threads, so every core is used, and merges
 * the plans into what {@link planPairingsPartitioned} gives for the same partitions in `keys`
 * order, errors included (a test holds this). The contract: the keys go to the workers; each
 * worker imports `loader` once and calls its `loadPairingPartition(key)` for each partition it
 * takes, so it holds one partition at a time, and sends back the partition's summary (its plan
 * and the ids the merge checks); the main thread merges the summaries in key order, as they
 * come. Memory is bounded by the largest partition per worker, plus the partitions' plans.
 * @param input - The rule set, `asOf` and the other options of `planPairingsPartitioned`; the
 * partition `keys`, the `loader` module and `workers`.
 * @returns The merged plan, as `planPairings` returns it for the union of the partitions.
 * @throws ValidationError for bad options (`customRules`, or any other that cannot be copied to a
 * worker thread, names its field) and, on `loader`, for a loader module that cannot be loaded;
 * the error of the first partition in key order that fails (a malformed partition, a loader
 * that throws or exports no `loadPairingPartition`), rebuilt with its class, issues and cause;
 * overlapping partitions and pairs that would cross them, as `planPairingsPartitioned` names
 * them; a `LiushouError` naming the partition whose worker thread ended (out of memory,
 * `process.exit`, a crash).
 * @example
 * const plan = await planPairingsPartitionedParallel({
 *   rules: TEACHER_PAIRING_PRESET, asOf: "2026-09-01", keys: countyCodes,
 *   loader: new URL("./load-county.js", import.meta.url), workers: 2,
 * });
 * plan.stats.matched //=> 41873
 * @category Composition
 */
export async function planPairingsPartitionedParallel(
  input: ParallelPairingInput,
): Promise<PairingPlan> {
  const { pool, options } = splitPoolOptions(input, SUBJECT);
  if (options.customRules !== undefined && options.customRules.length > 0) {
    throw invalidArgument(
      "customRules",
      "invalid_type",
      text(
        "自定义规则是函数，无法传给工作线程：请用 planPairingsPartitioned",
        "custom rules are functions and cannot be sent to worker threads: use planPairingsPartitioned",
      ),
      options.customRules,
    );
  }
  requireCloneable(options, SUBJECT, "planPairingsPartitioned");
  return onWorkers(
    pool,
    (key, index, loader) => ({ job: "pairing", task: { key, index, loader, options } }),
    (summaries: AsyncIterable<PairingPartitionSummary>) =>
      mergePairingPartitions(summaries, options),
  );
}
