import {
  LEGAL_RULES,
  REQUIRED_FILE_FIELDS,
  dateInZone,
  labelOf,
  text,
  type BoardingConvention,
  type ContactKind,
  type LivingArrangement,
  type Locale,
  type RiskLevel,
} from "@liushou/core";
import type { CareAnalysis } from "../care/analyse";
import { runCare, type CareReportInput } from "../care/run";
import { countBy, joinList, tr } from "../care/words";
import { figure, footnoteRef, paragraph, section, sentence } from "../model/build";
import type { Block, Chart, Footnote, Inline, KeyFigures, List, Report } from "../model/types";
import { createMasker } from "../privacy/mask";
import { definitionName, reportMeta } from "./options";

/**
 * Input of {@link workSummaryReport}: the care data, the scope (a school, a township or a
 * county), the policies the visits are checked against, the dates and the language.
 * @example
 * const input: WorkSummaryInput = { ...data, scope: { level: "school", id: "s1" }, asOf: "2026-06-30", generatedAt: "2026-07-01T09:00:00+08:00" };
 * @category Report builders
 */
export type WorkSummaryInput = CareReportInput;

const ARRANGEMENTS: readonly LivingArrangement[] = [
  "grandparents",
  "relatives",
  "entrusted",
  "alone",
  "parent",
];

/** "隔代监护 16 名" / "with grandparents 16": a label and its count. */
function labelled(l: Locale, label: string, n: number, unitZh: string, source?: string): Inline[] {
  return l === "zh-CN"
    ? sentence`${label} ${figure(n, "integer", source)} ${unitZh}`
    : sentence`${label} ${figure(n, "integer", source)}`;
}

const HIGH: ReadonlySet<RiskLevel | undefined> = new Set(["high", "critical"]);

/** What the sections say, gathered from the analysis once. */
interface Facts {
  l: Locale;
  a: CareAnalysis;
  name: string;
  leftBehind: number;
  /** Left-behind children whose file was opened in the period. */
  openedInPeriod: number;
  paired: number;
  keyCases: number;
  keyPaired: number;
  activePairings: number;
  activeMentors: number;
  contactsByKind: Map<string, number>;
  activities: { count: number; titles: string[] };
  wishes: { total: number; granted: number; pending: number };
  aid: { count: number; fen: number; goods: number; children: number };
  dropouts: number;
  incomplete: number;
  overdueHigh: number;
  mandatory: number;
  findingsByCode: [string, number][];
}

