import { text, validate } from "@liushou/core";
import { chartToSvg, type ChartData, type ChartSvgOptions } from "@liushou/report-html";
import { Resvg } from "@resvg/resvg-js";
import { z } from "zod";
import { encodePng } from "./encode-png";

// The SVG options are checked by `chartToSvg`; the scale here.
const PngOptionsSchema = z.object({ scale: z.number().min(0.5).max(8).optional() }).loose();

/**
 * Charts rasterised in one resvg pass (one load of the machine's fonts, which costs more than
 * drawing a chart); more charts take one pass per this many, so the canvas stays small.
 */
const CHARTS_PER_PASS = 16;

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

/** Options of {@link chartImages} and {@link chartImagesOf}. @category Charts */
export type ChartImagesOptions = ChartSvgOptions & {
  /** Pixels of the PNG per CSS pixel. Default 2, for print. */
  scale?: number;
};

/**
 * Draws a chart as SVG with ECharts and rasterises it to PNG with resvg, on a white background,
 * with the machine's fonts (install a CJK font such as Noto Sans CJK SC for Chinese labels).
 * To draw several charts, {@link chartImagesOf} loads the fonts once for all of them.
 * @param chart - the chart as data.
 * @param options - size and font of the SVG, and `scale` of the PNG (default 2, for print).
 * @returns the SVG, the PNG and their size.
 * @example
 * const { png } = chartImages({ kind: "pie", valueType: "integer", categories: ["祖辈", "亲戚"], series: [{ name: "人数", values: [40, 6] }] });
 * png.subarray(1, 4).toString() //=> "PNG"
 * @category Charts
 */
export function chartImages(chart: ChartData, options: ChartImagesOptions = {}): ChartImages {
  return chartImagesOf([chart], options)[0]!;
}

/**
 * Draws several charts as SVG and PNG like {@link chartImages}, rasterising them together:
 * resvg loads the machine's fonts once per pass of up to 16 charts instead of once per chart
 * (a CJK font takes longer to load than a chart to draw). Each chart's CSS class prefix is
 * `options.id` (default `chart`) followed by its position, so the SVGs can share one page.
 * @param charts - the charts as data.
 * @param options - size and font of every SVG, and `scale` of the PNGs (default 2).
 * @returns the images, in the order of `charts`.
 * @example
 * const [a, b] = chartImagesOf([byArrangement, compliance]);
 * b.png.subarray(1, 4).toString() //=> "PNG"
 * @category Charts
 */
export function chartImagesOf(
  charts: readonly ChartData[],
  options: ChartImagesOptions = {},
): ChartImages[] {
  validate(z.array(z.unknown()), charts, { subject: text("图表列表", "chart list") });
  validate(PngOptionsSchema, options ?? {}, { subject: text("图表选项", "chart options") });
  const { scale = 2, ...svgOptions } = options ?? {};
  const width = svgOptions.width ?? 640;
  const height = svgOptions.height ?? 320;
  const prefix = svgOptions.id ?? "chart";
  const svgs = charts.map((chart, i) =>
    chartToSvg(chart, {
      ...svgOptions,
      width,
      height,
      id: charts.length === 1 ? prefix : `${prefix}${i + 1}`,
    }),
  );
  const out: ChartImages[] = [];
  for (let from = 0; from < svgs.length; from += CHARTS_PER_PASS) {
    const pass = svgs.slice(from, from + CHARTS_PER_PASS);
    rasterise(pass, width, height, scale).forEach((png, i) =>
      out.push({ svg: pass[i]!, png, width, height }),
    );
  }
  return out;
}

/**
 * Stacks the SVGs (each `width` × `height`) in one SVG, draws it once with resvg and cuts the
 * pixels back into one PNG per chart.
 */
function rasterise(svgs: readonly string[], width: number, height: number, scale: number) {
  const stacked =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height * svgs.length}">` +
    svgs.map((svg, i) => svg.replace(/^<svg\b/, `<svg x="0" y="${i * height}"`)).join("") +
    "</svg>";
  const image = new Resvg(stacked, {
    fitTo: { mode: "zoom", value: scale },
    background: "white",
    font: { loadSystemFonts: true, defaultFontFamily: "Noto Sans CJK SC" },
  }).render();
  const rowBytes = image.width * 4;
  const rows = Math.round(height * scale);
  const pixels = image.pixels;
  return svgs.map((_, i) => {
    const start = Math.min(i * rows, image.height) * rowBytes;
    const end = Math.min((i + 1) * rows, image.height) * rowBytes;
    return encodePng(pixels.subarray(start, end), image.width, (end - start) / rowBytes);
  });
}
