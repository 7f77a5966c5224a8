/**
 * Liushou inside an existing school system: the code of the embedding guide
 * (`docs/guide/embedding.md`), typechecked and tested. Each part is one thing a host replaces:
 * the storage (an adapter over its own tables), a visit policy, a checklist, a report and an
 * output format.
 */
import {
  createSchoolDb,
  createSchoolTableStorage,
  type SchoolDb,
} from "@liushou/example-custom-adapter";
import {
  defineRenderer,
  paragraph,
  section,
  sentence,
  type Report,
  type ReportRenderer as OutputFormat,
} from "@liushou/report";
import {
  builtinChecklistRegistry,
  classifyLeftBehind,
  createLiushou,
  defineChecklist,
  definePolicy,
  POLICY_PRESETS,
  type Instant,
  type Liushou,
  type ReportRenderer,
} from "liushou";

// 1. Storage: an adapter over the school's own tables (examples/custom-adapter).

// 2. A visit policy of the county's own: a family call every week for children living alone.
export const weeklyCallWhenAlone = definePolicy({
  id: "family-call-weekly-alone",
  name: { "zh-CN": "独居儿童每周亲情电话", en: "Weekly family call for children living alone" },
  level: "child",
  selector: { livingArrangements: ["alone"] },
  counts: { contactKinds: ["family-call", "video-call"] },
  requirement: { type: "count", min: 1, per: "week" },
  graceDays: 2,
});

// 3. A checklist of the school's own, added to the built-in ones.
export const wellbeingCheck = defineChecklist({
  id: "school.wellbeing",
  version: "2026.1",
  title: { "zh-CN": "学期身心状况简表", en: "Term wellbeing check" },
  informants: ["teacher"],
  items: [
    {
      id: "sleep",
      kind: "likert",
      min: 0,
      max: 3,
      label: { "zh-CN": "睡眠不好", en: "Sleeps badly" },
    },
    {
      id: "meals",
      kind: "likert",
      min: 0,
      max: 3,
      label: { "zh-CN": "三餐不规律", en: "Irregular meals" },
    },
    { id: "mood", kind: "likert", min: 0, max: 3, label: { "zh-CN": "情绪低落", en: "Low mood" } },
  ],
  scales: [
    {
      id: "total",
      label: { "zh-CN": "总分", en: "Total" },
      items: ["sleep", "meals", "mood"],
      bands: [
        {
          ranges: [
            { id: "fine", label: { "zh-CN": "良好", en: "fine" }, max: 3 },
            { id: "watch", label: { "zh-CN": "需关注", en: "watch" }, min: 4, risk: 1 },
          ],
        },
      ],
    },
  ],
});

// 4. A report of the school's own (a builder for `app.buildReport`), in the document model,
//    so that every format renders it.
export const boardingReport: ReportRenderer = async (ctx): Promise<Report> => {
  let pupils = 0;
  let leftBehind = 0;
  let boarders = 0;
  for await (const { value: file } of ctx.storage.files.stream({})) {
    pupils++;
    if (!classifyLeftBehind(file, { asOf: ctx.asOf }).leftBehind) continue;
    leftBehind++;
    if (file.child.boarding) boarders++;
  }
  return {
    kind: "boarding-note",
    locale: "zh-CN",
    title: "留守儿童住校情况说明",
    meta: {
      subject: { kind: "all", name: "本校" },
      period: { from: ctx.asOf, to: ctx.asOf },
      asOf: ctx.asOf,
      generatedAt: ctx.now,
      timeZone: ctx.timeZone,
      dataSources: [{ name: "files", count: pupils }],
    },
    layout: { pageSize: "A4", orientation: "portrait" },
    body: [
      section("boarding", "住校情况", [
        paragraph(
          sentence`在册学生 ${pupils} 名，其中留守儿童 ${leftBehind} 名，住校 ${boarders} 名。`,
        ),
      ]),
    ],
    footnotes: [],
    privacy: { masked: [], revealed: [] },
  };
};

// 5. An output format of the host's own: plain text for the school's SMS gateway.
export const plainTextFormat: OutputFormat<object, string> = defineRenderer({
  id: "plain-text",
  mediaType: "text/plain; charset=utf-8",
  extension: "txt",
  render: (report) =>
    [
      report.title,
      ...report.body
        .flatMap((b) => (b.type === "section" ? b.blocks : [b]))
        .flatMap((b) =>
          b.type === "paragraph"
            ? [b.content.map((r) => ("text" in r ? r.text : "")).join("")]
            : [],
        ),
    ].join("\n"),
});

/**
 * The school system's Liushou: its own tables, the two monthly presets and its weekly call,
 * the built-in checklists and its own, and its own report.
 * @param db - The school's tables.
 * @param clock - The system's clock.
 */
export function schoolLiushou(
  db: SchoolDb = createSchoolDb(),
  clock: () => Instant | Date = () => new Date(),
): Liushou {
  return createLiushou({
    storage: createSchoolTableStorage(db),
    actor: "school-admin",
    clock,
    policies: [
      POLICY_PRESETS.homeVisitMonthly,
      POLICY_PRESETS.parentCallMonthly,
      weeklyCallWhenAlone,
    ],
    checklists: builtinChecklistRegistry().with(wellbeingCheck),
    renderers: { "boarding-note": boardingReport },
  });
}
