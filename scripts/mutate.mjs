#!/usr/bin/env node
/**
 * `pnpm mutate [engine…] [--report]`: mutation testing of core's engines with StrykerJS, one
 * engine at a time (each run mutates that engine's sources and runs only its tests), then a
 * summary: the mutation score of every module and every surviving mutant.
 *
 * - Incremental: results are kept in `reports/mutation/<engine>.incremental.json`, so a rerun
 *   tests only mutants whose code or covering tests changed.
 * - `--report` prints the summary of the last runs without running Stryker.
 * - `--only=<glob,…>` mutates only the matching files of the engine (`--only=evaluate.ts`); the
 *   summary then covers those files (the engine's score is that of the files run).
 * - `LIUSHOU_MUTATE_CONCURRENCY` (default 1) sets Stryker's test-runner processes.
 * - Exits 1 when an engine scores under 85% (`TARGET`).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Core's engines, each a folder of `packages/core/src`. */
export const ENGINES = [
  "classification",
  "statistics",
  "pairing",
  "policies",
  "checklists",
  "legal",
  "risk",
];

/** The lowest mutation score (killed / valid mutants, in %) an engine may have. */
export const TARGET = 85;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DETECTED = new Set(["Killed", "Timeout"]);
const INVALID = new Set(["CompileError", "RuntimeError", "Ignored"]);

/** Scores of one Stryker JSON report: per module and in total, and the surviving mutants. */
export function summarise(report) {
  const modules = [];
  const survivors = [];
  let detected = 0;
  let valid = 0;
  for (const [file, { mutants }] of Object.entries(report.files).sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    let d = 0;
    let v = 0;
    for (const m of mutants) {
      if (INVALID.has(m.status)) continue;
      v += 1;
      if (DETECTED.has(m.status)) d += 1;
      else
        survivors.push({
          file,
          line: m.location.start.line,
          column: m.location.start.column,
          ...m,
        });
    }
    modules.push({ file, detected: d, valid: v, score: v === 0 ? 100 : (100 * d) / v });
    detected += d;
    valid += v;
  }
  survivors.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  return {
    modules,
    survivors,
    detected,
    valid,
    score: valid === 0 ? 100 : (100 * detected) / valid,
  };
}

function runStryker(engine, only) {
  console.info(`\n== mutate ${engine}${only ? ` (${only})` : ""} ==`);
  const result = spawnSync("pnpm", ["exec", "stryker", "run", "stryker.config.mjs"], {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      LIUSHOU_MUTATE_ENGINE: engine,
      ...(only ? { LIUSHOU_MUTATE_ONLY: only } : {}),
    },
  });
  if (result.status !== 0) console.error(`Stryker failed on ${engine} (exit ${result.status})`);
  return result.status === 0;
}

function printSummary(engines) {
  const totals = [];
  for (const engine of engines) {
    const file = path.join(root, "reports", "mutation", `${engine}.json`);
    if (!existsSync(file)) {
      console.info(`\n${engine}: no report yet (run \`pnpm mutate ${engine}\`)`);
      totals.push({ engine, score: Number.NaN });
      continue;
    }
    const s = summarise(JSON.parse(readFileSync(file, "utf8")));
    console.info(`\n${engine}: ${s.score.toFixed(2)}% killed (${s.detected} of ${s.valid})`);
    for (const m of s.modules) {
      const name = path.relative(root, path.resolve(root, m.file));
      console.info(
        `  ${m.score.toFixed(2).padStart(6)}%  ${String(m.detected).padStart(4)}/${String(m.valid).padEnd(4)} ${name}`,
      );
    }
    if (s.survivors.length > 0) console.info(`  survivors (${s.survivors.length}):`);
    for (const m of s.survivors) {
      const where = `${path.relative(root, path.resolve(root, m.file))}:${m.line}:${m.column}`;
      const replacement = (m.replacement ?? "").replace(/\s+/g, " ").slice(0, 80);
      console.info(`    ${where} ${m.mutatorName} ${m.status} → ${replacement}`);
    }
    totals.push({ engine, score: s.score });
  }
  console.info("\nengine          score");
  for (const t of totals) {
    const mark = Number.isNaN(t.score) ? "not run" : t.score >= TARGET ? "ok" : `under ${TARGET}%`;
    console.info(
      `${t.engine.padEnd(15)} ${Number.isNaN(t.score) ? "   -  " : `${t.score.toFixed(2)}%`}  ${mark}`,
    );
  }
  return totals.every((t) => t.score >= TARGET);
}

const isMain =
  process.argv[1] !== undefined && fileURLToPath(import.meta.url) === path.resolve(process.argv[1]);
if (isMain) {
  const args = process.argv.slice(2);
  const reportOnly = args.includes("--report");
  const only = args.find((a) => a.startsWith("--only="))?.slice("--only=".length);
  const named = args.filter((a) => !a.startsWith("--"));
  const unknown = named.filter((e) => !ENGINES.includes(e));
  if (unknown.length > 0) {
    console.error(`unknown engine ${unknown.join(", ")}; engines: ${ENGINES.join(", ")}`);
    process.exit(2);
  }
  const engines = named.length > 0 ? named : ENGINES;
  let ran = true;
  if (!reportOnly) for (const engine of engines) ran = runStryker(engine, only) && ran;
  process.exit(printSummary(engines) && ran ? 0 : 1);
}
