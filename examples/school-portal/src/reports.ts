import {
  BUILT_IN_REPORT_KINDS,
  buildBuiltInReport,
  csvRenderer,
  markdownRenderer,
  renderReport,
  type BuiltInReportInput,
  type BuiltInReportKind,
  type Report,
  type ReportRenderer,
} from "@liushou/report";
import { docxRenderer } from "@liushou/report-docx";
import { htmlRenderer } from "@liushou/report-html";
import { xlsxRenderer } from "@liushou/report-xlsx";
import type { CalendarDate, Instant, Locale, ReportRenderer as ReportBuilder } from "liushou";
import { loadCareData } from "./care-data";

/**
 * The reports the portal offers, by URL name: every built-in report of `@liushou/report`
 * (`BUILT_IN_REPORTS`), in its order. The record book is one mentor's month: the portal offers
 * one per mentor of the school.
 */
export const REPORT_KINDS = BUILT_IN_REPORT_KINDS;
/** One of {@link REPORT_KINDS}. */
export type ReportKind = BuiltInReportKind;

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
  /** The mentor of a record book (its month is that of `asOf`). */
  mentorId?: string;
}

/**
 * Builds one of the built-in reports of the school from the stored data with
 * `buildBuiltInReport`. Every figure comes from `@liushou/report`'s builders (which call core);
 * sensitive fields stay masked (no `reveal`).
 * @throws ValidationError from the builder, e.g. a record book without a mentor of the data.
 */
export function buildSchoolReport(kind: ReportKind, r: ReportRequest): Report {
  const { data, asOf, period, generatedAt, locale } = r;
  const options = { asOf, period, generatedAt, locale, preparedBy: "school-portal" };
  const scope = { level: "school" as const, id: r.schoolId };
  const inputs: { [K in ReportKind]: () => BuiltInReportInput<K> } = {
    "work-summary": () => ({ ...data, ...options, scope }),
    statistics: () => ({ ...data, ...options, rowsBy: "class" }),
    registers: () => ({ ...data, ...options }),
    "child-cards": () => ({ ...data, ...options }),
    "record-book": () => {
      const { period: _period, ...monthOptions } = options;
      return { ...data, ...monthOptions, mentorId: r.mentorId ?? "", month: asOf.slice(0, 7) };
    },
    "work-list": () => ({ ...data, ...options, scope }),
    "wish-aid-ledger": () => ({ ...data, ...options }),
  };
  return buildBuiltInReport(kind, inputs[kind]());
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
