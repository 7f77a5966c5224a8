import { invalidArgument, text, type LocalizedText } from "@liushou/core";
import type { Report } from "../model/types";
import { childCardsReport, type ChildCardsInput } from "./child-cards";
import { wishAidLedgerReport, type LedgerInput } from "./ledger";
import { recordBookReport, type RecordBookInput } from "./record-book";
import { registersReport, type RegistersReportInput } from "./registers";
import { statisticsReport, type StatisticsReportInput } from "./statistics";
import { workListReport, type WorkListInput } from "./work-list";
import { workSummaryReport, type WorkSummaryInput } from "./work-summary";

/**
 * One built-in report: its builder and how a host names it in a menu or on a command line.
 * @typeParam I - What the builder takes.
 * @example
 * const entry: BuiltInReport<WorkListInput> = BUILT_IN_REPORTS["work-list"];
 * entry.title.en //=> "Compliance and work list"
 * @category Report builders
 */
export interface BuiltInReport<I> {
  /** Builds the report (its `kind` is the key of this entry in {@link BUILT_IN_REPORTS}). */
  readonly build: (input: I) => Report;
  /** The report's name in Chinese and English. */
  readonly title: LocalizedText;
  /** Whom it covers: care data in a scope, a roster, or one mentor's month. */
  readonly covers: "care-scope" | "roster" | "mentor-month";
}

/**
 * Every built-in report of `@liushou/report`, by kind, in the order of a school's year (the
 * summary first): one list that hosts, the command line and the examples share instead of
 * repeating the kinds. `Object.keys(BUILT_IN_REPORTS)` lists the kinds; {@link buildBuiltInReport}
 * builds one by kind.
 * @example
 * Object.keys(BUILT_IN_REPORTS) //=> ["work-summary", "statistics", "registers", "child-cards", "record-book", "work-list", "wish-aid-ledger"]
 * BUILT_IN_REPORTS.statistics.title["zh-CN"] //=> "留守儿童统计表"
 * @category Report builders
 */
export const BUILT_IN_REPORTS = Object.freeze({
  "work-summary": entry(
    workSummaryReport,
    text("学期工作总结", "Semester work summary"),
    "care-scope",
  ),
  statistics: entry(statisticsReport, text("留守儿童统计表", "Statistics table"), "roster"),
  registers: entry(
    registersReport,
    text("三本台账（儿童、监护人、父母）", "Registers (children, guardians, parents)"),
    "roster",
  ),
  "child-cards": entry(
    childCardsReport,
    text("儿童档案卡与联系卡", "Child file and contact cards"),
    "roster",
  ),
  "record-book": entry(recordBookReport, text("走访记录册", "Visit record book"), "mentor-month"),
  "work-list": entry(
    workListReport,
    text("合规与待办清单", "Compliance and work list"),
    "care-scope",
  ),
  "wish-aid-ledger": entry(
    wishAidLedgerReport,
    text("微心愿与资助台账", "Micro-wish and aid ledger"),
    "roster",
  ),
} as const);

function entry<I>(
  build: (input: I) => Report,
  title: LocalizedText,
  covers: BuiltInReport<I>["covers"],
): BuiltInReport<I> {
  return Object.freeze({ build, title, covers });
}

/**
 * The kind of a built-in report: a key of {@link BUILT_IN_REPORTS}.
 * @example
 * const kind: BuiltInReportKind = "work-summary";
 * @category Report builders
 */
export type BuiltInReportKind = keyof typeof BUILT_IN_REPORTS;

/**
 * What the builder of a built-in report takes.
 * @example
 * const input: BuiltInReportInput<"statistics"> = { files, schools, asOf: "2026-06-30", generatedAt: "2026-07-01T09:00:00+08:00" };
 * @category Report builders
 */
export type BuiltInReportInput<K extends BuiltInReportKind> = {
  "work-summary": WorkSummaryInput;
  statistics: StatisticsReportInput;
  registers: RegistersReportInput;
  "child-cards": ChildCardsInput;
  "record-book": RecordBookInput;
  "work-list": WorkListInput;
  "wish-aid-ledger": LedgerInput;
}[K];

/**
 * The kinds of the built-in reports, in the order of {@link BUILT_IN_REPORTS}.
 * @example
 * BUILT_IN_REPORT_KINDS.includes("registers") //=> true
 * @category Report builders
 */
export const BUILT_IN_REPORT_KINDS = Object.freeze(
  Object.keys(BUILT_IN_REPORTS) as BuiltInReportKind[],
);

/**
 * Whether a string names a built-in report (for command lines and URLs).
 * @param kind - Any string.
 * @returns `true` for a key of {@link BUILT_IN_REPORTS}.
 * @example
 * isBuiltInReportKind("statistics") //=> true
 * isBuiltInReportKind("toString") //=> false
 * @category Report builders
 */
export function isBuiltInReportKind(kind: string): kind is BuiltInReportKind {
  return Object.hasOwn(BUILT_IN_REPORTS, kind);
}

/**
 * Builds a built-in report by kind.
 * @param kind - A key of {@link BUILT_IN_REPORTS}.
 * @param input - What that report's builder takes.
 * @returns The report.
 * @throws ValidationError for an unknown kind, or naming the field at fault in the input.
 * @example
 * const report = buildBuiltInReport("work-list", { ...data, scope: { level: "school", id: "s1" }, asOf: "2026-06-30", generatedAt: "2026-07-01T09:00:00+08:00" });
 * report.kind //=> "work-list"
 * @category Report builders
 */
export function buildBuiltInReport<K extends BuiltInReportKind>(
  kind: K,
  input: BuiltInReportInput<K>,
): Report {
  if (typeof kind !== "string" || !isBuiltInReportKind(kind))
    throw invalidArgument(
      "kind",
      "invalid_value",
      text(
        `应为内置报告之一：${BUILT_IN_REPORT_KINDS.join("、")}`,
        `expected one of the built-in reports: ${BUILT_IN_REPORT_KINDS.join(", ")}`,
      ),
      kind,
    );
  return (BUILT_IN_REPORTS[kind] as BuiltInReport<BuiltInReportInput<K>>).build(input);
}
