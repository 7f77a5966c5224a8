import type { Say } from "./say";

/** How long a step of the demo took. */
export interface StepTiming {
  readonly step: string;
  /** Wall-clock milliseconds. */
  readonly ms: number;
  /** Milliseconds of CPU (user and system) this process spent: on a busy machine, the wall time grows and this does not. */
  readonly cpuMs: number;
}

/** CPU milliseconds (user and system) spent by this process since `since`. */
export function cpuMsSince(since: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(since);
  return (user + system) / 1000;
}

/** Milliseconds as seconds with one decimal. */
export const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/**
 * Runs the demo's steps one after another, announcing each and printing how long it took.
 */
export interface StepRunner {
  /** Runs one step. */
  run<T>(zh: string, en: string, work: () => T | Promise<T>): Promise<T>;
  /** The timings so far, in order. */
  readonly timings: readonly StepTiming[];
}

/**
 * Makes a step runner speaking through `say`.
 * @param say - Where the step lines go.
 */
export function createStepRunner(say: Say): StepRunner {
  const timings: StepTiming[] = [];
  let n = 0;
  return {
    timings,
    async run(zh, en, work) {
      const step = say.t(zh, en);
      say.line(`\n[${++n}] ${step}`);
      const started = performance.now();
      const cpu = process.cpuUsage();
      const result = await work();
      const ms = performance.now() - started;
      const cpuMs = cpuMsSince(cpu);
      timings.push({ step, ms, cpuMs });
      say.line(`    ✓ ${seconds(ms)} (CPU ${seconds(cpuMs)})`);
      return result;
    },
  };
}
