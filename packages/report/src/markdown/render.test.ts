import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fuzzRuns } from "../../../core/src/_lib/fuzz.test-helper";
import { hugeNumbersTable, sampleReport } from "../_lib/sample.test-helper";
import type { Block, Inline } from "../model/types";
import { escapeMarkdown, toMarkdown } from "./render";

describe("Markdown", () => {
  it("prints the title, metadata, headings, bold figures, tables, charts, footnotes and privacy", () => {
    expect(toMarkdown(sampleReport())).toBe(
      [
        "# 样例报告",
        "",
        "范围：样例小学  ",
        "统计期间：2026-03-01 至 2026-06-30  ",
        "数据截至：2026-06-30  ",
        "生成时间：2026-07-01T09:00:00+08:00 (Asia/Shanghai)  ",
        "数据来源：儿童档案（2 条）",
        "",
        "## 一、基本情况",
        "",
        "共 **4** 名[^1]。",
        "",
        "**样表**",
        "",
        "| 名称 | 人数 | 比例 | 金额 | 日期 |",
        "| --- | ---: | ---: | ---: | --- |",
        "| 甲 | 3 | 50.0% | ¥123.45 | 2026-03-01 |",
        "| =1+1 | 1 |  | ¥0.00 |  |",
        "| **合计** | **4** |  | **¥123.45** |  |",
        "",
        "注：注释一",
        "",
        "**图：构成**",
        "",
        "| 类别 | 人数 |",
        "| --- | ---: |",
        "| 甲 | 3 |",
        "| 乙 | 1 |",
        "",
        "[^1]: 脚注",
        "",
        "*隐私保护：身份证号、电话号码、住址、健康状况已遮蔽。*",
        "",
      ].join("\n"),
    );
  });

  it("escapes data so that it can never become markup", () => {
    expect(escapeMarkdown("*a* _b_ [c](d) <script> | x\ny")).toBe(
      "\\*a\\* \\_b\\_ \\[c\\](d) &lt;script&gt; \\| x y",
    );
  });

  it("keeps text that looks like a list item, a heading or a quote at the start of a line as text", () => {
    const looks = [
      "- x",
      "+ x",
      "* x",
      "1. x",
      "12) x",
      "# x",
      "> x",
      "---",
      "- - -",
      "    x",
      "\tx",
    ];
    const escaped = [
      "\\- x",
      "\\+ x",
      "\\* x",
      "1\\. x",
      "12\\) x",
      "\\# x",
      "&gt; x",
      "\\---",
      "\\- - -",
      "&#32;   x",
      "&#9;x",
    ];
    const text = (s: string): Inline[] => [{ type: "text", text: s }];
    const md = toMarkdown(
      sampleReport({
        subtitle: "- 副标题",
        body: [
          ...looks.map((s): Block => ({ type: "paragraph", content: text(s) })),
          // Split across runs, the marker is still at the start of the paragraph.
          { type: "paragraph", content: [...text("2"), ...text(". 分开")] },
          { type: "list", ordered: false, items: looks.map(text) },
          { type: "key-figures", items: [{ label: "1. 人数", value: 1, valueType: "integer" }] },
          {
            type: "table",
            id: "t",
            title: "",
            columns: [{ key: "a", header: "- 表头", type: "text" }],
            rows: looks.map((s) => ({ cells: [s] })),
            notes: [],
          },
        ],
        footnotes: [{ id: "f1", text: "- 脚注" }],
      }),
    );
    const lines = md.split("\n");
    expect(lines).toContain("\\- 副标题");
    for (const e of escaped) {
      expect(lines).toContain(e);
      expect(lines).toContain(`- ${e}`);
      expect(lines).toContain(`| ${e} |`);
    }
    expect(lines).toContain("2\\. 分开");
    expect(lines).toContain("- 1\\. 人数：**1**");
    expect(lines).toContain("| \\- 表头 |");
    expect(lines).toContain("[^1]: \\- 脚注");
    // An empty table title would print `****`, a thematic break.
    expect(lines).not.toContain("****");
    // Ordinary text is as it was.
    for (const s of ["-2", "+1", "2026年", "1.5", "--x", "2026-03-01"]) {
      expect(toMarkdown(sampleReport({ subtitle: s }))).toContain(`\n\n${s}\n\n`);
    }
  });

  it("prints huge and tiny numbers in plain digits, never in exponent notation", () => {
    const md = toMarkdown(
      sampleReport({
        body: [
          { type: "key-figures", items: [{ label: "k", value: 1e21, valueType: "integer" }] },
          hugeNumbersTable(),
        ],
        footnotes: [],
      }),
    );
    expect(md).toContain("- k：**1,000,000,000,000,000,000,000**");
    expect(md).toContain("| 1,000,000,000,000,000,000,000 | 0.00 |");
    expect(md).not.toMatch(/\de[+-]\d/);
  });

  it("prints an English report with English punctuation", () => {
    const md = toMarkdown(sampleReport({ locale: "en" }));
    expect(md).toContain("Covers: 样例小学");
    expect(md).toContain("Note: 注释一");
    expect(md).toContain("*Privacy: ID numbers, phone numbers, addresses, health notes masked.*");
  });
});

describe("Markdown on any data", () => {
  it("keeps every table row to its column count, whatever the cells hold", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ unit: "grapheme", maxLength: 20 }), fc.integer()), {
          maxLength: 8,
        }),
        (rows) => {
          const report = sampleReport({
            body: [
              {
                type: "table",
                id: "t",
                columns: [
                  { key: "a", header: "甲|乙", type: "text" },
                  { key: "b", header: "n", type: "integer" },
                ],
                rows: rows.map(([a, b]) => ({ cells: [a, b] })),
                notes: [],
              },
            ],
            footnotes: [],
          });
          const md = toMarkdown(report);
          const lines = md.split("\n").filter((line) => line.startsWith("| "));
          expect(lines).toHaveLength(rows.length + 2);
          for (const line of lines) expect(line.split(/(?<!\\)\|/).length).toBe(4);
        },
      ),
      { numRuns: fuzzRuns(200) },
    );
  });
});
