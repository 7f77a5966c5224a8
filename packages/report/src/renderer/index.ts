/**
 * The renderer port: `{ id, mediaType, extension, render(report, options) }`. A format is a
 * renderer; a third party adds one without touching core or this package.
 * @module
 */
export * from "./port";
