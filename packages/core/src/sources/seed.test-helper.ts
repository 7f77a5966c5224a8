import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { summaryAt, SUMMARIES_FILE } from "./summaries";
import type { SeedCitation } from "./cite";

/** The repository root (this file is in packages/core/src/sources). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");

/**
 * The seed file, found as `../shared/seed/work-summaries.zh.txt` beside the repository (or one
 * level further up, for a checkout inside a folder of work trees), or at `LIUSHOU_SEED_FILE`.
 */
export function findSeedFile(): string | undefined {
  const candidates = [
    process.env.LIUSHOU_SEED_FILE,
    join(REPO_ROOT, "../shared/seed", SUMMARIES_FILE),
    join(REPO_ROOT, "../../shared/seed", SUMMARIES_FILE),
  ];
  return candidates.find((p): p is string => p !== undefined && existsSync(p));
}

/** The seed file's lines, 1-based (index 0 is empty), or `undefined` when it is absent. */
export function loadSeedLines(): readonly string[] | undefined {
  const file = findSeedFile();
  return file === undefined ? undefined : ["", ...readFileSync(file, "utf8").split("\n")];
}

/** Drops what a transcription may change: spaces, stray backticks, apostrophes and backslashes. */
function normalize(s: string): string {
  return s.replace(/[\s`'\\]/g, "");
}

/**
 * What is wrong with a citation against the seed lines, or `undefined` when it holds: the line
 * belongs to a summary of the kind named, and every part of the quote ("……" separates parts)
 * is on that line, in order.
 */
export function citationProblem(lines: readonly string[], c: SeedCitation): string | undefined {
  const doc = summaryAt(c.line);
  if (doc?.kind !== c.source)
    return `L${c.line} is in a ${doc?.kind ?? "no"} summary, not ${c.source}`;
  const text = normalize(lines[c.line] ?? "");
  let at = 0;
  for (const part of c.quote.split(/…+/).map(normalize).filter(Boolean)) {
    const i = text.indexOf(part, at);
    if (i < 0)
      return `L${c.line} does not contain “${part}”${text.includes(part) ? " (out of order)" : ""}`;
    at = i + part.length;
  }
  return undefined;
}