function gather(a: CareAnalysis, l: Locale): Facts {
  const { period, asOf, timeZone } = a.compliance;
  const inPeriod = (date: string) => date >= period.from && date <= period.to;
  const d = a.data;
  const lbIds = new Set(a.leftBehind.map((f) => f.id));
  const unpaired = new Set(a.unpaired.map((f) => f.id));
  const active = d.pairings.filter(
    (p) => lbIds.has(p.childId) && p.start <= asOf && (p.end === undefined || p.end >= asOf),
  );
  const keyCases = a.leftBehind.filter((f) => f.keyCase);
  const periodRecords = d.records.filter((r) => inPeriod(dateInZone(r.at, timeZone)));
  const periodActivities = d.activities.filter((x) => inPeriod(x.date));
  const periodAid = d.aid.filter((x) => inPeriod(x.date));
  const granted = d.wishes.filter((w) => w.status === "fulfilled" || w.status === "thanked");
  const pending = d.wishes.filter((w) => ["submitted", "approved", "claimed"].includes(w.status));
  const findingChildren = [...a.findings.values()].filter((f) => f.length > 0);
  const byCode = new Map<string, number>();
  for (const fs of findingChildren) {
    for (const code of new Set(fs.map((f) => f.code)))
      byCode.set(code, (byCode.get(code) ?? 0) + 1);
  }
  return {
    l,
    a,
    name: d.subject.name,
    leftBehind: a.leftBehind.length,
    openedInPeriod: a.leftBehind.filter((x) => x.openedOn !== undefined && inPeriod(x.openedOn))
      .length,
    paired: a.leftBehind.length - unpaired.size,
    keyCases: keyCases.length,
    keyPaired: keyCases.filter((f) => !unpaired.has(f.id)).length,
    activePairings: active.length,
    activeMentors: new Set(active.map((p) => p.mentorId)).size,
    contactsByKind: countBy(periodRecords, (r) => r.kind),
    activities: {
      count: periodActivities.length,
      titles: periodActivities.slice(0, 5).map((x) => x.title),
    },
    wishes: { total: d.wishes.length, granted: granted.length, pending: pending.length },
    aid: {
      count: periodAid.length,
      fen: periodAid.reduce((s, x) => s + (x.amountFen ?? 0), 0),
      goods: periodAid.reduce((s, x) => s + x.goods.reduce((g, i) => g + i.quantity, 0), 0),
      children: new Set(periodAid.flatMap((x) => x.childIds)).size,
    },
    dropouts: d.files.filter((f) => f.child.schooling.status === "dropped-out").length,
    incomplete: a.completeness.total.leftBehind - a.completeness.total.completeFiles,
    overdueHigh: a.work.overdue.filter((w) => HIGH.has(w.risk)).length,
    mandatory: findingChildren.filter((fs) => fs.some((f) => f.mandatoryReport)).length,
    findingsByCode: [...byCode].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)),
  };
}

function unit(l: Locale): { unit?: string } {
  return l === "zh-CN" ? { unit: "名" } : {};
}

function basic(f: Facts, convention: BoardingConvention): Block[] {
  const { l, a } = f;
  const t = a.stats.total;
  const src = "leftBehindStatistics.total";
  const arrangements = ARRANGEMENTS.filter((k) => t.byArrangement[k] > 0).map(
    (k) => [labelOf("livingArrangement", k, l), t.byArrangement[k]] as const,
  );
  const arrangementRuns: Inline[] = arrangements.flatMap(([label, n], i) => [
    ...(i > 0 ? sentence`${tr(l, "，", ", ")}` : []),
    ...labelled(l, label, n, "名", `${src}.byArrangement`),
  ]);
  const c = a.completeness.total;
  const lines: Inline[][] = [
    l === "zh-CN"
      ? sentence`截至 ${a.stats.asOf}，${f.name}共有在校学生 ${figure(t.totalPupils, "integer", `${src}.totalPupils`)} 名，其中留守儿童 ${figure(t.leftBehind, "integer", `${src}.leftBehind`)} 名${footnoteRef("definition")}`
      : sentence`On ${a.stats.asOf}, ${f.name} has ${figure(t.totalPupils, "integer", `${src}.totalPupils`)} pupils, of whom ${figure(t.leftBehind, "integer", `${src}.leftBehind`)} are left behind${footnoteRef("definition")}`,
    t.ratio === null
      ? sentence`${tr(l, "。", ".")}`
      : sentence`${tr(l, "，占 ", " (")}${figure(t.ratio, "percent", `${src}.ratio`)}${tr(l, "。", ").")}`,
  ];
  if (arrangements.length > 0) {
    lines.push(
      sentence`${tr(l, "按生活方式分：", " By living arrangement: ")}`,
      arrangementRuns,
      sentence`${tr(l, "；留守寄宿 ", "; boarding: ")}${figure(t.boarding, "integer", `${src}.boarding`)}${tr(l, " 名", "")}${footnoteRef("convention")}${tr(l, "。", ".")}`,
    );
  }
  lines.push(
    l === "zh-CN"
      ? sentence`已为 ${figure(c.withFile, "integer", "completenessReport.total.withFile")} 名留守儿童建立档案`
      : sentence` Files are open for ${figure(c.withFile, "integer", "completenessReport.total.withFile")} left-behind children`,
    l === "zh-CN"
      ? sentence`（本期新建 ${figure(f.openedInPeriod)} 份）`
      : sentence` (${figure(f.openedInPeriod)} opened this period)`,
    c.archiveRate === null
      ? sentence`${tr(l, "。", ".")}`
      : sentence`${tr(l, "，建档率 ", "; archive rate ")}${figure(c.archiveRate, "percent", "completenessReport.total.archiveRate")}${tr(l, "。", ".")}`,
  );
  const separate = convention === "boarding-separate";
  const keys = [...(separate ? (["boarding"] as const) : []), ...ARRANGEMENTS];
  const chart: Chart = {
    type: "chart",
    id: "arrangements",
    kind: "pie",
    title: tr(l, "留守儿童生活方式构成", "Left-behind children by living arrangement"),
    categories: keys.map((k) =>
      k === "boarding" ? tr(l, "留守寄宿", "boarding") : labelOf("livingArrangement", k, l),
    ),
    series: [
      {
        name: tr(l, "人数", "Children"),
        values: keys.map((k) => (k === "boarding" ? t.boarding : t.byArrangement[k])),
      },
    ],
    valueType: "integer",
  };
  const figures: KeyFigures = {
    type: "key-figures",
    items: [
      {
        label: tr(l, "留守儿童", "Left-behind children"),
        value: t.leftBehind,
        valueType: "integer",
        ...unit(l),
        source: `${src}.leftBehind`,
      },
      {
        label: tr(l, "建档率", "Archive rate"),
        value: c.archiveRate,
        valueType: "percent",
        source: "completenessReport.total.archiveRate",
      },
      {
        label: tr(l, "走访达标率", "Visit compliance"),
        value: a.overall?.rate ?? null,
        valueType: "percent",
        source: "rollUpCompliance.rate",
      },
      {
        label: tr(l, "尚未结对", "Without a mentor"),
        value: a.unpaired.length,
        valueType: "integer",
        ...unit(l),
        source: "unpaired",
      },
    ],
  };
  return [figures, paragraph(...lines), chart];
}

