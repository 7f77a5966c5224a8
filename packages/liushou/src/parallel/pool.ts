/**
 * The worker pool of the partitioned functions: the keys go to a pool of worker threads, each
 * worker loads and summarizes its partitions with the host's loader module, and the main thread
 * reads the summaries in key order.
 * @module
 */
import { availableParallelism } from "node:os";
import { isAbsolute } from "node:path";
import { pathToFileURL } from "node:url";
import { MessageChannel, type ResourceLimits } from "node:worker_threads";
import {
  ErrorCode,
  fieldIssue,
  LiushouError,
  text,
  validate,
  ValidationError,
  type LocalizedText,
} from "@liushou/core";
import Tinypool from "tinypool";
import * as z from "zod";
import type { JobMessage, WorkerJob } from "./task";
import { unsettle, type Settled } from "./transfer";

/**
 * The options every function on worker threads takes: the partitions' keys, the host's loader
 * module, the number of threads and, optionally, each thread's heap limit and young generation.
 * @example
 * const pool: PoolOptions = {
 *   keys: ["430102", "430103"],
 *   loader: new URL("./load-county.js", import.meta.url),
 *   workers: 2,
 *   heapLimitMb: 512, // a county needs about 250 MB; a larger one fails with a LiushouError naming it
 *   youngGenerationMb: 128, // fewer scavenges: faster pairing, at up to 128 MB more a worker
 * };
 * @category Composition
 */
export interface PoolOptions {
  /** The partition keys (county codes), merged in this order. */
  keys: readonly string[];
  /**
   * The host's loading module: a `file:` URL (a `URL` or its string) or a file path; a relative
   * path is resolved against `process.cwd()`.
   */
  loader: string | URL;
  /** Worker threads. Default: the machine's available parallelism (at most 64). */
  workers?: number;
  /**
   * Each worker thread's heap limit in MB (V8's old generation). Without one, a worker's heap
   * grows with its garbage between collections, up to V8's own limit, well past what one
   * partition holds; with one, it collects sooner and stays near the limit, so the pool's memory
   * is bounded by `workers × heapLimitMb` and the main thread's merge. A partition that needs
   * more fails with a `LiushouError` naming it. Default: no limit of its own.
   */
  heapLimitMb?: number;
  /**
   * Each worker thread's young generation in MB (V8's space for new objects, collected by the
   * cheap scavenges). Larger means fewer scavenges and fewer short-lived objects promoted to
   * the old generation, at more memory a worker (V8 adds about 1.5 MB of heap limit a MB):
   * pairing a province's counties took a fifth less CPU with 128 than with V8's default of
   * about 50 MB under `heapLimitMb: 512` (measured in `docs/guide/province-scale.md`);
   * compliance hardly changes. Default: V8's own size.
   */
  youngGenerationMb?: number;
}

const PoolSchema = z.object({
  keys: z.array(z.string().min(1)).min(1),
  loader: z.union([z.string().min(1), z.instanceof(URL)]),
  workers: z.number().int().min(1).max(64).optional(),
  heapLimitMb: z.number().int().min(64).max(1_048_576).optional(),
  youngGenerationMb: z.number().int().min(8).max(4_096).optional(),
});

/** The worker threads' `resourceLimits` from the pool's options (none when neither is set). */
function resourceLimitsOf(
  pool: Pick<z.infer<typeof PoolSchema>, "heapLimitMb" | "youngGenerationMb">,
): ResourceLimits | undefined {
  const limits: ResourceLimits = {};
  if (pool.heapLimitMb !== undefined) limits.maxOldGenerationSizeMb = pool.heapLimitMb;
  if (pool.youngGenerationMb !== undefined)
    limits.maxYoungGenerationSizeMb = pool.youngGenerationMb;
  return Object.keys(limits).length > 0 ? limits : undefined;
}

/** The pool options, validated (a ValidationError under `subject`), and the rest. */
export function splitPoolOptions<T extends PoolOptions>(
  input: T,
  subject: LocalizedText,
): { pool: z.infer<typeof PoolSchema>; options: Omit<T, keyof PoolOptions> } {
  const pool = validate(
    PoolSchema,
    {
      keys: input?.keys,
      loader: input?.loader,
      workers: input?.workers,
      heapLimitMb: input?.heapLimitMb,
      youngGenerationMb: input?.youngGenerationMb,
    },
    { subject },
  );
  const {
    keys: _k,
    loader: _l,
    workers: _w,
    heapLimitMb: _h,
    youngGenerationMb: _y,
    ...options
  } = input;
  return { pool, options };
}

