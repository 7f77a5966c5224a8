import { text, validate } from "@liushou/core";
import { chartToSvg, type ChartData, type ChartSvgOptions } from "@liushou/report-html";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Resvg, type ResvgRenderOptions } from "@resvg/resvg-js";
import { z } from "zod";
import { CJK_FONT_FAMILY, cjkFontSubset } from "./font";

// The SVG options are checked by `chartToSvg`; the scale and font file here.
const PngOptionsSchema = z
  .object({ scale: z.number().min(0.5).max(8).optional(), fontFile: z.string().min(1).optional() })
  .loose();

/**
 * Options of {@link chartImages}: the SVG's size and font, the PNG's scale, and the CJK font
 * file its labels are drawn with.
 * @example
 * const options: ChartImagesOptions = { width: 480, height: 240, scale: 2, fontFile: "/opt/fonts/NotoSansCJK-Regular.ttc" };
 * @category Charts
 */
export interface ChartImagesOptions extends ChartSvgOptions {
  /** PNG pixels per CSS pixel. Default 2, for print. */
  scale?: number;
  /**
   * A font file holding Noto Sans CJK SC (a `.ttc` collection or an `.otf`). Default the first
   * of `CJK_FONT_FILES` that exists; without one, the machine's fonts are used (slower).
   */
  fontFile?: string;
}

/**
 * A chart drawn twice from one ECharts SVG: the SVG itself, and a PNG rasterised from it by
 * resvg (for Word processors that cannot show SVG).
 * @example
 * const { svg, png, width } = chartImages(chart); // width 640, png 1280 px wide
 * @category Charts
 */
export interface ChartImages {
  readonly svg: string;
  readonly png: Uint8Array;
  /** Size in CSS pixels (the PNG has `scale` times as many). */
  readonly width: number;
  readonly height: number;
}

/**
 * Draws a chart as SVG with ECharts and rasterises it to PNG with resvg, on a white background.
 * The labels are drawn in Noto Sans CJK SC (`fonts-noto-cjk`), from a subset of the font holding
 * only the chart's characters: resvg reads its font file once per glyph, and the whole CJK
 * collection is 19 MB. Without that font the machine's fonts are used. Characters the font lacks
 * (emoji, some scripts) are left out of the PNG; the SVG keeps them.
 * @param chart - the chart as data.
 * @param options - size and font of the SVG, `scale` of the PNG (default 2, for print), and the
 * CJK `fontFile`.
 * @returns the SVG, the PNG and their size.
 * @example
 * const { png } = chartImages({ kind: "pie", valueType: "integer", categories: ["祖辈", "亲戚"], series: [{ name: "人数", values: [40, 6] }] });
 * png.subarray(1, 4).toString() //=> "PNG"
 * @category Charts
 */
export function chartImages(chart: ChartData, options: ChartImagesOptions = {}): ChartImages {
  validate(PngOptionsSchema, options ?? {}, { subject: text("图表选项", "chart options") });
  const { scale = 2, fontFile, ...svgOptions } = options ?? {};
  const width = svgOptions.width ?? 640;
  const height = svgOptions.height ?? 320;
  const svg = chartToSvg(chart, { ...svgOptions, width, height });
  return { svg, png: rasterise(svg, scale, fontFile), width, height };
}

/**
 * The PNG of an SVG at `scale`. Its labels are drawn from a subset of the CJK font holding the
 * SVG's characters (every label character is in the markup, escaped only when it is one of
 * `&<>"'`), written to a temporary file for resvg and removed after.
 */
function rasterise(svg: string, scale: number, fontFile: string | undefined): Uint8Array {
  const base: ResvgRenderOptions = { fitTo: { mode: "zoom", value: scale }, background: "white" };
  const subset = cjkFontSubset(svg, fontFile);
  if (subset === undefined)
    return new Resvg(svg, {
      ...base,
      font: { loadSystemFonts: true, defaultFontFamily: CJK_FONT_FAMILY },
    })
      .render()
      .asPng();
  const dir = mkdtempSync(join(tmpdir(), "liushou-chart-"));
  try {
    const file = join(dir, "labels.otf");
    writeFileSync(file, subset);
    return new Resvg(svg, {
      ...base,
      font: { loadSystemFonts: false, fontFiles: [file], defaultFontFamily: CJK_FONT_FAMILY },
    })
      .render()
      .asPng();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
