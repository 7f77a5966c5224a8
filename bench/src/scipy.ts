/**
 * SciPy as a native baseline: a long-lived `python3` process (`scripts/scipy_server.py`) that
 * holds the dense slot matrix and solves it with `scipy.optimize.linear_sum_assignment` each
 * time a run asks, so a timed run costs the solve and one line over a pipe, not the start of
 * Python. Where `python3` with SciPy is missing, {@link scipyStatus} says why and the SciPy cases
 * are left out of the run with a note.
 * @module
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createInterface, type Interface } from "node:readline";

const SERVER = fileURLToPath(new URL("../scripts/scipy_server.py", import.meta.url));

let status: string | undefined;

/** `"ok"` when `python3` can import NumPy and SciPy, else the reason (checked once). */
export function scipyStatus(): string {
  if (status === undefined) {
    const r = spawnSync("python3", ["-c", "import numpy, scipy; print(scipy.__version__)"], {
      encoding: "utf8",
    });
    status =
      r.status === 0
        ? "ok"
        : r.error
          ? `python3 not found (${r.error.message})`
          : `python3 cannot import scipy: ${(r.stderr || "").trim().split("\n").at(-1)}`;
  }
  return status;
}

/** What one SciPy solve reports: its own time, the optimal score and the children paired. */
export interface ScipyAnswer {
  ms: number;
  score: number;
  matched: number;
}

/** A running SciPy solver for the dense instance of size `n`. */
export class ScipyDense {
  private constructor(
    private readonly proc: ChildProcessWithoutNullStreams,
    private readonly lines: AsyncIterator<string>,
  ) {}

  /** Starts Python and waits until it has built the matrix. */
  static async start(n: number): Promise<ScipyDense> {
    const proc = spawn("python3", [SERVER, String(n)], { stdio: ["pipe", "pipe", "pipe"] });
    const rl: Interface = createInterface({ input: proc.stdout });
    const lines = rl[Symbol.asyncIterator]();
    proc.stderr.on("data", (d: Buffer) => process.stderr.write(d));
    const first = await lines.next();
    if (first.done || first.value !== "ready") {
      proc.kill();
      throw new Error(`scipy_server.py did not start: ${first.done ? "no output" : first.value}`);
    }
    const solver = new ScipyDense(proc, lines);
    solver.hold(false); // Python must not keep the benchmark process alive
    return solver;
  }

  /** Keeps the process (and its pipes) referenced while a solve is under way. */
  private hold(on: boolean): void {
    const handles = [this.proc, this.proc.stdin, this.proc.stdout, this.proc.stderr] as unknown as {
      ref(): void;
      unref(): void;
    }[];
    for (const h of handles)
      if (on) h.ref();
      else h.unref();
  }

  /** Solves once (timed by the harness, including the pipe). */
  async solve(): Promise<ScipyAnswer> {
    this.hold(true);
    try {
      this.proc.stdin.write("run\n");
      const line = await this.lines.next();
      if (line.done) throw new Error("scipy_server.py ended");
      return JSON.parse(line.value) as ScipyAnswer;
    } finally {
      this.hold(false);
    }
  }
}
