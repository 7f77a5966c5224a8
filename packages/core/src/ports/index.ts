/**
 * Ports: the interfaces that plugins implement (types, and the few pure helpers they share).
 * @module
 */
export * from "./storage";
