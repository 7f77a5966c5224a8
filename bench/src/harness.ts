/**
 * The benchmark harness: runs every case of every `src/*.bench.ts` file, each side (ours and
 * the baseline) in a fresh child process, and prints one aligned table.
 *
 * ## Adding a case
 *
 * Create `bench/src/<topic>.bench.ts` (no edit to `main.ts` is needed: it discovers every
 * `*.bench.ts` file) and default-export a list of cases:
 *
 * ```ts
 * import { defineCase, isFull } from "./harness";
 *
 * export default [
 *   defineCase({
 *     name: "sum numbers",
 *     size: isFull() ? 10_000_000 : 1_000_000,
 *     setup: ({ size }) => Array.from({ length: size }, (_, i) => i),
 *     run: (xs) => xs.reduce((a, b) => a + b, 0),
 *     answer: (sum) => sum,
 *     baseline: {
 *       name: "for loop",
 *       run: (xs) => { let s = 0; for (const x of xs) s += x; return s; },
 *     },
 *   }),
 * ];
 * ```
 *
 * For each case the harness:
 * 1. forks a child process (same `tsx` loader and `@liushou/source` condition, plus
 *    `--expose-gc`), imports the bench file, picks the case, runs `setup` (not timed);
 * 2. runs `run` `warmup` times untimed, then `runs` (at least 5) times timed, a GC before each
 *    (the result of the run before let go first), and keeps every time;
 * 3. reads the process's peak resident set size (`process.resourceUsage().maxRSS`) after setup
 *    and after the runs, so the memory of one case never pollutes another's;
 * 4. does the same for `baseline` in another fresh child;
 * 5. checks that both sides got the same answer: `answer` of each side's last result must be
 *    deep-equal (or, where the sides differ by design, `agree` must accept the pair); otherwise
 *    the case fails, both answers are printed and `pnpm bench` exits 1;
 * 6. prints min, median and max time, throughput (`items` per second at the median), peak RSS,
 *    the growth of peak RSS during the runs (`Δ RSS`), any `metrics` the case reports, and the
 *    time ratio ours ÷ baseline of the medians (below 1 means ours is faster), or
 *    `no difference` when the two min–max ranges overlap.
 *
 * Slow cases: mark a case `full: true` to run it only with `pnpm bench --full` (or
 * `BENCH_FULL=1`), or read {@link isFull} to choose sizes. Filter with an argument:
 * `pnpm bench pairing` runs the cases whose file name or case name contains `pairing`.
 *
 * The machine (processor, cores, memory, Node and V8, load averages) is printed above and below
 * the table. Results are also written to `bench/results/latest.json` (not committed), as
 * `{ machine, results }`.
 * @module
 */
import { fork } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { describeMachine, finishMachine, formatMachine } from "./machine";

/** What every `setup`, `run` and `metrics` function receives. */
export interface BenchContext {
  /** The case's `size`. */
  size: number;
  /** Whether slow cases were asked for (`--full` or `BENCH_FULL=1`). */
  full: boolean;
}

/** Numbers or short strings a case adds to its row, one column per key (e.g. `{ score: 0.98 }`). */
export type BenchMetrics = Record<string, number | string>;

/** The comparison run in the same benchmark run as a case: what a user would do without us. */
export interface BenchBaseline<S> {
  /** What the baseline is, in a few words ("bare zod safeParse"). */
  name: string;
  /** Its own setup, if it needs different data; by default the case's `setup` is used. */
  setup?: (ctx: BenchContext) => S | Promise<S>;
  /** The timed operation. */
  run: (state: S, ctx: BenchContext) => unknown;
  /** Metrics of the last run's result; by default the case's `metrics`. */
  metrics?: (result: unknown, state: S, ctx: BenchContext) => BenchMetrics;
  /** Items processed per run, when it differs from the case's. */
  items?: number;
  /** The answer of the baseline's last result; by default the case's `answer`. */
  answer?: (result: unknown, state: S, ctx: BenchContext) => unknown;
}

/**
 * One benchmark case: an operation at a size, with an optional baseline.
 * @typeParam S - what `setup` returns and `run` receives.
 */
