import {
  labelOf,
  text,
  type Locale,
  type Policy,
  type RiskLevel,
  type RollUpRow,
  type WorkItem,
} from "@liushou/core";
import { createLookup, type Lookup } from "../care/lookup";
import { runCare, type CareReportInput } from "../care/run";
import { countBy, tr } from "../care/words";
import { section } from "../model/build";
import type { Chart, KeyFigures, Report, Table, TableRow } from "../model/types";
import { createMasker } from "../privacy/mask";
import { reportMeta } from "./options";

/**
 * Input of {@link workListReport}: as the work summary's, with `withinDays` for the due-soon list.
 * @example
 * const input: WorkListInput = { ...data, scope: { level: "school", id: "s1" }, withinDays: 7, asOf: "2026-06-20", generatedAt: "2026-06-20T08:00:00+08:00" };
 * @category Report builders
 */
export type WorkListInput = CareReportInput;

const RISKS: readonly (RiskLevel | "none")[] = ["critical", "high", "medium", "low", "none"];

function riskLabel(l: Locale, risk: RiskLevel | undefined): string {
  return risk === undefined ? tr(l, "未评估", "not assessed") : labelOf("riskLevel", risk, l);
}

function complianceRow(l: Locale, name: string, key: string, r: RollUpRow | undefined): TableRow {
  return {
    key,
    cells: [
      name,
      r?.assessed ?? 0,
      r?.met ?? 0,
      r?.missed ?? 0,
      r?.overdue ?? 0,
      r?.due ?? 0,
      r?.rate ?? null,
      r?.contactRate ?? null,
    ],
  };
}

function itemTable(
  id: string,
  title: string,
  items: readonly WorkItem[],
  l: Locale,
  look: Lookup,
  policies: ReadonlyMap<string, Policy>,
  soon: boolean,
): Table {
  return {
    type: "table",
    id,
    title,
    columns: [
      { key: "risk", header: tr(l, "风险", "Risk"), type: "text" },
      { key: "keyCase", header: tr(l, "重点对象", "Key case"), type: "text" },
      { key: "child", header: tr(l, "儿童", "Child"), type: "text" },
      { key: "class", header: tr(l, "班级", "Class"), type: "text" },
      { key: "mentor", header: tr(l, "帮扶人", "Mentor"), type: "text" },
      { key: "policy", header: tr(l, "要求", "Policy"), type: "text" },
      { key: "due", header: tr(l, "截止日期", "Due"), type: "date" },
      soon
        ? { key: "daysLeft", header: tr(l, "剩余天数", "Days left"), type: "integer" }
        : { key: "daysLate", header: tr(l, "逾期天数", "Days late"), type: "integer" },
      { key: "shortBy", header: tr(l, "尚缺次数", "Short by"), type: "integer", total: "sum" },
    ],
    rows: items.map((w) => {
      const f = w.childId === undefined ? undefined : look.child(w.childId);
      return {
        key: `${w.policyId}/${w.subjectId}/${w.from}`,
        cells: [
          riskLabel(l, w.risk),
          w.keyCase ? tr(l, "是", "yes") : null,
          w.childId === undefined ? null : look.childName(w.childId),
          f ? look.className(f) || null : null,
          w.mentorId === undefined ? null : look.mentorName(w.mentorId),
          policies.get(w.policyId)?.name[l] ?? w.policyId,
          w.due,
          soon ? -w.daysLate : w.daysLate,
          w.shortBy,
        ],
      };
    }),
    notes: [
      tr(
        l,
        "按风险等级排序：极高、高、中、低，重点帮扶对象在前。",
        "Ordered by risk (critical first, key cases first), then by date.",
      ),
    ],
  };
}

/**
 * The compliance and work list of a school, township or county (走访考核与工作清单): the
 * compliance of each visit policy (`rollUpCompliance`), then what is overdue and what falls due
 * soon (`workList`), ordered by the risk core assessed for each child (`checkLegalDuties`,
 * `assessRisk`), with a chart of the open items by risk.
 * @param input - Care data, `scope`, `asOf`, `period`, `generatedAt`, and optionally `policies`, `withinDays`, `locale`.
 * @returns The report (kind `work-list`) with tables `compliance`, `overdue`, `due-soon`.
 * @throws ValidationError naming the field at fault.
 * @example
 * const report = workListReport({ ...data, scope: { level: "school", id: "s1" }, asOf: "2026-06-20", generatedAt: "2026-06-20T08:00:00+08:00" });
 * @category Report builders
 */
