/**
 * The worker side of the partitioned functions on worker threads: loads one partition with the
 * host's loader module and returns its summary. Runs on a worker thread.
 * @module
 */
import { threadId } from "node:worker_threads";
import {
  fieldIssue,
  invalidArgument,
  summarizeCompliancePartition,
  summarizePairingPartition,
  type CompliancePartitionSummary,
  type PairingPartitionSummary,
  text,
  ValidationError,
} from "@liushou/core";
import type {
  JobMessage,
  PairingPartitionLoaderModule,
  PairingPartitionTask,
  PartitionLoaderModule,
  PartitionTask,
  WorkerJob,
} from "./task";
import { errorToData, settle } from "./transfer";

/** Loaders already imported by this worker, by URL. */
const loaders = new Map<string, Promise<Record<string, unknown>>>();

/** The loader module, imported; a ValidationError on `loader`, caused by the import's error. */
async function importLoader(url: string): Promise<Record<string, unknown>> {
  try {
    return (await import(url)) as Record<string, unknown>;
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new ValidationError(
      [
        fieldIssue(
          "loader",
          "invalid_value",
          text(`加载模块无法载入（${why}）`, `the loader module could not be loaded (${why})`),
          url,
        ),
      ],
      { cause: e },
    );
  }
}

/**
 * The loader module's function `name`; a ValidationError when the module cannot be loaded or
 * exports none.
 */
async function loaderFunction<F>(url: string, name: string): Promise<F> {
  let module = loaders.get(url);
  if (!module) {
    module = importLoader(url);
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

/**
 * Runs a job of the pool and answers on the job's port: this thread's id, then the outcome,
 * its error as data. The port then closes; one that closes unanswered tells the pool this
 * thread ended. @internal
 */
export async function runJob(job: WorkerJob): Promise<void> {
  const port = job.port!;
  const send = (m: JobMessage) => port.postMessage(m);
  try {
    send({ started: threadId });
    const settled = await settle((): Promise<unknown> =>
      job.job === "compliance"
        ? evaluatePartitionTask(job.task)
        : planPairingPartitionTask(job.task),
    );
    try {
      send({ settled });
    } catch (e) {
      send({ settled: { thrown: errorToData(e) } });
    }
  } finally {
    port.close();
  }
}