export interface BenchCase<S = unknown> {
  /** The operation, e.g. "validate child files". */
  name: string;
  /** The size of the input (children, mentors, records…), shown in the table. */
  size: number;
  /** Items processed per run, for throughput; default `size`. */
  items?: number;
  /** Builds the input once per process; not timed. The state is passed to `run`. */
  setup?: (ctx: BenchContext) => S | Promise<S>;
  /** The timed operation. May return a promise (awaited inside the timing). */
  run: (state: S, ctx: BenchContext) => unknown;
  /** The comparison measured in the same run. */
  baseline?: BenchBaseline<S>;
  /** Extra columns computed from the last run's result (e.g. a score). */
  metrics?: (result: unknown, state: S, ctx: BenchContext) => BenchMetrics;
  /**
   * What the result says, in plain data both sides must share (a count, a score, a table of
   * totals). Required with a baseline: the harness fails the case unless the answers of the two
   * sides are deep-equal, or `agree` accepts them.
   */
  answer?: (result: unknown, state: S, ctx: BenchContext) => unknown;
  /**
   * For sides that differ by design (an optimal plan against a greedy one): checks the two
   * answers instead of equality and returns why they are inconsistent, or `undefined`.
   */
  agree?: (ours: any, baseline: any) => string | undefined;
  /** Timed runs (at least 5, the default): min, median and max are reported. */
  runs?: number;
  /** Untimed runs before the timed ones. Default 1. */
  warmup?: number;
  /** Run only with `--full` / `BENCH_FULL=1`. */
  full?: boolean;
  /** Kill the child process after this many milliseconds. Default 10 minutes. */
  timeoutMs?: number;
  /**
   * Four (or more) sizes to measure how time grows: each side also runs at every size (in its
   * own process, `ctx.size` set to it; the case's `size` is reused if listed) and the table
   * shows the growth exponent, the slope of log(median time) over log(size): 1 is linear.
   * `setup` must build its input from `ctx.size`.
   */
  growthSizes?: readonly number[];
}

/**
 * What a `*.bench.ts` file default-exports: a list of cases, or a function returning one
 * (called with `{ full }`).
 */
export type BenchModule =
  | readonly BenchCase<any>[]
  | ((ctx: { full: boolean }) => readonly BenchCase<any>[] | Promise<readonly BenchCase<any>[]>);

/**
 * Declares a case with its state type inferred from `setup` (an identity function for typing).
 * @example
 * export default [defineCase({ name: "noop", size: 1, run: () => 0 })];
 */
export function defineCase<S>(c: BenchCase<S>): BenchCase<any> {
  return c as BenchCase<any>;
}

/**
 * Whether slow cases are wanted: `--full` on the command line or `BENCH_FULL=1`.
 * @example
 * const n = isFull() ? 2_000 : 1_000;
 */
export function isFull(): boolean {
  return process.env.BENCH_FULL === "1" || process.argv.includes("--full");
}

/**
 * Collects the garbage of a case's setup and restarts the process's peak RSS count (Linux: `5`
 * written to `/proc/self/clear_refs`), so that the side's peak RSS is what holding its input and
 * running it take, not what building the input took. A no-op where the count cannot be restarted
 * (then the peak includes the setup, as for every other case).
 * @returns `value`, for `setup: () => settled(build())`.
 * @example
 * setup: () => settled(generatePopulation({ preset: "county", asOf })),
 */
export function settled<T>(value: T): T {
  (globalThis as { gc?: () => void }).gc?.();
  try {
    writeFileSync("/proc/self/clear_refs", "5");
  } catch {
    // not Linux, or not allowed: the peak keeps counting from the start of the process
  }
  return value;
}

/** One side (ours or the baseline) as measured in a child process. */
export interface SideResult {
  name: string;
  items: number;
  /** Every timed run in milliseconds. */
  timesMs: number[];
  minMs: number;
  medianMs: number;
  maxMs: number;
  /** The side's answer (see {@link BenchCase.answer}). */
  answer?: unknown;
  /** Peak RSS of the process after setup, in bytes. */
  setupPeakRss: number;
  /** Peak RSS of the process at the end, in bytes. */
  peakRss: number;
  metrics: BenchMetrics;
  /** Growth exponent over the case's `growthSizes`, when it has them. */
  growth?: number;
  /** Median time at each of the case's `growthSizes`, in milliseconds. */
  growthMs?: Record<string, number>;
}

/** One row of the report. */
export interface CaseResult {
  file: string;
  name: string;
  size: number;
  ours?: SideResult;
  baseline?: SideResult;
  /** ours median ÷ baseline median. */
  ratio?: number;
  /** Whether the min–max ranges of the two sides overlap: then the ratio means nothing. */
  overlap?: boolean;
  error?: string;
}

/** A case found in a bench file, addressed by file and index so a child process can find it. */
interface CaseRef {
  file: string;
  index: number;
  c: BenchCase<any>;
}

type Side = "ours" | "baseline";

type ChildMessage = { ok: true; result: SideResult } | { ok: false; error: string };

