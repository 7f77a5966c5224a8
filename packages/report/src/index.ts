/**
 * `@liushou/report`: reports on left-behind children (留守儿童) as a typed document model built
 * from `@liushou/core` results, the renderer port, and Markdown and CSV renderers.
 * @packageDocumentation
 */
export * from "./model";
export * from "./renderer";
export * from "./privacy";
export * from "./reports";
export * from "./markdown";
export * from "./csv";
