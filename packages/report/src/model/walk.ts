import { requireReportShape } from "./parse";
import { walkBlocks } from "./schema";
import type { Block, Report } from "./types";

/**
 * Every block of a report, depth first (a section, then its blocks): what a renderer walks.
 * @param report - The report.
 * @returns The blocks, in document order.
 * @example
 * [...walkReport(report)].filter((b) => b.type === "table").map((t) => t.id) //=> ["statistics"]
 * @category Report model
 */
export function walkReport(report: Report): Generator<Block> {
  requireReportShape(report);
  return walkBlocks(report.body);
}
