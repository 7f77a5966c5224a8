/**
 * Field classes of personal information (identifying, sensitive, health, financial), carried by
 * the schemas and consulted wherever a value might be shown, such as in errors.
 * @module
 */
export * from "./field-class";
export * from "./mask";
export * from "./classed-paths";
