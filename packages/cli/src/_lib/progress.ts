import type { Session } from "./io";

/** Reports the advance of a long step. @internal */
export interface Progress {
  /** `done` of `total` units of the step named `label`. */
  update(label: string, done: number, total: number): void;
  /** Ends the current line. */
  done(): void;
}

const WIDTH = 24;

/**
 * Progress on standard error: a bar redrawn in place on a terminal; on a pipe or file, one plain
 * line when a step starts and one when it ends, so logs stay readable.
 * @internal
 */
export function progress(session: Session): Progress {
  const err = session.io.stderr;
  const tty = err.isTTY === true;
  let last = "";
  let open = false;
  return {
    update(label, done, total) {
      if (tty) {
        const ratio = total > 0 ? Math.min(1, done / total) : 1;
        const full = Math.round(ratio * WIDTH);
        const bar = `${"#".repeat(full)}${" ".repeat(WIDTH - full)}`;
        err.write(`\r${label} [${bar}] ${done}/${total} ${Math.round(ratio * 100)}%`);
        open = true;
        return;
      }
      const key = `${label}:${done >= total}`;
      if (key !== last) err.write(`${label}: ${done}/${total}\n`);
      last = key;
    },
    done() {
      if (tty && open) err.write("\n");
      open = false;
    },
  };
}
