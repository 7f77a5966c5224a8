import { afterEach, describe, expect, it } from "vitest";
import { ValidationError } from "../errors";
import { MAX_DEPTH, type ChildFileInput } from "../model";
import type { Instant } from "../time";
import type { FileChange } from "./change";
import { fileAsOf, revertChange, updateChildFile } from "./update";

const file: ChildFileInput = {
  id: "c1",
  child: { name: "李小花", gender: "female", birthDate: "2014-04-02", regionCode: "430102001001" },
  livingArrangement: "grandparents",
  guardians: [{ id: "g1", name: "李奶奶", relation: "grandmother" }],
};
const meta = { actor: "u1", at: "2026-03-01T09:00:00+08:00" as Instant, reason: "edit" };

function nested(depth: number): unknown {
  return JSON.parse("[".repeat(depth) + "]".repeat(depth));
}

function expectValidation(run: () => unknown, path: RegExp): ValidationError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    const err = e as ValidationError;
    expect(err.issues.map((i) => i.path).join(" ")).toMatch(path);
    return err;
  }
  throw new Error("expected a ValidationError");
}

afterEach(() => {
  delete (Object.prototype as Record<string, unknown>)["polluted"];
});

describe("prototype pollution", () => {
  it("a recipe returning JSON with __proto__ is refused and Object.prototype stays clean", () => {
    const hostile = JSON.parse(
      `{"__proto__":{"polluted":"yes"},"id":"c1","child":${JSON.stringify(file.child)},"livingArrangement":"alone"}`,
    );
    const err = expectValidation(() => updateChildFile(file, () => hostile, meta), /^__proto__$/);
    expect(err.issues[0]!.code).toBe("reserved_key");
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("a nested child.__proto__ is refused too", () => {
    const child = JSON.parse(`{"__proto__":{"polluted":"yes"},"name":"李小花"}`);
    expectValidation(
      () =>
        updateChildFile(
          file,
          () => ({ ...file, child: { ...file.child, ...child } }) as never,
          meta,
        ),
      /^child\.__proto__$/,
    );
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("constructor and prototype keys are refused, written by a recipe or recorded in a patch", () => {
    expectValidation(
      () =>
        updateChildFile(
          file,
          (d) => {
            (d.child as Record<string, unknown>)["constructor"] = {
              prototype: { polluted: "yes" },
            };
          },
          meta,
        ),
      /^child\.constructor$/,
    );
    const change: FileChange = {
      fileId: "c1",
      ...meta,
      patches: [{ op: "add", path: ["__proto__", "polluted"], value: "yes" }],
      inversePatches: [],
    };
    expectValidation(
      () => fileAsOf(file, [change], "2026-12-31"),
      /history\[0\]\.patches\[0\]\.path\[0\]/,
    );
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });
});

describe("deep nesting", () => {
  it("a deeply nested patch value in a stored history gives a ValidationError, not a RangeError", () => {
    const change: FileChange = {
      fileId: "c1",
      ...meta,
      patches: [{ op: "replace", path: ["child", "health"], value: nested(3000) }],
      inversePatches: [],
    };
    const err = expectValidation(
      () => fileAsOf(file, [change], "2026-12-31"),
      /^history\[0\]\.patches\[0\]\.value(\[0\])+$/,
    );
    expect(err.issues[0]!.code).toBe("too_deep");
    expect(err.messageIn("en")).toContain(`limit ${MAX_DEPTH}`);
  });

  it("the same value written by a recipe gives a ValidationError", () => {
    expectValidation(
      () =>
        updateChildFile(
          file,
          (d) => {
            (d.child as Record<string, unknown>)["health"] = nested(3000);
          },
          meta,
        ),
      /^child\.health(\[0\])+$/,
    );
  });

  it("a cyclic value returned by a recipe gives a ValidationError", () => {
    const cyclic: Record<string, unknown> = { ...file };
    cyclic["self"] = cyclic;
    expectValidation(() => updateChildFile(file, () => cyclic as never, meta), /^(self\.)+/);
  });

  it("a patch whose path does not resolve names history[i]", () => {
    const ok: FileChange = {
      fileId: "c1",
      ...meta,
      patches: [{ op: "replace", path: ["child", "name"], value: "李花" }],
      inversePatches: [],
    };
    const bad: FileChange = {
      ...ok,
      patches: [{ op: "replace", path: ["parents", 5, "name"], value: "x" }],
    };
    const err = expectValidation(
      () => fileAsOf(file, [ok, bad], "2026-12-31"),
      /^history\[1\]\.patches$/,
    );
    expect(err.issues[0]!.code).toBe("patch_mismatch");
  });

  it("an inverse patch that does not fit names the change being undone", () => {
    const { file: next, change } = updateChildFile(file, (d) => void (d.child.name = "李花"), meta);
    const broken = {
      ...change,
      inversePatches: [{ op: "replace" as const, path: ["parents", 3, "name"], value: "x" }],
    };
    expectValidation(() => revertChange(next, broken, meta), /^change\.inversePatches$/);
  });
});
