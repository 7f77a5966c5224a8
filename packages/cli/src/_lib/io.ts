import type { Locale } from "@liushou/core";

/**
 * Where the command reads and writes: the streams, the environment, the working directory and
 * the clock. `runCli` takes it so a host or a test can run the command in-process.
 * @category CLI
 */
export interface CliIo {
  readonly stdout: { write(chunk: string): unknown; readonly isTTY?: boolean };
  readonly stderr: { write(chunk: string): unknown; readonly isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** The current time. Default the system clock. */
  readonly now?: () => Date;
}

/** Settings every command gets: the language, the output mode and the io. @internal */
export interface Session {
  readonly io: CliIo;
  readonly locale: Locale;
  readonly json: boolean;
  /** Writes a line for people (not in `--json` mode, where only the result is printed). */
  say(line: string): void;
  /** Writes the result: JSON in `--json` mode, else the given lines. */
  result(value: unknown, lines: () => readonly string[]): void;
  /** The text in the session's language. */
  t(zh: string, en: string): string;
}

/**
 * The language of the messages: `--lang` if given, else `LC_ALL`, `LC_MESSAGES` or `LANG`
 * starting with `en` gives English; Chinese otherwise (the default).
 * @internal
 */
export function pickLocale(lang: string | undefined, env: CliIo["env"]): Locale {
  const chosen = lang ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? "";
  return /^en/i.test(chosen) ? "en" : "zh-CN";
}

/** Builds the session. @internal */
export function makeSession(io: CliIo, locale: Locale, json: boolean): Session {
  const line = (s: string) => void io.stdout.write(`${s}\n`);
  return {
    io,
    locale,
    json,
    say: (s) => {
      if (!json) line(s);
    },
    result: (value, lines) => {
      if (json) line(JSON.stringify(value, null, 2));
      else for (const l of lines()) line(l);
    },
    t: (zh, en) => (locale === "en" ? en : zh),
  };
}
