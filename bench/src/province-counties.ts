/**
 * The counties of the province benchmarks, each generated on its own from the fixtures
 * generator (seed = its number + 1) with every id prefixed by its key (`idPrefix`), so counties
 * are disjoint.
 * Also the partition loader module of the worker-thread cases (`loadPartition`,
 * `loadPairingPartition`).
 * @module
 */
import {
  EXAMPLE_CALENDAR_2025_26,
  type ComplianceDataInput,
  type PairingPartition,
} from "@liushou/core";
import { generatePopulation, streamContactRecords } from "@liushou/fixtures";

/** The key of county `k` (from 0): `k00`, `k01`, … */
export const countyKey = (k: number): string => `k${String(k).padStart(2, "0")}`;

/** County `k`'s people, every id prefixed by its key and a dash (those of `prefixCounty`). */
function countyPeople(k: number) {
  const idPrefix = `${countyKey(k)}-`;
  return generatePopulation({ preset: "county", seed: k + 1, records: false, idPrefix });
}

/**
 * County `k`'s compliance input; its records stream from the generator as they are read, with
 * the county's prefix (the population's own).
 */
export function countyCompliance(k: number): ComplianceDataInput {
  const people = countyPeople(k);
  return {
    children: people.files,
    mentors: people.mentors,
    pairings: people.pairings,
    schools: people.schools,
    records: streamContactRecords(people),
    // What a host streaming a county from storage knows from a `COUNT(*)`: a county of the
    // generator has 1.53–1.55 million records a year.
    expectedRecords: 1_550_000,
    calendar: EXAMPLE_CALENDAR_2025_26,
  };
}

/** County `k`'s pairing input: every file, mentor, class and pairing on file, ids prefixed. */
export function countyPairing(k: number): PairingPartition {
  const c = countyPeople(k);
  return {
    name: countyKey(k),
    children: c.files,
    mentors: c.mentors,
    existing: c.pairings,
    classes: c.classes,
  };
}

/** The worker threads' pairing loader: the county of a key made by {@link countyKey}. */
export async function loadPairingPartition(key: string): Promise<PairingPartition> {
  return countyPairing(Number(key.slice(1)));
}

/** The worker threads' loader: the county of a key made by {@link countyKey}. */
export async function loadPartition(key: string): Promise<ComplianceDataInput> {
  return countyCompliance(Number(key.slice(1)));
}
