import { invalidArgument, RenderError, text, validate } from "@liushou/core";
import { formatValue, ValueTypeSchema, type Chart } from "@liushou/report";
import * as echarts from "echarts";
import { z } from "zod";
import { printableText } from "../_lib/escape";
import { CJK_FONT_STACK } from "../_lib/fonts";

/**
 * The part of a report's chart that is drawn: its kind, categories, series and value type.
 * @example
 * const chart: ChartData = { kind: "bar", valueType: "integer", categories: ["祖辈", "亲戚"], series: [{ name: "人数", values: [12, 3] }] };
 * @category Charts
 */
export type ChartData = Pick<
  Chart,
  "kind" | "categories" | "series" | "valueType" | "stacked" | "xLabel" | "yLabel"
>;

/**
 * Size and look of a rendered chart.
 * @example
 * const options: ChartSvgOptions = { width: 480, height: 240, id: "c-arrangements" };
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
 * Renders a report's chart to a standalone SVG string on the server with Apache ECharts (no
 * DOM, no animation); the same chart always gives the same markup. Values are labelled as the
 * report prints them (`formatValue`), and every label is escaped by ECharts, so a category like
 * `<script>` stays text. Negative values of a bar or line chart are drawn below the zero line
 * (the value axis takes them in); a pie cannot show one and is refused.
 * @param chart - the chart as data (a report's `chart` block).
 * @param options - size, font and class prefix.
 * @returns the `<svg>…</svg>` markup.
 * @throws {ValidationError} for a malformed chart or options (an `id` that is not a plain class
 * name), or a pie with a negative value (`too_small`, naming the value);
 * {RenderError} when a series does not have one value per category.
 * @example
 * const svg = chartToSvg({ kind: "bar", valueType: "integer", categories: ["祖辈", "亲戚"], series: [{ name: "人数", values: [12, 3] }] });
 * svg.startsWith("<svg") //=> true
 * @category Charts
 */
export function chartToSvg(chart: ChartData, options: ChartSvgOptions = {}): string {
  validate(ChartDataSchema, chart, { subject: text("图表", "chart") });
  validate(ChartSvgOptionsSchema, options ?? {}, { subject: text("图表选项", "chart options") });
  checkChart(chart);
  const id = options?.id ?? "chart";
  const width = options?.width ?? 640;
  const height = options?.height ?? 320;
  const instance = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    instance.setOption(chartOption(printableLabels(chart), options?.fontFamily ?? CJK_FONT_STACK));
    return renameClasses(instance.renderToSVGString(), id);
  } finally {
    instance.dispose();
  }
}

const ChartDataSchema = z.object({
  kind: z.enum(["bar", "pie", "line"]),
  categories: z.array(z.string()),
  series: z.array(z.object({ name: z.string(), values: z.array(z.number().nullable()) })).min(1),
  valueType: ValueTypeSchema,
  stacked: z.boolean().optional(),
  xLabel: z.string().optional(),
  yLabel: z.string().optional(),
});

