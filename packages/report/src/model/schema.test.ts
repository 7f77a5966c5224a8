import { ValidationError } from "@liushou/core";
import { describe, expect, it } from "vitest";
import { sampleReport } from "../_lib/sample.test-helper";
import { figure, inlineText, paragraph, sentence } from "./build";
import { formatValue } from "./format";
import { parseReport } from "./parse";
import { ReportSchema } from "./schema";
import type { Block, Report, Table } from "./types";

function withTable(patch: Partial<Table>): Report {
  const r = sampleReport();
  const section = r.body[0] as Extract<Block, { type: "section" }>;
  const table = section.blocks[1] as Table;
  return sampleReport({
    body: [{ ...section, blocks: [section.blocks[0]!, { ...table, ...patch }] }, r.body[1]!],
  });
}

function issuesOf(value: unknown): string[] {
  try {
    parseReport(value);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).issues.map((i) => `${i.path}: ${i.message.en}`);
  }
  return [];
}

describe("ReportSchema", () => {
  it("accepts a well-formed report and returns it unchanged", () => {
    const r = sampleReport();
    expect(parseReport(r)).toEqual(r);
  });

  it("names the row and cell when a row has the wrong number of cells", () => {
    const issues = issuesOf(withTable({ rows: [{ cells: ["甲", 1] }] }));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(
      /^body\[0\]\.blocks\[1\]\.rows\[0\]\.cells: .*expected 5 cells \(one per column\), got 2/,
    );
  });

  it("checks each cell against its column type", () => {
    const issues = issuesOf(
      withTable({ rows: [{ cells: [1, 1.5, "x", 10.5, "2026-02-30"] }], totals: undefined }),
    );
    expect(issues.map((i) => i.split(":")[0])).toEqual([
      "body[0].blocks[1].rows[0].cells[0]",
      "body[0].blocks[1].rows[0].cells[1]",
      "body[0].blocks[1].rows[0].cells[2]",
      "body[0].blocks[1].rows[0].cells[3]",
      "body[0].blocks[1].rows[0].cells[4]",
    ]);
  });

  it("rejects a pie with two series and a series of the wrong length", () => {
    const r = sampleReport();
    const chart = r.body[1] as Extract<Block, { type: "chart" }>;
    const bad = sampleReport({
      body: [r.body[0]!, { ...chart, series: [chart.series[0]!, { name: "二", values: [1] }] }],
    });
    const issues = issuesOf(bad);
    expect(issues.some((i) => i.includes("exactly one series"))).toBe(true);
    expect(issues.some((i) => i.startsWith("body[1].series[1].values"))).toBe(true);
  });

  it("rejects a reference to a missing footnote and repeated block ids", () => {
    expect(issuesOf(sampleReport({ footnotes: [] })).join()).toMatch(/missing footnote f1/);
    const r = sampleReport();
    expect(issuesOf(sampleReport({ body: [...r.body, r.body[1]!] })).join()).toMatch(
      /block id c1 repeats/,
    );
  });

  it("never throws anything but a ValidationError on garbage", () => {
    for (const junk of [
      null,
      1,
      "x",
      [],
      { kind: 1 },
      { ...sampleReport(), body: [{ type: "?" }] },
    ]) {
      expect(() => parseReport(junk)).toThrow(ValidationError);
    }
    expect(ReportSchema.safeParse(undefined).success).toBe(false);
  });
});

describe("formatValue", () => {
  it("prints each value type the same in every renderer", () => {
    expect(formatValue(28342, "integer")).toBe("28,342");
    expect(formatValue(-1234567, "integer")).toBe("-1,234,567");
    expect(formatValue(0.9523, "percent")).toBe("95.2%");
    expect(formatValue(1, "percent", { decimals: 0 })).toBe("100%");
    expect(formatValue(123450, "money-fen")).toBe("¥1,234.50");
    expect(formatValue(5, "money-fen")).toBe("¥0.05");
    expect(formatValue(-5, "money-fen")).toBe("-¥0.05");
    expect(formatValue(3.14159, "decimal")).toBe("3.14");
    expect(formatValue("2026-03-01", "date")).toBe("2026-03-01");
    expect(formatValue(null, "integer")).toBe("");
  });

  it("prints huge and tiny numbers in plain digits, never in exponent notation", () => {
    expect(formatValue(1e21, "integer")).toBe("1,000,000,000,000,000,000,000");
    expect(formatValue(-1e21, "integer")).toBe("-1,000,000,000,000,000,000,000");
    expect(formatValue(1.5e21, "decimal")).toBe("1,500,000,000,000,000,000,000.00");
    expect(formatValue(1e19, "percent")).toBe("1,000,000,000,000,000,000,000.0%");
    expect(formatValue(1e25, "money-fen")).toBe("¥100,000,000,000,000,000,000,000.00");
    expect(formatValue(1e-7, "decimal")).toBe("0.00");
    expect(formatValue(-1e-7, "decimal")).toBe("0.00");
    // A value type that prints a number as it is (a key figure typed `text`, say).
    expect(formatValue(1e-7, "text")).toBe("0.0000001");
    expect(formatValue(1e21, "text")).toBe("1000000000000000000000");
    // Beyond the safe integers, the digits JSON gives, not the binary expansion (…683,968).
    expect(formatValue(123456789012345680000, "integer")).toBe("123,456,789,012,345,680,000");
    for (const type of ["integer", "decimal", "percent", "money-fen", "text"] as const) {
      for (const value of [Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, 1e300, 5e-324]) {
        expect(formatValue(value, type)).not.toMatch(/e|Infinity|NaN/i);
      }
    }
  });
});

describe("builders", () => {
  it("keeps the numbers of a sentence as figures", () => {
    const p = paragraph(sentence`共有 ${54} 名，建档率 ${figure(0.98, "percent", "x")}。`);
    expect(p.content).toEqual([
      { type: "text", text: "共有 " },
      { type: "figure", value: 54, valueType: "integer", text: "54" },
      { type: "text", text: " 名，建档率 " },
      { type: "figure", value: 0.98, valueType: "percent", text: "98.0%", source: "x" },
      { type: "text", text: "。" },
    ]);
    expect(inlineText(p.content)).toBe("共有 54 名，建档率 98.0%。");
  });
});
