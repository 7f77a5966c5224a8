import type { Say } from "./say";

/** How long a step of the demo took. */
export interface StepTiming {
  readonly step: string;
  readonly ms: number;
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
      const result = await work();
      const ms = performance.now() - started;
      timings.push({ step, ms });
      say.line(`    ✓ ${seconds(ms)}`);
      return result;
    },
  };
}
