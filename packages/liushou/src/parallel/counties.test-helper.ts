import { EXAMPLE_CALENDAR_2025_26, type ComplianceDataInput } from "@liushou/core";
import { generatePopulation, prefixPeople, prefixRecord } from "@liushou/fixtures";

/**
 * A partition loader for the tests: county `key` is a small synthetic population whose ids
 * carry the key, so counties are disjoint. Workers import this module by URL.
 */
export async function loadPartition(key: string): Promise<ComplianceDataInput> {
  if (key === "bad")
    return { children: [{ id: 3 }], mentors: [], pairings: [], records: [] } as never;
  const pop = generatePopulation({ preset: "class", seed: key, asOf: "2026-03-20" });
  const p = `${key}-`;
  const { files, mentors, pairings } = prefixPeople(pop, p);
  return {
    children: files,
    mentors,
    pairings,
    schools: pop.schools,
    records: pop.records.map((r) => prefixRecord(r, p)),
    calendar: EXAMPLE_CALENDAR_2025_26,
  };
}
