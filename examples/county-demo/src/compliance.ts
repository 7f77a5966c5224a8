import {
  rollUpCompliance,
  statisticsTableOf,
  type ChildRisk,
  type ComplianceReport,
  type Liushou,
} from "liushou";
import { SEMESTER } from "./county";
import { pct, type Say } from "./say";
import { storedValues } from "./stored";

/**
 * What the end of term found: the visit compliance, and the review of every child left behind
 * (official definition): classification, legal findings and risk.
 */
export interface ComplianceStep {
  readonly visits: ComplianceReport;
  readonly leftBehind: readonly ChildRisk[];
}

/** Schools printed one by one; the county line follows. */
const MAX_SCHOOL_ROWS = 10;

/**
 * Who is left behind under both definitions, the county table and the file completeness: each
 * counted by the library on the stored files (`app.statistics`, `app.completeness`), which the
 * app reads only masked.
 */
async function census(app: Liushou, leftBehind: readonly ChildRisk[], say: Say): Promise<void> {
  const asOf = SEMESTER.asOf;
  say.heading("谁是留守儿童", "Who is left behind");
  const official = await app.statistics({ asOf });
  const school = await app.statistics({
    asOf,
    definition: "school",
    convention: "boarding-overlaps",
    groupBy: "stage",
  });
  say.line(
    say.t(
      `国发〔2016〕13号口径：${official.total.leftBehind} 名；学校口径（父母一方外出即计）：${school.total.leftBehind} 名（共 ${official.total.totalPupils} 名学生）。`,
      `State Council 2016 definition: ${official.total.leftBehind}; the schools' definition (one parent away suffices): ${school.total.leftBehind} (of ${official.total.totalPupils} pupils).`,
    ),
  );
  for (const reason of leftBehind[0]?.classification.reasons ?? [])
    say.line(`  - ${say.l(reason.message)}`);

  say.heading("统计表", "Statistics table");
  const table = statisticsTableOf(school);
  say.table(
    [say.l(table.rowHeader), ...table.columns.map((c) => say.l(c.header))],
    [...table.rows, table.total].map((r) => [say.l(r.label), ...r.values.map(String)]),
  );
  say.line(say.l(table.note));

  say.heading("建档率", "File completeness");
  const all = (await app.completeness({ asOf, definition: "school", details: false })).total;
  say.line(
    say.t(
      `建档率 ${pct(all.archiveRate)}，档案完整率 ${pct(all.completeRate)}，字段填写率 ${pct(all.fieldRate)}。`,
      `Archive rate ${pct(all.archiveRate)}, complete files ${pct(all.completeRate)}, fields filled ${pct(all.fieldRate)}.`,
    ),
  );
}

/** The legal duties of every left-behind child, and the risk levels that follow. */
function legalChecks(leftBehind: readonly ChildRisk[], say: Say): void {
  say.heading("法律义务检查与风险等级", "Legal checks and risk");
  const levels = { low: 0, medium: 0, high: 0, critical: 0 };
  const byCode = new Map<string, number>();
  let mandatory = 0;
  for (const { findings, risk } of leftBehind) {
    for (const f of findings) byCode.set(f.code, (byCode.get(f.code) ?? 0) + 1);
    mandatory += findings.some((f) => f.mandatoryReport) ? 1 : 0;
    levels[risk.level] += 1;
  }
  for (const [code, n] of [...byCode].sort((a, b) => b[1] - a[1])) say.line(`  - ${code}: ${n}`);
  say.line(
    say.t(
      `需强制报告（第十一条）的儿童：${mandatory} 名`,
      `Children needing a mandatory report (Art. 11): ${mandatory}`,
    ),
  );
  say.line(
    `${say.t("风险等级分布：", "Risk levels:")} ${Object.entries(levels)
      .map(([level, n]) => `${level} ${n}`)
      .join(", ")}`,
  );
}

/**
 * The end of term, from what is stored: who is left behind, the county table, file
 * completeness, the visit compliance of the term by school with the work list
 * (`app.compliance`, `app.listDue`), the legal checks and the risk levels (`app.assessRisks`).
 * Every figure is computed by the library on the stored data; what the app reads is masked.
 * @param app - The use cases (configured with the visit policies).
 * @param say - Where the story goes.
 */
export async function reviewTerm(app: Liushou, say: Say): Promise<ComplianceStep> {
  // Classified, checked and assessed inside the library, on the stored (unmasked) files.
  const leftBehind = await app.assessRisks({ asOf: SEMESTER.asOf, leftBehindOnly: true });
  await census(app, leftBehind, say);

  say.heading("走访频次考核（2026 年 3–6 月）", "Visit compliance (March–June 2026)");
  const visits = await app.compliance({ period: SEMESTER.period, asOf: SEMESTER.asOf });
  const names = new Map(
    (await storedValues(app.storage.schools.stream({}))).map((s) => [s.id, s.name]),
  );
  const bySchool = rollUpCompliance(visits, { by: "school" });
  const rows = [
    ...bySchool.slice(0, MAX_SCHOOL_ROWS),
    ...rollUpCompliance(visits, { by: "county" }),
  ];
  say.table(
    [
      "",
      say.t("达标", "met"),
      say.t("未达标", "missed"),
      say.t("逾期", "overdue"),
      say.t("达标率", "rate"),
      say.t("走访完成率", "contacts done"),
    ],
    rows.map((r) => [
      r.by === "county" ? say.t("全县", "county") : (names.get(r.key) ?? r.key),
      String(r.met),
      String(r.missed),
      String(r.overdue),
      pct(r.rate),
      pct(r.contactRate),
    ]),
  );
  if (bySchool.length > MAX_SCHOOL_ROWS)
    say.line(
      say.t(
        `（另有 ${bySchool.length - MAX_SCHOOL_ROWS} 所学校未列出）`,
        `(${bySchool.length - MAX_SCHOOL_ROWS} more schools not shown)`,
      ),
    );
  const due = await app.listDue({ withinDays: 7, includeMissed: true, limit: 5 });
  say.line(say.t("最需要跟进的五项：", "Five items to follow up first:"));
  for (const item of due.overdue.slice(0, 5))
    say.line(
      `  - ${item.policyId} · ${item.subjectId} · ${item.risk ?? "—"} · ${say.t("缺", "short by")} ${item.shortBy}`,
    );
  legalChecks(leftBehind, say);
  return { visits, leftBehind };
}