function measures(f: Facts): Block[] {
  const { l, a } = f;
  const blocks: Block[] = [];
  blocks.push(
    paragraph(
      l === "zh-CN"
        ? sentence`（一）结对帮扶。${figure(f.paired)} 名留守儿童已有帮扶人，在结对 ${figure(f.activePairings)} 对，参与帮扶 ${figure(f.activeMentors)} 人；重点帮扶对象 ${figure(f.keyCases)} 名，已结对 ${figure(f.keyPaired)} 名。`
        : sentence`(1) Pairing. ${figure(f.paired)} left-behind children have a mentor: ${figure(f.activePairings)} pairings in force with ${figure(f.activeMentors)} mentors; ${figure(f.keyPaired)} of ${figure(f.keyCases)} key cases are paired.`,
    ),
  );
  const policyLines: Inline[][] = [
    sentence`${tr(l, "（二）家访与联系。", "(2) Visits and calls. ")}`,
  ];
  for (const { policy, row } of a.byPolicy) {
    const name = policy.name[l];
    policyLines.push(
      row === undefined || row.assessed === 0
        ? sentence`${tr(l, `“${name}”本期尚无考核项。`, `"${name}": nothing assessed yet. `)}`
        : l === "zh-CN"
          ? sentence`“${name}”：考核 ${figure(row.assessed, "integer", "rollUpCompliance.assessed")} 项，达标 ${figure(row.met, "integer", "rollUpCompliance.met")} 项；应联系 ${figure(row.required, "integer", "rollUpCompliance.required")} 次，完成 ${figure(row.done, "integer", "rollUpCompliance.done")} 次。`
          : sentence`"${name}": ${figure(row.met, "integer", "rollUpCompliance.met")} of ${figure(row.assessed, "integer", "rollUpCompliance.assessed")} assessed met; ${figure(row.done, "integer", "rollUpCompliance.done")} of ${figure(row.required, "integer", "rollUpCompliance.required")} contacts made. `,
    );
  }
  if (f.contactsByKind.size > 0) {
    const kinds = [...f.contactsByKind].sort((x, y) => y[1] - x[1]);
    policyLines.push(sentence`${tr(l, "本期共记录：", "Recorded this period: ")}`);
    kinds.forEach(([kind, n], i) => {
      if (i > 0) policyLines.push(sentence`${tr(l, "，", ", ")}`);
      policyLines.push(labelled(l, labelOf("contactKind", kind as ContactKind, l), n, "次"));
    });
    policyLines.push(sentence`${tr(l, "。", ".")}`);
  }
  blocks.push(paragraph(...policyLines));
  blocks.push(
    paragraph(
      f.activities.count === 0
        ? sentence`${tr(l, "（三）关爱活动。本期未登记关爱活动。", "(3) Activities. No activity recorded this period.")}`
        : l === "zh-CN"
          ? sentence`（三）关爱活动。本期开展活动 ${figure(f.activities.count)} 次，如${joinList(
              l,
              f.activities.titles.map((x) => `“${x}”`),
            )}等。`
          : sentence`(3) Activities. ${figure(f.activities.count)} activities this period, such as ${joinList(
              l,
              f.activities.titles.map((x) => `"${x}"`),
            )}.`,
    ),
  );
  blocks.push(
    paragraph(
      l === "zh-CN"
        ? sentence`（四）微心愿与资助。登记微心愿 ${figure(f.wishes.total)} 个，已实现 ${figure(f.wishes.granted)} 个；本期资助 ${figure(f.aid.count)} 笔，资金 ${figure(f.aid.fen, "money-fen")}，物品 ${figure(f.aid.goods)} 件，惠及儿童 ${figure(f.aid.children)} 名。`
        : sentence`(4) Micro-wishes and aid. ${figure(f.wishes.granted)} of ${figure(f.wishes.total)} micro-wishes granted; ${figure(f.aid.count)} aid entries this period: ${figure(f.aid.fen, "money-fen")} in money and ${figure(f.aid.goods)} items of goods, reaching ${figure(f.aid.children)} children.`,
    ),
  );
  return blocks;
}

