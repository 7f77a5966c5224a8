import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors/errors";
import { thrown } from "../_lib/throws.test-helper";
import { reverseLikert } from "./items";
import { compareChecklistVersions, createChecklistRegistry } from "./registry";

describe("compareChecklistVersions, part by part", () => {
  it("compares numeric parts as numbers, in either order, and gives only -1, 0 or 1", () => {
    expect(compareChecklistVersions("1.10.0", "1.9.0")).toBe(1);
    expect(compareChecklistVersions("1.9.0", "1.10.0")).toBe(-1);
    expect(compareChecklistVersions("10.0", "9.0")).toBe(1);
    expect(compareChecklistVersions("1.0.10", "1.0.9")).toBe(1);
    expect(compareChecklistVersions("1.0.2", "1.0.12")).toBe(-1);
    expect(compareChecklistVersions("3", "1")).toBe(1);
    expect(compareChecklistVersions("1.2.3", "1.2.3")).toBe(0);
  });

  it("compares a part that is not a number as text, after the numbers in a mixed part", () => {
    expect(compareChecklistVersions("1.0-beta", "1.0-alpha")).toBe(1);
    expect(compareChecklistVersions("1.0-alpha", "1.0-beta")).toBe(-1);
    expect(compareChecklistVersions("1.0-rc", "1.0-rc")).toBe(0);
    // "10a" and "9a" are not numbers: compared as text, "10a" < "9a"
    expect(compareChecklistVersions("1.10a", "1.9a")).toBe(-1);
    expect(compareChecklistVersions("1.a10", "1.a9")).toBe(-1);
    // a number against text: text order, "1" < "x"
    expect(compareChecklistVersions("2.1", "2.x")).toBe(-1);
    expect(compareChecklistVersions("2.x", "2.1")).toBe(1);
    // only whole runs of digits are numbers: "1e3" and "0x10" are text
    expect(compareChecklistVersions("1e3", "2")).toBe(-1);
    expect(compareChecklistVersions("2", "1e3")).toBe(1);
    expect(compareChecklistVersions("0x10", "9")).toBe(-1);
  });

  it("puts a version before a longer one it starts with", () => {
    expect(compareChecklistVersions("1.0", "1.0.0")).toBe(-1);
    expect(compareChecklistVersions("1.0.0", "1.0")).toBe(1);
  });

  it("rejects a version that is not a string, naming the argument", () => {
    for (const [a, b, field] of [
      [1, "1", "a"],
      ["1", null, "b"],
    ] as const) {
      const e = thrown(() => compareChecklistVersions(a as never, b as never));
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).issues[0]).toMatchObject({
        path: field,
        code: "invalid_type",
      });
      expect((e as ValidationError).messages.en).toContain("expected a version string");
      expect((e as ValidationError).messages["zh-CN"]).toContain("应为版本号字符串");
      expect((e as ValidationError).issues[0]!.received).toBe(field === "a" ? "1" : "null");
    }
  });
});

describe("argument checks of the checklist helpers", () => {
  it("createChecklistRegistry rejects a list that is not an array", () => {
    const e = thrown(() => createChecklistRegistry({} as never));
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).issues[0]).toMatchObject({ path: "checklists" });
    expect((e as ValidationError).messages.en).toContain("expected an array of checklists");
  });

  it("reverseLikert names the argument that is not finite", () => {
    for (const [answer, min, max] of [
      [Number.NaN, 0, 4],
      [1, Number.POSITIVE_INFINITY, 4],
      [1, 0, Number.NaN],
    ]) {
      const e = thrown(() => reverseLikert(answer!, min!, max!));
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).issues[0]).toMatchObject({ path: "answer" });
      expect((e as ValidationError).messages.en).toContain("must be finite numbers");
      expect((e as ValidationError).messages["zh-CN"]).toContain("有限数");
    }
  });
});
