import {
  generatePopulation,
  PRESETS,
  type Population,
  type PopulationSize,
} from "@liushou/fixtures";
import type { CalendarDate, Instant } from "liushou";

/**
 * The sizes of county the demo runs: `tiny` for its test, `small` by default, `full` the county
 * of the work summaries (40,000 children in 300 schools). Each has a mentor for every three
 * pupils, so that every left-behind child can be paired (the fixtures' county preset has one for
 * eight, and most children would wait for a mentor).
 */
export const COUNTY_SIZES = {
  tiny: {
    children: 90,
    schools: 2,
    mentors: 30,
    counties: 1,
    townships: 1,
    villagesPerTownship: 3,
  },
  small: {
    children: 800,
    schools: 6,
    mentors: 270,
    counties: 1,
    townships: 2,
    villagesPerTownship: 6,
  },
  full: { ...PRESETS.county, mentors: 13_000 },
} as const satisfies Record<string, PopulationSize>;

/** A size of {@link COUNTY_SIZES}. */
export type CountySize = keyof typeof COUNTY_SIZES;

/**
 * The dates of the semester the demo plays: the spring term of 2026 (see
 * `EXAMPLE_CALENDAR_2025_26`), judged on its last day, reported the morning after.
 */
export const SEMESTER = {
  /** The day the county's roster describes: the eve of the term. */
  rosterAsOf: "2026-03-01" as CalendarDate,
  period: { from: "2026-03-02" as CalendarDate, to: "2026-06-30" as CalendarDate },
  /** The day compliance is judged. */
  asOf: "2026-06-30" as CalendarDate,
  /** When the reports are generated. */
  reportAt: "2026-07-01T09:00:00+08:00" as Instant,
  /** The months whose work is recorded, as `YYYY-MM`. */
  months: ["2026-03", "2026-04", "2026-05", "2026-06"],
} as const;

/**
 * Generates the synthetic county (no real person's data): areas, schools, classes, one file per
 * pupil, mentors, and last term's pairings, as they stand on the eve of the term.
 * @param size - How big.
 * @param seed - The seed: the same seed gives the same county.
 */
export function generateCounty(size: CountySize, seed: string): Population {
  return generatePopulation({
    ...COUNTY_SIZES[size],
    preset: "county",
    seed,
    asOf: SEMESTER.rosterAsOf,
    records: false,
  });
}
