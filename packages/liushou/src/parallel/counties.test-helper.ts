import {
  EXAMPLE_CALENDAR_2025_26,
  type ComplianceDataInput,
  type PairingPartition,
} from "@liushou/core";
import { getHeapStatistics } from "node:v8";
import { generatePopulation, prefixCounty, prefixRecord } from "@liushou/fixtures";

/**
 * A compliance partition loader for the tests: county `key` is a small synthetic population whose ids
 * carry the key, so counties are disjoint. Workers import this module by URL.
 */
export async function loadPartition(key: string): Promise<ComplianceDataInput> {
  if (key === "bad")
    return { children: [{ id: 3 }], mentors: [], pairings: [], records: [] } as never;
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

/** The plan date of the pairing partitions: the generated pairings' own date. */
export const PAIRING_AS_OF = generatePopulation({ preset: "class", records: false }).asOf;

/**
 * County `key` for pairing: a township-size population (a class-size one for keys starting
 * with `s`), ids, schools and classes prefixed.
 */
function pairingCounty(key: string): PairingPartition {
  const preset = key.startsWith("s") ? "class" : "township";
  const pop = generatePopulation({ preset, seed: key, records: false });
  const c = prefixCounty(pop, `${key}-`);
  return {
    name: key,
    children: c.files,
    mentors: c.mentors,
    existing: c.pairings,
    classes: c.classes,
  };
}

/**
 * The pairing loader of the tests: county `key`, or `cross` (a child whose active pairing names
 * a mentor of county `s1`), `bad` (a malformed partition), `throws` (the loader fails), `huge`
 * (the loader holds 2 GB, then gives a malformed partition), `limits` (the loader fails, naming
 * its worker's heap limit in MiB, young generation included).
 */
export async function loadPairingPartition(key: string): Promise<PairingPartition> {
  if (key === "limits")
    throw new RangeError(`heap limit ${getHeapStatistics().heap_size_limit / 2 ** 20} MiB`);
  if (key === "bad") return { name: key, children: [{ id: 3 }], mentors: [] } as never;
  if (key === "huge") {
    const held: number[][] = [];
    for (let k = 0; k < 2048; k++) held.push(new Array<number>(1 << 17).fill(k));
    return { name: key, children: [{ id: held.length }], mentors: [] } as never;
  }
  if (key === "throws") throw new RangeError(`no county ${key}`);
  if (key !== "cross") return pairingCounty(key);
  const s1 = pairingCounty("s1");
  const p = s1.existing!.find((x) => x.end === undefined)!;
  const file = s1.children.find((f) => f.id === p.childId)!;
  return {
    name: key,
    children: [{ ...file, id: "cross-c1" }],
    mentors: [],
    existing: [{ ...p, id: "cross-p1", childId: "cross-c1" }],
  };
}
