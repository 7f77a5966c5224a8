/**
 * Guardian consent (PIPL Art. 31): consent records, and whether processing a child's data for a
 * purpose may go ahead on a day.
 * @module
 */
export * from "./schema";
export * from "./status";
