import { expect } from "vitest";

/**
 * What a call throws; fails the test when it returns instead, so the checks that follow can
 * never be skipped.
 */
export function thrown(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  return expect.unreachable("expected the call to throw");
}
