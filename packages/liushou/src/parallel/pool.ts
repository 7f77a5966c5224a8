/**
 * The worker pool of the partitioned functions: the keys go to a pool of worker threads, each
 * worker loads and summarizes its partitions with the host's loader module, and the main thread
 * reads the summaries in key order.
 * @module
 */
import { availableParallelism } from "node:os";
import type { ResourceLimits } from "node:worker_threads";
import { ErrorCode, LiushouError, text, validate, type LocalizedText } from "@liushou/core";
import Tinypool from "tinypool";
import * as z from "zod";
import type { WorkerJob } from "./task";
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
  /** The host's loading module (a file URL or absolute path). */
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

/** The loader as a URL a worker can import. */
function loaderHref(loader: string | URL): string {
  if (loader instanceof URL) return loader.href;
  return /^[a-z][a-z0-9+.-]*:/i.test(loader) ? loader : new URL(`file://${loader}`).href;
}

/**
 * The error of a partition whose worker thread died: out of memory under `heapLimitMb` (a
 * `LiushouError` naming the partition and the limit), or what the pool rejected with.
 */
function workerLost(e: unknown, key: string, heapLimitMb: number | undefined): unknown {
  if ((e as { code?: unknown } | null)?.code !== "ERR_WORKER_OUT_OF_MEMORY") return e;
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

/**
 * Runs a job for every key on a pool of worker threads and hands `merge` the results in key
 * order, as they come: reading the result of a partition whose job failed throws its error,
 * rebuilt as the worker met it. The pool is gone when `merge` settles.
 */
export async function onWorkers<S, R>(
  pool: z.infer<typeof PoolSchema>,
  jobOf: (key: string, index: number, loader: string) => WorkerJob,
  merge: (summaries: AsyncIterable<S>) => Promise<R> | R,
): Promise<R> {
  const { filename, execArgv } = workerModule();
  const resourceLimits = resourceLimitsOf(pool);
  const tinypool = new Tinypool({
    filename,
    execArgv,
    minThreads: 1,
    maxThreads: Math.min(pool.workers ?? availableParallelism(), 64, pool.keys.length),
    ...(resourceLimits === undefined ? {} : { resourceLimits }),
  });
  try {
    const loader = loaderHref(pool.loader);
    const runs = pool.keys.map((key, index) =>
      (tinypool.run(jobOf(key, index, loader), { name: "runJob" }) as Promise<Settled<S>>).catch(
        (e: unknown) => {
          throw workerLost(e, key, pool.heapLimitMb);
        },
      ),
    );
    // Read in order below; a failure the merge never reaches is not an unhandled rejection.
    for (const run of runs) run.catch(() => undefined);
    return await merge(
      (async function* () {
        for (const run of runs) yield unsettle(await run);
      })(),
    );
  } finally {
    await tinypool.destroy();
  }
}

/** Collects the summaries of {@link onWorkers} into an array. */
export async function collect<S>(summaries: AsyncIterable<S>): Promise<S[]> {
  const out: S[] = [];
  for await (const s of summaries) out.push(s);
  return out;
}
