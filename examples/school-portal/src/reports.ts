import {
  csvRenderer,
  markdownRenderer,
  renderReport,
  statisticsReport,
  registersReport,
  childCardsReport,
  wishAidLedgerReport,
  workListReport,
  workSummaryReport,
  type Report,
  type ReportRenderer,
} from "@liushou/report";
import { docxRenderer } from "@liushou/report-docx";
import { htmlRenderer } from "@liushou/report-html";
import { xlsxRenderer } from "@liushou/report-xlsx";
import type { CalendarDate, Instant, Locale, ReportRenderer as ReportBuilder } from "liushou";
import { loadCareData } from "./care-data";

/** The reports the portal offers, by URL name. */
export const REPORT_KINDS = [
  "work-summary",
  "work-list",
  "statistics",
  "registers",
  "child-cards",
  "wish-aid-ledger",
] as const;
/** One of {@link REPORT_KINDS}. */
export type ReportKind = (typeof REPORT_KINDS)[number];

/** The formats, by file extension, each through its renderer. */
export const REPORT_FORMATS = {
  md: markdownRenderer,
  html: htmlRenderer,
  csv: csvRenderer,
  xlsx: xlsxRenderer,
  docx: docxRenderer,
} as const satisfies Record<string, ReportRenderer<never, string | Uint8Array>>;
/** One of the keys of {@link REPORT_FORMATS}. */
export type ReportFormat = keyof typeof REPORT_FORMATS;

/** What a report is built from: the stored data and the dates. */
export interface ReportRequest {
  data: Awaited<ReturnType<typeof loadCareData>>;
  schoolId: string;
  asOf: CalendarDate;
  period: { from: CalendarDate; to: CalendarDate };
  generatedAt: Instant;
  locale: Locale;
}

/**
 * Builds one of the built-in reports of the school from the stored data. Every figure comes from
 * `@liushou/report`'s builders (which call core); sensitive fields stay masked (no `reveal`).
 */
export function buildSchoolReport(kind: ReportKind, r: ReportRequest): Report {
  const { data, asOf, period, generatedAt, locale } = r;
  const options = { asOf, period, generatedAt, locale, preparedBy: "school-portal" };
  const scope = { level: "school" as const, id: r.schoolId };
  switch (kind) {
    case "work-summary":
      return workSummaryReport({ ...data, ...options, scope });
    case "work-list":
      return workListReport({ ...data, ...options, scope });
    case "statistics":
      return statisticsReport({ ...data, ...options, rowsBy: "class" });
    case "registers":
      return registersReport({ ...data, ...options });
    case "child-cards":
      return childCardsReport({ ...data, ...options });
    case "wish-aid-ledger":
      return wishAidLedgerReport({ ...data, ...options });
  }
}

/** A rendered file: its bytes or text, media type and file name. */
export interface RenderedFile {
  body: string | Uint8Array;
  mediaType: string;
  fileName: string;
}

/** Renders a report in a format through the renderer port (`renderReport` validates the tree). */
export async function renderSchoolReport(
  kind: ReportKind,
  format: ReportFormat,
  report: Report,
): Promise<RenderedFile> {
  const renderer = REPORT_FORMATS[format] as ReportRenderer<object, string | Uint8Array>;
  const body = await renderReport(renderer, report);
  return {
    body,
    mediaType: renderer.mediaType,
    fileName: `${kind}-${report.meta.asOf}.${renderer.extension}`,
  };
}

/** What the portal asks `app.buildReport("school", …)` for: a report, a format and its dates. */
export interface SchoolReportOptions extends Omit<ReportRequest, "data"> {
  kind: ReportKind;
  format: ReportFormat;
}

/**
 * The portal's report builder for `createLiushou({ renderers })`: reads the school's data in
 * the library (in the actor's scope and unmasked, so core's checks accept it), builds the
 * report with `@liushou/report` (which masks classed fields) and renders it. The portal itself
 * only ever reads masked data.
 */
export const schoolReportBuilder: ReportBuilder = async (ctx, options) => {
  const { kind, format, ...request } = options as SchoolReportOptions;
  const report = buildSchoolReport(kind, { ...request, data: await loadCareData(ctx.storage) });
  return renderSchoolReport(kind, format, report);
};
