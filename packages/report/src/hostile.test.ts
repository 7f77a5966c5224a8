/**
 * Hostile text in every text field of a report comes out inert in CSV and Markdown: no CSV cell
 * starts with a formula character, every text is there verbatim (after the guarding quote), and
 * no Markdown line carries raw HTML.
 */
import { IssueCode, MAX_DEPTH, ValidationError } from "@liushou/core";
import { describe, expect, it } from "vitest";
import {
  CONTROL_STRING,
  HOSTILE_STRINGS,
  hostileReport,
  parseCsv,
} from "./_lib/hostile.test-helper";
import { toCsv } from "./csv/render";
import { toMarkdown } from "./markdown/render";
import { inlineText, paragraph, section } from "./model/build";
import { metaLines } from "./model/describe";
import { parseReport } from "./model/parse";
import type { Block, Inline, Report } from "./model/types";
import { walkReport } from "./model/walk";
import { mapReportText } from "./model/xml-text";
import { sampleReport } from "./_lib/sample.test-helper";

describe.each(HOSTILE_STRINGS.map((s) => [JSON.stringify(s.slice(0, 40)), s] as const))(
  "hostile text %s",
  (_, s) => {
    const report = hostileReport(s);

    it("CSV: no cell starts a formula, and the text is there verbatim", () => {
      const cells = parseCsv(toCsv(report).replace(/^\uFEFF/, "")).flat();
      for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      const guarded = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
      expect(cells).toContain(guarded);
    });

    it("Markdown: no raw HTML tag from the data", () => {
      const md = toMarkdown(report);
      expect(md).not.toMatch(/<(script|img|svg|style|title|textarea)\b/i);
      expect(md).not.toMatch(/<\/?w:/);
    });
  },
);

/** Every entry point that reads a whole report, each as a call on `report`. */
function entryPoints(report: Report): (() => unknown)[] {
  return [
    () => parseReport(report),
    () => toCsv(report),
    () => toMarkdown(report),
    () => [...walkReport(report)],
    () => metaLines(report),
    () => mapReportText(report, (s) => s),
  ];
}

/** The ValidationError a call throws (the test fails if it throws nothing or something else). */
function refusal(call: () => unknown): ValidationError {
  try {
    call();
  } catch (e) {
    expect(e, String(e)).toBeInstanceOf(ValidationError);
    return e as ValidationError;
  }
  return expect.unreachable("the report was accepted");
}

describe("control characters", () => {
  it("CSV and Markdown render them without failing", () => {
    const report = hostileReport(CONTROL_STRING);
    expect(parseCsv(toCsv(report).replace(/^\uFEFF/, "")).flat()).toContain(CONTROL_STRING);
    expect(toMarkdown(report)).toContain("a\u0000b");
  });
});

describe("sections nested without end", () => {
  /** The sample report with its body wrapped in `depth` sections. */
  function nested(depth: number): Report {
    let blocks: Block[] = sampleReport().body as Block[];
    for (let i = 0; i < depth; i++) {
      blocks = [{ type: "section", id: `n${i}`, title: "节", level: 1, blocks }];
    }
    return { ...sampleReport(), body: blocks };
  }
  /** A report whose only section holds itself. */
  function cyclic(): Report {
    const section = { type: "section", id: "loop", title: "环", level: 1, blocks: [] as Block[] };
    section.blocks.push(section as Block, section as Block);
    return { ...sampleReport(), body: [section as Block] };
  }

  it.each([
    ["too deep", nested(MAX_DEPTH * 100)],
    ["cyclic", cyclic()],
  ])("%s: every entry point refuses it with a ValidationError", (_, report) => {
    for (const call of entryPoints(report)) {
      expect(refusal(call).issues[0]).toMatchObject({ path: "body", code: IssueCode.TOO_DEEP });
    }
  });

  it("refuses shared sections nested in each other before any walk goes through them all", () => {
    // 30 levels (within MAX_DEPTH), each section holding the one below twice: 2^30 blocks to a
    // walk of the tree.
    let blocks: Block[] = sampleReport().body as Block[];
    for (let i = 0; i < 30; i++) {
      const section = { type: "section", id: `s${i}`, title: "节", level: 1, blocks } as Block;
      blocks = [section, section];
    }
    const report = { ...sampleReport(), body: blocks };
    for (const call of entryPoints(report)) {
      expect(refusal(call).issues[0]).toMatchObject({ path: "body", code: "too_big" });
    }
    // A section held twice is refused for its repeated id, as every block id is unique.
    const shared = { type: "section", id: "s", title: "节", level: 1, blocks: [] } as Block;
    expect(() => parseReport({ ...sampleReport(), body: [shared, shared] })).toThrow(
      /块编号 s 重复/,
    );
  });

  it("renders sections nested MAX_DEPTH levels deep", () => {
    const report = nested(MAX_DEPTH - 1);
    expect(toMarkdown(report)).toContain("样表");
    expect(toCsv(report)).toContain("样表");
  });
});

