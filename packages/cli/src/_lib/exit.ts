import { isLiushouError, ErrorCode } from "@liushou/core";

/**
 * The exit codes of the `liushou` command, stable for scripts.
 * @example
 * if (code === EXIT_CODES.VALIDATION) console.error("fix the listed rows and run again");
 * @category CLI
 */
export const EXIT_CODES = {
  /** Done. */
  OK: 0,
  /** The data was refused: bad rows, an unknown child, an invalid value (the issues are printed). */
  VALIDATION: 1,
  /** The command line was wrong: an unknown command or option, a missing argument. */
  USAGE: 2,
  /** The database could not be opened, migrated, read or written. */
  STORAGE: 3,
  /** The data changed meanwhile (a pairing plan made stale by another change): run again. */
  CONFLICT: 4,
  /** A report or file could not be written. */
  OUTPUT: 5,
  /** An unexpected failure (a bug: please report it with the message). */
  INTERNAL: 70,
} as const;

/** One of the {@link EXIT_CODES}. @category CLI */
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

/** A usage error raised by a command (a bad option value). @internal */
export class UsageError extends Error {
  override name = "UsageError";
}

/** An output file that could not be written (its message names the option). @internal */
export class OutputError extends Error {
  override name = "OutputError";
}

/** The exit code an error stands for. @internal */
export function exitCodeOf(error: unknown): ExitCode {
  if (error instanceof UsageError) return EXIT_CODES.USAGE;
  if (error instanceof OutputError) return EXIT_CODES.OUTPUT;
  if (isLiushouError(error, ErrorCode.VALIDATION) || isLiushouError(error, ErrorCode.NOT_FOUND)) {
    return EXIT_CODES.VALIDATION;
  }
  if (isLiushouError(error, ErrorCode.STORAGE)) return EXIT_CODES.STORAGE;
  if (isLiushouError(error, ErrorCode.CONFLICT)) return EXIT_CODES.CONFLICT;
  if (isLiushouError(error, ErrorCode.RENDER)) return EXIT_CODES.OUTPUT;
  const code = (error as { code?: unknown } | null)?.code;
  if (
    typeof code === "string" &&
    /^E(ACCES|NOENT|ISDIR|NOTDIR|EXIST|ROFS|NOSPC|PERM)$/.test(code)
  ) {
    return EXIT_CODES.OUTPUT;
  }
  return EXIT_CODES.INTERNAL;
}
