import { LiushouError } from "@liushou/core";

/** Malformed values every exported function is called with. */
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
const ARGUMENT_LISTS = (a: unknown): unknown[][] => [[a], [a, a], [a, a, a], [a, {}]];

/** The value a call gives: a promise awaited, an iterator drained. */
async function settle(run: () => unknown): Promise<unknown> {
  const out = run();
  if (out && typeof (out as Promise<unknown>).then === "function") return await out;
  if (out && typeof (out as Iterator<unknown>).next === "function")
    return [...(out as Iterable<unknown>)];
  return out;
}

/**
 * Calls every function a module exports with malformed arguments and lists what went wrong: a
 * throw that is not a `LiushouError`, or a string result carrying `undefined`, `NaN` or
 * `[object Object]` from its input. Shared by the robustness tests of `report` and the format
 * packages (`report-html`, `report-xlsx`, `report-docx`).
 */
export async function garbageFailures(module: Record<string, unknown>): Promise<string[]> {
  const failures: string[] = [];
  for (const [name, value] of Object.entries(module)) {
    if (typeof value !== "function") continue;
    for (const junk of GARBAGE) {
      for (const args of ARGUMENT_LISTS(junk)) {
        try {
          const out = await settle(() => (value as (...a: unknown[]) => unknown)(...args));
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
