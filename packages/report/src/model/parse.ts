import { text, validate } from "@liushou/core";
import { ReportSchema } from "./schema";
import type { Report } from "./types";

/**
 * Checks a report against {@link ReportSchema} and returns it; renderers call it first.
 * @param value - A report, perhaps from JSON.
 * @returns The same report, typed.
 * @throws ValidationError naming each field at fault (`body[2].rows[4].cells[1]`).
 * @example
 * parseReport(JSON.parse(json)).title //=> "留守儿童统计表"
 * @category Report model
 */
export function parseReport(value: unknown): Report {
  return validate(ReportSchema, value, { subject: text("报告", "report") });
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * A cheap check of the parts of a report that metadata and traversal read; on a mismatch the
 * full schema names what is wrong.
 * @internal
 */
export function requireReportShape(value: unknown): asserts value is Report {
  const ok =
    isObject(value) &&
    (value.locale === "zh-CN" || value.locale === "en") &&
    Array.isArray(value.body) &&
    value.body.every(isObject) &&
    isObject(value.meta) &&
    isObject(value.meta.subject) &&
    isObject(value.meta.period) &&
    Array.isArray(value.meta.dataSources) &&
    isObject(value.privacy) &&
    Array.isArray(value.privacy.masked) &&
    Array.isArray(value.privacy.revealed);
  if (!ok) parseReport(value);
}
