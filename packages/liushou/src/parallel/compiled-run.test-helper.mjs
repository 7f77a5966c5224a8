// Runs the partitioned evaluation on worker threads from the published build of `liushou`,
// through its ES module entry and its CommonJS entry, and compares each with the one-thread
// merge of the same partitions. Prints one JSON line; run by `compiled.test.ts` with plain
// `node` (no tsx, no source condition).
import { createRequire } from "node:module";
import { isDeepStrictEqual } from "node:util";
import { ALL_PRESETS, evaluateCompliancePartitioned } from "@liushou/core";
import { evaluateCompliancePartitionedParallel as viaImport } from "../../dist/index.js";
import { loadPartition } from "./compiled-loader.test-helper.mjs";

const { evaluateCompliancePartitionedParallel: viaRequire } = createRequire(import.meta.url)(
  "../../dist/index.cjs",
);
const keys = ["k1", "k2", "k3"];
const options = {
  policies: ALL_PRESETS,
  period: { from: "2026-02-01", to: "2026-03-31" },
  asOf: "2026-03-20",
  rollUps: ["county", "school"],
  workList: { withinDays: 10, limit: 20 },
};
const loader = new URL("./compiled-loader.test-helper.mjs", import.meta.url);
const expected = await evaluateCompliancePartitioned({
  ...options,
  partitions: (async function* () {
    for (const key of keys) yield { key, data: await loadPartition(key) };
  })(),
});
const esm = await viaImport({ ...options, keys, loader, workers: 2 });
const cjs = await viaRequire({ ...options, keys, loader: loader.pathname, workers: 2 });
console.log(
  JSON.stringify({
    rows: expected.rows,
    partitions: esm.partitions,
    esmEqual: isDeepStrictEqual(esm, expected),
    cjsEqual: isDeepStrictEqual(cjs, expected),
  }),
);
