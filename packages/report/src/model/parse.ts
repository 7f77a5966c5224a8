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
