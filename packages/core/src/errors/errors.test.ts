import { thrown } from "../_lib/throws.test-helper";
import { describe, expect, test } from "vitest";
import * as z from "zod";
import { ChildFileSchema } from "../model/child-file";
import { CalendarDateSchema } from "../model/primitives";
import { ErrorCode } from "./codes";
import { LiushouError, ValidationError } from "./errors";
import { describeValue, formatPath } from "./issues";
import { safeValidate, validate } from "./validate";

describe("validation errors", () => {
  test("name the field, the expectation and the received value in both languages", () => {
    const r = safeValidate(z.object({ child: z.object({ age: z.number() }) }), {
      child: { age: "seven" },
    });
    expect(r.success).toBe(false);
    if (r.success) return;
    const issue = r.error.issues[0]!;
    expect(issue.path).toBe("child.age");
    expect(issue.expected).toBe("number");
    expect(issue.received).toBe('"seven"');
    expect(issue.message.en).toContain("child.age");
    expect(issue.message.en).toContain("expected number");
    expect(issue.message["zh-CN"]).toContain("字段 child.age");
    expect(issue.message["zh-CN"]).toContain("数字");
    expect(r.error.code).toBe(ErrorCode.VALIDATION);
    expect(r.error).toBeInstanceOf(LiushouError);
  });

  test("custom Liushou issues keep their code and bilingual text", () => {
    const r = safeValidate(CalendarDateSchema, "2025-02-29");
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error.issues[0]!.code).toBe("calendar_date");
    expect(r.error.issues[0]!.message["zh-CN"]).toContain("YYYY-MM-DD");
  });

  test("validate throws a ValidationError in the chosen locale", () => {
    expect(() => validate(CalendarDateSchema, "x", { locale: "en" })).toThrowError(/Invalid input/);
    const e = thrown(() =>
      validate(CalendarDateSchema, 5, { subject: { "zh-CN": "日期", en: "date" } }),
    );
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).message.startsWith("日期校验失败")).toBe(true);
    expect((e as ValidationError).messageIn("en").startsWith("Invalid date")).toBe(true);
  });

  test("never throws on garbage input", () => {
    for (const input of [undefined, null, 0, "", [], {}, Symbol("s"), () => 1, new Map()]) {
      const r = safeValidate(ChildFileSchema, input);
      expect(r.success).toBe(false);
    }
  });

  test("values of classed fields are masked in messages", () => {
    expect(describeValue("110105194912310021", "identifying")).toBe(
      '"11**************21" (18 chars)',
    );
    expect(describeValue("王小明")).toBe('"王小明"');
    expect(formatPath(["parents", 0, "phone"])).toBe("parents[0].phone");
  });
});

describe("duplicate ids", () => {
  test("repeats name each repeat and its first place", async () => {
    const { repeats, duplicateIdIssues } = await import("./duplicates");
    expect(repeats(["a", "b", "a", "a"], (x) => x)).toEqual([
      { index: 2, first: 0, key: "a" },
      { index: 3, first: 0, key: "a" },
    ]);
    const [issue] = duplicateIdIssues([{ id: "c1" }, { id: "c2" }, { id: "c1" }], "children", {
      "zh-CN": "儿童",
      en: "child",
    });
    expect(issue).toMatchObject({ path: "children[2].id", code: "duplicate_id" });
    expect(issue!.message.en).toBe(
      "children[2].id: child id c1 is listed twice (first at children[0])",
    );
    expect(issue!.message["zh-CN"]).toContain("重复");
  });
});
