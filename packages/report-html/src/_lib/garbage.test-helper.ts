import { LiushouError } from "@liushou/core";

const GARBAGE: unknown[] = [
  undefined,
  null,
  0,
  NaN,
  "",
  "x",
  [],
  {},
  [{}],
  { id: 1 },
  true,
  Symbol("s"),
];
const ARGUMENT_LISTS = (a: unknown): unknown[][] => [[a], [a, a], [a, {}]];

/**
 * Calls every function a module exports with malformed arguments and lists what went wrong: a
 * throw that is not a `LiushouError`, or a string result carrying `undefined`, `NaN` or
 * `[object Object]` from its input. Shared by the format packages' robustness tests.
 */
export async function garbageFailures(module: Record<string, unknown>): Promise<string[]> {
  const failures: string[] = [];
  for (const [name, value] of Object.entries(module)) {
    if (typeof value !== "function") continue;
    for (const junk of GARBAGE) {
      for (const args of ARGUMENT_LISTS(junk)) {
        try {
          const out = await (value as (...a: unknown[]) => unknown)(...args);
          if (typeof out === "string" && /undefined|NaN|\[object Object\]/.test(out)) {
            failures.push(
              `${name}(${args.map(String).join(", ")}) returned ${JSON.stringify(out)}`,
            );
          }
        } catch (e) {
          if (!(e instanceof LiushouError)) {
            failures.push(`${name}(${args.map((a) => typeof a).join(", ")}) threw ${String(e)}`);
          }
        }
      }
    }
  }
  return failures;
}