/** Options as `chartToSvg` takes them (shared with the PNG of `@liushou/report-docx`). @internal */
export const ChartSvgOptionsSchema = z.object({
  width: z.number().int().min(50).max(4000).optional(),
  height: z.number().int().min(50).max(4000).optional(),
  // Single-quoted names only: the stack goes into SVG style attributes.
  fontFamily: z
    .string()
    .regex(/^[\w\s',-]+$/u, "font names, commas and single quotes")
    .optional(),
  id: z
    .string()
    .regex(/^[A-Za-z][\w-]*$/, "a letter, then letters, digits, underscores or dashes")
    .optional(),
});

/**
 * ECharts names the ids and classes in its SVG after its instance (`zr3-c0`) and the classes by
 * a process-wide counter (`zr3-cls-17`); rename them under the chart's own prefix, classes in
 * order of appearance, so the same chart always gives the same markup and two charts on one
 * page never share an id or a class.
 */
function renameClasses(svg: string, prefix: string): string {
  const names = new Map<string, string>();
  return svg
    .replace(/\bzr\d+-cls-\d+\b/g, (name) => {
      let renamed = names.get(name);
      if (renamed === undefined) names.set(name, (renamed = `${prefix}-cls-${names.size}`));
      return renamed;
    })
    .replace(/\bzr\d+-/g, `${prefix}-`);
}

/** The chart with characters an SVG in HTML may not carry replaced in every label. */
function printableLabels(chart: ChartData): ChartData {
  return {
    ...chart,
    categories: chart.categories.map(printableText),
    series: chart.series.map((s) => ({ ...s, name: printableText(s.name) })),
    ...(chart.xLabel !== undefined ? { xLabel: printableText(chart.xLabel) } : {}),
    ...(chart.yLabel !== undefined ? { yLabel: printableText(chart.yLabel) } : {}),
  };
}

function checkChart(chart: ChartData): void {
  if (chart.kind === "pie") requireShares(chart);
  const n = chart.categories.length;
  chart.series.forEach((s, i) => {
    const finite = s.values.every((v) => v === null || Number.isFinite(v));
    if (s.values.length !== n || !finite) {
      throw new RenderError(
        text(
          `图表第 ${i + 1} 个系列“${s.name}”应有 ${n} 个有限数值或空值，实际为 ${s.values.length} 个`,
          `chart series ${i + 1} "${s.name}" needs ${n} finite values or nulls, got ${s.values.length}`,
        ),
      );
    }
  });
}

/**
 * Refuses a pie with a negative value: a slice is a share of the whole, and ECharts would leave
 * it out without a word and share the rest as if it were the whole. (A bar or a line draws a
 * negative value below the zero line.)
 */
function requireShares(chart: ChartData): void {
  const values = chart.series[0]?.values ?? [];
  const i = values.findIndex((v) => v !== null && v < 0);
  if (i < 0) return;
  const category = chart.categories[i] ?? "";
  const value = formatValue(values[i]!, chart.valueType);
  throw invalidArgument(
    `series[0].values[${i}]`,
    "too_small",
    text(
      `饼图的扇区是整体中的份额，不能为负（类别“${category}”为 ${value}）；负数请用柱状图或折线图`,
      `a pie's slices are shares of a whole and cannot be negative (category "${category}" is ${value}); draw negative values as bars or lines`,
    ),
    values[i],
  );
}

/** The ECharts option for a chart: print-friendly (no animation, values on the marks). */
function chartOption(chart: ChartData, fontFamily: string): echarts.EChartsOption {
  const textStyle = { fontFamily, fontSize: 12 };
  const print = (v: unknown) => (typeof v === "number" ? formatValue(v, chart.valueType) : "");
  const legend =
    chart.series.length > 1 || chart.kind === "pie" ? { bottom: 0, textStyle } : undefined;
  const base = { animation: false, textStyle, ...(legend ? { legend } : {}) };
  if (chart.kind === "pie") {
    const first = chart.series[0];
    return {
      ...base,
      series: [
        {
          type: "pie",
          name: first?.name ?? "",
          radius: ["0%", "62%"],
          center: ["50%", "45%"],
          label: {
            fontFamily,
            // The share as the report prints percents (one decimal), not ECharts' two.
            formatter: (p) =>
              `${print(p.value)} (${formatValue(((p as { percent?: number }).percent ?? 0) / 100, "percent")})`,
          },
          // A slice with no value is left out rather than drawn as zero.
          data: chart.categories.flatMap((name, i) => {
            const value = first?.values[i];
            return typeof value === "number" ? [{ name, value }] : [];
          }),
        },
      ],
    };
  }
  return {
    ...base,
    grid: { left: 48, right: 16, top: 32, bottom: legend ? 56 : 32, containLabel: true },
    xAxis: {
      type: "category",
      data: [...chart.categories],
      ...(chart.xLabel ? { name: chart.xLabel, nameLocation: "middle", nameGap: 28 } : {}),
      axisLabel: { interval: 0, fontFamily },
    },
    yAxis: {
      type: "value",
      ...(chart.yLabel ? { name: chart.yLabel } : {}),
      axisLabel: { fontFamily, formatter: (v: number) => print(v) },
    },
    series: chart.series.map((s): echarts.BarSeriesOption | echarts.LineSeriesOption => {
      const common = {
        name: s.name,
        // ECharts draws "-" as a gap.
        data: s.values.map((v) => v ?? "-"),
        label: {
          show: true,
          position: chart.stacked ? ("inside" as const) : ("top" as const),
          fontFamily,
          formatter: (p: { value?: unknown }) => print(p.value),
        },
      };
      return chart.kind === "line"
        ? { ...common, type: "line" }
        : { ...common, type: "bar", ...(chart.stacked ? { stack: "total" } : {}) };
    }),
  };
}
