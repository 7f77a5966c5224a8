/**
 * SciPy as a native baseline: a long-lived `python3` process that holds its problem and solves
 * it each time a run asks, so a timed run costs the solve and one line over a pipe, not the
 * start of Python: `scripts/scipy_server.py` (the dense slot matrix,
 * `scipy.optimize.linear_sum_assignment`) and `scripts/scipy_sparse_server.py` (the county's
 * candidate graph, `scipy.sparse.csgraph.min_weight_full_bipartite_matching`). Where `python3` with SciPy is missing, {@link scipyStatus} says why and the SciPy cases
 * are left out of the run with a note.
 * @module
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createInterface, type Interface } from "node:readline";

const script = (name: string) => fileURLToPath(new URL(`../scripts/${name}`, import.meta.url));

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

/** What one sparse solve reports: {@link ScipyAnswer} and the priority children paired. */
export interface ScipySparseAnswer extends ScipyAnswer {
  priorityMatched: number;
}

/** A running SciPy solver process answering `A` for each run. */
export class ScipyServer<A> {
  private constructor(
    private readonly proc: ChildProcessWithoutNullStreams,
    private readonly lines: AsyncIterator<string>,
  ) {}

  /** The solver of the dense instance of size `n`. */
  static dense(n: number): Promise<ScipyServer<ScipyAnswer>> {
    return ScipyServer.start("scipy_server.py", [String(n)]);
  }

  /** The solver of the slot graph written into `dir` (`pairing-graph.ts`). */
  static sparse(dir: string): Promise<ScipyServer<ScipySparseAnswer>> {
    return ScipyServer.start("scipy_sparse_server.py", [dir]);
  }

  /** Starts Python and waits until it has built its problem. */
  private static async start<A>(name: string, args: string[]): Promise<ScipyServer<A>> {
    const proc = spawn("python3", [script(name), ...args], { stdio: ["pipe", "pipe", "pipe"] });
    const rl: Interface = createInterface({ input: proc.stdout });
    const lines = rl[Symbol.asyncIterator]();
    proc.stderr.on("data", (d: Buffer) => process.stderr.write(d));
    const first = await lines.next();
    if (first.done || first.value !== "ready") {
      proc.kill();
      throw new Error(`${name} did not start: ${first.done ? "no output" : first.value}`);
    }
    const solver = new ScipyServer<A>(proc, lines);
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
  async solve(): Promise<A> {
    this.hold(true);
    try {
      this.proc.stdin.write("run\n");
      const line = await this.lines.next();
      if (line.done) throw new Error("the SciPy process ended");
      return JSON.parse(line.value) as A;
    } finally {
      this.hold(false);
    }
  }
}
