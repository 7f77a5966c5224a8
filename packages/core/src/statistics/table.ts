import * as z from "zod";
import { requireObject, validate } from "../errors/validate";
import { text, type LocalizedText } from "../i18n";
import {
  CalendarDateSchema,
  LivingArrangementSchema,
  type ChildFile,
  type ChildFileInput,
} from "../model";
import type { CalendarDate } from "../time";
import {
  BoardingConventionSchema,
  countLeftBehind,
  StatisticsGroupBySchema,
  type BoardingConvention,
  type LeftBehindStatistics,
  type StatisticsGroupBy,
  type StatisticsOptions,
  type StatisticsRow,
} from "./statistics";

/**
 * Column keys of the statistics table, in the order of the county table in the work summaries
 * (plus `parent`: living with the parent at home).
 * @category Statistics
 */
export type StatisticsColumnKey =
  | "totalPupils"
  | "leftBehind"
  | "boarding"
  | "grandparents"
  | "relatives"
  | "entrusted"
  | "alone"
  | "parent";

/**
 * The columns of the statistics table and their headers.
 * @example
 * STATISTICS_COLUMNS[2].header["zh-CN"] //=> "留守寄宿"
 * @category Statistics
 */
export const STATISTICS_COLUMNS: readonly {
  readonly key: StatisticsColumnKey;
  readonly header: LocalizedText;
}[] = Object.freeze([
  { key: "totalPupils", header: text("在校学生数", "pupils") },
  { key: "leftBehind", header: text("留守儿童数", "left-behind") },
  { key: "boarding", header: text("留守寄宿", "boarding") },
  { key: "grandparents", header: text("随祖辈生活", "with grandparents") },
  { key: "relatives", header: text("随其他亲戚生活", "with other relatives") },
  { key: "entrusted", header: text("随代管家长生活", "with an entrusted guardian") },
  { key: "alone", header: text("独自生活", "alone") },
  { key: "parent", header: text("随父母一方生活", "with the parent at home") },
]);

/**
 * What each convention means, for the note under a printed table.
 * @example
 * CONVENTION_TEXT["boarding-separate"].en.startsWith("Boarding separate") //=> true
 * @category Statistics
 */
export const CONVENTION_TEXT: Readonly<Record<BoardingConvention, LocalizedText>> =
  /*#__PURE__*/ Object.freeze({
    "boarding-overlaps": text(
      "留守寄宿与各生活方式交叉统计：各生活方式之和等于留守儿童数，寄宿学生同时计入其生活方式。",
      "Boarding overlaps: the living arrangements sum to the left-behind total; boarders are also counted under their arrangement.",
    ),
    "boarding-separate": text(
      "留守寄宿单列统计：寄宿学生只计入留守寄宿，留守寄宿与各生活方式之和等于留守儿童数。",
      "Boarding separate: boarders are counted only as boarding; boarding and the living arrangements sum to the left-behind total.",
    ),
  });

/**
 * One row of a {@link StatisticsTable}: numbers in the order of `columns`.
 * @category Statistics
 */
export interface StatisticsTableRow {
  readonly key: string;
  readonly label: LocalizedText;
  readonly values: readonly number[];
}

/**
 * A statistics table (统计表) as plain data: bilingual headers, numeric rows and a total row,
 * ready for a report renderer.
 * @category Statistics
 */
export interface StatisticsTable {
  readonly title: LocalizedText;
  readonly convention: BoardingConvention;
  /** The convention in words, to print under the table. */
  readonly note: LocalizedText;
  readonly definition: string;
  readonly asOf: CalendarDate;
  readonly rowsBy: StatisticsGroupBy;
  readonly rowHeader: LocalizedText;
  readonly columns: readonly {
    readonly key: StatisticsColumnKey;
    readonly header: LocalizedText;
  }[];
  readonly rows: readonly StatisticsTableRow[];
  readonly total: StatisticsTableRow;
}

/**
 * Options of {@link statisticsTable}.
 * @category Statistics
 */
export interface StatisticsTableOptions extends Omit<StatisticsOptions, "groupBy"> {
  /** Rows by stage (default), school, grade, class or an area level. */
  rowsBy?: StatisticsGroupBy;
  title?: LocalizedText;
}

