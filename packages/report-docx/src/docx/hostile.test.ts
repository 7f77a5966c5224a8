/**
 * Hostile text in every text field of a report comes out inert in DOCX: every XML part of the
 * file parses with a strict XML parser, the document has the same paragraphs as with plain text
 * (data adds no markup), and the text is there verbatim in its own runs.
 */
import { ValidationError } from "@liushou/core";
import { describe, expect, it } from "vitest";
import {
  CONTROL_STRING,
  HOSTILE_STRINGS,
  hostileReport,
} from "../../../report/src/_lib/hostile.test-helper";
import { sampleReport } from "../../../report/src/_lib/sample.test-helper";
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

describe("options with a misspelt or unknown key", () => {
  it("are refused, naming the key, instead of ignored", async () => {
    const margin = { top: 20, right: 15, bottom: 20, left: 15 };
    await expect(renderDocx(sampleReport(), { margin } as never)).rejects.toThrow(/margin/);
    await expect(renderDocx(sampleReport(), { chart: {} } as never)).rejects.toThrow(
      ValidationError,
    );
  });
});
