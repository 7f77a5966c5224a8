import { LiushouError } from "@liushou/core";
import { expect, test } from "vitest";
import * as report from "./index";

/**
 * Every function the package exports is called with malformed arguments: it may throw only a
 * `LiushouError`, and a string it returns must not carry `undefined`, `NaN` or
 * `[object Object]` spilled from its input.
 */
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

async function settle(run: () => unknown): Promise<unknown> {
  const out = run();
  if (out && typeof (out as Promise<unknown>).then === "function") return await out;
  if (out && typeof (out as Iterator<unknown>).next === "function")
    return [...(out as Iterable<unknown>)];
  return out;
}

test("every export answers garbage with a LiushouError or a clean value", async () => {
  const failures: string[] = [];
  for (const [name, value] of Object.entries(report)) {
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
  expect(failures).toEqual([]);
});
