import { describe, expect, test } from "vitest";
import * as z from "zod";
import { thrown } from "../_lib/throws.test-helper";
import { text } from "../i18n/locale";
import { ErrorCode, IssueCode } from "./codes";
import { ConflictError, LiushouError, RenderError, StorageError, ValidationError } from "./errors";
import { addIssue, toFieldIssue } from "./issues";

/** The one issue of a ValidationError thrown by `call`, checked to name `path`. */
function refused(call: () => unknown, path: string) {
  const error = thrown(call);
  expect(error).toBeInstanceOf(ValidationError);
  const issues = (error as ValidationError).issues;
  expect(issues.map((i) => i.path)).toEqual([path]);
  return issues[0]!;
}

describe("error classes built from garbage", () => {
  test("still build an error of their class, with a text in both locales", () => {
    const bad = new LiushouError(Number.NaN as never, undefined as never, null as never);
    expect(bad).toBeInstanceOf(LiushouError);
    expect(bad.code).toBe(ErrorCode.ERROR);
    expect(bad.messages).toEqual({ "zh-CN": "错误（LIUSHOU_ERROR）", en: "error (LIUSHOU_ERROR)" });
    expect(bad.message).toBe("错误（LIUSHOU_ERROR）");
    const plain = new ConflictError("id c1 twice" as never, { locale: "fr" as never });
    expect(plain.code).toBe(ErrorCode.CONFLICT);
    expect(plain.messages).toEqual({ "zh-CN": "id c1 twice", en: "id c1 twice" });
    expect(plain.messageIn("fr" as never)).toBe("id c1 twice");
    const render = new RenderError(Symbol("s") as never, 7 as never);
    expect(render.messages.en).toBe("error (LIUSHOU_RENDER)");
  });

  test("describe a storage adapter or operation that is not a string", () => {
    const e = new StorageError(Number.NaN as never, undefined as never, { cause: "boom" });
    expect(e.adapterId).toBe("NaN");
    expect(e.operation).toBe("undefined");
    expect(e.messages.en).toBe("Storage adapter NaN failed in undefined");
    expect(e.cause).toBe("boom");
    expect(new StorageError(Symbol("s") as never, {} as never).operation).toBe("object");
  });

  test("keep a malformed issue as an issue describing it, never drop it", () => {
    const e = new ValidationError([{ path: 1 }, "x"] as never, { subject: 3 } as never);
    expect(e.issues).toHaveLength(2);
    expect(e.issues.map((i) => [i.code, i.received])).toEqual([
      [IssueCode.OTHER, "object"],
      [IssueCode.OTHER, '"x"'],
    ]);
    expect(e.messages.en).toMatch(/^Invalid input \(2 issues\): unrecognised issue/);
    expect(new ValidationError(undefined as never).issues).toEqual([]);
    expect(new ValidationError([], { zodIssues: "x" } as never).zodIssues).toEqual([]);
  });
});

describe("helpers refuse garbage with a ValidationError naming the argument", () => {
  test("text takes two strings", () => {
    expect(refused(() => text(Number.NaN as never, "en"), "zhCN").message.en).toBe(
      "zhCN: expected a string (received: NaN)",
    );
    refused(() => text("中", undefined as never), "en");
    expect(text("中", "en")).toEqual({ "zh-CN": "中", en: "en" });
  });

  test("addIssue takes a refinement context, a code, a text and options", () => {
    const ctx = { addIssue: () => undefined, value: 1 };
    refused(() => addIssue(undefined as never, IssueCode.OTHER, text("错", "wrong")), "ctx");
    refused(() => addIssue(ctx, 5 as never, text("错", "wrong")), "code");
    refused(() => addIssue(ctx, IssueCode.OTHER, "wrong" as never), "message");
    refused(() => addIssue(ctx, IssueCode.OTHER, text("错", "wrong"), null as never), "extra");
  });

  test("toFieldIssue takes a zod issue, a path and a source", () => {
    const issue = z.string().safeParse(1).error!.issues[0]!;
    refused(() => toFieldIssue(undefined as never), "issue");
    refused(() => toFieldIssue({ path: "x" } as never), "issue");
    refused(() => toFieldIssue(issue, "x" as never), "basePath");
    refused(() => toFieldIssue(issue, [], { input: 1 } as never), "source");
    expect(toFieldIssue(issue, ["age"]).path).toBe("age");
  });
});