export function workListReport(input: WorkListInput): Report {
  const { o, scoped, a } = runCare(input, text("工作清单选项", "work list options"));
  const l = o.locale;
  const look = createLookup(scoped);
  const policies = new Map(a.compliance.policies.map((p) => [p.id, p]));
  const compliance: Table = {
    type: "table",
    id: "compliance",
    title: tr(l, "走访频次考核", "Visit compliance"),
    columns: [
      { key: "policy", header: tr(l, "要求", "Policy"), type: "text" },
      { key: "assessed", header: tr(l, "考核项", "Assessed"), type: "integer" },
      { key: "met", header: tr(l, "达标", "Met"), type: "integer" },
      { key: "missed", header: tr(l, "未达标", "Missed"), type: "integer" },
      { key: "overdue", header: tr(l, "逾期", "Overdue"), type: "integer" },
      { key: "due", header: tr(l, "待完成", "Due"), type: "integer" },
      { key: "rate", header: tr(l, "达标率", "Rate"), type: "percent" },
      { key: "contactRate", header: tr(l, "联系完成率", "Contacts made"), type: "percent" },
    ],
    rows: a.byPolicy.map(({ policy, row }) => complianceRow(l, policy.name[l], policy.id, row)),
    totals: complianceRow(l, tr(l, "合计", "Total"), "total", a.overall),
    notes: [
      tr(
        l,
        "达标率 = 达标项 ÷ 考核项（达标、未达标、逾期）；联系完成率 = 已完成次数 ÷ 应完成次数。",
        "Rate = met ÷ assessed (met, missed, overdue); contacts made = contacts done ÷ required.",
      ),
    ],
  };
  const overdueByRisk = countBy(a.work.overdue, (w) => w.risk ?? "none");
  const soonByRisk = countBy(a.work.dueSoon, (w) => w.risk ?? "none");
  const chart: Chart = {
    type: "chart",
    id: "open-by-risk",
    kind: "bar",
    title: tr(l, "待办事项（按风险等级）", "Open items by risk"),
    categories: RISKS.map((r) => riskLabel(l, r === "none" ? undefined : r)),
    series: [
      { name: tr(l, "逾期", "Overdue"), values: RISKS.map((r) => overdueByRisk.get(r) ?? 0) },
      { name: tr(l, "即将到期", "Due soon"), values: RISKS.map((r) => soonByRisk.get(r) ?? 0) },
    ],
    valueType: "integer",
    stacked: true,
  };
  const high = [...a.risk.values()].filter(
    (r) => r.level === "high" || r.level === "critical",
  ).length;
  const figures: KeyFigures = {
    type: "key-figures",
    items: [
      {
        label: tr(l, "逾期", "Overdue"),
        value: a.work.overdue.length,
        valueType: "integer",
        source: "workList.overdue",
      },
      {
        label: tr(l, "即将到期", "Due soon"),
        value: a.work.dueSoon.length,
        valueType: "integer",
        source: "workList.dueSoon",
      },
      {
        label: tr(l, "达标率", "Compliance"),
        value: a.overall?.rate ?? null,
        valueType: "percent",
        source: "rollUpCompliance.rate",
      },
      {
        label: tr(l, "高风险及以上儿童", "Children at high or critical risk"),
        value: high,
        valueType: "integer",
        source: "assessRisk.level",
      },
    ],
  };
  return {
    kind: "work-list",
    locale: l,
    title: tr(
      l,
      `${scoped.subject.name}走访考核与工作清单`,
      `${scoped.subject.name}: visit compliance and work list`,
    ),
    meta: reportMeta(
      o,
      scoped.subject,
      [
        { name: tr(l, "儿童档案", "Child files"), count: scoped.files.length },
        { name: tr(l, "结对", "Pairings"), count: scoped.pairings.length },
        { name: tr(l, "走访记录", "Contact records"), count: scoped.records.length },
      ],
      a.stats.definition,
    ),
    layout: { pageSize: "A4", orientation: "landscape" },
    body: [
      figures,
      section("compliance-section", tr(l, "一、考核情况", "1. Compliance"), [compliance]),
      section("overdue-section", tr(l, "二、逾期事项", "2. Overdue"), [
        itemTable(
          "overdue",
          tr(l, "逾期事项", "Overdue"),
          a.work.overdue,
          l,
          look,
          policies,
          false,
        ),
      ]),
      section("due-soon-section", tr(l, "三、即将到期", "3. Due soon"), [
        itemTable(
          "due-soon",
          tr(l, "即将到期事项", "Due soon"),
          a.work.dueSoon,
          l,
          look,
          policies,
          true,
        ),
        chart,
      ]),
    ],
    footnotes: [],
    privacy: createMasker(o.reveal, l).notice,
  };
}
