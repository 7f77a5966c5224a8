/**
 * Hostile text in every text field of a report comes out inert in DOCX: every XML part of the
 * file parses with a strict XML parser, the document has the same paragraphs as with plain text
 * (data adds no markup), and the text is there verbatim in its own runs.
 */
import { ValidationError } from "@liushou/core";
import type { Report, Table } from "@liushou/report";
import { describe, expect, it } from "vitest";
import {
  CONTROL_STRING,
  HOSTILE_STRINGS,
  hostileReport,
} from "../../../report/src/_lib/hostile.test-helper";
import { hugeNumbersTable, sampleReport } from "../../../report/src/_lib/sample.test-helper";
import { MAX_DOCX_COLUMNS } from "./limits";
import { renderDocx } from "./render";
import { parseDocx } from "./xml.test-helper";

// The chart would be rasterised for every string; the text fields are what is under test.
const withoutChart = (s: string) => {
  const r = hostileReport(s);
  const [section] = r.body;
  if (section?.type !== "section") throw new Error("the hostile report starts with a section");
  return { ...r, body: [{ ...section, blocks: section.blocks.filter((b) => b.type !== "chart") }] };
};

describe("DOCX with hostile text", async () => {
  const plain = await parseDocx(await renderDocx(withoutChart("x")));

  it.each(HOSTILE_STRINGS.map((s) => [JSON.stringify(s.slice(0, 40)), s] as const))(
    "%s: well-formed, no markup added, text verbatim",
    async (_, s) => {
      const doc = await parseDocx(await renderDocx(withoutChart(s)));
      expect(doc.paragraphs.length).toBe(plain.paragraphs.length);
      // XML readers read a carriage return as a line feed.
      const expected = s.replace(/\r\n?/g, "\n");
      expect(doc.runs).toContain(expected);
      expect(doc.paragraphs.join("\n")).toContain(expected);
    },
  );

  it("keeps charts with hostile labels well-formed", async () => {
    await expect(
      parseDocx(await renderDocx(hostileReport(HOSTILE_STRINGS[0]))),
    ).resolves.toBeTruthy();
  });

  it("shows control characters as U+FFFD and stays well-formed", async () => {
    const doc = await parseDocx(await renderDocx(withoutChart(CONTROL_STRING)));
    expect(doc.runs).toContain("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFDg\uFFFDh");
  });
});

describe("tables beyond what Word holds", () => {
  /** The sample report with one table of `columns` text columns, and no chart to draw. */
  function wide(columns: number): Report {
    const table: Table = {
      type: "table",
      id: "wide",
      title: "宽表",
      columns: Array.from({ length: columns }, (_, i) => ({
        key: `k${i}`,
        header: `h${i}`,
        type: "text" as const,
      })),
      rows: [{ cells: Array.from({ length: columns }, (_, i) => `v${i}`) }],
      notes: [],
    };
    return { ...sampleReport(), body: [table], footnotes: [] };
  }

  async function refusal(report: Report): Promise<ValidationError> {
    const error = await renderDocx(report).then(
      () => expect.unreachable("the document was written"),
      (e: unknown) => e,
    );
    expect(error, String(error)).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }

  it("refuses more columns than a Word table has, naming the table, and writes one at the limit", async () => {
    const issue = (await refusal(wide(MAX_DOCX_COLUMNS + 1))).issues[0]!;
    expect(issue.code).toBe("too_big");
    expect(issue.message.en).toContain("宽表");
    expect(issue.message.en).toContain(String(MAX_DOCX_COLUMNS));
    expect(issue.message["zh-CN"]).toContain(`${MAX_DOCX_COLUMNS} 列`);
    const doc = await parseDocx(await renderDocx(wide(MAX_DOCX_COLUMNS)));
    expect(doc.runs).toContain(`v${MAX_DOCX_COLUMNS - 1}`);
  });

  it("refuses more key figures in a row than a Word table has columns", async () => {
    const items = Array.from({ length: MAX_DOCX_COLUMNS + 1 }, (_, i) => ({
      label: `k${i}`,
      value: i,
      valueType: "integer" as const,
    }));
    const report = { ...sampleReport(), body: [{ type: "key-figures", items }], footnotes: [] };
    const issue = (await refusal(report as Report)).issues[0]!;
    expect(issue.code).toBe("too_big");
    expect(issue.message.en).toContain(`${MAX_DOCX_COLUMNS + 1} figures`);
  });
});

describe("numbers", () => {
  it("prints huge and tiny numbers in plain digits, never in exponent notation", async () => {
    const table: Table = hugeNumbersTable();
    const figures = {
      type: "key-figures" as const,
      items: [{ label: "k", value: 1e-7, valueType: "text" as const }],
    };
    const doc = await parseDocx(
      await renderDocx({ ...sampleReport(), body: [table, figures], footnotes: [] }),
    );
    expect(doc.runs).toContain("1,000,000,000,000,000,000,000");
    expect(doc.runs).toContain("0.00");
    expect(doc.runs).toContain("0.0000001");
    expect(doc.runs.join("\n")).not.toMatch(/\de[+-]\d/);
  });
});

describe("options with a misspelt or unknown key", () => {
  it("are refused, naming the key, instead of ignored", async () => {
    const margin = { top: 20, right: 15, bottom: 20, left: 15 };
    await expect(renderDocx(sampleReport(), { margin } as never)).rejects.toThrow(/margin/);
    await expect(renderDocx(sampleReport(), { chart: {} } as never)).rejects.toThrow(
      ValidationError,
    );
  });
});
