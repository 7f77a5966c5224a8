/**
 * Hostile text for the renderers' tests: strings a spreadsheet, a browser or an XML reader
 * could take for code, placed in every text field of a report; and fast-check arbitraries of
 * whole report trees for the `*.fuzz.test.ts` files.
 */
import fc from "fast-check";
import type { Block, Inline, Report, Table, ValueType } from "../model/types";

/** Script, formula, SQL and XML look-alikes, invisible and bidi characters, a very long text. */
export const HOSTILE_STRINGS = [
  "<script>alert(1)</script>",
  '" onload="alert(1)',
  "' onmouseover='alert(1)",
  "<img src=x onerror=alert(1)>",
  "javascript:alert(1)",
  "=cmd|' /C calc'!A0",
  "+1+1",
  "-2",
  "@SUM(1)",
  "\t=1+1",
  "\r=2+2",
  "'; DROP TABLE children; --",
  "1 OR 1=1",
  "</w:t></w:r><w:r><w:t>injected",
  "]]><x/>",
  "<![CDATA[x]]>",
  "&amp; &lt;b&gt; &#x3C;",
  "\u202Egnp.exe\u202C 王\u200B小\u200D明\uFEFF",
  "{{constructor.constructor('alert(1)')()}}",
  "${alert(1)}",
  "</style></title></textarea><svg onload=alert(1)>",
  "a".repeat(5000) + "留守".repeat(2000),
] as const;

/** XML 1.0 forbids most C0 controls; a renderer must drop or replace them, not break the file. */
export const CONTROL_STRING = "a\u0000b\u0001c\u0008d\u000Be\u001Ff\uFFFEg\uD800h";

/**
 * A report with `s` in every text field it has: title, subtitle, metadata, section titles,
 * paragraph and list text, table title, headers, text cells, totals label and notes, key figure
 * labels and units, chart title, categories, series and axis names, card titles, labels and
 * values, footnotes, and data source names and notes.
 */
export function hostileReport(s: string): Report {
  return {
    kind: "hostile",
    locale: "zh-CN",
    title: `报告 ${s}`,
    subtitle: s,
    meta: {
      preparedBy: s,
      subject: { kind: "school", id: "s1", name: s },
      period: { from: "2026-02-20", to: "2026-06-30" },
      asOf: "2026-06-30",
      generatedAt: "2026-07-01T09:00:00+08:00",
      timeZone: "Asia/Shanghai",
      definition: s,
      dataSources: [{ name: s, count: 3, note: s }],
    },
    layout: { pageSize: "A4", orientation: "portrait", cardsPerPage: 2 },
    body: [
      {
        type: "section",
        id: "s-1",
        title: s,
        level: 1,
        blocks: [
          {
            type: "paragraph",
            content: [
              { type: "text", text: s },
              { type: "figure", value: 3, valueType: "integer", text: "3", source: s },
              { type: "footnote-ref", id: "n1" },
            ],
          },
          { type: "list", ordered: false, items: [[{ type: "text", text: s }]] },
          { type: "key-figures", items: [{ label: s, value: 1, valueType: "integer", unit: s }] },
          {
            type: "table",
            id: "t-1",
            title: s,
            columns: [
              { key: "name", header: s, type: "text" },
              { key: "school", header: `学校 ${s}`, type: "text" },
              { key: "n", header: "人数", type: "integer", total: "sum" },
            ],
            rows: [{ cells: [s, s, 1] }, { cells: ["王小明", s, 2] }],
            totals: { cells: [s, null, 3] },
            notes: [s],
          },
          {
            type: "chart",
            id: "c-1",
            kind: "bar",
            title: s,
            categories: [s, "祖辈"],
            series: [{ name: s, values: [1, 2] }],
            valueType: "integer",
            xLabel: s,
            yLabel: s,
          },
          {
            type: "card",
            id: "k-1",
            title: s,
            groups: [{ title: s, fields: [{ label: s, value: s }] }],
          },
        ],
      },
    ],
    footnotes: [{ id: "n1", text: s }],
    privacy: { masked: ["idNumber"], revealed: [] },
  };
}

