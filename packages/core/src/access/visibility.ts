import * as z from "zod";
import { validate } from "../errors/validate";
import { text } from "../i18n/locale";
import { FieldClass } from "../privacy/field-class";
import { RoleSchema, type Role } from "./actor";

/**
 * The schema of a field class (`identifying`, `sensitive`, `health`, `financial`).
 * @example
 * FieldClassSchema.parse("health") //=> "health"
 * @category Access
 */
export const FieldClassSchema = z.enum([
  FieldClass.IDENTIFYING,
  FieldClass.SENSITIVE,
  FieldClass.HEALTH,
  FieldClass.FINANCIAL,
]);

/**
 * Which field classes each role sees in full; every other classed field is masked in reads,
 * exports and reports, and shown only through an audited reveal. The default follows the
 * "minimum necessary" rule of PIPL Art. 6 and 28:
 * - `teacher`: `health` (looks after the child every day);
 * - `counsellor`: `health` and `sensitive` (counselling needs both);
 * - `county-officer`: `financial` (decides aid);
 * - `volunteer`, `principal`, `township-supervisor`, `administrator`: nothing.
 * No role sees `identifying` fields (ID, mobile numbers, addresses) without a reveal.
 * @example
 * DEFAULT_ROLE_VISIBILITY.counsellor //=> ["health", "sensitive"]
 * @category Access
 */
export const DEFAULT_ROLE_VISIBILITY: Readonly<Record<Role, readonly FieldClass[]>> = {
  teacher: [FieldClass.HEALTH],
  counsellor: [FieldClass.HEALTH, FieldClass.SENSITIVE],
  volunteer: [],
  principal: [],
  "township-supervisor": [],
  "county-officer": [FieldClass.FINANCIAL],
  administrator: [],
};

/**
 * A host's table of visible classes per role: the roles given replace the default's entries.
 * @example
 * RoleVisibilitySchema.parse({ principal: ["health"] })
 * @category Access
 */
export const RoleVisibilitySchema = z.partialRecord(RoleSchema, z.array(FieldClassSchema).max(4));
/**
 * See {@link RoleVisibilitySchema}.
 * @category Access
 */
export type RoleVisibility = z.infer<typeof RoleVisibilitySchema>;

/**
 * The field classes a role sees in full, from the host's table or the default.
 * @param role - The role.
 * @param overrides - The host's table (roles absent from it keep the default).
 * @returns The visible classes.
 * @throws ValidationError for an unknown role or an invalid table.
 * @example
 * visibleClasses("teacher") //=> ["health"]
 * visibleClasses("principal", { principal: ["health"] }) //=> ["health"]
 * @category Access
 */
export function visibleClasses(role: Role, overrides?: RoleVisibility): readonly FieldClass[] {
  const r = validate(RoleSchema, role, { subject: text("角色", "role") });
  const table = validate(RoleVisibilitySchema, overrides ?? {}, {
    subject: text("角色可见字段表", "role visibility table"),
  });
  return table[r] ?? DEFAULT_ROLE_VISIBILITY[r];
}
