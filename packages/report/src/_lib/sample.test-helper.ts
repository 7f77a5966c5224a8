import type { Report, Table } from "../model/types";

/** A small valid report for unit tests of the model and the renderers. */
export function sampleReport(overrides: Partial<Report> = {}): Report {
  const table: Table = {
    type: "table",
    id: "t1",
    title: "样表",
    columns: [
      { key: "name", header: "名称", type: "text" },
      { key: "n", header: "人数", type: "integer", total: "sum" },
      { key: "rate", header: "比例", type: "percent" },
      { key: "fen", header: "金额", type: "money-fen", total: "sum" },
      { key: "on", header: "日期", type: "date" },
    ],
    rows: [
      { key: "a", cells: ["甲", 3, 0.5, 12345, "2026-03-01"] },
      { key: "b", cells: ["=1+1", 1, null, 0, null] },
    ],
    totals: { cells: ["合计", 4, null, 12345, null] },
    notes: ["注释一"],
  };
  return {
    kind: "sample",
    locale: "zh-CN",
    title: "样例报告",
    meta: {
      subject: { kind: "school", id: "s1", name: "样例小学" },
      period: { from: "2026-03-01", to: "2026-06-30" },
      asOf: "2026-06-30",
      generatedAt: "2026-07-01T09:00:00+08:00",
      timeZone: "Asia/Shanghai",
      dataSources: [{ name: "儿童档案", count: 2 }],
    },
    layout: { pageSize: "A4", orientation: "portrait" },
    body: [
      {
        type: "section",
        id: "s",
        title: "一、基本情况",
        level: 1,
        blocks: [
          {
            type: "paragraph",
            content: [
              { type: "text", text: "共 " },
              { type: "figure", value: 4, valueType: "integer", text: "4" },
              { type: "text", text: " 名" },
              { type: "footnote-ref", id: "f1" },
              { type: "text", text: "。" },
            ],
          },
          table,
        ],
      },
      {
        type: "chart",
        id: "c1",
        kind: "pie",
        title: "构成",
        categories: ["甲", "乙"],
        series: [{ name: "人数", values: [3, 1] }],
        valueType: "integer",
      },
    ],
    footnotes: [{ id: "f1", text: "脚注" }],
    privacy: { masked: ["idNumber", "phone", "address", "health"], revealed: [] },
    ...overrides,
  };
}

/** A table of one row holding a huge integer (1e21) and a tiny decimal (1e-7): plain digits only. */
export function hugeNumbersTable(title?: string): Table {
  return {
    type: "table",
    id: "t",
    ...(title === undefined ? {} : { title }),
    columns: [
      { key: "n", header: "n", type: "integer" },
      { key: "d", header: "d", type: "decimal" },
    ],
    rows: [{ cells: [1e21, 1e-7] }],
    notes: [],
  };
}
