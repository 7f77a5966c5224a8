import { RenderError, text } from "@liushou/core";
import * as echarts from "echarts";
import { CJK_FONT_STACK } from "../_lib/fonts";

/**
 * A chart as plain data, the shape every renderer draws: one or more series over shared
 * categories (bar, line) or the slices of one series (pie).
 * @category Charts
 */
export interface ChartSpec {
  /** `bar` (grouped vertical bars), `line`, or `pie` (the first series' values as slices). */
  readonly kind: "bar" | "pie" | "line";
  /** The category labels, already localised (x axis, or pie slices). */
  readonly categories: readonly string[];
  /** The series, each with one value per category. */
  readonly series: readonly { readonly name: string; readonly values: readonly number[] }[];
}

/**
 * Size and look of a rendered chart.
 * @category Charts
 */
export interface ChartSvgOptions {
  /** Width in CSS pixels. Default 640. */
  width?: number;
  /** Height in CSS pixels. Default 320. */
  height?: number;
  /** Font family list for every label (single-quoted names). Default a Chinese-first sans-serif stack. */
  fontFamily?: string;
  /**
   * Prefix of the CSS classes inside the SVG, unique per chart on one page (inline SVG styles
   * are global to an HTML page). Default `chart`.
   */
  id?: string;
}

/**
 * Renders a chart to a standalone SVG string on the server with Apache ECharts (no DOM, no
 * animation); the same chart always gives the same markup. Every label is escaped by ECharts,
 * so a category like `<script>` stays text.
 * @param chart - the chart as data.
 * @param options - size and font.
 * @returns the `<svg>…</svg>` markup.
 * @throws {RenderError} when a series does not have one finite value per category.
 * @example
 * const svg = chartToSvg({ kind: "bar", categories: ["祖辈", "亲戚"], series: [{ name: "人数", values: [12, 3] }] });
 * svg.startsWith("<svg") //=> true
 * @category Charts
 */
export function chartToSvg(chart: ChartSpec, options: ChartSvgOptions = {}): string {
  checkChart(chart);
  const width = options.width ?? 640;
  const height = options.height ?? 320;
  const instance = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    instance.setOption(chartOption(chart, options.fontFamily ?? CJK_FONT_STACK));
    return renameClasses(instance.renderToSVGString(), options.id ?? "chart");
  } finally {
    instance.dispose();
  }
}

/**
 * ECharts names the CSS classes in its SVG by process-wide counters (`zr3-cls-17`); rename them
 * in order of appearance under the chart's own prefix, so the same chart always gives the same
 * markup and two charts on one page never share a class.
 */
function renameClasses(svg: string, prefix: string): string {
  const names = new Map<string, string>();
  return svg.replace(/\bzr\d+-cls-\d+\b/g, (name) => {
    let renamed = names.get(name);
    if (renamed === undefined) names.set(name, (renamed = `${prefix}-${names.size}`));
    return renamed;
  });
}

function checkChart(chart: ChartSpec): void {
  const n = chart.categories.length;
  chart.series.forEach((s, i) => {
    if (s.values.length !== n || !s.values.every(Number.isFinite)) {
      throw new RenderError(
        text(
          `图表第 ${i + 1} 个系列“${s.name}”应有 ${n} 个有限数值，实际为 ${s.values.length} 个`,
          `chart series ${i + 1} "${s.name}" needs ${n} finite values, got ${s.values.length}`,
        ),
      );
    }
  });
}

/** The ECharts option for a chart: print-friendly (no animation, labels on the marks). */
function chartOption(chart: ChartSpec, fontFamily: string): echarts.EChartsOption {
  const textStyle = { fontFamily, fontSize: 12 };
  const legend =
    chart.series.length > 1 || chart.kind === "pie" ? { bottom: 0, textStyle } : undefined;
  if (chart.kind === "pie") {
    const first = chart.series[0];
    return {
      animation: false,
      textStyle,
      ...(legend ? { legend } : {}),
      series: [
        {
          type: "pie",
          name: first?.name ?? "",
          radius: ["0%", "62%"],
          center: ["50%", "45%"],
          label: { formatter: "{c} ({d}%)", fontFamily },
          data: chart.categories.map((name, i) => ({ name, value: first?.values[i] ?? 0 })),
        },
      ],
    };
  }
  return {
    animation: false,
    textStyle,
    ...(legend ? { legend } : {}),
    grid: { left: 48, right: 16, top: 24, bottom: legend ? 56 : 32, containLabel: true },
    xAxis: {
      type: "category",
      data: [...chart.categories],
      axisLabel: { interval: 0, fontFamily, hideOverlap: false },
    },
    yAxis: { type: "value", axisLabel: { fontFamily } },
    series: chart.series.map((s) => ({
      type: chart.kind,
      name: s.name,
      data: [...s.values],
      label: { show: true, position: "top", fontFamily },
    })),
  };
}
