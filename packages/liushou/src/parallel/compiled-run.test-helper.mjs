// Runs the partitioned evaluation and pairing on worker threads from the published build of
// `liushou`, through its ES module entry and its CommonJS entry, and compares each with the
// one-thread merge of the same partitions. Prints one JSON line; run by `compiled.test.ts` with plain
// `node` (no tsx, no source condition).
import { createRequire } from "node:module";
import { isDeepStrictEqual } from "node:util";
import {
  ALL_PRESETS,
  evaluateCompliancePartitioned,
  planPairingsPartitioned,
  TEACHER_PAIRING_PRESET,
} from "@liushou/core";
import { generatePopulation } from "@liushou/fixtures";
import * as esmEntry from "../../dist/index.js";
import { loadPairingPartition, loadPartition } from "./compiled-loader.test-helper.mjs";

const cjsEntry = createRequire(import.meta.url)("../../dist/index.cjs");
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
const esm = await esmEntry.evaluateCompliancePartitionedParallel({
  ...options,
  keys,
  loader,
  workers: 2,
});
const cjs = await cjsEntry.evaluateCompliancePartitionedParallel({
  ...options,
  keys,
  loader: loader.pathname,
  workers: 2,
});
const pairing = {
  rules: TEACHER_PAIRING_PRESET,
  asOf: generatePopulation({ preset: "class", records: false }).asOf,
  onMissing: "end",
};
const plan = await planPairingsPartitioned(
  (async function* () {
    for (const key of keys) yield await loadPairingPartition(key);
  })(),
  pairing,
);
const esmPlan = await esmEntry.planPairingsPartitionedParallel({
  ...pairing,
  keys,
  loader,
  workers: 2,
});
const cjsPlan = await cjsEntry.planPairingsPartitionedParallel({
  ...pairing,
  keys,
  loader: loader.pathname,
  workers: 2,
});
console.log(
  JSON.stringify({
    rows: expected.rows,
    partitions: esm.partitions,
    esmEqual: isDeepStrictEqual(esm, expected),
    cjsEqual: isDeepStrictEqual(cjs, expected),
    paired: plan.stats.matched,
    esmPlanEqual: isDeepStrictEqual(esmPlan, plan),
    cjsPlanEqual: isDeepStrictEqual(cjsPlan, plan),
  }),
);