async function loadCases(file: string, full: boolean): Promise<readonly BenchCase<any>[]> {
  const mod = (await import(pathToFileURL(file).href)) as { default?: BenchModule };
  const def = mod.default;
  if (def === undefined) throw new Error(`${file} has no default export`);
  return typeof def === "function" ? await def({ full }) : def;
}

/** The fewest timed runs of a side: enough for a min–max range that means something. */
export const MIN_RUNS = 5;

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * Runs one side of one case in this process and sends the result to the parent. Called by
 * `main.ts` when started as a child (`--child <file> <index> <side>`).
 */
export async function runChild(
  file: string,
  index: number,
  side: Side,
  size?: number,
): Promise<void> {
  const send = (m: ChildMessage) =>
    new Promise<void>((resolve) => (process.send ? process.send(m, () => resolve()) : resolve()));
  try {
    const full = isFull();
    const c = (await loadCases(file, full))[index];
    if (!c) throw new Error(`no case ${index} in ${file}`);
    const ctx: BenchContext = { size: size ?? c.size, full };
    const b = c.baseline;
    if (side === "baseline" && !b) throw new Error(`case ${c.name} has no baseline`);
    const setup = side === "baseline" && b?.setup ? b.setup : c.setup;
    const run = side === "baseline" ? b!.run : c.run;
    const metrics = side === "baseline" ? (b!.metrics ?? c.metrics) : c.metrics;
    const answer = side === "baseline" ? (b!.answer ?? c.answer) : c.answer;
    const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
    const state = setup ? await setup(ctx) : undefined;
    gc();
    const setupPeakRss = process.resourceUsage().maxRSS * 1024;
    for (let i = 0; i < (c.warmup ?? 1); i++) await run(state, ctx);
    const timesMs: number[] = [];
    let result: unknown;
    for (let i = 0; i < Math.max(MIN_RUNS, c.runs ?? MIN_RUNS); i++) {
      // The run before's result is let go first: it is not live (nor marked) through this run.
      result = undefined;
      gc();
      const t0 = performance.now();
      result = await run(state, ctx);
      timesMs.push(performance.now() - t0);
    }
    const peakRss = process.resourceUsage().maxRSS * 1024;
    await send({
      ok: true,
      result: {
        name: side === "baseline" ? b!.name : c.name,
        items: (side === "baseline" ? b!.items : undefined) ?? c.items ?? c.size,
        timesMs,
        minMs: Math.min(...timesMs),
        medianMs: median(timesMs),
        maxMs: Math.max(...timesMs),
        setupPeakRss,
        peakRss,
        metrics: metrics ? metrics(result, state, ctx) : {},
        ...(answer ? { answer: answer(result, state, ctx) } : {}),
      },
    });
  } catch (e) {
    await send({ ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
}

function runSide(
  entry: string,
  ref: CaseRef,
  side: Side,
  full: boolean,
  size?: number,
): Promise<SideResult> {
  return new Promise((resolve, reject) => {
    const args = ["--child", ref.file, String(ref.index), side];
    if (size !== undefined) args.push(String(size));
    const child = fork(entry, args, {
      execArgv: [...process.execArgv, "--expose-gc"],
      env: { ...process.env, BENCH_FULL: full ? "1" : "0" },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    let message: ChildMessage | undefined;
    const timeout = ref.c.timeoutMs ?? 10 * 60_000;
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`timed out after ${timeout} ms`));
    }, timeout);
    child.on("message", (m) => (message = m as ChildMessage));
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      if (message?.ok) resolve(message.result);
      else if (message) reject(new Error(message.error));
      else reject(new Error(`child exited with ${signal ?? code} and no result`));
    });
  });
}

/** Options of {@link runBenchmarks}. */
export interface RunOptions {
  /** The bench files (absolute paths). */
  files: readonly string[];
  /** The script a child process runs: it must call {@link runChild} on `--child`. */
  entry: string;
  /** Keep only cases whose file name or case name contains this (case-insensitive). */
  filter?: string;
  /** Run slow cases too. */
  full: boolean;
  /** Where to write `latest.json`; none if absent. */
  resultsDir?: string;
}

/**
 * Runs every selected case (each side in its own child process), prints the table and returns
 * the rows.
 */
