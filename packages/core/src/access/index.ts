/**
 * Access control: actors (a role and a scope), the storage filter of a scope, and which field
 * classes each role sees in full.
 * @module
 */
export * from "./actor";
export * from "./scope";
export * from "./visibility";
