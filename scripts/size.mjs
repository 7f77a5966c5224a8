// Size budgets: runs size-limit over `.size-limit.json` (each entry bundled with esbuild, minified
// and brotli-compressed, dependencies included), prints every budget beside the measured size and
// its share of `import *`, and fails when a budget is exceeded or when a single import costs half of
// `import *` or more (core ships one file per module, so a host pays only for what it reaches).
// Needs `pnpm build` first.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

if (!existsSync("packages/core/dist/index.js")) {
  console.error("packages/core/dist is missing: run `pnpm build` first.");
  process.exit(1);
}
let out;
try {
  // esbuild's notes on the bare chunk imports it drops (sideEffects: false) are left out.
  out = execFileSync("size-limit", ["--json"], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
} catch (error) {
  out = error.stdout; // size-limit exits non-zero when a budget is exceeded; the JSON is still there
  if (!out) throw error;
}
const results = JSON.parse(out);
const all = results.find((r) => r.name.startsWith("import *"));
const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
let failed = false;
console.log("minified + brotli, dependencies included\n");
console.log(
  `${"import".padEnd(56)}${"budget".padStart(10)}${"size".padStart(10)}${"of *".padStart(7)}`,
);
for (const r of results) {
  const share = r.size / all.size;
  const single = r !== all;
  const heavy = single && share >= 0.5;
  failed ||= !r.passed || heavy;
  console.log(
    `${r.name.padEnd(56)}${kb(r.sizeLimit).padStart(10)}${kb(r.size).padStart(10)}${`${Math.round(share * 100)}%`.padStart(7)}  ${!r.passed ? "FAIL: over budget" : heavy ? "FAIL: half of import * or more" : "ok"}`,
  );
}
process.exit(failed ? 1 : 0);
