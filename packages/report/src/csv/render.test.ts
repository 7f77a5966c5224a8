import { ValidationError } from "@liushou/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fuzzRuns } from "../../../core/src/_lib/fuzz.test-helper";
import { sampleReport } from "../_lib/sample.test-helper";
import type { Report } from "../model/types";
import { neutralizeFormula, quoteCsv, toCsv, UTF8_BOM } from "./render";

/** Reads CSV back (RFC 4180), to check what a spreadsheet would see. */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i]!;
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') ((cell += '"'), i++);
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") (row.push(cell), (cell = ""));
    else if (c === "\r" && csv[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      ((row = []), (cell = ""), i++);
    } else cell += c;
  }
  if (cell !== "" || row.length > 0) rows.push([...row, cell]);
  return rows;
}

function oneCellReport(value: string): Report {
  return sampleReport({
    body: [
      {
        type: "table",
        id: "t",
        columns: [{ key: "v", header: "值", type: "text" }],
        rows: [{ cells: [value] }],
        notes: [],
      },
    ],
    footnotes: [],
  });
}

describe("CSV", () => {
  it("starts with a UTF-8 byte-order mark and ends lines with CRLF", () => {
    const csv = toCsv(sampleReport());
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(Buffer.from(csv, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(toCsv(sampleReport(), { bom: false }).startsWith(UTF8_BOM)).toBe(false);
  });

  it("neutralises every cell that starts with =, +, -, @, tab or carriage return", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) {
      const value = `${start}HYPERLINK("http://x","y")`;
      const cell = parseCsv(toCsv(oneCellReport(value), { tableId: "t", bom: false }))[1]![0]!;
      expect(cell).toBe(`'${value}`);
    }
    expect(neutralizeFormula("-")).toBe("'-");
    expect(neutralizeFormula("王小明")).toBe("王小明");
  });

  it("neutralises headers and titles too, but never a number the renderer wrote", () => {
    const r = sampleReport({
      title: "x",
      body: [
        {
          type: "table",
          id: "t",
          title: "@title",
          columns: [
            { key: "h", header: "-h", type: "text" },
            { key: "n", header: "n", type: "integer" },
          ],
          rows: [{ cells: ["a,b", -5] }],
          notes: ["=note"],
        },
      ],
      footnotes: [],
    });
    expect(parseCsv(toCsv(r, { bom: false }))).toEqual([
      ["'@title"],
      ["'-h", "n"],
      ["a,b", "-5"],
      ["注：=note"],
    ]);
    expect(quoteCsv("a,b")).toBe('"a,b"');
  });

  it("round-trips any text cell, neutralised, through a CSV reader", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 30 }), (value) => {
        const rows = parseCsv(toCsv(oneCellReport(value), { tableId: "t", bom: false }));
        expect(rows[1]).toEqual([neutralizeFormula(value)]);
        expect(rows[1]![0]).not.toMatch(/^[=+\-@\t\r]/);
      }),
      { numRuns: fuzzRuns(300) },
    );
  });

  it("writes plain numbers, percents and yuan, with totals and notes", () => {
    const rows = parseCsv(toCsv(sampleReport(), { bom: false }));
    expect(rows.slice(0, 6)).toEqual([
      ["样表"],
      ["名称", "人数", "比例", "金额", "日期"],
      ["甲", "3", "50.0%", "123.45", "2026-03-01"],
      ["'=1+1", "1", "", "0.00", ""],
      ["合计", "4", "", "123.45", ""],
      ["注：注释一"],
    ]);
    expect(rows.slice(6)).toEqual([[""], ["构成"], ["类别", "人数"], ["甲", "3"], ["乙", "1"]]);
  });

  it("writes huge and tiny numbers in plain digits, never in exponent notation", () => {
    const r = sampleReport({
      body: [
        {
          type: "table",
          id: "t",
          columns: [
            { key: "n", header: "n", type: "integer" },
            { key: "d", header: "d", type: "decimal" },
            { key: "p", header: "p", type: "percent" },
            { key: "f", header: "f", type: "money-fen" },
          ],
          rows: [{ cells: [1e21, 1e-7, 1e19, 1e25] }, { cells: [-1e21, -1e-7, -1e-7, -1e25] }],
          notes: [],
        },
        { type: "key-figures", items: [{ label: "k", value: 1e-7, valueType: "text" }] },
      ],
      footnotes: [],
    });
    const rows = parseCsv(toCsv(r, { bom: false }));
    expect(rows.slice(1, 3)).toEqual([
      [
        "1000000000000000000000",
        "0.00",
        "1000000000000000000000.0%",
        "100000000000000000000000.00",
      ],
      ["-1000000000000000000000", "0.00", "0.0%", "-100000000000000000000000.00"],
    ]);
    expect(rows.at(-1)).toEqual(["k", "0.0000001", ""]);
  });

  it("exports one table by id, and names an unknown id", () => {
    const rows = parseCsv(toCsv(sampleReport(), { tableId: "t1", bom: false }));
    expect(rows[0]).toEqual(["名称", "人数", "比例", "金额", "日期"]);
    expect(rows).toHaveLength(4);
    expect(() => toCsv(sampleReport(), { tableId: "nope" })).toThrow(ValidationError);
    expect(() => toCsv(sampleReport(), { bom: "yes" } as never)).toThrow(ValidationError);
  });

  it("writes cards as one grid per kind, numbering a label that repeats", () => {
    const card = (id: string, kind: string, fields: [string, string][]) => ({
      type: "card" as const,
      id,
      title: id,
      groups: [{ title: kind, fields: fields.map(([label, value]) => ({ label, value })) }],
    });
    const r = sampleReport({
      body: [
        card("a-file", "档案", [["姓名", "甲"]]),
        card("a-contact", "联系", [
          ["紧急联系人", "乙"],
          ["紧急联系人", "丙"],
        ]),
        card("b-file", "档案", [["姓名", "丁"]]),
      ],
      footnotes: [],
    });
    expect(parseCsv(toCsv(r, { bom: false }))).toEqual([
      ["卡片", "档案·姓名"],
      ["a-file", "甲"],
      ["b-file", "丁"],
      [""],
      ["卡片", "联系·紧急联系人", "联系·紧急联系人 2"],
      ["a-contact", "乙", "丙"],
    ]);
  });
});
