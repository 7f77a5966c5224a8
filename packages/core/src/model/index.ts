/**
 * The domain model: zod schemas and the types inferred from them.
 * @module
 */
export * from "./limits";
export * from "./primitives";
export { PeriodSchema } from "../_lib/period";
export * from "./area";
export * from "./people";
export * from "./child-file";
export * from "./mentor";
export * from "./records";
