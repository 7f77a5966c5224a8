import { expect, test } from "vitest";
import { garbageFailures } from "../../report/src/_lib/garbage.test-helper";
import * as module from "./index";

test("every export answers garbage with a LiushouError or a clean value", async () => {
  expect(await garbageFailures(module)).toEqual([]);
});
