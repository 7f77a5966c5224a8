/**
 * The fixtures generator at county scale, as the province benchmarks use it for each county.
 *
 * - "generate a county, streamed": a county's people (`generatePopulation` with `records:
 *   false`, then `prefixCounty`) and its year of contact records streamed one at a time
 *   (`streamContactRecords`, each through `prefixRecord`), against `generatePopulation` with its
 *   records held in the population (the same records, prefixed the same way). Both sides answer
 *   the counts and a fingerprint of every prefixed record, which must be equal. Time and peak
 *   memory (the streamed side never holds the 1.5 million records).
 * @module
 */
import type { ContactRecord } from "@liushou/core";
import {
  generatePopulation,
  hashSeed,
  prefixCounty,
  prefixRecord,
  streamContactRecords,
  type Population,
} from "@liushou/fixtures";
import { defineCase } from "./harness";
import { PRESET, SIZE } from "./preset";

const PREFIX = "k01-";

/** What both sides must agree on: how much was generated, and a fingerprint of the records. */
interface Generated {
  files: number;
  mentors: number;
  pairings: number;
  records: number;
  /** A sum of the 32-bit hashes of every prefixed record's id, instant, kind and children. */
  fingerprint: number;
}

/** Counts a county's people and folds its prefixed records into a {@link Generated}. */
function tally(pop: Population, records: Iterable<ContactRecord>): Generated {
  const people = prefixCounty(pop, PREFIX);
  let count = 0;
  let fingerprint = 0;
  for (const record of records) {
    const r = prefixRecord(record, PREFIX);
    fingerprint = (fingerprint + hashSeed(`${r.id}|${r.at}|${r.kind}|${r.childIds.join(",")}`)) | 0;
    count++;
  }
  return {
    files: people.files.length,
    mentors: people.mentors.length,
    pairings: people.pairings.length,
    records: count,
    fingerprint,
  };
}

export default [
  defineCase({
    name: "generate a county, streamed",
    size: SIZE,
    warmup: 0,
    run: () => {
      const pop = generatePopulation({ preset: PRESET, seed: 1, records: false });
      return tally(pop, streamContactRecords(pop));
    },
    answer: (r) => r,
    metrics: (r) => ({ records: (r as Generated).records }),
    baseline: {
      name: "generatePopulation with records",
      run: () => {
        const pop = generatePopulation({ preset: PRESET, seed: 1 });
        return tally(pop, pop.records);
      },
    },
  }),
];
