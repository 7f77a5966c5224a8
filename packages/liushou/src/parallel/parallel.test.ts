import { ALL_PRESETS, evaluateCompliancePartitioned, ValidationError } from "@liushou/core";
import { describe, expect, it } from "vitest";
import { loadPartition } from "./counties.test-helper";
import { evaluateCompliancePartitionedParallel } from "./parallel";

const loader = new URL("./counties.test-helper.ts", import.meta.url);
const options = {
  policies: ALL_PRESETS,
  period: { from: "2026-02-01", to: "2026-03-31" },
  asOf: "2026-03-20",
  rollUps: ["county", "school", "mentor"],
  workList: { withinDays: 10, includeMissed: true, limit: 50 },
} as const;

describe("evaluateCompliancePartitionedParallel", () => {
  it("merges partitions evaluated on worker threads exactly as in one thread", async () => {
    const keys = ["k1", "k2", "k3", "k4", "k5"];
    const inOneThread = await evaluateCompliancePartitioned({
      ...options,
      partitions: (async function* () {
        for (const key of keys) yield { key, data: await loadPartition(key) };
      })(),
    });
    const onWorkers = await evaluateCompliancePartitionedParallel({
      ...options,
      keys,
      loader,
      workers: 2,
    });
    expect(onWorkers.rows).toBeGreaterThan(0);
    expect(onWorkers.partitions).toBe(5);
    expect(onWorkers).toEqual(inOneThread);
  }, 120_000);

  it("reports a bad partition, a loader without loadPartition and bad options", async () => {
    await expect(
      evaluateCompliancePartitionedParallel({
        ...options,
        keys: ["k1", "bad"],
        loader,
        workers: 2,
      }),
    ).rejects.toThrow(/children/);
    await expect(
      evaluateCompliancePartitionedParallel({
        ...options,
        keys: ["k1"],
        loader: new URL("./task.ts", import.meta.url),
        workers: 1,
      }),
    ).rejects.toThrow(/loadPartition/);
    await expect(
      evaluateCompliancePartitionedParallel({ ...options, keys: [], loader }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      evaluateCompliancePartitionedParallel({ ...options, keys: ["k1"], loader, workers: 0 }),
    ).rejects.toBeInstanceOf(ValidationError);
  }, 120_000);
});
