export { chartToSvg, type ChartData, type ChartSvgOptions } from "./svg";
