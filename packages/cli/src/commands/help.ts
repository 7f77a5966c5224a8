import type { Session } from "../_lib/io";

/** The examples block of a command's `--help`. @internal */
export function examples(session: Session, lines: readonly (readonly [string, string])[]): string {
  const width = Math.max(...lines.map(([cmd]) => cmd.length));
  return `\n${session.t("示例", "Examples")}:\n${lines.map(([cmd, what]) => `  $ ${cmd.padEnd(width)}  # ${what}`).join("\n")}\n`;
}