/** The worker module: the compiled one, or the TypeScript sources through tsx. */
function workerModule(): { filename: string; execArgv: string[] } {
  const here = import.meta.url;
  if (here.endsWith(".ts")) {
    return {
      filename: new URL("./worker-source.mjs", here).href,
      execArgv: ["--conditions=@liushou/source"],
    };
  }
  // The ES module build of the worker serves both builds: workers import it.
  return { filename: new URL("./compliance-worker.js", here).href, execArgv: [] };
}

/**
 * The loader as a URL a worker can import: a `URL` or a URL string as given, a path (absolute,
 * or relative to `process.cwd()`) as its file URL, `#`, `%` and spaces escaped.
 */
function loaderHref(loader: string | URL): string {
  if (loader instanceof URL) return loader.href;
  // Before the scheme test: `C:\loader.mjs` is a Windows path, not a URL of scheme `c`.
  if (isAbsolute(loader) || !/^[a-z][a-z0-9+.-]*:/i.test(loader)) return pathToFileURL(loader).href;
  try {
    return new URL(loader).href;
  } catch (e) {
    throw new ValidationError(
      [
        fieldIssue(
          "loader",
          "invalid_format",
          text("应为 file: URL 或文件路径", "expected a file: URL or a file path"),
          loader,
        ),
      ],
      { cause: e },
    );
  }
}

/**
 * The first place in `value` that structured clone cannot copy (a function, a symbol, …): its
 * path under `path`, its value and the clone's error; undefined when all of it can be copied.
 */
function uncloneable(
  value: unknown,
  path: string,
  depth = 0,
): { path: string; value: unknown; error: unknown } | undefined {
  try {
    structuredClone(value);
    return undefined;
  } catch (error) {
    const proto = typeof value === "object" && value !== null && Object.getPrototypeOf(value);
    if (depth < 32 && (Array.isArray(value) || proto === Object.prototype || proto === null)) {
      let entries: [string, unknown][] = [];
      try {
        entries = Object.entries(value as object);
      } catch {
        // A getter that throws: the error is this value's.
      }
      for (const [k, v] of entries) {
        const at = Array.isArray(value) ? `${path}[${k}]` : path ? `${path}.${k}` : k;
        const inner = uncloneable(v, at, depth + 1);
        if (inner) return inner;
      }
    }
    return { path, value, error };
  }
}

/**
 * Checks that the options can be copied to the worker threads (structured clone): a
 * ValidationError naming the first field that cannot, pointing to `oneThread`.
 */
export function requireCloneable(options: object, subject: LocalizedText, oneThread: string): void {
  const bad = uncloneable(options, "");
  if (!bad) return;
  throw new ValidationError(
    [
      fieldIssue(
        bad.path,
        "invalid_type",
        text(
          `无法复制到工作线程（函数等值不能结构化克隆）：请去掉它，或用单线程的 ${oneThread}`,
          `cannot be copied to worker threads (structured clone copies no functions and the like): leave it out, or use ${oneThread} in one thread`,
        ),
        bad.value,
      ),
    ],
    { subject, cause: bad.error },
  );
}

/** The error of a partition whose worker thread failed: a `LiushouError` naming it. */
function workerLost(e: unknown, key: string, heapLimitMb: number | undefined): LiushouError {
  if ((e as { code?: unknown } | null)?.code === "ERR_WORKER_OUT_OF_MEMORY") {
    const limit = heapLimitMb === undefined ? "" : ` (heapLimitMb ${heapLimitMb})`;
    return new LiushouError(
      ErrorCode.ERROR,
      text(
        `分区 ${key} 的工作线程内存不足${limit}：请调高 heapLimitMb 或缩小分区`,
        `the worker thread of partition ${key} ran out of memory${limit}: raise heapLimitMb or make the partition smaller`,
      ),
      { cause: e },
    );
  }
  const why = e instanceof Error ? e.message : String(e);
  return new LiushouError(
    ErrorCode.ERROR,
    text(
      `分区 ${key} 的工作线程出错（${why}）`,
      `the worker thread of partition ${key} failed (${why})`,
    ),
    { cause: e },
  );
}

/** The error of a partition whose worker thread ended before answering, with its exit code. */
function workerExited(key: string, exitCode: number | undefined): LiushouError {
  const code = exitCode === undefined ? "" : `（退出码 ${exitCode}）`;
  const codeEn = exitCode === undefined ? "" : ` (exit code ${exitCode})`;
  return new LiushouError(
    ErrorCode.ERROR,
    text(
      `分区 ${key} 的工作线程意外退出${code}，没有送回结果：加载模块或分区使线程结束了（如调用 process.exit）`,
      `the worker thread of partition ${key} exited unexpectedly${codeEn} before sending its result: the loader or the partition ended the thread (process.exit, a crash)`,
    ),
  );
}

/**
 * The pool's threads, watched from their start: each one's exit code by thread id, so a
 * partition whose thread ended can name it, and the pool can wait for the living ones to end.
 */
