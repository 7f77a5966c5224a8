import { describe, expect, it } from "vitest";
import * as z from "zod";
import { ConsentPurposeSchema } from "../consent";
import { fileAsOf } from "../file";
import {
  CalendarDateSchema,
  InstantSchema,
  MentorSchema,
  PairingSchema,
  type ChildFileInput,
} from "../model";
import { leftBehindStatistics } from "../statistics";
import type { ValidationError } from "./errors";
import { safeValidate } from "./validate";

function messages(run: () => unknown): { en: string; zh: string } {
  try {
    run();
  } catch (e) {
    const err = e as ValidationError;
    return { en: err.messageIn("en"), zh: err.messageIn("zh-CN") };
  }
  throw new Error("expected an error");
}

function first(schema: z.ZodType, input: unknown) {
  const r = safeValidate(schema, input);
  if (r.success) throw new Error("expected a failure");
  return r.error.issues[0]!.message;
}

const file: ChildFileInput = {
  id: "c1",
  child: { name: "王小明", gender: "male", birthDate: "2014-04-02", regionCode: "430102001001" },
  livingArrangement: "grandparents",
};

describe("messages say what to fix", () => {
  it("a bad asOf names both accepted forms instead of 'Invalid input'", () => {
    for (const run of [
      () => fileAsOf(file, [], "yesterday" as never),
      () => leftBehindStatistics([], { asOf: "yesterday" as never }),
    ]) {
      const { en, zh } = messages(run);
      expect(en).not.toContain("Invalid input");
      expect(en).toMatch(/asOf: expected .*YYYY-MM-DD.* offset/);
      expect(zh).toMatch(/字段 asOf：应为.*YYYY-MM-DD.*偏移/);
    }
  });

  it("the library's own cross-field rules keep their text in both languages", () => {
    const end = first(PairingSchema, {
      id: "x",
      childId: "c",
      mentorId: "m",
      role: "mentor",
      start: "2026-03-01",
      end: "2026-02-01",
    });
    expect(end.en).toBe('end: end 2026-02-01 is before start 2026-03-01 (received: "2026-02-01")');
    expect(end["zh-CN"]).toContain("结束日期 2026-02-01 早于开始日期 2026-03-01");
    const capacity = first(MentorSchema, {
      id: "m",
      kind: "other",
      name: "李老师",
      capacity: { min: 5, max: 2 },
    });
    expect(capacity.en).toBe(
      "capacity.min: capacity.min 5 must not exceed capacity.max 2 (received: 5)",
    );
    expect(capacity["zh-CN"]).toContain("最少结对人数 5 大于最多结对人数 2");
  });

  it("a union of the library's own forms names each of them", () => {
    const Either = z.union([CalendarDateSchema, InstantSchema]);
    const m = first(z.object({ at: Either }), { at: "yesterday" });
    expect(m.en).toMatch(
      /^at: expected a real date as YYYY-MM-DD; or expected an ISO 8601 date-time/,
    );
    expect(m.en).toMatch(/\(received: "yesterday"\)$/);
    expect(m["zh-CN"]).toMatch(
      /^字段 at：应为真实存在的日期，格式 YYYY-MM-DD；或应为带时区偏移的 ISO 8601 时间/,
    );
  });

  it("a pattern's own message is kept, and a custom consent purpose says its form", () => {
    const path = z.string().regex(/^[a-z]+$/, { message: "expected lower-case letters" });
    expect(first(z.object({ p: path }), { p: "A1" }).en).toBe(
      'p: expected lower-case letters (received: "A1")',
    );
    const purpose = first(z.object({ purpose: ConsentPurposeSchema }), { purpose: "custom:" });
    expect(purpose.en).toMatch(/custom:<name>/);
    expect(purpose["zh-CN"]).toMatch(/custom:<名称>/);
    expect(purpose.en).not.toMatch(/regex/);
  });

  it("zh-CN messages use Chinese type names and call a long string too long", () => {
    const type = first(z.object({ name: z.string() }), { name: 5 });
    expect(type["zh-CN"]).toBe("字段 name：应为文本（收到：5）");
    expect(type["zh-CN"]).not.toMatch(/string|数值过大/);
    const long = first(z.object({ name: z.string().max(3) }), { name: "王小明明" });
    expect(long["zh-CN"]).toBe('字段 name：长度不能超过 3 个字符（上限 3）（收到："王小明明"）');
    expect(long.en).toBe(
      'name: must be at most 3 characters long (limit 3) (received: "王小明明")',
    );
    const missing = first(z.object({ name: z.string() }), {});
    expect(missing["zh-CN"]).toBe("字段 name：应为文本（收到：undefined）");
  });
});
