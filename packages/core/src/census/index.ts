/**
 * The census (摸底登记) at each term's start and each year, with a verified-on date per child,
 * and the enrolment and retention of left-behind children with the dropouts by name.
 * @module
 */
export * from "./schema";
export * from "./presets";
export * from "./status";
export * from "./enrolment";
