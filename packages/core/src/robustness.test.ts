import { expect, test } from "vitest";
import * as core from "./index";
import { LiushouError } from "./errors/errors";

/**
 * Every export of the package is called with malformed arguments. A call may throw only a
 * `LiushouError`, and what it returns must make sense:
 * - a string is well-formed Unicode with no `NaN`, `undefined` or `[object Object]` spilled into it,
 *   and a function returning a calendar date returns a real `YYYY-MM-DD` date;
 * - a number is finite;
 * - inside a returned object or array, every number is finite or `null`-free by the same rules
 *   (walked a few levels deep).
 * Classes are constructed with the same arguments under the same rules.
 */

const GARBAGE: unknown[] = [
  undefined,
  null,
  0,
  -1,
  NaN,
  Infinity,
  "",
  "x",
  "2026-02-30",
  "2026-13-01",
  [],
  {},
  [{}],
  { id: 1 },
  true,
  Symbol("s"),
];

const ARGUMENT_LISTS = (a: unknown): unknown[][] => [[a], [a, a], [a, a, a], [a, {}]];

/** Functions whose result is a calendar date. */
const RETURNS_DATE = new Set([
  "makeDate",
  "fromDayNumber",
  "addDays",
  "addMonths",
  "birthdayOfAge",
  "dateInZone",
]);

/** Functions whose purpose is to describe any value in words (`undefined`, `NaN` included). */
const DESCRIBES_VALUES = new Set(["describeValue", "formatPath", "escapeICalText", "foldICalLine"]);

/** Classes whose constructor is internal (`@internal`): hosts receive instances, never build them. */
const INTERNAL_CONSTRUCTORS = new Set(["ComplianceReport"]);

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const SPILLED = /NaN|undefined|\[object Object\]/;

function show(args: readonly unknown[]): string {
  return args
    .map((x) =>
      typeof x === "number" || typeof x === "symbol" || x === undefined
        ? String(x)
        : JSON.stringify(x),
    )
    .join(", ");
}

/** What is wrong with a returned value, or undefined when it is sound. */
function unsound(
  name: string,
  value: unknown,
  depth = 0,
  seen = new Set<object>(),
): string | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? undefined : `returned ${value}`;
  if (typeof value === "string") {
    if (LONE_SURROGATE.test(value)) return "returned a string with a lone surrogate";
    if (depth === 0 && RETURNS_DATE.has(name) && !core.isCalendarDate(value)) {
      return `returned ${JSON.stringify(value)}, not a calendar date`;
    }
    if (!DESCRIBES_VALUES.has(name) && depth === 0 && SPILLED.test(value)) {
      return `returned ${JSON.stringify(value.slice(0, 60))}`;
    }
    return undefined;
  }
  if (value === null || typeof value !== "object" || depth >= 4 || seen.has(value))
    return undefined;
  seen.add(value);
  const entries = value instanceof Map ? [...value.values()] : Object.values(value);
  for (const v of entries.slice(0, 200)) {
    const bad = unsound(name, v, depth + 1, seen);
    if (bad !== undefined) return `${bad} (inside the result)`;
  }
  return undefined;
}

/** A failure text for what a call threw or rejected with, unless it is a LiushouError. */
function thrownBadly(name: string, args: readonly unknown[], e: unknown): string | undefined {
  if (e instanceof LiushouError) return undefined;
  return `${name}(${show(args)}): threw ${(e as Error)?.name}: ${String((e as Error)?.message).slice(0, 80)}`;
}

/**
 * Calls an export with garbage: it may throw only a LiushouError and must return sound values.
 * A promise (the async exports) is followed: it may reject only with a LiushouError and must
 * resolve to sound values; the check of it is added to `pending`.
 */
function check(
  name: string,
  call: () => unknown,
  args: readonly unknown[],
  failures: string[],
  pending: Promise<void>[],
) {
  let result: unknown;
  try {
    result = call();
  } catch (e) {
    const bad = thrownBadly(name, args, e);
    if (bad !== undefined) failures.push(bad);
    return;
  }
  if (result instanceof Promise) {
    pending.push(
      result.then(
        (value) => {
          const bad = unsound(name, value);
          if (bad !== undefined) failures.push(`${name}(${show(args)}): resolved, ${bad}`);
        },
        (e: unknown) => {
          const bad = thrownBadly(name, args, e);
          if (bad !== undefined) failures.push(`${bad} (rejected)`);
        },
      ),
    );
    return;
  }
  const bad = unsound(name, result);
  if (bad !== undefined) failures.push(`${name}(${show(args)}): ${bad}`);
}

test("every export, called with garbage, throws only a LiushouError and returns sound values", async () => {
  let calls = 0;
  const failures: string[] = [];
  const pending: Promise<void>[] = [];
  for (const [name, value] of Object.entries(core)) {
    if (typeof value !== "function" || INTERNAL_CONSTRUCTORS.has(name)) continue;
    const isClass = /^[A-Z]/.test(name);
    for (const a of GARBAGE) {
      for (const args of ARGUMENT_LISTS(a)) {
        calls++;
        const call = isClass
          ? () => new (value as new (...x: unknown[]) => unknown)(...args)
          : () => (value as (...x: unknown[]) => unknown)(...args);
        check(name, call, args, failures, pending);
      }
    }
  }
  await Promise.all(pending);
  expect(calls).toBeGreaterThan(1500);
  expect(failures).toEqual([]);
}, 120_000);

test("the internal constructors name real exports", () => {
  for (const name of INTERNAL_CONSTRUCTORS) {
    expect(typeof (core as Record<string, unknown>)[name], name).toBe("function");
  }
});

test("the checker itself catches what it is meant to", async () => {
  const failures: string[] = [];
  const pending: Promise<void>[] = [];
  const run = (name: string, call: () => unknown, args: readonly unknown[] = []) =>
    check(name, call, args, failures, pending);
  run("makeDate", () => "00-1--1--1", [-1]);
  run("daysInMonth", () => Number.NaN, ["x"]);
  run("f", () => ({ a: [{ n: Infinity }] }));
  run("g", () => "total: NaN");
  run("s", () => "\uD800x");
  run("h", () => {
    throw new TypeError("boom");
  });
  run("ok", () => ({ s: "fine", n: 1 }));
  run("rejects", () => Promise.reject(new TypeError("boom")));
  run("resolves", () => Promise.resolve(Number.NaN));
  run("asyncOk", () => Promise.resolve({ n: 1 }));
  await Promise.all(pending);
  expect(failures.map((f) => f.slice(0, f.indexOf("(")))).toEqual([
    "makeDate",
    "daysInMonth",
    "f",
    "g",
    "s",
    "h",
    "rejects",
    "resolves",
  ]);
});