/** Every text a report holds, in the order of its fields (for "the text is present verbatim"). */
export function textsOf(report: Report): string[] {
  const out: string[] = [report.title, ...(report.subtitle ? [report.subtitle] : [])];
  const inline = (runs: readonly Inline[]) => {
    for (const r of runs) if (r.type === "text") out.push(r.text);
  };
  const walk = (blocks: readonly Block[]) => {
    for (const b of blocks) {
      if (b.type === "section") (out.push(b.title), walk(b.blocks));
      else if (b.type === "paragraph") inline(b.content);
      else if (b.type === "list") b.items.forEach(inline);
      else if (b.type === "table") {
        if (b.title) out.push(b.title);
        out.push(...b.columns.map((c) => c.header), ...b.notes);
        for (const r of [...b.rows, ...(b.totals ? [b.totals] : [])])
          for (const c of r.cells) if (typeof c === "string") out.push(c);
      } else if (b.type === "key-figures") out.push(...b.items.map((i) => i.label));
      else if (b.type === "card") {
        out.push(b.title);
        for (const g of b.groups) {
          if (g.title) out.push(g.title);
          for (const f of g.fields) out.push(f.label, f.value);
        }
      }
    }
  };
  walk(report.body);
  out.push(...report.footnotes.map((n) => n.text));
  return out;
}

/** Any text, hostile strings and controls more often than chance would give them. */
export const anyText = (maxLength = 40): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.string({ unit: "grapheme", maxLength }) },
    { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength }) },
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_STRINGS.map((s) => s.slice(0, 300))) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...HOSTILE_STRINGS), fc.string({ maxLength: 8 }))
        .map(([h, t]) => `${t}${h.slice(0, 200)}${t}`),
    },
  );

const nonEmpty = (maxLength = 40) => anyText(maxLength).filter((s) => s.length > 0);
const VALUE_TYPES: readonly ValueType[] = ["integer", "decimal", "percent", "money-fen"];
const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 });

const inlineArb: fc.Arbitrary<Inline> = fc.oneof(
  anyText().map((text): Inline => ({ type: "text", text })),
  fc.tuple(finite, fc.constantFrom(...VALUE_TYPES)).map(([value, valueType]): Inline => ({
    type: "figure",
    value,
    valueType,
    text: String(value),
  })),
  fc.constant<Inline>({ type: "footnote-ref", id: "n1" }),
);

const tableArb: fc.Arbitrary<Table> = fc
  .tuple(
    fc.array(fc.tuple(nonEmpty(20), fc.constantFrom<ValueType>("text", ...VALUE_TYPES, "date")), {
      minLength: 1,
      maxLength: 5,
    }),
    fc.nat({ max: 6 }),
    fc.option(anyText(), { nil: undefined }),
    fc.array(anyText(), { maxLength: 2 }),
    fc.boolean(),
    fc.infiniteStream(fc.tuple(anyText(20), finite, fc.boolean())),
  )
  .map(([cols, rowCount, title, notes, withTotals, cells]) => {
    const columns = cols.map(([header, type], i) => ({
      key: `k${i}`,
      header,
      type,
      ...(type !== "text" && type !== "date" ? { total: "sum" as const } : {}),
    }));
    const cell = (type: ValueType) => {
      const [s, n, isNull] = cells.next().value;
      if (isNull) return null;
      if (type === "text") return s;
      if (type === "date") return "2026-03-01";
      return type === "integer" || type === "money-fen" ? Math.round(n) : n;
    };
    return {
      type: "table" as const,
      id: "t",
      ...(title !== undefined ? { title } : {}),
      columns,
      rows: Array.from({ length: rowCount }, () => ({ cells: columns.map((c) => cell(c.type)) })),
      ...(withTotals ? { totals: { cells: columns.map((c) => cell(c.type)) } } : {}),
      notes,
    };
  });

