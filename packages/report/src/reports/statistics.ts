import {
  BoardingConventionSchema,
  StatisticsGroupBySchema,
  leftBehindStatistics,
  statisticsTable,
  text,
  type Area,
  type BoardingConvention,
  type ChildFile,
  type ChildFileInput,
  type DefinitionChoice,
  type School,
  type SchoolClass,
  type StatisticsGroupBy,
} from "@liushou/core";
import * as z from "zod";
import { pick, footnoteRef, paragraph, section, sentence, figure } from "../model/build";
import type { Chart, KeyFigures, Report, ReportMeta, Table } from "../model/types";
import { createMasker } from "../privacy/mask";
import {
  definitionName,
  reportMeta,
  resolveOptions,
  SubjectSchema,
  type ReportOptions,
} from "./options";

/**
 * Input of {@link statisticsReport}.
 * @example
 * const input: StatisticsReportInput = { files, rowsBy: "township", convention: "boarding-separate", asOf: "2026-06-30", generatedAt: "2026-07-01T09:00:00+08:00" };
 * @category Report builders
 */
export interface StatisticsReportInput extends ReportOptions {
  /** The roster of pupils (all of them, so that the share of left-behind children is right). */
  files: readonly (ChildFile | ChildFileInput)[];
  /** Rows by stage (default), school, grade, class or an area level. */
  rowsBy?: StatisticsGroupBy;
  /** How boarders are counted. Default `boarding-overlaps`; the table states it either way. */
  convention?: BoardingConvention;
  definition?: DefinitionChoice;
  schools?: readonly School[];
  classes?: readonly SchoolClass[];
  /** Areas, to print names next to region codes in area rows. */
  areas?: readonly Area[];
  /** What the report covers. Default: all the files given. */
  subject?: ReportMeta["subject"];
}

const InputSchema = z.object({
  files: z.array(z.unknown()),
  rowsBy: StatisticsGroupBySchema.optional(),
  convention: BoardingConventionSchema.optional(),
  schools: z.array(z.unknown()).optional(),
  classes: z.array(z.unknown()).optional(),
  areas: z.array(z.object({ code: z.string(), name: z.string() }).loose()).optional(),
  subject: SubjectSchema.optional(),
});

/** The statistics table of core as a report table. @internal */
export function statisticsTableBlock(
  input: StatisticsReportInput,
  locale: "zh-CN" | "en",
  id = "statistics",
): { table: Table; raw: ReturnType<typeof statisticsTable> } {
  const raw = statisticsTable(input.files, {
    asOf: input.asOf,
    ...(input.timeZone !== undefined ? { zone: input.timeZone } : {}),
    ...(input.definition !== undefined ? { definition: input.definition } : {}),
    ...(input.convention !== undefined ? { convention: input.convention } : {}),
    rowsBy: input.rowsBy ?? "stage",
    ...(input.schools !== undefined ? { schools: input.schools } : {}),
    ...(input.classes !== undefined ? { classes: input.classes } : {}),
  });
  const areaName = new Map((input.areas ?? []).map((a) => [a.code, a.name]));
  const label = (key: string, l: string) => {
    const name = areaName.get(key);
    return name === undefined ? l : `${name}（${key}）`;
  };
  const table: Table = {
    type: "table",
    id,
    title: pick(locale, raw.title),
    columns: [
      { key: "group", header: pick(locale, raw.rowHeader), type: "text" },
      ...raw.columns.map((c) => ({
        key: c.key,
        header: pick(locale, c.header),
        type: "integer" as const,
        total: "sum" as const,
      })),
    ],
    rows: raw.rows.map((r) => ({
      key: r.key,
      cells: [label(r.key, pick(locale, r.label)), ...r.values],
    })),
    totals: { key: "total", cells: [pick(locale, raw.total.label), ...raw.total.values] },
    notes: [
      pick(locale, raw.note),
      pick(
        locale,
        text(
          `留守儿童认定口径：${definitionName(input.definition, raw.definition)["zh-CN"]}；统计日期：${raw.asOf}。`,
          `Left-behind definition: ${definitionName(input.definition, raw.definition).en}; counted on ${raw.asOf}.`,
        ),
      ),
    ],
  };
  return { table, raw };
}

