import {
  addIssue,
  CalendarDateSchema,
  InstantSchema,
  IssueCode,
  text,
  TimeZoneSchema,
} from "@liushou/core";
import * as z from "zod";
import type { Block, CellValue, Report, Section, TableColumn, ValueType } from "./types";

/**
 * The value types of columns, key figures and charts.
 * @example
 * ValueTypeSchema.parse("money-fen") //=> "money-fen"
 * @category Report model
 */
export const ValueTypeSchema = z.enum([
  "text",
  "integer",
  "decimal",
  "percent",
  "date",
  "money-fen",
]);

/**
 * The fields reports mask unless revealed by name.
 * @example
 * SensitiveFieldSchema.options //=> ["idNumber", "phone", "address", "health"]
 * @category Privacy
 */
export const SensitiveFieldSchema = z.enum(["idNumber", "phone", "address", "health"]);

const CellSchema = z.union([z.string(), z.number().refine(Number.isFinite), z.null()]);

/** @internal */
export const InlineSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("text"), text: z.string() }),
  z.object({
    type: z.literal("figure"),
    value: z.number().refine(Number.isFinite, "a figure is a finite number"),
    valueType: ValueTypeSchema,
    text: z.string().min(1),
    source: z.string().optional(),
  }),
  z.object({ type: z.literal("footnote-ref"), id: z.string().min(1) }),
]);

const ParagraphSchema = z.object({ type: z.literal("paragraph"), content: z.array(InlineSchema) });

const ListSchema = z.object({
  type: z.literal("list"),
  ordered: z.boolean(),
  items: z.array(z.array(InlineSchema)),
});

const ColumnSchema = z.object({
  key: z.string().min(1),
  header: z.string(),
  type: ValueTypeSchema,
  decimals: z.number().int().min(0).max(10).optional(),
  total: z.literal("sum").optional(),
  width: z.number().int().positive().optional(),
});

const RowSchema = z.object({ key: z.string().optional(), cells: z.array(CellSchema) });

/** Whether a cell fits its column's type (empty cells always do). */
function cellFits(cell: CellValue, type: ValueType): boolean {
  if (cell === null) return true;
  switch (type) {
    case "text":
      return typeof cell === "string";
    case "date":
      return typeof cell === "string" && CalendarDateSchema.safeParse(cell).success;
    case "integer":
    case "money-fen":
      return Number.isInteger(cell);
    default:
      return typeof cell === "number";
  }
}

function checkRow(
  ctx: z.core.$RefinementCtx<unknown>,
  columns: readonly TableColumn[],
  cells: readonly CellValue[],
  path: PropertyKey[],
  totals: boolean,
): void {
  if (cells.length !== columns.length) {
    addIssue(
      ctx,
      IssueCode.OTHER,
      text(
        `应有 ${columns.length} 个单元格（每列一个），实有 ${cells.length} 个`,
        `expected ${columns.length} cells (one per column), got ${cells.length}`,
      ),
      { path: [...path, "cells"], input: cells.length },
    );
    return;
  }
  cells.forEach((cell, i) => {
    const column = columns[i]!;
    // The first cell of a totals row is its label ("合计"), whatever the column type.
    if (totals && i === 0 && typeof cell === "string") return;
    if (!cellFits(cell, column.type)) {
      addIssue(
        ctx,
        IssueCode.OTHER,
        text(
          `列 ${column.key} 的类型为 ${column.type}，单元格不符`,
          `column ${column.key} is of type ${column.type}; the cell does not fit`,
        ),
        { path: [...path, "cells", i], input: cell, expected: column.type },
      );
    }
  });
}

const TableSchema = z
  .object({
    type: z.literal("table"),
    id: z.string().min(1),
    title: z.string().optional(),
    columns: z.array(ColumnSchema).min(1),
    rows: z.array(RowSchema),
    totals: RowSchema.optional(),
    notes: z.array(z.string()),
  })
  .superRefine((t, ctx) => {
    const seen = new Set<string>();
    t.columns.forEach((c, i) => {
      if (seen.has(c.key)) {
        addIssue(
          ctx,
          IssueCode.DUPLICATE_ID,
          text(`列键 ${c.key} 重复`, `column key ${c.key} repeats`),
          {
            path: ["columns", i, "key"],
            input: c.key,
          },
        );
      }
      seen.add(c.key);
    });
    t.rows.forEach((r, i) => checkRow(ctx, t.columns, r.cells, ["rows", i], false));
    if (t.totals) checkRow(ctx, t.columns, t.totals.cells, ["totals"], true);
  });

const KeyFiguresSchema = z.object({
  type: z.literal("key-figures"),
  items: z.array(
    z.object({
      label: z.string().min(1),
      value: z.number().refine(Number.isFinite).nullable(),
      valueType: ValueTypeSchema,
      unit: z.string().optional(),
      source: z.string().optional(),
    }),
  ),
});

const ChartSchema = z
  .object({
    type: z.literal("chart"),
    id: z.string().min(1),
    kind: z.enum(["bar", "pie", "line"]),
    title: z.string(),
    categories: z.array(z.string()),
    series: z
      .array(
        z.object({
          name: z.string(),
          values: z.array(z.number().refine(Number.isFinite).nullable()),
        }),
      )
      .min(1),
    valueType: ValueTypeSchema,
    xLabel: z.string().optional(),
    yLabel: z.string().optional(),
    stacked: z.boolean().optional(),
  })
  .superRefine((c, ctx) => {
    if (c.kind === "pie" && c.series.length !== 1) {
      addIssue(
        ctx,
        IssueCode.OTHER,
        text("饼图只能有一个数据系列", "a pie chart has exactly one series"),
        { path: ["series"], input: c.series.length },
      );
    }
    c.series.forEach((s, i) => {
      if (s.values.length !== c.categories.length) {
        addIssue(
          ctx,
          IssueCode.OTHER,
          text(
            `数据系列应有 ${c.categories.length} 个值（每个类别一个），实有 ${s.values.length} 个`,
            `a series needs ${c.categories.length} values (one per category), got ${s.values.length}`,
          ),
          { path: ["series", i, "values"], input: s.values.length },
        );
      }
    });
  });

