/**
 * `pnpm bench [filter] [--full]`: runs every `src/*.bench.ts` file through the harness.
 *
 * - `filter` keeps the cases whose file name or case name contains it (`pnpm bench pairing`);
 * - `--full` (or `BENCH_FULL=1`) adds the slow cases.
 *
 * Started with `--child <file> <index> <side>`, it instead runs one side of one case and reports
 * to its parent (see `harness.ts`).
 * @module
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { benchRoot, isFull, runBenchmarks, runChild } from "./harness";

const self = fileURLToPath(import.meta.url);
const args = process.argv.slice(2).filter((a) => a !== "--");

if (args[0] === "--child") {
  const [, file, index, side, size] = args;
  if (!file || index === undefined || (side !== "ours" && side !== "baseline")) {
    throw new Error("usage: main.ts --child <file> <index> <ours|baseline> [size]");
  }
  await runChild(file, Number(index), side, size === undefined ? undefined : Number(size));
} else {
  const srcDir = join(benchRoot(self), "src");
  const files = readdirSync(srcDir)
    .filter((f) => f.endsWith(".bench.ts"))
    .sort()
    .map((f) => join(srcDir, f));
  const filter = args.find((a) => !a.startsWith("-"));
  const results = await runBenchmarks({
    files,
    entry: self,
    full: isFull(),
    resultsDir: join(benchRoot(self), "results"),
    ...(filter ? { filter } : {}),
  });
  if (results.some((r) => r.error)) process.exitCode = 1;
}
