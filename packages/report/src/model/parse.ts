import { invalidArgument, IssueCode, MAX_DEPTH, text, validate } from "@liushou/core";
import { ReportSchema } from "./schema";
import type { Report } from "./types";

/**
 * Checks a report against {@link ReportSchema} and returns it; renderers call it first.
 * @param value - A report, perhaps from JSON.
 * @returns The same report, typed.
 * @throws ValidationError naming each field at fault (`body[2].rows[4].cells[1]`), or `body`
 * (code `too_deep`) when sections nest deeper than core's `MAX_DEPTH` or hold themselves.
 * @example
 * parseReport(JSON.parse(json)).title //=> "留守儿童统计表"
 * @category Report model
 */
export function parseReport(value: unknown): Report {
  requireShallow(value);
  return validate(ReportSchema, value, { subject: text("报告", "report") });
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Refuses sections nested deeper than `MAX_DEPTH`, or holding themselves, before anything walks
 * the tree recursively (and would overflow the stack). Level by level, each list once.
 */
function requireShallow(value: unknown): void {
  const body = isObject(value) ? value.body : undefined;
  let level = new Set<unknown[]>(Array.isArray(body) ? [body] : []);
  for (let depth = 0; level.size > 0; depth++) {
    if (depth > MAX_DEPTH) {
      throw invalidArgument(
        "body",
        IssueCode.TOO_DEEP,
        text(
          `章节嵌套不能超过 ${MAX_DEPTH} 层，也不能包含自身`,
          `sections must not nest deeper than ${MAX_DEPTH} levels, nor hold themselves`,
        ),
        undefined,
      );
    }
    const next = new Set<unknown[]>();
    for (const blocks of level) {
      for (let i = 0; i < blocks.length; i++) {
        const b: unknown = blocks[i];
        if (isObject(b) && b.type === "section" && Array.isArray(b.blocks)) next.add(b.blocks);
      }
    }
    level = next;
  }
}

/**
 * A cheap check of the parts of a report that metadata and traversal read; on a mismatch the
 * full schema names what is wrong.
 * @internal
 */
export function requireReportShape(value: unknown): asserts value is Report {
  requireShallow(value);
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
