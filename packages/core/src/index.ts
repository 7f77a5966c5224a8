/**
 * `@liushou/core`: the pure rules of caring for left-behind children (留守儿童). No I/O, no
 * clock: every date is a parameter and every zone is explicit.
 * @packageDocumentation
 */
export * from "./time";
export * from "./i18n";
export * from "./errors";
export * from "./privacy";
export * from "./access";
export * from "./audit";
export * from "./consent";
export * from "./retention";
export * from "./identity";
export * from "./model";
export * from "./classification";
export * from "./wishes";
export * from "./file";
export * from "./calendar";
export * from "./policies";
export * from "./pairing";
export * from "./statistics";
export * from "./completeness";
export * from "./checklists";
export * from "./legal";
export * from "./risk";
export * from "./assistance";
export * from "./labels";
export * from "./ports";
export * from "./sources";
export * from "./census";
export * from "./organisation";
export * from "./records";
export * from "./occasions";
export * from "./welfare";
