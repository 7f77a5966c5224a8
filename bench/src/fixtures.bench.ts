/**
 * The fixtures generator at county scale, as the province benchmarks use it for each county.
 *
 * - "generate a county, streamed": a county's people with every id prefixed as they are made
 *   (`generatePopulation` with `records: false` and `idPrefix`) and its year of contact records
 *   streamed one at a time with the same prefix (`streamContactRecords` of the population),
 *   against `generatePopulation` with its records held in the population, then prefixed by
 *   copies (`prefixCounty`, and `prefixRecord` for each record). Both sides answer the counts and
 *   a fingerprint of every prefixed record, which must be equal. Time and peak memory (the
 *   streamed side never holds the 1.5 million records).
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

/** Counts a county's prefixed people and folds its prefixed records into a {@link Generated}. */
function tally(
  people: Pick<Population, "files" | "mentors" | "pairings">,
  records: Iterable<ContactRecord>,
): Generated {
  let count = 0;
  let fingerprint = 0;
  for (const r of records) {
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

/** The records of a list, each through `prefixRecord`, one at a time. */
function* prefixed(records: Iterable<ContactRecord>): Generator<ContactRecord> {
  for (const r of records) yield prefixRecord(r, PREFIX);
}

export default [
  defineCase({
    name: "generate a county, streamed",
    size: SIZE,
    warmup: 0,
    run: () => {
      const people = generatePopulation({
        preset: PRESET,
        seed: 1,
        records: false,
        idPrefix: PREFIX,
      });
      return tally(people, streamContactRecords(people));
    },
    answer: (r) => r,
    metrics: (r) => ({ records: (r as Generated).records }),
    baseline: {
      name: "generatePopulation with records, prefixed by copies",
      run: () => {
        const pop = generatePopulation({ preset: PRESET, seed: 1 });
        return tally(prefixCounty(pop, PREFIX), prefixed(pop.records));
      },
    },
  }),
];
