import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const dist = new URL("../../dist/", import.meta.url);
const built =
  existsSync(new URL("index.js", dist)) && existsSync(new URL("compliance-worker.js", dist));

// The published build's worker path: plain `node` on the compiled entries, with a compiled
// loader. `pnpm build` first (CI does); without a build this says so and is skipped.
describe.skipIf(!built)("the published build on worker threads", () => {
  it("merges partitions and plans exactly as one thread, from the ES module and CommonJS entries", async () => {
    const script = fileURLToPath(new URL("./compiled-run.test-helper.mjs", import.meta.url));
    const { NODE_OPTIONS: _ignored, ...env } = process.env;
    const { stdout } = await promisify(execFile)(process.execPath, [script], { env });
    const result = JSON.parse(stdout.trim().split("\n").at(-1)!) as Record<string, unknown>;
    expect(result).toEqual({
      rows: expect.any(Number),
      partitions: 3,
      esmEqual: true,
      cjsEqual: true,
      paired: expect.any(Number),
      esmPlanEqual: true,
      cjsPlanEqual: true,
    });
    expect(result["rows"]).toBeGreaterThan(0);
    expect(result["paired"]).toBeGreaterThan(0);
  }, 120_000);
});
if (!built)
  console.warn(
    "liushou: dist/ is missing, the published-build worker test is skipped (run pnpm build)",
  );
