import * as z from "zod";
import { refusal } from "../_lib/refusal";
import { IdSchema, RegionCodeSchema } from "../model/primitives";

/**
 * The roles of the people who use Liushou: a class teacher, a school counsellor (心理辅导老师), a
 * volunteer mentor, a principal, a township supervisor (乡镇督导), a county education or civil
 * affairs officer, and a system administrator.
 * @example
 * RoleSchema.parse("counsellor") //=> "counsellor"
 * @category Access
 */
export const RoleSchema = z.enum([
  "teacher",
  "counsellor",
  "volunteer",
  "principal",
  "township-supervisor",
  "county-officer",
  "administrator",
]);
/**
 * One of the roles of {@link RoleSchema}.
 * @category Access
 */
export type Role = z.infer<typeof RoleSchema>;

const ids = z.array(IdSchema).min(1).max(1000);

/**
 * Which children an actor may reach, widest last:
 * - `pairings`: the children `mentorId` is paired with now (an active pairing);
 * - `class`: the children of these classes;
 * - `school`: the children of these schools;
 * - `township`: the children whose home region code lies in this 9-digit township;
 * - `county`: the children whose home region code lies in this 6-digit county;
 * - `all`: every child the storage holds (a county-wide deployment's administrator).
 * @example
 * ScopeSchema.parse({ level: "class", classIds: ["k1"] })
 * @category Access
 */
export const ScopeSchema = z.discriminatedUnion("level", [
  z.object({ level: z.literal("pairings"), mentorId: IdSchema }),
  z.object({ level: z.literal("class"), classIds: ids }),
  z.object({ level: z.literal("school"), schoolIds: ids }),
  z.object({
    level: z.literal("township"),
    regionCode: RegionCodeSchema.refine(
      (c) => c.length === 9,
      refusal("乡镇区划代码应为 9 位", "a township code has 9 digits"),
    ),
  }),
  z.object({
    level: z.literal("county"),
    regionCode: RegionCodeSchema.refine(
      (c) => c.length === 6,
      refusal("县级区划代码应为 6 位", "a county code has 6 digits"),
    ),
  }),
  z.object({ level: z.literal("all") }),
]);
/**
 * An access scope: see {@link ScopeSchema}.
 * @category Access
 */
export type Scope = z.infer<typeof ScopeSchema>;
/**
 * One of the scope levels (`pairings`, `class`, `school`, `township`, `county`, `all`).
 * @category Access
 */
export type ScopeLevel = Scope["level"];

/**
 * Who acts: the id recorded in histories and the audit log, a role (what it may see) and a
 * scope (which children it may reach).
 * @example
 * ActorSchema.parse({ id: "t7", role: "teacher", scope: { level: "class", classIds: ["k1"] } })
 * @category Access
 */
export const ActorSchema = z.object({
  id: IdSchema,
  role: RoleSchema,
  scope: ScopeSchema,
});
/**
 * An actor: see {@link ActorSchema}.
 * @category Access
 */
export type Actor = z.infer<typeof ActorSchema>;
/**
 * {@link Actor} as a host supplies it (ids may be numbers).
 * @category Access
 */
export type ActorInput = z.input<typeof ActorSchema>;
