/**
 * Cadences tied to occasions rather than periods: a class's weekly activity and law lesson, the
 * theme meeting each term, a child's birthday, holidays and weekends, the start and end of a
 * term, a named kind of teacher, and the parents' return home each year.
 * @module
 */
export * from "./schema";
export * from "./presets";
export * from "./evaluate";
