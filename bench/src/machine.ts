/**
 * The machine a benchmark ran on, printed above its table and kept in `latest.json`, so that a
 * figure quoted from `pnpm bench` can say where it was measured: machines differ by two to four
 * times on the same build, and only ratios measured in one run carry over.
 * @module
 */
import { availableParallelism, cpus, loadavg, release, totalmem } from "node:os";

/** What the benchmarks know of the machine and its load. */
export interface Machine {
  /** The processor's model name as the operating system reports it. */
  cpu: string;
  /** Threads Node may run at once (`os.availableParallelism()`). */
  cores: number;
  /** Physical memory, rounded to whole gigabytes. */
  memoryGb: number;
  /** `process.version`. */
  node: string;
  /** `process.versions.v8`. */
  v8: string;
  /** Platform, architecture and kernel release. */
  os: string;
  /** The 1, 5 and 15 minute load averages when the run started. */
  loadBefore: readonly number[];
  /** The same when it ended (set by {@link finishMachine}). */
  loadAfter?: readonly number[];
}

const load = (): number[] => loadavg().map((l) => Number(l.toFixed(1)));

/** The machine as the run starts. */
export function describeMachine(): Machine {
  return {
    cpu: cpus()[0]?.model.trim() || "unknown",
    cores: availableParallelism(),
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    v8: process.versions.v8,
    os: `${process.platform} ${process.arch} ${release()}`,
    loadBefore: load(),
  };
}

/** The machine with the load averages at the end of the run. */
export function finishMachine(m: Machine): Machine {
  return { ...m, loadAfter: load() };
}

/**
 * One line, as `AMD EPYC, 2 cores, 24 GB, Node v20.20.2 (V8 11.3…), linux x64 …; load average
 * 0.3 0.9 0.5 before, 1.7 1.9 2.7 after` (no `after` before the run ends).
 */
export function formatMachine(m: Machine): string {
  const loads = (l: readonly number[]) => l.map((x) => x.toFixed(1)).join(" ");
  const after = m.loadAfter ? ` before, ${loads(m.loadAfter)} after` : "";
  return (
    `${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, Node ${m.node} (V8 ${m.v8}), ${m.os}; ` +
    `load average ${loads(m.loadBefore)}${after}`
  );
}
