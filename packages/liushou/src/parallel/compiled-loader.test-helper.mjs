// A partition loader in plain JavaScript for the test of the published build: it imports the
// built packages (no TypeScript, no source condition), as a host's compiled loader would.
import { EXAMPLE_CALENDAR_2025_26 } from "@liushou/core";
import { generatePopulation, prefixCounty, prefixRecord } from "@liushou/fixtures";

/** County `key`: a small synthetic population whose ids carry the key. */
export async function loadPartition(key) {
  const pop = generatePopulation({ preset: "class", seed: key, asOf: "2026-03-20" });
  const p = `${key}-`;
  const { files, mentors, pairings, schools } = prefixCounty(pop, p);
  return {
    children: files,
    mentors,
    pairings,
    schools,
    records: pop.records.map((r) => prefixRecord(r, p)),
    calendar: EXAMPLE_CALENDAR_2025_26,
  };
}

/** County `key` for pairing: a small synthetic population, ids, schools and classes prefixed. */
export async function loadPairingPartition(key) {
  const c = prefixCounty(
    generatePopulation({ preset: "class", seed: key, records: false }),
    `${key}-`,
  );
  return {
    name: key,
    children: c.files,
    mentors: c.mentors,
    existing: c.pairings,
    classes: c.classes,
  };
}
