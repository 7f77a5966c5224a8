import { createChecklistRegistry, type ChecklistRegistry } from "../registry";
import type { Checklist } from "../schema";
import { GUARDIAN_SUITABILITY_CHECKLIST } from "./guardian";
import { MENTOR_REVIEW_CHECKLIST } from "./mentor-review";
import { NEEDS_CHECKLIST } from "./needs";
import { PARENT_CONTACT_CHECKLIST } from "./parents";
import { CHILD_SAFETY_CHECKLIST } from "./safety";

export {
  GUARDIAN_SUITABILITY_CHECKLIST,
  MENTOR_REVIEW_CHECKLIST,
  NEEDS_CHECKLIST,
  PARENT_CONTACT_CHECKLIST,
  CHILD_SAFETY_CHECKLIST,
};

/**
 * The checklists Liushou ships, authored from the work summaries and the law (zh-CN and
 * English): needs, guardian suitability, child safety, parents' contact, mentor review.
 * @example
 * BUILTIN_CHECKLISTS.map((c) => c.id)
 * //=> ["liushou.needs", "liushou.guardian-suitability", "liushou.child-safety", "liushou.parent-contact", "liushou.mentor-review"]
 * @category Checklists
 */
export const BUILTIN_CHECKLISTS: readonly Checklist[] = /*#__PURE__*/ Object.freeze([
  NEEDS_CHECKLIST,
  GUARDIAN_SUITABILITY_CHECKLIST,
  CHILD_SAFETY_CHECKLIST,
  PARENT_CONTACT_CHECKLIST,
  MENTOR_REVIEW_CHECKLIST,
]);

/**
 * A registry holding the built-in checklists; add a host's own (or licensed) instruments with
 * `.with(...)`.
 * @example
 * const registry = builtinChecklistRegistry().with(myLicensedInstrument);
 * registry.latest("liushou.needs")?.version //=> "1.0.0"
 * @category Checklists
 */
export function builtinChecklistRegistry(): ChecklistRegistry {
  // A registry is immutable, so one instance serves every caller.
  return (registry ??= createChecklistRegistry(BUILTIN_CHECKLISTS));
}

let registry: ChecklistRegistry | undefined;
