/**
 * Calendar dates, instants and time zones. Core never reads the clock: every function here
 * takes the date or instant it works on, and the zone is explicit.
 * @module
 */
export * from "./types";
export * from "./calendar-date";
export * from "./zone";
export * from "./convert";
