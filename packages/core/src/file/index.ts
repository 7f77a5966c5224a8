/**
 * The dynamic child file (动态档案): immer updates recorded as patches, the file as of any
 * date rebuilt from its history, and undo.
 * @module
 */
export * from "./change";
export * from "./update";
