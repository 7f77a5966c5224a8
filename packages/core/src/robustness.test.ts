import { expect, test } from "vitest";
import * as core from "./index";
import { LiushouError } from "./errors/errors";

/** Error builders: their arguments are a zod schema, a zod issue or context, or a path built by code. */
const ERROR_BUILDERS = new Set([
  "validate",
  "safeValidate",
  "toFieldIssue",
  "addIssue",
  "invalidArgument",
  "requireObject",
  "describeValue",
  "formatPath",
  "validateList",
  "safeValidateList",
  "fieldClassAt",
  "duplicateIdIssues",
]);

const GARBAGE: unknown[] = [
  undefined,
  null,
  0,
  -1,
  NaN,
  "",
  "x",
  "2026-02-30",
  [],
  {},
  [{}],
  { id: 1 },
  true,
];

test("no public function throws anything but a LiushouError on malformed input", () => {
  let calls = 0;
  const failures: string[] = [];
  for (const [name, value] of Object.entries(core)) {
    if (typeof value !== "function" || /^[A-Z]/.test(name) || ERROR_BUILDERS.has(name)) continue;
    for (const a of GARBAGE) {
      for (const args of [[a], [a, a], [a, a, a], [a, {}]]) {
        calls++;
        try {
          (value as (...x: unknown[]) => unknown)(...args);
        } catch (e) {
          if (!(e instanceof LiushouError)) {
            failures.push(
              `${name}(${args.map((x) => JSON.stringify(x)).join(", ")}): ${(e as Error).name}: ${(e as Error).message.slice(0, 80)}`,
            );
          }
        }
      }
    }
  }
  expect(calls).toBeGreaterThan(1000);
  expect(failures).toEqual([]);
});
