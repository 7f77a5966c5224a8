import { RenderError, ValidationError } from "@liushou/core";
import { describe, expect, it } from "vitest";
import { chartToSvg, type ChartData } from "./svg";

const bar: ChartData = {
  kind: "bar",
  valueType: "integer",
  categories: ["随祖辈生活", "随其他亲戚生活", "</text><script>alert(1)</script>"],
  series: [{ name: "人数", values: [12, 3, 1] }],
};

describe("chartToSvg", () => {
  it("draws bar, line and pie charts as standalone SVG with every value labelled", () => {
    for (const kind of ["bar", "line", "pie"] as const) {
      const svg = chartToSvg({ ...bar, kind }, { width: 400, height: 200 });
      expect(svg).toMatch(/^<svg width="400" height="200"/);
      expect(svg).toContain("随祖辈生活");
      for (const v of ["12", "3"]) expect(svg).toMatch(new RegExp(`>[^<]*\\b${v}\\b[^<]*</text>`));
    }
  });

  it("escapes labels: a script-looking category stays text", () => {
    const svg = chartToSvg(bar);
    expect(svg).not.toContain("<script");
    expect(svg).toContain("&lt;script&gt;");
  });

  it("is deterministic: the same chart gives the same SVG", () => {
    for (const kind of ["bar", "line", "pie"] as const) {
      expect(chartToSvg({ ...bar, kind })).toBe(chartToSvg({ ...bar, kind }));
    }
  });

  it("labels values as the report prints them, and leaves gaps for missing values", () => {
    const svg = chartToSvg({
      ...bar,
      valueType: "percent",
      series: [{ name: "比例", values: [0.5, null, 0.125] }],
    });
    expect(svg).toContain(">50.0%</text>");
    expect(svg).toContain(">12.5%</text>");
  });

  it("prints a pie's shares with one decimal, as the report prints percents", () => {
    const svg = chartToSvg({ ...bar, kind: "pie", series: [{ name: "人数", values: [2, 1, 0] }] });
    expect(svg).toContain(">2 (66.7%)</text>");
    expect(svg).toContain(">1 (33.3%)</text>");
  });

  it("draws negative bars and lines below the zero line, and refuses a negative pie slice", () => {
    for (const kind of ["bar", "line"] as const) {
      const svg = chartToSvg({ ...bar, kind, series: [{ name: "变化", values: [-5, 3, 0] }] });
      // The value axis takes the negative value in, and the mark is labelled with it.
      expect(svg).toContain(">-6</text>");
      expect(svg).toContain(">-5</text>");
      expect(svg).not.toMatch(/(width|height)="-|NaN/);
    }
    const pie = { ...bar, kind: "pie" as const, series: [{ name: "人数", values: [3, -5, 1] }] };
    let error: unknown;
    try {
      chartToSvg(pie);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    const issue = (error as ValidationError).issues[0]!;
    expect(issue).toMatchObject({ path: "series[0].values[1]", code: "too_small" });
    expect(issue.message.en).toContain("cannot be negative");
    expect(issue.message["zh-CN"]).toContain("不能为负");
  });

  it("labels huge values in plain digits, never in exponent notation", () => {
    const svg = chartToSvg({ ...bar, series: [{ name: "人数", values: [1e21, 2e21, 0] }] });
    expect(svg).toContain(">2,000,000,000,000,000,000,000</text>");
    expect(svg).not.toMatch(/>[^<]*\de[+-]\d[^<]*<\/text>/);
  });

  it("gives each chart on a page its own class names", () => {
    expect(chartToSvg(bar, { id: "c-a" })).toMatch(/class="c-a-cls-0"/);
    expect(chartToSvg({ ...bar, kind: "pie" }, { id: "c-b" })).not.toMatch(/\bzr\d+-/);
  });

  it("refuses a class prefix that is not a plain name", () => {
    expect(() => chartToSvg(bar, { id: 'x"><script>' })).toThrow(ValidationError);
  });

  it("rejects a series whose values do not match the categories, in both languages", () => {
    const bad = { ...bar, series: [{ name: "人数", values: [1, Number.NaN, 2] }] };
    expect(() => chartToSvg(bad)).toThrow(ValidationError);
    try {
      chartToSvg({ ...bar, series: [{ name: "x", values: [1] }] });
    } catch (e) {
      expect((e as RenderError).messages.en).toContain("needs 3 finite values");
    }
  });
});
