import { expect, test } from "vitest";
import { garbageFailures } from "./_lib/garbage.test-helper";
import * as report from "./index";

/**
 * Every function the package exports is called with malformed arguments: it may throw only a
 * `LiushouError`, and a string it returns must not carry `undefined`, `NaN` or
 * `[object Object]` spilled from its input.
 */
test("every export answers garbage with a LiushouError or a clean value", async () => {
  expect(await garbageFailures(report)).toEqual([]);
});
