/**
 * The population of the county-scale cases, shared by every bench file that reads it.
 * @module
 */
import { PRESETS, type PopulationPreset } from "@liushou/fixtures";

/** The fixtures preset: `LIUSHOU_BENCH_PRESET` (`township` for a quick check), default `county`. */
export const PRESET = (process.env.LIUSHOU_BENCH_PRESET ?? "county") as PopulationPreset;

/** Children in {@link PRESET}. */
export const SIZE = PRESETS[PRESET].children;