const ROW_HEADER: Record<StatisticsGroupBy, LocalizedText> = {
  all: text("范围", "scope"),
  stage: text("学段", "stage"),
  school: text("学校", "school"),
  grade: text("年级", "grade"),
  class: text("班级", "class"),
  province: text("省", "province"),
  city: text("市", "city"),
  county: text("县（区）", "county"),
  township: text("乡镇", "township"),
  village: text("村（社区）", "village"),
};

function values(row: StatisticsRow): number[] {
  const a = row.byArrangement;
  return [
    row.totalPupils,
    row.leftBehind,
    row.boarding,
    a.grandparents,
    a.relatives,
    a.entrusted,
    a.alone,
    a.parent,
  ];
}

/**
 * Builds the county-style statistics table (rows by stage, area or school; columns pupils,
 * left-behind, boarding, grandparents, relatives, entrusted, alone, with one parent) as plain
 * data. The table says which boarding convention it uses and carries a note explaining it.
 * @param files - The roster of pupils.
 * @param options - As {@link leftBehindStatistics}, with `rowsBy` (default `"stage"`) and an optional `title`.
 * @returns Headers and numeric rows, with a total row.
 * @throws ValidationError for invalid files or options.
 * @example
 * const t = statisticsTable(files, { asOf: "2026-09-01", definition: "school", convention: "boarding-overlaps" });
 * t.columns.map((c) => c.header["zh-CN"]) //=> ["在校学生数", "留守儿童数", "留守寄宿", "随祖辈生活", …]
 * t.rows[0] //=> { key: "primary", label: { "zh-CN": "小学", en: "primary" }, values: [69595, 28342, 7920, …] }
 * @category Statistics
 */
export function statisticsTable(
  files: readonly (ChildFile | ChildFileInput)[],
  options: StatisticsTableOptions,
): StatisticsTable {
  requireObject(options, "options");
  const { rowsBy, title, ...rest } = options;
  return tableOf(countLeftBehind(files, { ...rest, groupBy: rowsBy ?? "stage" }), title);
}

const count = z.number().int().min(0);
const RowSchema = z.object({
  key: z.string(),
  label: z.object({ "zh-CN": z.string(), en: z.string() }),
  totalPupils: count,
  leftBehind: count,
  boarding: count,
  byArrangement: z.record(LivingArrangementSchema, count),
});
const StatisticsSchema = z.object({
  convention: BoardingConventionSchema,
  definition: z.string(),
  asOf: CalendarDateSchema,
  groupBy: StatisticsGroupBySchema,
  rows: z.array(RowSchema),
  total: RowSchema,
});

function tableOf(s: LeftBehindStatistics, title: LocalizedText | undefined): StatisticsTable {
  return {
    title: title ?? text(`留守儿童统计表（${s.asOf}）`, `Left-behind children (${s.asOf})`),
    convention: s.convention,
    note: CONVENTION_TEXT[s.convention],
    definition: s.definition,
    asOf: s.asOf,
    rowsBy: s.groupBy,
    rowHeader: ROW_HEADER[s.groupBy],
    columns: STATISTICS_COLUMNS,
    rows: s.rows.map((r) => ({ key: r.key, label: r.label, values: values(r) })),
    total: { key: "total", label: s.total.label, values: values(s.total) },
  };
}

/**
 * The statistics table of counts already made: {@link statisticsTable} for the result of
 * {@link leftBehindStatistics} (or of `app.statistics`, which counts the files in an actor's
 * scope inside the library), rows by the counts' `groupBy`.
 * @param statistics - The counts.
 * @param title - The title (default "留守儿童统计表（asOf）").
 * @returns Headers and numeric rows, with a total row.
 * @throws ValidationError when `statistics` is not a result of the counting.
 * @example
 * const s = leftBehindStatistics(files, { asOf: "2026-09-01", groupBy: "school" });
 * statisticsTableOf(s).rows[0].values //=> [412, 163, 40, …]
 * @category Statistics
 */
export function statisticsTableOf(
  statistics: LeftBehindStatistics,
  title?: LocalizedText,
): StatisticsTable {
  const s = validate(StatisticsSchema, statistics, {
    subject: text("留守儿童统计结果", "left-behind statistics"),
  }) as unknown as LeftBehindStatistics;
  const t =
    title === undefined
      ? undefined
      : validate(RowSchema.shape.label, title, { subject: text("标题", "title") });
  return tableOf(s, t);
}
