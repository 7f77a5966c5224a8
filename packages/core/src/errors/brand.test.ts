import { describe, expect, it } from "vitest";
import { ErrorCode } from "./codes";
import { ConflictError, isLiushouError, LiushouError, ValidationError } from "./errors";

/** A second copy of the module, as a host that loads both the ESM and the CJS build has. */
async function secondCopy(): Promise<typeof import("./errors")> {
  // @ts-expect-error: the query makes the module loader evaluate a separate instance
  return import("./errors.ts?second-copy");
}

describe("isLiushouError", () => {
  it("recognises errors from another copy of the package, which instanceof on a subclass does not", async () => {
    const other = await secondCopy();
    expect(other.ValidationError).not.toBe(ValidationError);
    const foreign = new other.ValidationError([]);
    expect(foreign instanceof ValidationError).toBe(false);
    expect(isLiushouError(foreign)).toBe(true);
    expect(isLiushouError(foreign, ErrorCode.VALIDATION)).toBe(true);
    expect(isLiushouError(foreign, ErrorCode.CONFLICT)).toBe(false);
    expect(foreign instanceof LiushouError).toBe(true);
    expect(other.isLiushouError(new ConflictError({ "zh-CN": "冲突", en: "conflict" }))).toBe(true);
  });

  it("is false for other errors and values, and subclasses keep their own instanceof", () => {
    for (const v of [new Error("x"), { code: ErrorCode.VALIDATION }, null, undefined, "e", 1]) {
      expect(isLiushouError(v)).toBe(false);
      expect(v instanceof LiushouError).toBe(false);
    }
    const conflict = new ConflictError({ "zh-CN": "冲突", en: "conflict" });
    expect(conflict instanceof LiushouError).toBe(true);
    expect(conflict instanceof ValidationError).toBe(false);
    expect(Object.keys(conflict)).not.toContain(Symbol.for("@liushou/core.error"));
  });
});
