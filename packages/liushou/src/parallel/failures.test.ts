import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import {
  ALL_PRESETS,
  ErrorCode,
  isLiushouError,
  type LiushouError,
  TEACHER_PAIRING_PRESET,
  ValidationError,
} from "@liushou/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planPairingsPartitionedParallel } from "./pairing";
import { evaluateCompliancePartitionedParallel } from "./parallel";

// The policies without a school calendar: the loaders below have none.
const compliance = {
  policies: ALL_PRESETS.filter((p) => p.calendar !== "school"),
  period: { from: "2026-02-01", to: "2026-03-31" },
  asOf: "2026-03-20",
} as const;
const pairing = { rules: TEACHER_PAIRING_PRESET, asOf: "2026-03-20" } as const;

/**
 * Loaders of empty partitions in plain JavaScript, written to a temporary folder: key `exit`
 * ends its worker thread with code 2, key `slow` never answers.
 */
const LOADER = `
async function load(key) {
  if (key === "exit") process.exit(2);
  if (key === "slow") return new Promise(() => setInterval(() => {}, 1000));
  return key;
}
export async function loadPartition(key) {
  await load(key);
  return { children: [], mentors: [], pairings: [], records: [] };
}
export async function loadPairingPartition(key) {
  return { name: await load(key), children: [], mentors: [] };
}
`;

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "liushou-parallel-"));
  mkdirSync(join(dir, "dir #1"));
  writeFileSync(join(dir, "dir #1", "a%20b.mjs"), LOADER);
  writeFileSync(join(dir, "exits.mjs"), LOADER);
  writeFileSync(join(dir, "syntax.mjs"), "export function loadPartition( {");
  writeFileSync(join(dir, "throws.mjs"), 'throw new RangeError("no storage");');
  writeFileSync(join(dir, "exits-on-import.mjs"), "process.exit(3);");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What a promise rejects with; fails the test when it fulfils. */
const rejection = (p: Promise<unknown>) =>
  p.then(
    () => expect.unreachable("no error"),
    (e: unknown) => e,
  );

describe("worker threads that end", () => {
  it("reject the call naming the partition, and end the other threads", async () => {
    const loader = join(dir, "exits.mjs");
    // The second: `slow` is still running on the other thread when `exit` fails.
    for (const keys of [
      ["a", "exit", "b"],
      ["exit", "slow"],
    ]) {
      const e = await rejection(
        evaluateCompliancePartitionedParallel({ ...compliance, keys, loader, workers: 2 }),
      );
      expect(isLiushouError(e, ErrorCode.ERROR)).toBe(true);
      expect((e as LiushouError).messages.en).toContain(
        "partition exit exited unexpectedly (exit code 2)",
      );
      expect((e as LiushouError).messages["zh-CN"]).toContain("分区 exit");
    }
    const e = await rejection(
      planPairingsPartitionedParallel({ ...pairing, keys: ["a", "exit"], loader, workers: 1 }),
    );
    expect(isLiushouError(e, ErrorCode.ERROR)).toBe(true);
    expect((e as LiushouError).messages.en).toContain("partition exit");
    const onImport = await rejection(
      evaluateCompliancePartitionedParallel({
        ...compliance,
        keys: ["k1"],
        loader: join(dir, "exits-on-import.mjs"),
      }),
    );
    expect((onImport as LiushouError).messages.en).toContain("partition k1 exited unexpectedly");
  }, 60_000);
});

describe("the loader's path", () => {
  it("may hold #, % and spaces, be relative to the working folder, or be a file URL", async () => {
    const path = join(dir, "dir #1", "a%20b.mjs");
    for (const loader of [
      path,
      relative(process.cwd(), path),
      pathToFileURL(path),
      pathToFileURL(path).href,
    ]) {
      const merged = await evaluateCompliancePartitionedParallel({
        ...compliance,
        keys: ["k1", "k2"],
        loader,
        workers: 1,
      });
      expect(merged.partitions).toBe(2);
    }
  }, 60_000);

  it("names `loader` when the module cannot be loaded, caused by the import's error", async () => {
    const cases = [
      ["missing.mjs", /ERR_MODULE_NOT_FOUND|Cannot find/],
      ["syntax.mjs", /SyntaxError/],
      ["throws.mjs", /no storage/],
    ] as const;
    for (const [file, cause] of cases) {
      const e = await rejection(
        evaluateCompliancePartitionedParallel({
          ...compliance,
          keys: ["k1"],
          loader: join(dir, file),
          workers: 1,
        }),
      );
      expect(e).toBeInstanceOf(ValidationError);
      const v = e as ValidationError;
      expect(v.issues[0]!.path).toBe("loader");
      expect(v.issues[0]!.message.en).toContain("could not be loaded");
      expect(v.issues[0]!.message["zh-CN"]).toContain("无法载入");
      expect(v.cause).toBeInstanceOf(Error);
      const c = v.cause as Error & { code?: string };
      expect(`${c.name} ${c.code ?? ""} ${c.message}`).toMatch(cause);
    }
    const p = await rejection(
      planPairingsPartitionedParallel({ ...pairing, keys: ["k1"], loader: join(dir, "x.mjs") }),
    );
    expect((p as ValidationError).issues[0]!.path).toBe("loader");
  }, 60_000);
});

describe("options that cannot be copied to a worker thread", () => {
  it("are refused with a ValidationError naming the field", async () => {
    const loader = join(dir, "exits.mjs");
    const onPartition = (await rejection(
      evaluateCompliancePartitionedParallel({
        ...compliance,
        onPartition: () => {},
        keys: ["k1"],
        loader,
      } as never),
    )) as ValidationError;
    expect(onPartition).toBeInstanceOf(ValidationError);
    expect(onPartition.issues[0]!.path).toBe("onPartition");
    expect(onPartition.issues[0]!.message.en).toContain("evaluateCompliancePartitioned");
    expect(onPartition.issues[0]!.message["zh-CN"]).toContain("工作线程");
    const policy = (await rejection(
      evaluateCompliancePartitionedParallel({
        ...compliance,
        policies: [ALL_PRESETS[0]!, { ...ALL_PRESETS[1]!, check: () => true }],
        keys: ["k1"],
        loader,
      } as never),
    )) as ValidationError;
    expect(policy.issues[0]!.path).toBe("policies[1].check");
    const rules = (await rejection(
      planPairingsPartitionedParallel({
        ...pairing,
        rules: { ...TEACHER_PAIRING_PRESET, hard: { ...TEACHER_PAIRING_PRESET.hard, f: () => 1 } },
        keys: ["k1"],
        loader,
      } as never),
    )) as ValidationError;
    expect(rules).toBeInstanceOf(ValidationError);
    expect(rules.issues[0]!.path).toBe("rules.hard.f");
    expect(rules.issues[0]!.message.en).toContain("planPairingsPartitioned");
  });
});
