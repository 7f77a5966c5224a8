/**
 * The worker side of `evaluateCompliancePartitionedParallel`: loads one partition with the
 * host's `loadPartition(key)` and returns its summary. Runs on a worker thread.
 * @module
 */
import {
  invalidArgument,
  summarizeCompliancePartition,
  type CompliancePartitionSummary,
} from "@liushou/core";
import type { PartitionLoaderModule, PartitionTask } from "./task";

/** Loaders already imported by this worker, by URL. */
const loaders = new Map<string, Promise<PartitionLoaderModule>>();

/** Evaluates one partition on this worker thread. @internal */
export default async function evaluatePartitionTask(
  task: PartitionTask,
): Promise<CompliancePartitionSummary> {
  let module = loaders.get(task.loader);
  if (!module) {
    module = import(task.loader) as Promise<PartitionLoaderModule>;
    loaders.set(task.loader, module);
  }
  const { loadPartition } = await module;
  if (typeof loadPartition !== "function") {
    throw invalidArgument(
      "loader",
      "invalid_type",
      {
        "zh-CN": "加载模块须导出 loadPartition(key) 函数",
        en: "the loader module must export a function loadPartition(key)",
      },
      task.loader,
    );
  }
  const data = await loadPartition(task.key);
  return summarizeCompliancePartition({ ...task.options, key: task.key, data });
}
