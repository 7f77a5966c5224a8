/**
 * The hash-chained audit log: canonical serialisation, SHA-256 links and their verification.
 * @module
 */
export * from "./chain";
