import { EXAMPLE_CALENDAR_2025_26, type ComplianceDataInput } from "@liushou/core";
import { generatePopulation } from "@liushou/fixtures";

/**
 * A partition loader for the tests: county `key` is a small synthetic population whose ids
 * carry the key, so counties are disjoint. Workers import this module by URL.
 */
export async function loadPartition(key: string): Promise<ComplianceDataInput> {
  if (key === "bad")
    return { children: [{ id: 3 }], mentors: [], pairings: [], records: [] } as never;
  const pop = generatePopulation({ preset: "class", seed: key, asOf: "2026-03-20" });
  const p = `${key}-`;
  return {
    children: pop.files.map((f) => ({ ...f, id: p + f.id })),
    mentors: pop.mentors.map((m) => ({ ...m, id: p + m.id })),
    pairings: pop.pairings.map((x) => ({
      ...x,
      id: p + x.id,
      childId: p + x.childId,
      mentorId: p + x.mentorId,
    })),
    schools: pop.schools,
    records: pop.records.map((r) => ({
      ...r,
      id: p + r.id,
      childIds: r.childIds.map((c) => p + c),
      ...(r.mentorId === undefined ? {} : { mentorId: p + r.mentorId }),
    })),
    calendar: EXAMPLE_CALENDAR_2025_26,
  };
}
