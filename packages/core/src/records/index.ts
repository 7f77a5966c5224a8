/**
 * The named records of the summaries: growth diaries, contact cards, safety responsibility
 * letters, the emergency plan and its incidents, guardian training and notices to parents, with
 * the checks a school runs on them (a card for each child, timely entry, a letter at each level).
 * @module
 */
export * from "./schema";
export * from "./checks";