function results(f: Facts): Block[] {
  const { l, a } = f;
  const c = a.completeness.total;
  const o = a.overall;
  const levels = countBy(a.risk.values(), (r) => r.level);
  const lines: Inline[][] = [];
  if (o !== undefined && o.rate !== null) {
    lines.push(
      l === "zh-CN"
        ? sentence`走访联系考核达标率 ${figure(o.rate, "percent", "rollUpCompliance.rate")}`
        : sentence`Visit compliance reached ${figure(o.rate, "percent", "rollUpCompliance.rate")}`,
      o.contactRate === null
        ? sentence`${tr(l, "。", ". ")}`
        : sentence`${tr(l, "，联系完成率 ", ", with ")}${figure(o.contactRate, "percent", "rollUpCompliance.contactRate")}${tr(l, "。", " of contacts made. ")}`,
    );
  }
  if (c.leftBehind > 0) {
    lines.push(
      l === "zh-CN"
        ? sentence`建档率 ${figure(c.archiveRate ?? 0, "percent", "completenessReport.total.archiveRate")}，档案完整率 ${figure(c.completeRate ?? 0, "percent", "completenessReport.total.completeRate")}。`
        : sentence`Archive rate ${figure(c.archiveRate ?? 0, "percent", "completenessReport.total.archiveRate")}, complete files ${figure(c.completeRate ?? 0, "percent", "completenessReport.total.completeRate")}. `,
    );
  }
  const pupils = a.data.files.length;
  if (pupils > 0) {
    lines.push(
      l === "zh-CN"
        ? sentence`在册学生辍学 ${figure(f.dropouts)} 名，巩固率 ${figure(1 - f.dropouts / pupils, "percent")}${footnoteRef("retention")}。`
        : sentence`${figure(f.dropouts)} pupils dropped out; retention ${figure(1 - f.dropouts / pupils, "percent")}${footnoteRef("retention")}. `,
    );
  }
  const order: RiskLevel[] = ["critical", "high", "medium", "low"];
  const present = order.filter((k) => (levels.get(k) ?? 0) > 0);
  if (present.length > 0) {
    lines.push(sentence`${tr(l, "风险评估：", "Risk assessed: ")}`);
    present.forEach((k, i) => {
      if (i > 0) lines.push(sentence`${tr(l, "，", ", ")}`);
      const label = tr(l, `${labelOf("riskLevel", k, l)}风险`, labelOf("riskLevel", k, l));
      lines.push(labelled(l, label, levels.get(k)!, "名", "assessRisk.level"));
    });
    lines.push(sentence`${tr(l, "。", ".")}`);
  }
  return lines.length > 0 ? [paragraph(...lines)] : [];
}

