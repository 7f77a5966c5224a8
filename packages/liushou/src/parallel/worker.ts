/**
 * The worker side of the partitioned functions on worker threads: loads one partition with the
 * host's loader module and returns its summary. Runs on a worker thread.
 * @module
 */
import {
  invalidArgument,
  summarizeCompliancePartition,
  summarizePairingPartition,
  type CompliancePartitionSummary,
  type PairingPartitionSummary,
} from "@liushou/core";
import type {
  PairingPartitionLoaderModule,
  PairingPartitionTask,
  PartitionLoaderModule,
  PartitionTask,
  WorkerJob,
} from "./task";
import { settle, type Settled } from "./transfer";

/** Loaders already imported by this worker, by URL. */
const loaders = new Map<string, Promise<Record<string, unknown>>>();

/** The loader module's function `name`; a ValidationError when it exports none. */
async function loaderFunction<F>(url: string, name: string): Promise<F> {
  let module = loaders.get(url);
  if (!module) {
    module = import(url) as Promise<Record<string, unknown>>;
    loaders.set(url, module);
  }
  const load = (await module)[name];
  if (typeof load !== "function") {
    throw invalidArgument(
      "loader",
      "invalid_type",
      {
        "zh-CN": `加载模块须导出 ${name}(key) 函数`,
        en: `the loader module must export a function ${name}(key)`,
      },
      url,
    );
  }
  return load as F;
}

/** Evaluates one compliance partition on this worker thread. @internal */
export default async function evaluatePartitionTask(
  task: PartitionTask,
): Promise<CompliancePartitionSummary> {
  const load = await loaderFunction<PartitionLoaderModule["loadPartition"]>(
    task.loader,
    "loadPartition",
  );
  const data = await load(task.key);
  return summarizeCompliancePartition({ ...task.options, key: task.key, data });
}

/** Plans one pairing partition on this worker thread. @internal */
export async function planPairingPartitionTask(
  task: PairingPartitionTask,
): Promise<PairingPartitionSummary> {
  const load = await loaderFunction<PairingPartitionLoaderModule["loadPairingPartition"]>(
    task.loader,
    "loadPairingPartition",
  );
  return summarizePairingPartition(await load(task.key), task.index, task.options);
}

/** Runs a job of the pool, its error sent back as data. @internal */
export function runJob(job: WorkerJob): Promise<Settled<unknown>> {
  return settle((): Promise<unknown> =>
    job.job === "compliance" ? evaluatePartitionTask(job.task) : planPairingPartitionTask(job.task),
  );
}