const CardSchema = z.object({
  type: z.literal("card"),
  id: z.string().min(1),
  title: z.string(),
  groups: z.array(
    z.object({
      title: z.string().optional(),
      fields: z.array(z.object({ label: z.string(), value: z.string() })),
    }),
  ),
});

const PageBreakSchema = z.object({ type: z.literal("page-break") });

const SectionSchema: z.ZodType<Section> = z.lazy(() =>
  z.object({
    type: z.literal("section"),
    id: z.string().min(1),
    title: z.string(),
    level: z.number().int().min(1).max(6),
    blocks: z.array(BlockSchema),
  }),
);

/**
 * Any block of the document tree (sections nest).
 * @example
 * BlockSchema.parse({ type: "page-break" }) //=> { type: "page-break" }
 * @category Report model
 */
export const BlockSchema: z.ZodType<Block> = z.lazy(() =>
  z.union([
    SectionSchema,
    ParagraphSchema,
    ListSchema,
    TableSchema,
    KeyFiguresSchema,
    ChartSchema,
    CardSchema,
    PageBreakSchema,
  ]),
);

/** @internal The period a report covers: first and last day, inclusive, in order. */
export const ReportPeriodSchema = z
  .object({ from: CalendarDateSchema, to: CalendarDateSchema })
  .refine((p) => p.from <= p.to, {
    message: "period.from must not be after period.to",
    path: ["to"],
    params: {
      text: text("时段的开始日期不能晚于结束日期", "period.from must not be after period.to"),
    },
  });

const MetaSchema = z.object({
  preparedBy: z.string().optional(),
  subject: z.object({
    kind: z.enum(["school", "area", "mentor", "child", "all"]),
    id: z.string().optional(),
    name: z.string(),
  }),
  period: ReportPeriodSchema,
  asOf: CalendarDateSchema,
  generatedAt: InstantSchema,
  timeZone: TimeZoneSchema,
  definition: z.string().optional(),
  dataSources: z.array(
    z.object({
      name: z.string().min(1),
      count: z.number().int().nonnegative().optional(),
      note: z.string().optional(),
    }),
  ),
});

/** Walks every block of a tree, depth first. @internal */
export function* walkBlocks(blocks: readonly Block[]): Generator<Block> {
  for (const b of blocks) {
    yield b;
    if (b.type === "section") yield* walkBlocks(b.blocks);
  }
}

/**
 * The zod schema of a {@link Report}: checks the tree, that every row has one cell per column
 * and each cell fits its column's type, that chart series match their categories, that ids of
 * tables, charts, cards and sections are unique, and that every footnote reference exists.
 * @example
 * ReportSchema.safeParse(report).success //=> true
 * @category Report model
 */
export const ReportSchema: z.ZodType<Report> = z
  .object({
    kind: z.string().min(1),
    locale: z.enum(["zh-CN", "en"]),
    title: z.string().min(1),
    subtitle: z.string().optional(),
    meta: MetaSchema,
    layout: z.object({
      pageSize: z.literal("A4"),
      orientation: z.enum(["portrait", "landscape"]),
      cardsPerPage: z.number().int().min(1).max(8).optional(),
    }),
    body: z.array(BlockSchema),
    footnotes: z.array(z.object({ id: z.string().min(1), text: z.string() })),
    privacy: z.object({
      masked: z.array(SensitiveFieldSchema),
      revealed: z.array(SensitiveFieldSchema),
    }),
  })
  .superRefine((r, ctx) => {
    const notes = new Set<string>();
    r.footnotes.forEach((n, i) => {
      if (notes.has(n.id)) {
        addIssue(
          ctx,
          IssueCode.DUPLICATE_ID,
          text(`脚注 ${n.id} 重复`, `footnote ${n.id} repeats`),
          {
            path: ["footnotes", i, "id"],
            input: n.id,
          },
        );
      }
      notes.add(n.id);
    });
    const ids = new Set<string>();
    for (const b of walkBlocks(r.body as Block[])) {
      if (b.type === "section" || b.type === "table" || b.type === "chart" || b.type === "card") {
        if (ids.has(b.id)) {
          addIssue(
            ctx,
            IssueCode.DUPLICATE_ID,
            text(`块编号 ${b.id} 重复`, `block id ${b.id} repeats`),
            {
              path: ["body"],
              input: b.id,
            },
          );
        }
        ids.add(b.id);
      }
      const runs = b.type === "paragraph" ? b.content : b.type === "list" ? b.items.flat() : [];
      for (const run of runs) {
        if (run.type === "footnote-ref" && !notes.has(run.id)) {
          addIssue(
            ctx,
            IssueCode.UNKNOWN_ID,
            text(`引用了不存在的脚注 ${run.id}`, `reference to a missing footnote ${run.id}`),
            { path: ["body"], input: run.id },
          );
        }
      }
    }
  }) as unknown as z.ZodType<Report>;