export async function runBenchmarks(options: RunOptions): Promise<CaseResult[]> {
  const filter = options.filter?.toLowerCase();
  const refs: CaseRef[] = [];
  for (const file of options.files) {
    const cases = await loadCases(file, options.full);
    const fileName = benchName(file);
    cases.forEach((c, index) => {
      if (c.full && !options.full) return;
      if (
        filter &&
        !fileName.toLowerCase().includes(filter) &&
        !c.name.toLowerCase().includes(filter)
      )
        return;
      refs.push({ file, index, c });
    });
  }
  if (refs.length === 0) {
    console.log(`No benchmark case matches${filter ? ` "${options.filter}"` : ""}.`);
    return [];
  }
  const machine = describeMachine();
  console.log(
    `Running ${refs.length} case(s)${options.full ? " (full)" : ""}; each side in a fresh process.\n` +
      `Machine: ${formatMachine(machine)}\n`,
  );
  const results: CaseResult[] = [];
  for (const ref of refs) {
    const row: CaseResult = { file: benchName(ref.file), name: ref.c.name, size: ref.c.size };
    process.stdout.write(`  ${row.file} › ${row.name} (${fmtInt(row.size)}) … `);
    try {
      row.ours = await runSide(options.entry, ref, "ours", options.full);
      await measureGrowth(options.entry, ref, "ours", options.full, row.ours);
      if (ref.c.baseline) {
        row.baseline = await runSide(options.entry, ref, "baseline", options.full);
        await measureGrowth(options.entry, ref, "baseline", options.full, row.baseline);
        row.ratio = row.ours.medianMs / row.baseline.medianMs;
        row.overlap = overlaps(row.ours, row.baseline);
        const disagreement = compareAnswers(ref.c, row.ours, row.baseline);
        if (disagreement !== undefined) throw new Error(disagreement);
      }
      process.stdout.write(`${fmtMs(row.ours.medianMs)}\n`);
    } catch (e) {
      row.error = e instanceof Error ? e.message.split("\n")[0] : String(e);
      process.stdout.write(`failed\n`);
      console.error(e instanceof Error ? e.message : e);
    }
    results.push(row);
  }
  const finished = finishMachine(machine);
  console.log(`\n${formatTable(results)}\n\nMachine: ${formatMachine(finished)}`);
  if (options.resultsDir) {
    mkdirSync(options.resultsDir, { recursive: true });
    const latest = { machine: finished, results };
    writeFileSync(join(options.resultsDir, "latest.json"), `${JSON.stringify(latest, null, 2)}\n`);
  }
  return results;
}

/** Runs a side at each of the case's `growthSizes` and sets its growth exponent. */
async function measureGrowth(
  entry: string,
  ref: CaseRef,
  side: Side,
  full: boolean,
  result: SideResult,
): Promise<void> {
  const sizes = ref.c.growthSizes;
  if (!sizes || sizes.length < 2) return;
  const ms: Record<string, number> = {};
  for (const size of sizes) {
    ms[size] =
      size === ref.c.size
        ? result.medianMs
        : (await runSide(entry, ref, side, full, size)).medianMs;
  }
  result.growthMs = ms;
  result.growth = growthExponent(sizes.map((size) => [size, ms[size]!]));
}

/**
 * The least-squares slope of log(time) over log(size): 1 when time grows linearly with size,
 * 2 when quadratically.
 */
export function growthExponent(points: readonly (readonly [number, number])[]): number {
  const xs = points.map(([size]) => Math.log(size));
  const ys = points.map(([, ms]) => Math.log(ms));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  xs.forEach((x, i) => {
    num += (x - mx) * (ys[i]! - my);
    den += (x - mx) ** 2;
  });
  return num / den;
}

/** Whether two sides' min–max time ranges overlap. */
export function overlaps(a: SideResult, b: SideResult): boolean {
  return a.minMs <= b.maxMs && b.minMs <= a.maxMs;
}

/**
 * Why the two sides of a case disagree, or `undefined` when their answers match (deep-equal, or
 * accepted by the case's `agree`).
 */
export function compareAnswers(
  c: Pick<BenchCase<any>, "name" | "answer" | "agree">,
  ours: Pick<SideResult, "answer">,
  baseline: Pick<SideResult, "answer">,
): string | undefined {
  if (c.answer === undefined) {
    return `case "${c.name}" has a baseline but no answer: the two sides are not checked`;
  }
  if (c.agree !== undefined) {
    const why = c.agree(ours.answer, baseline.answer);
    return why === undefined ? undefined : `ours and the baseline disagree: ${why}`;
  }
  const a = canonical(ours.answer);
  const b = canonical(baseline.answer);
  return a === b
    ? undefined
    : `ours and the baseline give different answers:\n  ours:     ${a.slice(0, 500)}\n  baseline: ${b.slice(0, 500)}`;
}