function ruleTitle(code: string, l: Locale): string {
  return LEGAL_RULES.find((r) => r.code === code)?.title[l] ?? code;
}

function topMissing(f: Facts, n: number): string[] {
  const missing = f.a.completeness.total.missingByField;
  return Object.entries(missing)
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .slice(0, n)
    .map(([key]) => REQUIRED_FILE_FIELDS.find((x) => x.key === key)?.label[f.l] ?? key);
}

function problems(f: Facts): Block[] {
  const { l, a } = f;
  const items: Inline[][] = [];
  const o = a.overall;
  if (a.work.overdue.length > 0 || (o?.missed ?? 0) > 0) {
    items.push(
      l === "zh-CN"
        ? sentence`走访联系不到位：逾期未完成 ${figure(a.work.overdue.length, "integer", "workList.overdue")} 项（其中高风险及以上儿童 ${figure(f.overdueHigh)} 项），已错过 ${figure(o?.missed ?? 0, "integer", "rollUpCompliance.missed")} 项。`
        : sentence`Visits behind: ${figure(a.work.overdue.length, "integer", "workList.overdue")} overdue (${figure(f.overdueHigh)} for children at high or critical risk), ${figure(o?.missed ?? 0, "integer", "rollUpCompliance.missed")} missed.`,
    );
  }
  if (a.unpaired.length > 0) {
    items.push(
      l === "zh-CN"
        ? sentence`仍有 ${figure(a.unpaired.length)} 名留守儿童没有帮扶人。`
        : sentence`${figure(a.unpaired.length)} left-behind children have no mentor.`,
    );
  }
  if (f.incomplete > 0) {
    const fields = joinList(l, topMissing(f, 3));
    items.push(
      l === "zh-CN"
        ? sentence`${figure(f.incomplete, "integer", "completenessReport.total")} 份档案不完整或未建立，缺项较多的是${fields}。`
        : sentence`${figure(f.incomplete, "integer", "completenessReport.total")} files are incomplete or missing; most often missing: ${fields}.`,
    );
  }
  if (f.findingsByCode.length > 0) {
    const top = f.findingsByCode.slice(0, 3);
    items.push([
      ...sentence`${tr(l, "法律义务检查发现：", "Legal checks found: ")}`,
      ...top.flatMap(([code, n], i) => [
        ...sentence`${i > 0 ? tr(l, "；", "; ") : ""}`,
        ...labelled(l, `${ruleTitle(code, l)}${tr(l, "", ":")}`, n, "名", "checkLegalDuties"),
      ]),
      ...(f.mandatory > 0
        ? sentence`${tr(l, "；其中需强制报告 ", "; mandatory reports needed for ")}${figure(f.mandatory, "integer", "checkLegalDuties.mandatoryReport")}${tr(l, " 名", "")}`
        : []),
      ...sentence`${tr(l, "。", ".")}`,
    ]);
  }
  if (f.wishes.pending > 0) {
    items.push(
      l === "zh-CN"
        ? sentence`尚有 ${figure(f.wishes.pending)} 个微心愿未实现。`
        : sentence`${figure(f.wishes.pending)} micro-wishes are not yet granted.`,
    );
  }
  if (items.length === 0) {
    return [
      paragraph(sentence`${tr(l, "本期未发现突出问题。", "No significant gaps this period.")}`),
    ];
  }
  const list: List = { type: "list", ordered: true, items };
  return [list];
}

