/**
 * The school's organisation and supervision: responsibility roles as data (the three-level
 * system, the duties of each role, the teacher's five roles), checks of a school's allocation,
 * the weekly checks, monthly appraisals and term summaries as policies, and the appraisal of a
 * school.
 * @module
 */
export * from "./roles";
export * from "./organisation";
export * from "./supervision";
export * from "./appraisal";
