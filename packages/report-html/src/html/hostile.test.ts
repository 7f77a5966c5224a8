/**
 * Hostile text in every text field of a report comes out inert in HTML: parsed back, the page
 * has exactly the elements and attributes of the same report with plain text (data never adds
 * markup: no `<script>`, no `on*` attribute), no parse errors, and every text verbatim.
 */
import { ValidationError } from "@liushou/core";
import { describe, expect, it } from "vitest";
import {
  CONTROL_STRING,
  HOSTILE_STRINGS,
  hostileReport,
} from "../../../report/src/_lib/hostile.test-helper";
import { parsedPage } from "../_lib/parsed.test-helper";
import { sampleReport } from "../../../report/src/_lib/sample.test-helper";
import { renderHtml } from "./render";

const plain = parsedPage(renderHtml(hostileReport("x")));

describe.each(HOSTILE_STRINGS.map((s) => [JSON.stringify(s.slice(0, 40)), s] as const))(
  "hostile text %s",
  (_, s) => {
    const page = parsedPage(renderHtml(hostileReport(s)));

    it("adds no element or attribute, and parses without errors", () => {
      expect(page.errors).toEqual([]);
      expect(page.elements).toEqual(plain.elements);
      expect(page.attributes.filter((a) => /^on/i.test(a))).toEqual([]);
      expect(page.elements).not.toContain("script");
    });

    it("prints the text verbatim", () => {
      // The HTML parser reads a carriage return as a line feed.
      const expected = s.replace(/\r\n?/g, "\n");
      expect(page.text).toContain(expected);
      expect(page.title).toContain(expected);
    });
  },
);

describe("control characters", () => {
  it("render without failing and without adding markup", () => {
    const page = parsedPage(renderHtml(hostileReport(CONTROL_STRING)));
    expect(page.elements).toEqual(plain.elements);
  });
});

describe("options with a misspelt or unknown key", () => {
  it("are refused, naming the key, instead of ignored", () => {
    const margin = { top: 20, right: 15, bottom: 20, left: 15 };
    expect(() => renderHtml(sampleReport(), { margin } as never)).toThrow(/margin/);
    for (const options of [{ charts: { width: 400 } }, { margins: { ...margin, gutter: 5 } }]) {
      expect(() => renderHtml(sampleReport(), options as never)).toThrow(ValidationError);
    }
    expect(() => renderHtml(sampleReport(), { chart: { id: "x" } } as never)).toThrow(/id/);
  });
});
