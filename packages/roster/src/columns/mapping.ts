import * as z from "zod";
import { RosterFieldSchema } from "./fields";

/**
 * A mapping file (JSON) for a roster whose headers or values Liushou does not know:
 * `columns` maps a header of the file to a field, `values` adds spellings of enum values
 * (`{ "guardianRelation": { "干妈": "relative" } }`), and `ignore` lists columns to leave out.
 * @example
 * const mapping: RosterMapping = { columns: { "户口所在地代码": "regionCode" }, values: { guardianRelation: { 干妈: "relative" } } };
 * @category Roster
 */
export const RosterMappingSchema = z.strictObject({
  columns: z.record(z.string().min(1).max(100), RosterFieldSchema).default({}),
  values: z
    .strictObject({
      gender: z.record(z.string(), z.string()).optional(),
      livingArrangement: z.record(z.string(), z.string()).optional(),
      guardianRelation: z.record(z.string(), z.string()).optional(),
    })
    .default({}),
  ignore: z.array(z.string()).default([]),
});
/** A validated mapping file. @category Roster */
export type RosterMapping = z.infer<typeof RosterMappingSchema>;
/** A mapping file as written (every part optional). @category Roster */
export type RosterMappingInput = z.input<typeof RosterMappingSchema>;
