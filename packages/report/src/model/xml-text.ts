import { invalidArgument, text } from "@liushou/core";
import { requireReportShape } from "./parse";
import type { Report } from "./types";

/**
 * Code points XML 1.0 cannot carry (C0 controls other than tab, line feed and carriage return,
 * U+FFFE, U+FFFF, lone surrogates): an Office file holding one does not open.
 */
const NOT_IN_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Replaces the code points XML 1.0 cannot carry with U+FFFD, as a reader would show them, so
 * that any text from data can go into an Office file (DOCX, XLSX).
 * @param value - Any text.
 * @returns The text, every other character unchanged.
 * @example
 * xmlSafeText("王\u0000小明") //=> "王\uFFFD小明"
 * xmlSafeText("</w:t>") //=> "</w:t>" (escaping markup is the XML writer's job)
 * @category Renderers
 */
export function xmlSafeText(value: string): string {
  return typeof value === "string" ? value.replace(NOT_IN_XML, "\uFFFD") : value;
}

/**
 * A report with every string in it (titles, text, cells, labels, notes, metadata) passed through
 * `map`; numbers, booleans and the tree's shape are kept. Only the objects and arrays holding a
 * string that `map` changed are copied; the rest is shared with the input (a county register
 * whose text needs no change is not copied at all).
 * @param report - A report (already checked).
 * @param map - What to do with each string, e.g. {@link xmlSafeText}.
 * @returns The mapped report; the report itself is not changed.
 * @throws ValidationError when `report` is not a report or `map` not a function.
 * @example
 * const safe = mapReportText(report, xmlSafeText);
 * mapReportText(report, (s) => s) === report //=> true
 * @category Renderers
 */
export function mapReportText(report: Report, map: (value: string) => string): Report {
  requireReportShape(report);
  if (typeof map !== "function")
    throw invalidArgument("map", "invalid_type", text("应为函数", "expected a function"), map);
  const copy = (value: unknown): unknown => {
    if (typeof value === "string") return map(value);
    if (Array.isArray(value)) {
      let out: unknown[] | undefined;
      for (let i = 0; i < value.length; i++) {
        const v: unknown = value[i];
        const mapped = copy(v);
        if (mapped !== v && !out) out = value.slice(0, i);
        out?.push(mapped);
      }
      return out ?? value;
    }
    if (value !== null && typeof value === "object") {
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record);
      let out: [string, unknown][] | undefined;
      for (let i = 0; i < keys.length; i++) {
        const v = record[keys[i]!];
        const mapped = copy(v);
        if (mapped !== v && !out) out = keys.slice(0, i).map((k) => [k, record[k]]);
        out?.push([keys[i]!, mapped]);
      }
      // `fromEntries` defines each key, so even one named `__proto__` stays a plain field.
      return out ? Object.fromEntries(out) : value;
    }
    return value;
  };
  return copy(report) as Report;
}