function nextSteps(f: Facts): Block[] {
  const { l, a } = f;
  const items: Inline[][] = [];
  if (a.work.overdue.length > 0) {
    items.push(
      l === "zh-CN"
        ? sentence`在宽限期内补齐逾期的 ${figure(a.work.overdue.length)} 项走访联系，高风险儿童优先。`
        : sentence`Make up the ${figure(a.work.overdue.length)} overdue visits and calls within the grace days, children at high risk first.`,
    );
  }
  for (const { policy, row } of a.byPolicy) {
    if (row?.rate === null || row === undefined || row.rate >= 1) continue;
    items.push(
      l === "zh-CN"
        ? sentence`落实“${policy.name[l]}”，将达标率由 ${figure(row.rate, "percent", "rollUpCompliance.rate")} 提高到 100%。`
        : sentence`Carry out "${policy.name[l]}": raise compliance from ${figure(row.rate, "percent", "rollUpCompliance.rate")} to 100%.`,
    );
  }
  if (a.unpaired.length > 0) {
    items.push(
      l === "zh-CN"
        ? sentence`为 ${figure(a.unpaired.length)} 名尚未结对的留守儿童安排帮扶人，重点帮扶对象优先。`
        : sentence`Find a mentor for the ${figure(a.unpaired.length)} unpaired children, key cases first.`,
    );
  }
  if (f.incomplete > 0) {
    items.push(
      l === "zh-CN"
        ? sentence`补齐 ${figure(f.incomplete)} 份档案，重点补录${joinList(l, topMissing(f, 3))}，实现建档率、完整率 100%。`
        : sentence`Complete ${figure(f.incomplete)} files, first ${joinList(l, topMissing(f, 3))}, to reach a 100% archive and completeness rate.`,
    );
  }
  for (const [code, n] of f.findingsByCode.slice(0, 3)) {
    const rule = LEGAL_RULES.find((r) => r.code === code);
    const cite = rule ? rule.article.citation[l] : "";
    items.push(
      l === "zh-CN"
        ? sentence`针对“${ruleTitle(code, l)}”的 ${figure(n)} 名儿童，依照${cite}逐一督促整改。`
        : sentence`Follow up the ${figure(n)} children with "${ruleTitle(code, l)}" under ${cite}.`,
    );
  }
  if (f.mandatory > 0) {
    items.push(
      l === "zh-CN"
        ? sentence`对 ${figure(f.mandatory)} 名需强制报告的儿童，依照《未成年人保护法》第十一条立即报告。`
        : sentence`Report the ${figure(f.mandatory)} children needing a mandatory report under Art. 11 of the Law on the Protection of Minors without delay.`,
    );
  }
  if (f.wishes.pending > 0) {
    items.push(
      l === "zh-CN"
        ? sentence`动员社会力量认领、实现剩余 ${figure(f.wishes.pending)} 个微心愿。`
        : sentence`Find donors for the remaining ${figure(f.wishes.pending)} micro-wishes.`,
    );
  }
  const names = joinList(
    l,
    a.policies.map((p) => `${tr(l, "“", '"')}${p.name[l]}${tr(l, "”", '"')}`),
  );
  items.push(
    sentence`${tr(l, `继续落实${names}，做到每名留守儿童都有人关心、有人帮扶。`, `Keep up ${names}, so that every left-behind child has someone who cares.`)}`,
  );
  return [{ type: "list", ordered: true, items }];
}