/**
 * The statistics report (统计表): the county table by living arrangement with rows by stage,
 * school or area, stating its boarding convention and definition; key figures; a chart of the
 * living arrangements. Every number comes from `statisticsTable` and `leftBehindStatistics`.
 * @param input - The roster, `asOf`, `generatedAt`, and optionally `rowsBy`, `convention`, `definition`, names, `locale`.
 * @returns The report.
 * @throws ValidationError naming the field at fault.
 * @example
 * const report = statisticsReport({ files, asOf: "2026-06-30", generatedAt: "2026-07-01T09:00:00+08:00", convention: "boarding-separate" });
 * report.body[1] //=> { type: "table", id: "statistics", columns: [...], notes: ["留守寄宿单列统计：…", …] }
 * @category Report builders
 */
export function statisticsReport(input: StatisticsReportInput): Report {
  const { resolved: o } = resolveOptions(
    InputSchema,
    input,
    text("统计表选项", "statistics report options"),
  );
  const l = o.locale;
  const { table, raw } = statisticsTableBlock(input, l);
  const stats = leftBehindStatistics(input.files, {
    asOf: input.asOf,
    ...(input.timeZone !== undefined ? { zone: input.timeZone } : {}),
    ...(input.definition !== undefined ? { definition: input.definition } : {}),
    ...(input.convention !== undefined ? { convention: input.convention } : {}),
  });
  const value = (key: string) => raw.total.values[raw.columns.findIndex((c) => c.key === key)] ?? 0;
  const figures: KeyFigures = {
    type: "key-figures",
    items: [
      {
        label: pick(l, text("在校学生", "Pupils")),
        value: value("totalPupils"),
        valueType: "integer",
        source: "statisticsTable.total",
      },
      {
        label: pick(l, text("留守儿童", "Left-behind")),
        value: value("leftBehind"),
        valueType: "integer",
        source: "statisticsTable.total",
      },
      {
        label: pick(l, text("留守比例", "Share left behind")),
        value: stats.total.ratio,
        valueType: "percent",
        source: "leftBehindStatistics.total.ratio",
      },
      {
        label: pick(l, text("留守寄宿", "Boarding")),
        value: value("boarding"),
        valueType: "integer",
        source: "statisticsTable.total",
      },
    ],
  };
  // Under boarding-separate the arrangements leave boarders out, so boarding is a bar of its own.
  const arrangementKeys = [
    ...(raw.convention === "boarding-separate" ? (["boarding"] as const) : []),
    ...(["grandparents", "relatives", "entrusted", "alone", "parent"] as const),
  ];
  const chart: Chart = {
    type: "chart",
    id: "arrangements",
    kind: "bar",
    title: pick(l, text("留守儿童生活方式", "Left-behind children by living arrangement")),
    categories: arrangementKeys.map((k) => pick(l, raw.columns.find((c) => c.key === k)!.header)),
    series: [{ name: pick(l, text("人数", "Children")), values: arrangementKeys.map(value) }],
    valueType: "integer",
  };
  const definition = definitionName(input.definition, raw.definition);
  const subject = input.subject ?? { kind: "all" as const, name: pick(l, text("全部", "All")) };
  return {
    kind: "statistics",
    locale: l,
    title: pick(l, raw.title),
    meta: reportMeta(
      o,
      subject,
      [{ name: pick(l, text("儿童档案", "Child files")), count: input.files.length }],
      raw.definition,
    ),
    layout: { pageSize: "A4", orientation: "landscape" },
    body: [
      figures,
      table,
      section("summary", pick(l, text("说明", "Notes")), [
        paragraph(
          l === "zh-CN"
            ? sentence`截至 ${raw.asOf}，共有在校学生 ${figure(value("totalPupils"))} 名，其中留守儿童 ${figure(value("leftBehind"))} 名${footnoteRef("definition")}，留守寄宿 ${figure(value("boarding"))} 名${footnoteRef("convention")}。`
            : sentence`On ${raw.asOf} there are ${figure(value("totalPupils"))} pupils, of whom ${figure(value("leftBehind"))} are left behind${footnoteRef("definition")} and ${figure(value("boarding"))} board at school${footnoteRef("convention")}.`,
        ),
      ]),
      chart,
    ],
    footnotes: [
      { id: "definition", text: pick(l, definition) },
      { id: "convention", text: pick(l, raw.note) },
    ],
    privacy: createMasker(o.reveal, l).notice,
  };
}