/** A block that is not a section; `charts` false leaves charts out (they take long to raster). */
function leafArb(charts: boolean): fc.Arbitrary<Block> {
  const leaves: fc.Arbitrary<Block>[] = [
    fc.array(inlineArb, { maxLength: 6 }).map((content): Block => ({ type: "paragraph", content })),
    fc
      .tuple(fc.boolean(), fc.array(fc.array(inlineArb, { maxLength: 3 }), { maxLength: 4 }))
      .map(([ordered, items]): Block => ({ type: "list", ordered, items })),
    tableArb,
    fc
      .array(
        fc.record({
          label: nonEmpty(),
          value: fc.option(finite, { nil: null }),
          valueType: fc.constantFrom(...VALUE_TYPES),
        }),
        { maxLength: 4 },
      )
      .map((items): Block => ({ type: "key-figures", items })),
    fc
      .tuple(
        nonEmpty(),
        fc.array(
          fc.record({
            title: fc.option(anyText(), { nil: undefined }),
            fields: fc.array(fc.record({ label: anyText(), value: anyText() }), { maxLength: 4 }),
          }),
          { maxLength: 3 },
        ),
      )
      .map(([title, groups]): Block => ({
        type: "card",
        id: "k",
        title,
        groups: groups.map((g) => (g.title === undefined ? { fields: g.fields } : g)),
      })),
    fc.constant<Block>({ type: "page-break" }),
  ];
  if (charts)
    leaves.push(
      fc
        .tuple(
          fc.constantFrom("bar", "line", "pie"),
          anyText(),
          fc.array(anyText(12), { minLength: 1, maxLength: 5 }),
          fc.array(anyText(12), { minLength: 1, maxLength: 3 }),
          fc.infiniteStream(fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null })),
        )
        .map(([kind, title, categories, names, values]): Block => ({
          type: "chart",
          id: "c",
          kind,
          title,
          categories,
          series: (kind === "pie" ? names.slice(0, 1) : names).map((name) => ({
            name,
            values: categories.map(() => values.next().value),
          })),
          valueType: "integer",
        })),
    );
  return fc.oneof(...leaves);
}

/** Gives every section, table, chart and card a unique id (the model requires it). */
function numberIds(blocks: readonly Block[], next: { n: number }): Block[] {
  return blocks.map((b) => {
    if (b.type === "section")
      return { ...b, id: `b${next.n++}`, blocks: numberIds(b.blocks, next) };
    if (b.type === "table" || b.type === "chart" || b.type === "card")
      return { ...b, id: `b${next.n++}` };
    return b;
  });
}

/**
 * Arbitrary valid report trees: sections nested up to three deep around every kind of block,
 * any text in every text field, either locale and orientation.
 * @param options.charts - Include charts (default true).
 */
export function reportArb(options: { charts?: boolean } = {}): fc.Arbitrary<Report> {
  const leaf = leafArb(options.charts ?? true);
  const { block } = fc.letrec<{ block: Block }>((tie) => ({
    block: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      leaf,
      fc
        .tuple(nonEmpty(), fc.integer({ min: 1, max: 6 }), fc.array(tie("block"), { maxLength: 4 }))
        .map(([title, level, blocks]): Block => ({
          type: "section",
          id: "s",
          title,
          level,
          blocks,
        })),
    ),
  }));
  return fc
    .record({
      locale: fc.constantFrom("zh-CN" as const, "en" as const),
      title: nonEmpty(),
      subtitle: fc.option(anyText(), { nil: undefined }),
      preparedBy: fc.option(anyText(), { nil: undefined }),
      subject: nonEmpty(),
      source: nonEmpty(),
      landscape: fc.boolean(),
      body: fc.array(block, { maxLength: 5 }),
      note: anyText(),
    })
    .map((r): Report => ({
      kind: "fuzz",
      locale: r.locale,
      title: r.title,
      ...(r.subtitle !== undefined ? { subtitle: r.subtitle } : {}),
      meta: {
        ...(r.preparedBy !== undefined ? { preparedBy: r.preparedBy } : {}),
        subject: { kind: "school", name: r.subject },
        period: { from: "2026-02-20", to: "2026-06-30" },
        asOf: "2026-06-30",
        generatedAt: "2026-07-01T09:00:00+08:00",
        timeZone: "Asia/Shanghai",
        dataSources: [{ name: r.source }],
      },
      layout: {
        pageSize: "A4",
        orientation: r.landscape ? "landscape" : "portrait",
        cardsPerPage: 2,
      },
      body: numberIds(r.body, { n: 1 }),
      footnotes: [{ id: "n1", text: r.note }],
      privacy: { masked: [], revealed: [] },
    }));
}

/** RFC 4180 fields of a CSV text (quoted fields may hold commas, quotes and line breaks). */
export function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i]!;
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') ((field += '"'), i++);
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === ",") (row.push(field), (field = ""));
    else if (c === "\r" && csv[i + 1] === "\n") {
      (row.push(field), rows.push(row), (row = []), (field = ""), i++);
    } else field += c;
  }
  if (field !== "" || row.length) (row.push(field), rows.push(row));
  return rows;
}
