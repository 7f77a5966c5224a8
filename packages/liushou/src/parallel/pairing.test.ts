import {
  ErrorCode,
  isLiushouError,
  planPairingsPartitioned,
  TEACHER_PAIRING_PRESET,
  ValidationError,
  type PairingPartition,
} from "@liushou/core";
import { describe, expect, it } from "vitest";
import { loadPairingPartition, PAIRING_AS_OF } from "./counties.test-helper";
import { planPairingsPartitionedParallel } from "./pairing";

const loader = new URL("./counties.test-helper.ts", import.meta.url);
const options = { rules: TEACHER_PAIRING_PRESET, asOf: PAIRING_AS_OF, onMissing: "end" } as const;

/** The same partitions in one thread, loaded in key order. */
function inOneThread(keys: readonly string[]) {
  return planPairingsPartitioned(
    (async function* (): AsyncGenerator<PairingPartition> {
      for (const key of keys) yield await loadPairingPartition(key);
    })(),
    options,
  );
}

/** What a promise rejects with. */
const rejection = (p: Promise<unknown>) =>
  p.then(
    () => expect.unreachable("no error"),
    (e: unknown) => e,
  );

describe("planPairingsPartitionedParallel", () => {
  it("plans partitions on worker threads exactly as in one thread", async () => {
    const keys = ["k1", "k2", "k3"];
    const onWorkers = await planPairingsPartitionedParallel({
      ...options,
      keys,
      loader,
      workers: 2,
    });
    expect(onWorkers.stats.children).toBeGreaterThan(3000);
    expect(onWorkers.stats.matched).toBeGreaterThan(0);
    expect(onWorkers).toEqual(await inOneThread(keys));
  }, 120_000);

  it("fails as in one thread: a crossing pairing, a malformed partition, a loader that throws", async () => {
    for (const keys of [
      ["s1", "cross"],
      ["cross", "bad"],
      ["s2", "throws", "bad"],
    ]) {
      const expected = await rejection(inOneThread(keys));
      const actual = await rejection(
        planPairingsPartitionedParallel({ ...options, keys, loader, workers: 2 }),
      );
      expect(actual).toEqual(expected);
      expect(Object.getPrototypeOf(actual)).toBe(Object.getPrototypeOf(expected));
      if (expected instanceof ValidationError) {
        expect((actual as ValidationError).issues).toEqual(expected.issues);
        expect((actual as ValidationError).cause).toEqual(expected.cause);
      }
    }
    const crossing = (await rejection(inOneThread(["s1", "cross"]))) as ValidationError;
    expect(crossing.issues[0]!.code).toBe("crosses_partition");
  }, 120_000);

  it("rejects a loader without loadPairingPartition, custom rules and bad options", async () => {
    await expect(
      planPairingsPartitionedParallel({
        ...options,
        keys: ["s1"],
        loader: new URL("./task.ts", import.meta.url),
        workers: 1,
      }),
    ).rejects.toThrow(/loadPairingPartition/);
    const custom = (await rejection(
      planPairingsPartitionedParallel({
        ...options,
        customRules: [
          { kind: "hard", name: "x", explanation: { "zh-CN": "x", en: "x" }, test: () => true },
        ],
        keys: ["k1"],
        loader,
      }),
    )) as ValidationError;
    expect(custom.issues[0]!.path).toBe("customRules");
    expect(custom.issues[0]!.message["zh-CN"]).toContain("工作线程");
    await expect(
      planPairingsPartitionedParallel({ ...options, keys: [], loader }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      planPairingsPartitionedParallel({ ...options, keys: ["k1"], loader, workers: 0 }),
    ).rejects.toBeInstanceOf(ValidationError);
  }, 120_000);

  it("keeps each worker's heap under heapLimitMb, and names the partition that needs more", async () => {
    const keys = ["s1", "s2"];
    const limited = { ...options, keys, loader, workers: 2, heapLimitMb: 128 };
    expect(await planPairingsPartitionedParallel(limited)).toEqual(await inOneThread(keys));
    const lost = await rejection(
      planPairingsPartitionedParallel({ ...limited, keys: ["s1", "huge"] }),
    );
    expect(isLiushouError(lost, ErrorCode.ERROR)).toBe(true);
    expect((lost as Error).message).toContain("huge");
    expect((lost as Error).message).toContain("heapLimitMb 128");
    expect(((lost as Error).cause as { code?: string }).code).toBe("ERR_WORKER_OUT_OF_MEMORY");
    for (const heapLimitMb of [0, 63, 1.5, "256", 2_000_000])
      await expect(
        planPairingsPartitionedParallel({ ...limited, heapLimitMb } as never),
      ).rejects.toBeInstanceOf(ValidationError);
  }, 120_000);

  it("gives each worker the young generation asked for, with the same plan", async () => {
    const keys = ["s1", "s2"];
    const young = { ...options, keys, loader, workers: 2, heapLimitMb: 128, youngGenerationMb: 64 };
    expect(await planPairingsPartitionedParallel(young)).toEqual(await inOneThread(keys));
    // The loader of `limits` fails naming its worker's heap limit, the young generation in it.
    const limitWith = async (youngGenerationMb: number) => {
      const e = await rejection(
        planPairingsPartitionedParallel({ ...young, keys: ["limits"], youngGenerationMb }),
      );
      return Number(/heap limit (\d+)/.exec((e as Error).message)![1]);
    };
    expect((await limitWith(64)) - (await limitWith(16))).toBeGreaterThanOrEqual(48);
    for (const youngGenerationMb of [0, 7, 1.5, "64", 5_000])
      await expect(
        planPairingsPartitionedParallel({ ...young, youngGenerationMb } as never),
      ).rejects.toBeInstanceOf(ValidationError);
  }, 120_000);
});
