import { validate } from "../errors/validate";
import { text } from "../i18n";
import { cite } from "../sources/cite";
import { CensusPolicySchema, type CensusPolicy } from "./schema";

const define = (p: unknown): CensusPolicy =>
  Object.freeze(validate(CensusPolicySchema, p, { subject: text("摸底政策", "census policy") }));

/**
 * The census cadences of the summaries, as data:
 * - `termStart`: each term's start, the class teacher with the village cadres (“每学期开学初，学校以
 *   班主任为主，联系村委干部到村里了解留守儿童的情况” (school summary, L296)); within 30 days of the
 *   term's start, a library default.
 * - `yearly`: once a year, by the community (“社区每年对全社区的留守儿童进行摸底登记” (community
 *   summary, L61)); within the first 90 days of the year, a library default.
 * @example
 * CENSUS_PRESETS.termStart.requiredTakers //=> ["class-teacher", "village-cadre"]
 * @category Census
 */
export const CENSUS_PRESETS = Object.freeze({
  termStart: define({
    id: "census-term-start",
    name: text(
      "每学期开学初摸底（班主任联系村委干部）",
      "Census at each term's start (class teacher with village cadres)",
    ),
    every: "term",
    withinDays: 30,
    requiredTakers: ["class-teacher", "village-cadre"],
    citations: [
      cite("school", 296, "每学期开学初，学校以班主任为主，联系村委干部到村里了解留守儿童的情况"),
    ],
  }),
  yearly: define({
    id: "census-yearly",
    name: text("社区每年摸底登记", "Yearly community census"),
    every: "year",
    withinDays: 90,
    requiredTakers: ["community"],
    citations: [cite("community", 61, "社区每年对全社区的留守儿童进行摸底登记")],
  }),
});
