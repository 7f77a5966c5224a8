import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors";
import { validate } from "../errors/validate";
import { PeriodSchema } from "./period";
import { thrown } from "./throws.test-helper";

/** The two refusals of a reporting period, worded in both languages, at and beside their limits. */
describe("PeriodSchema", () => {
  const refusal = (period: unknown) => {
    const result = thrown(() => validate(PeriodSchema, period, { path: ["period"] }));
    expect(result).toBeInstanceOf(ValidationError);
    return (result as ValidationError).issues.map((i) => [
      i.path,
      i.message["zh-CN"],
      i.message.en,
    ]);
  };

  it("accepts one day and exactly ten years (3,660 days apart)", () => {
    expect(PeriodSchema.parse({ from: "2026-03-01", to: "2026-03-01" })).toEqual({
      from: "2026-03-01",
      to: "2026-03-01",
    });
    expect(PeriodSchema.safeParse({ from: "2020-01-01", to: "2030-01-08" }).success).toBe(true);
  });

  it("refuses an end before the start, in both languages", () => {
    expect(refusal({ from: "2026-03-02", to: "2026-03-01" })).toEqual([
      [
        "period.to",
        '字段 period.to：时段的开始日期不能晚于结束日期（收到："2026-03-01"）',
        'period.to: period.from must not be after period.to (received: "2026-03-01")',
      ],
    ]);
  });

  it("refuses more than ten years, in both languages", () => {
    const [issue] = refusal({ from: "2020-01-01", to: "2030-01-09" });
    expect(issue![0]).toBe("period.to");
    expect(issue![1]).toContain("时段最长十年");
    expect(issue![2]).toContain("a period spans at most ten years");
  });
});
