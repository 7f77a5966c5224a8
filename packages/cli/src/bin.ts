#!/usr/bin/env node
/**
 * The `liushou` executable: runs `runCli` on the process's arguments and exits with its code.
 * @packageDocumentation
 */
import { runCli } from "./program";

void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