describe("lists with holes", () => {
  /** A list of no items whose length says a billion: a walk item by item would hang. */
  function holes(): unknown[] {
    const list: unknown[] = [];
    list.length = 1e9;
    return list;
  }
  /** The sample report with the list at `path` replaced by `holes()`, or holes after its items. */
  function patched(path: readonly (string | number)[], keep = false): Report {
    const report = structuredClone(sampleReport());
    let at = report as unknown as Record<PropertyKey, unknown>;
    for (const key of path.slice(0, -1)) at = at[key] as Record<PropertyKey, unknown>;
    const key = path.at(-1)!;
    at[key] = keep ? Object.assign(holes(), at[key]) : holes();
    return report;
  }
  const rows = ["body", 0, "blocks", 1, "rows"];

  it.each([
    ["rows", rows, false, "body[0].blocks[1].rows[0]"],
    ["rows, after two", rows, true, "body[0].blocks[1].rows[2]"],
    ["sections", ["body"], false, "body[0]"],
    ["blocks of a section", ["body", 0, "blocks"], false, "body[0].blocks[0]"],
    ["cells", [...rows, 1, "cells"], false, "body[0].blocks[1].rows[1].cells[0]"],
    ["chart values", ["body", 1, "series", 0, "values"], false, "body[1].series[0].values[0]"],
    ["footnotes", ["footnotes"], false, "footnotes[0]"],
    ["data sources", ["meta", "dataSources"], false, "meta.dataSources[0]"],
  ] as const)(
    "%s: every entry point refuses them at once, naming the first missing item",
    (_, at, keep, path) => {
      const report = patched(at, keep);
      const calls = [
        () => parseReport(report),
        () => toCsv(report),
        () => toMarkdown(report),
        () => mapReportText(report, (s) => s),
      ];
      for (const call of calls) {
        const issue = refusal(call).issues[0]!;
        expect(issue).toMatchObject({ path });
        expect(issue.message.en).toContain(
          "a list must not have holes (a sparse array of length 1000000000)",
        );
      }
    },
    // Each list used to be walked item by item: minutes, or out of memory.
    5_000,
  );

  it("refuses sections with holes in the walk, the metadata and the builders", () => {
    const sections = patched(["body", 0, "blocks"]);
    expect(() => [...walkReport(sections)]).toThrow(/body\[0\]\.blocks\[0\]/);
    const sources = patched(["meta", "dataSources"]);
    expect(() => metaLines(sources)).toThrow(/meta\.dataSources\[0\]/);
    expect(() => section("s", "节", holes() as Block[])).toThrow(ValidationError);
    expect(() => paragraph(holes() as Inline[])).toThrow(ValidationError);
    expect(() => inlineText(holes() as Inline[])).toThrow(ValidationError);
  }, 5_000);
});

describe("options with a misspelt or unknown key", () => {
  it("CSV refuses them, naming the key, instead of ignoring them", () => {
    expect(() => toCsv(sampleReport(), { tableID: "t1" } as never)).toThrow(/tableID/);
    expect(() => toCsv(sampleReport(), { BOM: false } as never)).toThrow(ValidationError);
  });
});
