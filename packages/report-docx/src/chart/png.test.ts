import { existsSync, readFileSync } from "node:fs";
import { ValidationError } from "@liushou/core";
import { Resvg } from "@resvg/resvg-js";
import { describe, expect, it } from "vitest";
import { CJK_FONT_FAMILY, CJK_FONT_FILES, cjkFontSubset, faceIndexOf } from "./font";
import { chartImages } from "./png";

const FONT = CJK_FONT_FILES.find((f) => existsSync(f));
const chart = {
  kind: "pie" as const,
  valueType: "integer" as const,
  categories: ["父母均外出", "父亲外出", "祖辈监护"],
  series: [{ name: "人数", values: [120, 80, 30] }],
};

describe.skipIf(!FONT)(
  `chart labels from a CJK font subset${FONT ? "" : " (no Noto Sans CJK installed)"}`,
  () => {
    it("finds the Simplified Chinese face in the collection and keeps only the asked characters", () => {
      expect(faceIndexOf(readFileSync(FONT!), CJK_FONT_FAMILY)).toBeGreaterThanOrEqual(0);
      const small = cjkFontSubset("父母")!;
      const larger = cjkFontSubset("父母均外出祖辈监护亲戚 0123456789,.%()")!;
      expect(small.byteLength).toBeLessThan(larger.byteLength);
      expect(larger.byteLength).toBeLessThan(100_000);
    });

    it("draws the same PNG as the full font does", () => {
      const { svg, png } = chartImages(chart, { width: 320, height: 160, scale: 1 });
      const full = new Resvg(svg, {
        fitTo: { mode: "zoom", value: 1 },
        background: "white",
        font: { loadSystemFonts: false, fontFiles: [FONT!], defaultFontFamily: CJK_FONT_FAMILY },
      })
        .render()
        .asPng();
      const bare = new Resvg(svg, {
        fitTo: { mode: "zoom", value: 1 },
        background: "white",
        font: { loadSystemFonts: false },
      })
        .render()
        .asPng();
      expect(Buffer.from(png).equals(Buffer.from(full))).toBe(true);
      // The labels are drawn: without a font the picture differs.
      expect(Buffer.from(png).equals(Buffer.from(bare))).toBe(false);
    });
  },
);

describe("chartImages font file", () => {
  it("refuses a font file that does not exist", () => {
    expect(() => chartImages(chart, { fontFile: "/nonexistent/font.ttc" })).toThrow(
      ValidationError,
    );
  });

  it("falls back to the machine's fonts when the file has no Noto Sans CJK SC face", () => {
    const dejavu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    if (!existsSync(dejavu)) return;
    const { png } = chartImages(chart, { width: 200, height: 100, scale: 1, fontFile: dejavu });
    expect(Buffer.from(png.subarray(1, 4)).toString()).toBe("PNG");
  });
});
