/**
 * Errors across the thread boundary: worker threads clone an error into a bare `Error` (no
 * class, no `issues`), so a worker sends its error as data and the main thread rebuilds it,
 * class and fields and cause, as the one-thread call would have thrown it.
 * @module
 */
import {
  ConflictError,
  ForbiddenError,
  LiushouError,
  RenderError,
  StorageError,
  ValidationError,
} from "@liushou/core";

/** An error as plain data: its class name and its own fields. */
export interface ErrorData {
  readonly error: true;
  readonly name: string;
  readonly message: string;
  readonly stack?: string | undefined;
  readonly cause?: unknown;
  /** Own fields besides message, stack and cause: key, value, enumerable. */
  readonly fields: readonly (readonly [string, unknown, boolean])[];
}

/** What a worker answers: the value, or the error it met as data. */
export type Settled<T> = { readonly value: T } | { readonly thrown: ErrorData | unknown };

/** The classes an error can be rebuilt as, by name. */
const CLASSES: Readonly<Record<string, { prototype: Error }>> = {
  ValidationError,
  ConflictError,
  StorageError,
  RenderError,
  ForbiddenError,
  LiushouError,
  TypeError,
  RangeError,
  SyntaxError,
  ReferenceError,
  Error,
};

/** A value that survives structured cloning, or its description. */
function cloneable(value: unknown): unknown {
  try {
    structuredClone(value);
    return value;
  } catch {
    return String(value);
  }
}

/** A thrown value as data a worker can send. */
export function errorToData(thrown: unknown, depth = 0): unknown {
  if (!(thrown instanceof Error) || depth > 8) return cloneable(thrown);
  const fields: [string, unknown, boolean][] = [];
  for (const key of Object.getOwnPropertyNames(thrown)) {
    if (key === "message" || key === "stack" || key === "cause") continue;
    const d = Object.getOwnPropertyDescriptor(thrown, key)!;
    if ("value" in d) fields.push([key, cloneable(d.value), d.enumerable === true]);
  }
  return {
    error: true,
    name: thrown.name,
    message: thrown.message,
    stack: thrown.stack,
    ...("cause" in thrown ? { cause: errorToData(thrown.cause, depth + 1) } : {}),
    fields,
  } satisfies ErrorData;
}

const isErrorData = (x: unknown): x is ErrorData =>
  typeof x === "object" && x !== null && (x as ErrorData).error === true;

/** The error a worker sent, rebuilt with its class (a Liushou or built-in one) and fields. */
export function dataToError(data: unknown): unknown {
  if (!isErrorData(data)) return data;
  const cls = Object.hasOwn(CLASSES, data.name) ? CLASSES[data.name]! : Error;
  // A native error (so it is one to `util.types.isNativeError`), given the class afterwards.
  const e = Object.setPrototypeOf(new Error(data.message), cls.prototype) as Error;
  const hidden = (value: unknown) => ({ value, writable: true, configurable: true });
  if (data.stack !== undefined) Object.defineProperty(e, "stack", hidden(data.stack));
  if ("cause" in data) Object.defineProperty(e, "cause", hidden(dataToError(data.cause)));
  for (const [key, value, enumerable] of data.fields)
    Object.defineProperty(e, key, { ...hidden(value), enumerable });
  return e;
}

/** Runs a task; its error comes back as data. */
export async function settle<T>(run: () => Promise<T>): Promise<Settled<T>> {
  try {
    return { value: await run() };
  } catch (e) {
    return { thrown: errorToData(e) };
  }
}

/** The value a worker answered, or its error, rebuilt and thrown. */
export function unsettle<T>(settled: Settled<T>): T {
  if ("value" in settled) return settled.value;
  throw dataToError(settled.thrown);
}