/**
 * The semester work summary (工作总结) of a school, township or county, in the structure the
 * summaries use: basic situation, main measures, results, problems and next steps. Every
 * sentence is filled from core's results — `leftBehindStatistics`, `completenessReport`,
 * `checkLegalDuties`, `assessRisk`, `evaluateCompliance`, `rollUpCompliance`, `workList` — so a
 * different school gives a different summary, and the next steps follow from its own gaps.
 * @param input - Care data, `scope`, `asOf`, `period`, `generatedAt`, and optionally `policies`, `definition`, `convention`, `locale`.
 * @returns The report (kind `work-summary`).
 * @throws ValidationError naming the field at fault.
 * @example
 * const report = workSummaryReport({ ...data, scope: { level: "school", id: "s1" }, asOf: "2026-06-30",
 *   period: { from: "2026-02-20", to: "2026-06-30" }, generatedAt: "2026-07-01T09:00:00+08:00" });
 * report.body.map((b) => b.type === "section" ? b.title : b.type) //=> ["paragraph", "一、基本情况", "二、主要措施", …]
 * @category Report builders
 */
export function workSummaryReport(input: WorkSummaryInput): Report {
  const { o, scoped, a } = runCare(input, text("工作总结选项", "work summary options"));
  const l = o.locale;
  const f = gather(a, l);
  const convention = a.stats.convention;
  const footnotes: Footnote[] = [
    { id: "definition", text: definitionName(input.definition, a.stats.definition)[l] },
    {
      id: "convention",
      text: tr(
        l,
        convention === "boarding-separate" ? "留守寄宿单列统计。" : "留守寄宿与生活方式交叉统计。",
        convention === "boarding-separate"
          ? "Boarders counted separately."
          : "Boarders also counted under their living arrangement.",
      ),
    },
    {
      id: "retention",
      text: tr(
        l,
        "巩固率 = 1 − 辍学人数 ÷ 在册学生数。",
        "Retention = 1 − dropouts ÷ pupils on the roll.",
      ),
    },
  ];
  const opening =
    l === "zh-CN"
      ? sentence`为切实做好关爱留守儿童工作，让每一名留守儿童都有人关心、有人帮扶，现将${f.name} ${o.period.from} 至 ${o.period.to} 的工作总结如下。`
      : sentence`This is the work summary of ${f.name} for ${o.period.from} to ${o.period.to}, on caring for left-behind children.`;
  return {
    kind: "work-summary",
    locale: l,
    title: tr(
      l,
      `${f.name}关爱留守儿童工作总结`,
      `${f.name}: work summary on left-behind children`,
    ),
    meta: reportMeta(
      o,
      scoped.subject,
      [
        { name: tr(l, "儿童档案", "Child files"), count: scoped.files.length },
        { name: tr(l, "结对", "Pairings"), count: scoped.pairings.length },
        { name: tr(l, "走访记录", "Contact records"), count: scoped.records.length },
        { name: tr(l, "活动", "Activities"), count: scoped.activities.length },
        { name: tr(l, "微心愿", "Micro-wishes"), count: scoped.wishes.length },
        { name: tr(l, "资助", "Aid"), count: scoped.aid.length },
      ],
      a.stats.definition,
    ),
    layout: { pageSize: "A4", orientation: "portrait" },
    body: [
      paragraph(opening),
      section("basic", tr(l, "一、基本情况", "1. Basic situation"), basic(f, convention)),
      section("measures", tr(l, "二、主要措施", "2. Main measures"), measures(f)),
      section("results", tr(l, "三、工作成效", "3. Results"), results(f)),
      section("problems", tr(l, "四、存在问题", "4. Problems"), problems(f)),
      section("next-steps", tr(l, "五、下一步打算", "5. Next steps"), nextSteps(f)),
    ],
    footnotes,
    privacy: createMasker(o.reveal, l).notice,
  };
}
