/**
 * The storage port: what a storage adapter offers, the entities it keeps, and the pure
 * reference for the contact counts an adapter may answer itself.
 * @module
 */
export * from "./port";
export * from "./entities";
export * from "./conflict";
export * from "./count";
export * from "./match";
export * from "./patches";
export * from "./redact";