class Threads {
  readonly #exits = new Map<number, Promise<number>>();
  readonly #tinypool: Tinypool;

  constructor(tinypool: Tinypool) {
    this.#tinypool = tinypool;
  }

  /** Watches the threads the pool started since the last call. */
  watch(): void {
    for (const thread of this.#tinypool.threads) {
      if (this.#exits.has(thread.threadId)) continue;
      this.#exits.set(thread.threadId, new Promise((r) => thread.once("exit", r)));
    }
  }

  /**
   * The exit code of a thread that ended, once its exit and the pool's own error for it (out
   * of memory) are in; undefined when unknown or not in within a second.
   */
  async exitCode(threadId: number | undefined): Promise<number | undefined> {
    const exit = threadId === undefined ? undefined : this.#exits.get(threadId);
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([
      exit,
      new Promise<undefined>((r) => (timer = setTimeout(() => r(undefined), 1_000))),
    ]);
    clearTimeout(timer);
    await new Promise((r) => setImmediate(r));
    return code;
  }

  /**
   * Terminates the pool and waits for its threads to end. The pool's own `destroy` would wait
   * forever for a thread that had exited by itself, so a watched thread counts once it exits.
   */
  async destroy(): Promise<void> {
    this.watch();
    await Promise.race([this.#tinypool.destroy(), Promise.all(this.#exits.values())]);
  }
}

/**
 * Runs one job on the pool. Its answer comes on a port of its own, before the port closes; a
 * port that closes first means the thread ended, so the job fails naming its partition, never
 * waits forever.
 */
function runOnPool<S>(
  tinypool: Tinypool,
  threads: Threads,
  job: WorkerJob,
  key: string,
  heapLimitMb: number | undefined,
): Promise<Settled<S>> {
  return new Promise((resolve, reject) => {
    const { port1, port2 } = new MessageChannel();
    let threadId: number | undefined;
    let done = false;
    const finish = (settle: () => void) => {
      if (done) return;
      done = true;
      port1.close();
      settle();
    };
    port1.on("message", (m: JobMessage) => {
      if ("started" in m) threadId = m.started;
      else finish(() => resolve(m.settled as Settled<S>));
    });
    port1.on("close", () => {
      if (!done)
        void threads
          .exitCode(threadId)
          .then((code) => finish(() => reject(workerExited(key, code))));
    });
    (
      tinypool.run({ ...job, port: port2 } satisfies WorkerJob, {
        name: "runJob",
        transferList: [port2],
      }) as Promise<unknown>
    ).catch((e: unknown) => {
      threads.watch();
      finish(() => reject(workerLost(e, key, heapLimitMb)));
    });
  });
}

/**
 * Runs a job for every key on a pool of worker threads and hands `merge` the results in key
 * order, as they come: reading the result of a partition whose job failed throws its error,
 * rebuilt as the worker met it; a partition whose thread died (out of memory, `process.exit`,
 * a crash) throws a `LiushouError` naming it. The pool's threads are gone when `merge` settles.
 */
export async function onWorkers<S, R>(
  pool: z.infer<typeof PoolSchema>,
  jobOf: (key: string, index: number, loader: string) => WorkerJob,
  merge: (summaries: AsyncIterable<S>) => Promise<R> | R,
): Promise<R> {
  const loader = loaderHref(pool.loader);
  const { filename, execArgv } = workerModule();
  const resourceLimits = resourceLimitsOf(pool);
  const tinypool = new Tinypool({
    filename,
    execArgv,
    minThreads: 1,
    maxThreads: Math.min(pool.workers ?? availableParallelism(), 64, pool.keys.length),
    ...(resourceLimits === undefined ? {} : { resourceLimits }),
  });
  const threads = new Threads(tinypool);
  threads.watch();
  // A thread that fails between jobs (a loader's stray timer throws) leaves the pool; without
  // a listener the pool's "error" event would be the host's uncaught exception.
  tinypool.on("error", () => threads.watch());
  try {
    const runs = pool.keys.map((key, index) =>
      runOnPool<S>(tinypool, threads, jobOf(key, index, loader), key, pool.heapLimitMb),
    );
    threads.watch();
    // Read in order below; a failure the merge never reaches is not an unhandled rejection.
    for (const run of runs) run.catch(() => undefined);
    return await merge(
      (async function* () {
        for (const run of runs) yield unsettle(await run);
      })(),
    );
  } finally {
    await threads.destroy();
  }
}

/** Collects the summaries of {@link onWorkers} into an array. */
export async function collect<S>(summaries: AsyncIterable<S>): Promise<S[]> {
  const out: S[] = [];
  for await (const s of summaries) out.push(s);
  return out;
}
