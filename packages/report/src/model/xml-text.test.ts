import { IssueCode, MAX_DEPTH, ValidationError } from "@liushou/core";
import { describe, expect, it } from "vitest";
import { sampleReport } from "../_lib/sample.test-helper";
import type { Block, Table } from "./types";
import { mapReportText, xmlSafeText } from "./xml-text";

describe("mapReportText", () => {
  it("returns the report itself when no string changes, so a large register is not copied", () => {
    const report = sampleReport();
    expect(mapReportText(report, xmlSafeText)).toBe(report);
    expect(mapReportText(report, (s) => s)).toBe(report);
  });

  it("copies only the path to a changed string and leaves the input as it was", () => {
    const report = sampleReport({ title: "统计\u0000表" });
    const before = structuredClone(report);
    const mapped = mapReportText(report, xmlSafeText);
    expect(mapped.title).toBe("统计\uFFFD表");
    expect(mapped).not.toBe(report);
    expect(mapped.body).toBe(report.body);
    expect(mapped.meta).toBe(report.meta);
    expect(report).toEqual(before);
  });

  it("maps a string deep in a table cell and keeps the sibling rows shared", () => {
    const report = sampleReport();
    const section = report.body[0] as Extract<Block, { type: "section" }>;
    const table = section.blocks.find((b): b is Table => b.type === "table")!;
    expect(table.rows.length).toBeGreaterThan(1);
    const upper = mapReportText(report, (s) => (s === table.rows[0]!.cells[0] ? `${s}!` : s));
    const mappedSection = upper.body[0] as Extract<Block, { type: "section" }>;
    const mappedTable = mappedSection.blocks[section.blocks.indexOf(table)] as Table;
    expect(mappedTable.rows[0]!.cells[0]).toBe(`${String(table.rows[0]!.cells[0])}!`);
    expect(mappedTable.rows[1]).toBe(table.rows[1]);
    expect(mappedTable.columns).toBe(table.columns);
  });

  it("refuses a part outside the body that holds itself, naming it, as it refuses cyclic sections", () => {
    const cyclicMeta = structuredClone(sampleReport());
    (cyclicMeta.meta.dataSources as unknown[]).push(cyclicMeta.meta);
    const ownField = structuredClone(sampleReport());
    Object.assign(ownField.meta.subject, { self: ownField.meta.subject });
    // A field of a host's own, nested a hundred thousand levels deep.
    let chain: Record<string, unknown> = {};
    const deep = { ...sampleReport(), extra: chain };
    for (let i = 0; i < 100_000; i++) chain = chain.next = {};
    for (const [report, path] of [
      [cyclicMeta, /^meta\.dataSources\[1\]$/],
      [ownField, /^meta\.subject\.self$/],
      // A long path is shortened in the message.
      [deep, /^extra(\.next)+/],
    ] as const) {
      const error = (() => {
        try {
          mapReportText(report as never, xmlSafeText);
        } catch (e) {
          return e;
        }
        return expect.unreachable("the report was mapped");
      })();
      expect(error, String(error)).toBeInstanceOf(ValidationError);
      const issue = (error as ValidationError).issues[0]!;
      expect(issue.code).toBe(IssueCode.TOO_DEEP);
      expect(issue.path).toMatch(path);
      expect(issue.message.en).toContain("nor hold themselves");
    }
  });

  it("maps a report whose sections nest as deep as the model allows", () => {
    let blocks: Block[] = sampleReport().body as Block[];
    for (let i = 0; i < MAX_DEPTH - 1; i++) {
      blocks = [{ type: "section", id: `n${i}`, title: "节\u0000", level: 1, blocks }];
    }
    const mapped = mapReportText(sampleReport({ body: blocks }), xmlSafeText);
    expect((mapped.body[0] as Extract<Block, { type: "section" }>).title).toBe("节\uFFFD");
  });

  it("keeps a key named __proto__ a plain field when its value changes", () => {
    const report = JSON.parse(
      JSON.stringify(sampleReport()).replace(/^\{/, '{"__proto__":"a\\u0000",'),
    ) as ReturnType<typeof sampleReport>;
    const mapped = mapReportText(report, xmlSafeText) as unknown as Record<string, unknown>;
    expect(Object.getPrototypeOf(mapped)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(mapped, "__proto__")?.value).toBe("a\uFFFD");
  });
});
