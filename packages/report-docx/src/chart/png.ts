import { text, validate } from "@liushou/core";
import { chartToSvg, type ChartData, type ChartSvgOptions } from "@liushou/report-html";
import { Resvg } from "@resvg/resvg-js";
import { z } from "zod";

// The SVG options are checked by `chartToSvg`; the scale here.
const PngOptionsSchema = z.object({ scale: z.number().min(0.5).max(8).optional() }).loose();

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
 * Draws a chart as SVG with ECharts and rasterises it to PNG with resvg, on a white background,
 * with the machine's fonts (install a CJK font such as Noto Sans CJK SC for Chinese labels).
 * @param chart - the chart as data.
 * @param options - size and font of the SVG, and `scale` of the PNG (default 2, for print).
 * @returns the SVG, the PNG and their size.
 * @example
 * const { png } = chartImages({ kind: "pie", valueType: "integer", categories: ["祖辈", "亲戚"], series: [{ name: "人数", values: [40, 6] }] });
 * png.subarray(1, 4).toString() //=> "PNG"
 * @category Charts
 */
export function chartImages(
  chart: ChartData,
  options: ChartSvgOptions & { scale?: number } = {},
): ChartImages {
  validate(PngOptionsSchema, options ?? {}, { subject: text("图表选项", "chart options") });
  const { scale = 2, ...svgOptions } = options ?? {};
  const width = svgOptions.width ?? 640;
  const height = svgOptions.height ?? 320;
  const svg = chartToSvg(chart, { ...svgOptions, width, height });
  const png = new Resvg(svg, {
    fitTo: { mode: "zoom", value: scale },
    background: "white",
    font: { loadSystemFonts: true, defaultFontFamily: "Noto Sans CJK SC" },
  })
    .render()
    .asPng();
  return { svg, png, width, height };
}
