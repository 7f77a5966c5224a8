import { formatPath, invalidArgument, IssueCode, MAX_DEPTH, text } from "@liushou/core";
import { holeError, requireReportShape } from "./parse";
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
 * How deep the objects and lists of a report may nest for {@link mapReportText}: sections nest
 * up to `MAX_DEPTH` levels and take two each (the section and its blocks), with room to spare
 * for the blocks inside.
 */
const MAX_NESTING = 4 * MAX_DEPTH;

/**
 * A report with every string in it (titles, text, cells, labels, notes, metadata) passed through
 * `map`; numbers, booleans and the tree's shape are kept. Only the objects and arrays holding a
 * string that `map` changed are copied; the rest is shared with the input (a county register
 * whose text needs no change is not copied at all).
 * @param report - A report (already checked).
 * @param map - What to do with each string, e.g. {@link xmlSafeText}.
 * @returns The mapped report; the report itself is not changed.
 * @throws ValidationError when `report` is not a report or `map` not a function; `too_deep`
 * naming the field when any part of the report (the body, the metadata or a field of a host's
 * own) holds itself or nests deeper than 128 levels; and naming the first missing item of a list
 * with holes (a sparse array), before walking it element by element.
 * @example
 * const safe = mapReportText(report, xmlSafeText);
 * mapReportText(report, (s) => s) === report //=> true
 * @category Renderers
 */
export function mapReportText(report: Report, map: (value: string) => string): Report {
  requireReportShape(report);
  if (typeof map !== "function")
    throw invalidArgument("map", "invalid_type", text("应为函数", "expected a function"), map);
  // The keys from the report down to the value being copied, and the objects and arrays on the
  // way: a value already among them holds itself.
  const path: PropertyKey[] = [];
  const holders: object[] = [];
  const copy = (value: unknown): unknown => {
    if (typeof value === "string") return map(value);
    if (value === null || typeof value !== "object") return value;
    if (holders.length >= MAX_NESTING || holders.includes(value)) throw tooDeep(path);
    holders.push(value);
    try {
      return Array.isArray(value) ? copyList(value) : copyRecord(value as Record<string, unknown>);
    } finally {
      holders.pop();
    }
  };
  const copyList = (value: unknown[]): unknown[] => {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) throw holeError(formatPath([...path, i]), value.length);
      const v: unknown = value[i];
      path.push(i);
      const mapped = copy(v);
      path.pop();
      if (mapped !== v && !out) out = value.slice(0, i);
      out?.push(mapped);
    }
    return out ?? value;
  };
  const copyRecord = (record: Record<string, unknown>): Record<string, unknown> => {
    const keys = Object.keys(record);
    let out: [string, unknown][] | undefined;
    for (let i = 0; i < keys.length; i++) {
      const v = record[keys[i]!];
      path.push(keys[i]!);
      const mapped = copy(v);
      path.pop();
      if (mapped !== v && !out) out = keys.slice(0, i).map((k) => [k, record[k]]);
      out?.push([keys[i]!, mapped]);
    }
    // `fromEntries` defines each key, so even one named `__proto__` stays a plain field.
    return out ? Object.fromEntries(out) : record;
  };
  return copy(report) as Report;
}

/** The error for a part of a report that holds itself, or nests beyond {@link MAX_NESTING}. */
function tooDeep(path: readonly PropertyKey[]) {
  return invalidArgument(
    formatPath(path) || "report",
    IssueCode.TOO_DEEP,
    text(
      `报告中的对象和列表嵌套不能超过 ${MAX_NESTING} 层，也不能包含自身`,
      `the objects and lists of a report must not nest deeper than ${MAX_NESTING} levels, nor hold themselves`,
    ),
    undefined,
  );
}
