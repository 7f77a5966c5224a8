/**
 * Privacy: reports mask ID numbers, phone numbers, addresses and health notes unless the caller
 * reveals a field by name; the report records what it revealed.
 * @module
 */
export * from "./mask";
