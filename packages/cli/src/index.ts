/**
 * `@liushou/cli`: the `liushou` command (`init`, `import`, `pair`, `due`, `record`, `assess`,
 * `stats`, `report`, `export-ics`) over any storage, and `runCli` to run it in-process.
 * @packageDocumentation
 */
export { runCli } from "./program";
export { EXIT_CODES, type ExitCode } from "./_lib/exit";
export type { CliIo } from "./_lib/io";
export { toIcs, type CalendarEntry } from "./ics/calendar";
