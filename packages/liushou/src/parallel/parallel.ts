/**
 * Partitioned compliance on worker threads: the partition keys go to a pool of workers, each
 * worker loads its own partition with the host's loader module and evaluates it, and the main
 * thread merges the summaries in key order.
 * @module
 */
import { availableParallelism } from "node:os";
import {
  mergeCompliancePartitions,
  text,
  validate,
  type CompliancePartitionInput,
  type CompliancePartitionSummary,
  type PartitionedCompliance,
} from "@liushou/core";
import Tinypool from "tinypool";
import * as z from "zod";
import type { PartitionTask } from "./task";

/**
 * Options of {@link evaluateCompliancePartitionedParallel}.
 * @category Composition
 */
export interface ParallelComplianceInput extends Omit<
  CompliancePartitionInput,
  "key" | "data" | "counts"
> {
  /** The partition keys (county codes), merged in this order. */
  keys: readonly string[];
  /**
   * The host's loading module (a file URL or absolute path) exporting
   * `loadPartition(key)`; see {@link PartitionLoaderModule}.
   */
  loader: string | URL;
  /** Worker threads. Default: the machine's available parallelism (at most 64). */
  workers?: number;
}

const InputSchema = z.object({
  keys: z.array(z.string().min(1)).min(1),
  loader: z.union([z.string().min(1), z.instanceof(URL)]),
  workers: z.number().int().min(1).max(64).optional(),
});

/** The worker module: the compiled one, or the TypeScript sources through tsx. */
function workerModule(): { filename: string; execArgv: string[] } {
  const here = import.meta.url;
  if (here.endsWith(".ts")) {
    return {
      filename: new URL("./worker-source.mjs", here).href,
      execArgv: ["--conditions=@liushou/source"],
    };
  }
  // The ES module build of the worker serves both builds: workers import it.
  return { filename: new URL("./compliance-worker.js", here).href, execArgv: [] };
}

/** The loader as a URL a worker can import. */
function loaderHref(loader: string | URL): string {
  if (loader instanceof URL) return loader.href;
  return /^[a-z][a-z0-9+.-]*:/i.test(loader) ? loader : new URL(`file://${loader}`).href;
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
 * @throws ValidationError for bad options; the first error a worker meets (a bad partition,
 * a loader without `loadPartition`).
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
  const o = validate(
    InputSchema,
    { keys: input?.keys, loader: input?.loader, workers: input?.workers },
    { subject: text("并行分区评估选项", "parallel partitioned evaluation options") },
  );
  const { keys: _k, loader: _l, workers: _w, ...options } = input;
  const { filename, execArgv } = workerModule();
  const pool = new Tinypool({
    filename,
    execArgv,
    minThreads: 1,
    maxThreads: Math.min(o.workers ?? availableParallelism(), 64, o.keys.length),
  });
  try {
    const loader = loaderHref(o.loader);
    const summaries = await Promise.all(
      o.keys.map(
        (key) =>
          pool.run({
            key,
            loader,
            options,
          } satisfies PartitionTask) as Promise<CompliancePartitionSummary>,
      ),
    );
    return mergeCompliancePartitions(summaries, options);
  } finally {
    await pool.destroy();
  }
}