/** JSON with object keys sorted, so equal answers give equal text. */
function canonical(value: unknown): string {
  return (
    JSON.stringify(value, (_k, v: unknown) =>
      v !== null && typeof v === "object" && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => x.localeCompare(y)))
        : v,
    ) ?? "undefined"
  );
}

function benchName(file: string): string {
  return basename(file).replace(/\.bench\.ts$/, "");
}

/**
 * Renders results as plain-text tables, one per bench file (each with its own metric columns):
 * one row for ours and, below it, one for the baseline. `ratio` is ours ÷ baseline median time.
 */
export function formatTable(results: readonly CaseResult[]): string {
  const files = [...new Set(results.map((r) => r.file))];
  return [
    ...files.map((f) => formatGroup(results.filter((r) => r.file === f))),
    [
      `min / median / max of ${MIN_RUNS} or more timed runs after warm-up; items/s = items ÷ median; peak RSS =`,
      "process.resourceUsage().maxRSS of the case's own process (includes the loader and setup data); Δ RSS = growth",
      'of that peak during the runs; ratio = our median ÷ the baseline\'s (below 1: ours is faster), or "no difference"',
      "when the two min–max ranges overlap; growth = slope of log(median) over log(size) across the case's four",
      "sizes (1: linear). Every case with a baseline checks that both sides give the same answer.",
    ].join("\n"),
  ].join("\n\n");
}

/** One table for the cases of one bench file, with that file's metric columns. */
function formatGroup(results: readonly CaseResult[]): string {
  const metricKeys = [
    ...new Set(
      results.flatMap((r) => [
        ...Object.keys(r.ours?.metrics ?? {}),
        ...Object.keys(r.baseline?.metrics ?? {}),
      ]),
    ),
  ];
  /** The figure columns, right-aligned; the case's own metrics follow them. */
  const figures = [
    "size",
    "min",
    "median",
    "max",
    "items/s",
    "peak RSS",
    "Δ RSS",
    "ratio",
    "growth",
  ];
  const header = ["bench", "case", ...figures, ...metricKeys];
  const right = new Set(figures);
  const rows: string[][] = [];
  const side = (file: string, label: string, size: number, s: SideResult, ratio: string) => [
    file,
    label,
    fmtInt(size),
    fmtMs(s.minMs),
    fmtMs(s.medianMs),
    fmtMs(s.maxMs),
    fmtRate(s.items / (s.medianMs / 1000)),
    fmtBytes(s.peakRss),
    `+${fmtBytes(Math.max(0, s.peakRss - s.setupPeakRss))}`,
    ratio,
    s.growth === undefined ? "" : s.growth.toFixed(2),
    ...metricKeys.map((k) => fmtMetric(s.metrics[k])),
  ];
  for (const r of results) {
    if (r.error || !r.ours) {
      rows.push([
        r.file,
        r.name,
        fmtInt(r.size),
        ...figures.slice(1).map((f) => (f === "median" ? "error" : "")),
        ...metricKeys.map(() => ""),
        r.error ?? "",
      ]);
      continue;
    }
    const ratio =
      r.ratio === undefined ? "" : r.overlap ? "no difference" : `${r.ratio.toFixed(2)}×`;
    rows.push(side(r.file, r.name, r.size, r.ours, ratio));
    if (r.baseline) rows.push(side("", `  vs ${r.baseline.name}`, r.size, r.baseline, "1.00×"));
  }
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((row) => (row[i] ?? "").length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) =>
        right.has(header[i] ?? "") ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0),
      )
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

function fmtInt(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

function fmtMs(ms: number): string {
  if (ms < 1) return `${(ms * 1000).toFixed(0)} µs`;
  if (ms < 1000) return `${ms.toFixed(ms < 10 ? 2 : ms < 100 ? 1 : 0)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

function fmtRate(perSecond: number): string {
  if (!Number.isFinite(perSecond)) return "∞";
  if (perSecond >= 1e9) return `${(perSecond / 1e9).toFixed(2)} G/s`;
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(2)} M/s`;
  if (perSecond >= 1e3) return `${(perSecond / 1e3).toFixed(1)} k/s`;
  return `${perSecond.toFixed(1)} /s`;
}

function fmtBytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(0)} MB`;
}

function fmtMetric(v: number | string | undefined): string {
  if (v === undefined) return "";
  if (typeof v === "string") return v;
  if (Number.isInteger(v) || Math.abs(v) >= 1000) return fmtInt(v);
  return v.toPrecision(4);
}

/** The directory of the bench package (parent of `src`). */
export function benchRoot(fromFile: string): string {
  return dirname(dirname(fromFile));
}
