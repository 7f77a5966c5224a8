/**
 * Retention: when a child's file has been kept long enough after the child left scope.
 * @module
 */
export * from "./plan";
export * from "./anonymise";
