/**
 * `pnpm demo`: the whole job on a synthetic county, on the embedded SQLite default.
 *
 *   pnpm demo            a small county (in Chinese)
 *   pnpm demo --en       in English
 *   pnpm demo --full     the county of the work summaries: 40,000 children
 *   pnpm demo --out DIR  write the database and the reports to DIR (default out/)
 */
import { parseArgs } from "node:util";
import { runCountyDemo } from "./run";

const { values } = parseArgs({
  options: {
    en: { type: "boolean", default: false },
    full: { type: "boolean", default: false },
    out: { type: "string", default: "out" },
    seed: { type: "string", default: "county-demo" },
  },
});

await runCountyDemo({
  size: values.full ? "full" : "small",
  locale: values.en ? "en" : "zh-CN",
  outDir: values.out,
  seed: values.seed,
});
