import { IssueCode } from "../errors/codes";
import { ValidationError } from "../errors/errors";
import { fieldIssue, formatPath } from "../errors/issues";
import { text, type LocalizedText } from "../i18n/locale";
import { MAX_DEPTH } from "../model/limits";

/**
 * Keys that reach `Object.prototype` when written through: never copied from outside data.
 * @example
 * RESERVED_KEYS.has("__proto__") //=> true
 */
export const RESERVED_KEYS: ReadonlySet<string> = new Set([
  "__proto__",
  "constructor",
  "prototype",
]);

/** What is wrong with a value that is not plain data. @internal */
export interface PlainDataProblem {
  readonly path: (string | number)[];
  readonly code: string;
  readonly message: LocalizedText;
  readonly value: unknown;
}

/** The reserved-key problem of one key, if it is reserved. @internal */
export function reservedKeyText(key: string): LocalizedText {
  return text(
    `键名 ${key} 不允许使用（它会改写 Object.prototype）`,
    `the key ${key} is not allowed (it would reach Object.prototype)`,
  );
}

const TOO_DEEP = text(
  `对象和数组的嵌套不能超过 ${MAX_DEPTH} 层（上限 ${MAX_DEPTH}）`,
  `objects and arrays must not nest deeper than ${MAX_DEPTH} levels (limit ${MAX_DEPTH})`,
);

const NOT_PLAIN = text("应为普通对象、数组或基本值", "expected a plain object, array or primitive");

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * Copies outside data (JSON-like objects and arrays, dates and primitives) into fresh plain
 * objects: own enumerable keys only, reserved keys refused, nesting bounded by {@link MAX_DEPTH}.
 * The one way data from a host enters a child file or its history.
 * @returns The copy, or the first problem found.
 * @internal
 */
export function copyPlainData(
  value: unknown,
): { ok: true; value: unknown } | { ok: false; problem: PlainDataProblem } {
  const path: (string | number)[] = [];
  let problem: PlainDataProblem | undefined;
  const fail = (code: string, message: LocalizedText, v: unknown): undefined => {
    problem = { path: [...path], code, message, value: v };
    return undefined;
  };
  const copy = (v: unknown, depth: number): unknown => {
    if (v === null || typeof v !== "object") return v;
    if (v instanceof Date) return new Date(v.getTime());
    if (depth >= MAX_DEPTH) return fail(IssueCode.TOO_DEEP, TOO_DEEP, "object");
    if (Array.isArray(v)) {
      const out = new Array<unknown>(v.length);
      for (let i = 0; i < v.length && !problem; i++) {
        path.push(i);
        out[i] = copy(v[i], depth + 1);
        path.pop();
      }
      return out;
    }
    if (!isPlainObject(v)) return fail("invalid_type", NOT_PLAIN, v);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(v)) {
      path.push(key);
      if (RESERVED_KEYS.has(key)) return fail(IssueCode.RESERVED_KEY, reservedKeyText(key), key);
      out[key] = copy((v as Record<string, unknown>)[key], depth + 1);
      path.pop();
      if (problem) return undefined;
    }
    return out;
  };
  const out = copy(value, 0);
  return problem ? { ok: false, problem } : { ok: true, value: out };
}

/**
 * {@link copyPlainData}, throwing a {@link ValidationError} that names the offending field.
 * @param base - Path of `value` inside the input, for the message.
 * @internal
 */
export function plainData(
  value: unknown,
  base: readonly (string | number)[],
  subject: LocalizedText,
): unknown {
  const r = copyPlainData(value);
  if (r.ok) return r.value;
  const { path, code, message, value: received } = r.problem;
  throw new ValidationError([fieldIssue(formatPath([...base, ...path]), code, message, received)], {
    subject,
  });
}
