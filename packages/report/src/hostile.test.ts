/**
 * Hostile text in every text field of a report comes out inert in CSV and Markdown: no CSV cell
 * starts with a formula character, every text is there verbatim (after the guarding quote), and
 * no Markdown line carries raw HTML.
 */
import { describe, expect, it } from "vitest";
import {
  CONTROL_STRING,
  HOSTILE_STRINGS,
  hostileReport,
  parseCsv,
} from "./_lib/hostile.test-helper";
import { toCsv } from "./csv/render";
import { toMarkdown } from "./markdown/render";

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

describe("control characters", () => {
  it("CSV and Markdown render them without failing", () => {
    const report = hostileReport(CONTROL_STRING);
    expect(parseCsv(toCsv(report).replace(/^\uFEFF/, "")).flat()).toContain(CONTROL_STRING);
    expect(toMarkdown(report)).toContain("a\u0000b");
  });
});
