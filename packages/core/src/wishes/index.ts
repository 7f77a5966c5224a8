/**
 * Micro-wishes (微心愿): the status machine from submitted to thanked.
 * @module
 */
export * from "./transition";
