/**
 * A walk through Liushou on one synthetic school: who is left behind, the county-style
 * statistics table, file completeness, pairing with explanations, visit compliance with a work
 * list, the census at the term's start and the appraisal of the school, legal checks and risk,
 * and a change to a child's file kept as history.
 *
 * Run with `pnpm demo` (Chinese) or `pnpm demo --en` (English).
 */
import {
  CENSUS_PRESETS,
  EXAMPLE_CALENDAR_2025_26,
  POLICY_PRESETS,
  SUPERVISION_PRESETS,
  appraiseSchool,
  censusStatus,
  checkOrganisation,
  enrolmentStatistics,
  TEACHER_PAIRING_PRESET,
  assessRisk,
  checkLegalDuties,
  classifyLeftBehind,
  completenessReport,
  evaluateCompliance,
  explainWhyNot,
  addDays,
  fileAsOf,
  groupRecordsByChild,
  localize,
  planPairings,
  rollUpCompliance,
  statisticsTable,
  text,
  updateChildFile,
  workList,
  type Locale,
  type LocalizedText,
} from "@liushou/core";
import { generatePopulation } from "@liushou/fixtures";
import { printTable } from "./print";

const locale: Locale = process.argv.includes("--en") ? "en" : "zh-CN";
const t = (zh: string, en: string) => localize(text(zh, en), locale);
const l = (value: LocalizedText) => localize(value, locale);
const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)}%`);
const heading = (zh: string, en: string) => console.log(`\n## ${t(zh, en)}\n`);

const asOf = "2026-06-30";
const population = generatePopulation({ preset: "school", seed: "demo", asOf });
const { files, mentors, pairings, records, classes, schools } = population;
console.log(
  t(
    `合成数据：${schools.length} 所学校，${classes.length} 个班，${files.length} 名学生，${mentors.length} 名帮扶人，${records.length} 条走访记录（截至 ${asOf}）。`,
    `Synthetic data: ${schools.length} school(s), ${classes.length} classes, ${files.length} pupils, ${mentors.length} mentors, ${records.length} contact records (as of ${asOf}).`,
  ),
);

heading("谁是留守儿童", "Who is left behind");
const official = files.filter((f) => classifyLeftBehind(f, { asOf }).leftBehind);
const school = files.filter(
  (f) => classifyLeftBehind(f, { asOf, definition: "school" }).leftBehind,
);
console.log(
  t(
    `国发〔2016〕13号口径：${official.length} 名；学校口径（父母一方外出即计）：${school.length} 名。`,
    `State Council 2016 definition: ${official.length}; the schools' definition (one parent away suffices): ${school.length}.`,
  ),
);
const example = official[0]!;
for (const reason of classifyLeftBehind(example, { asOf }).reasons)
  console.log(`  - ${l(reason.message)}`);

heading("统计表", "Statistics table");
const table = statisticsTable(files, {
  asOf,
  definition: "school",
  convention: "boarding-overlaps",
});
printTable(
  [l(table.rowHeader), ...table.columns.map((c) => l(c.header))],
  [...table.rows, table.total].map((r) => [l(r.label), ...r.values.map(String)]),
);
console.log(l(table.note));

heading("建档率", "File completeness");
const completeness = completenessReport(files, { asOf, definition: "school", details: false });
const all = completeness.total;
console.log(
  t(
    `建档率 ${pct(all.archiveRate)}，档案完整率 ${pct(all.completeRate)}，字段填写率 ${pct(all.fieldRate)}。`,
    `Archive rate ${pct(all.archiveRate)}, complete files ${pct(all.completeRate)}, fields filled ${pct(all.fieldRate)}.`,
  ),
);

heading("结对帮扶", "Pairing");
const pairingInput = {
  children: files,
  definition: "state-council-2016" as const, // pair only the left-behind; end the others' pairs
  mentors,
  existing: pairings,
  rules: TEACHER_PAIRING_PRESET,
  asOf,
  classes,
};
const plan = planPairings(pairingInput);
const noLonger = plan.diff.ended.filter(
  (e) => e.pairing.endReason === "no-longer-left-behind",
).length;
console.log(
  t(
    `结对 ${plan.pairs.length} 对（保留 ${plan.diff.kept.length}，新增 ${plan.diff.added.length}，结束 ${plan.diff.ended.length}，其中 ${noLonger} 对因儿童不再留守而结束），未结对 ${plan.unmatched.length} 名；重点对象 ${plan.stats.priorityMatched}/${plan.stats.priorityChildren} 已结对。`,
    `${plan.pairs.length} pairs (kept ${plan.diff.kept.length}, added ${plan.diff.added.length}, ended ${plan.diff.ended.length}, ${noLonger} of them because the child is no longer left behind), ${plan.unmatched.length} children unmatched; key cases paired: ${plan.stats.priorityMatched}/${plan.stats.priorityChildren}.`,
  ),
);
const pair = plan.pairs[0];
if (pair) {
  console.log(
    t(
      `第一对的得分构成（共 ${pair.score} 分）：`,
      `Score of the first pair (${pair.score} points):`,
    ),
  );
  for (const term of pair.breakdown)
    console.log(`  - ${term.rule}: ${term.points} (${l(term.explanation)})`);
  const other = mentors.find((m) => m.kind === "class-teacher" && m.id !== pair.pairing.mentorId);
  if (other) {
    const why = explainWhyNot(pairingInput, plan, pair.pairing.childId, other.id);
    console.log(t(`为什么不与 ${other.name} 结对：`, `Why not ${other.name}:`), l(why.message));
  }
}
const unmatched = plan.unmatched[0];
if (unmatched) console.log(t("未结对原因：", "Why a child got nobody:"), l(unmatched.message));

heading("走访频次考核（2026 年 3–6 月）", "Visit compliance (March–June 2026)");
const report = evaluateCompliance({
  policies: [
    POLICY_PRESETS.homeVisitMonthly,
    POLICY_PRESETS.parentCallMonthly,
    POLICY_PRESETS.counsellorVisitTwiceMonthly,
  ],
  children: files,
  mentors,
  pairings,
  records,
  period: { from: "2026-03-01", to: "2026-06-30" },
  asOf,
});
for (const row of rollUpCompliance(report, { by: "school" })) {
  console.log(
    t(
      `学校 ${row.key}：达标 ${row.met}，未达标 ${row.missed}，逾期 ${row.overdue}，达标率 ${pct(row.rate)}，走访完成率 ${pct(row.contactRate)}`,
      `School ${row.key}: met ${row.met}, missed ${row.missed}, overdue ${row.overdue}, rate ${pct(row.rate)}, contacts done ${pct(row.contactRate)}`,
    ),
  );
}
const work = workList(report, { withinDays: 7, includeMissed: true, limit: 5 });
console.log(t("最需要跟进的五项：", "Five items to follow up first:"));
for (const item of work.overdue) {
  console.log(
    `  - ${item.policyId} · ${item.subjectId} · ${item.risk ?? "—"} · ${t("缺", "short by")} ${item.shortBy}`,
  );
}

heading("开学初摸底与学校考评", "The census at the term's start and the school's appraisal");
// Census checks and the school's weekly record-book checks, derived from the synthetic files:
// most children verified in the first weeks of the spring term with a village cadre, a few
// without one or not at all; record books checked in most weeks.
const censusRecords = school.flatMap((f, i) =>
  i % 9 === 8
    ? []
    : [
        {
          id: `census-${f.id}`,
          childId: f.id,
          verifiedOn:
            `2026-03-${String(3 + (i % 20)).padStart(2, "0")}` as `${number}-${number}-${number}`,
          takers:
            i % 7 === 6
              ? (["class-teacher"] as const)
              : (["class-teacher", "village-cadre"] as const),
        },
      ],
);
const census = censusStatus({
  childIds: school.map((f) => f.id),
  records: censusRecords.map((r) => ({ ...r, takers: [...r.takers] })),
  policy: CENSUS_PRESETS.termStart,
  calendar: EXAMPLE_CALENDAR_2025_26,
  asOf,
});
console.log(
  t(
    `${l(census.round.label)}开学初摸底（班主任联系村委干部，${census.round.deadline} 前）：已核实 ${census.verified}，逾期 ${census.overdue}，核实率 ${pct(census.rate)}`,
    `Census of ${l(census.round.label)} (class teacher with village cadres, by ${census.round.deadline}): verified ${census.verified}, overdue ${census.overdue}, rate ${pct(census.rate)}`,
  ),
);
const lastChecked = census.rows.find((r) => r.state === "overdue");
if (lastChecked) {
  console.log(
    t(
      `  例：${lastChecked.childId} 上次核实 ${lastChecked.lastVerifiedOn ?? "从未"}`,
      `  e.g. ${lastChecked.childId} last verified ${lastChecked.lastVerifiedOn ?? "never"}`,
    ),
  );
}
const enrolment = enrolmentStatistics({ files, from: "2025-09-01", asOf });
console.log(
  t(
    `入学率 ${pct(enrolment.enrolmentRate)}，巩固率 ${pct(enrolment.retentionRate)}，本学年辍学 ${enrolment.dropouts.length} 人`,
    `Enrolment ${pct(enrolment.enrolmentRate)}, retention ${pct(enrolment.retentionRate)}, dropouts this school year: ${enrolment.dropouts.length}`,
  ),
);
const schoolId = schools[0]!.id;
const weeks = Array.from({ length: 17 }, (_, w) => w).filter((w) => w % 6 !== 5);
const supervision = evaluateCompliance({
  policies: [
    SUPERVISION_PRESETS.recordBookCheckWeekly,
    SUPERVISION_PRESETS.teacherAppraisalMonthly,
  ],
  children: files,
  mentors,
  pairings,
  records: [],
  activities: [
    ...weeks.map((w) => ({
      id: `check-${w}`,
      kind: "record-book-check" as const,
      title: "帮扶记录册周检查",
      date: addDays("2026-03-06", 7 * w),
      schoolId,
    })),
    ...["2026-03-31", "2026-04-30", "2026-05-29"].map((date, i) => ({
      id: `appraisal-${i}`,
      kind: "teacher-appraisal" as const,
      title: "帮扶教师月考核",
      date: date as `${number}-${number}-${number}`,
      schoolId,
    })),
  ],
  calendar: EXAMPLE_CALENDAR_2025_26,
  period: { from: "2026-03-02", to: "2026-06-30" },
  asOf,
});
const classIds = [...new Set(school.map((f) => f.child.classId).filter((k) => k !== undefined))];
const teachers = mentors.filter((m) => m.kind === "class-teacher" && m.schoolId === schoolId);
const organisation = checkOrganisation(
  {
    schoolId,
    head: "principal",
    members: [
      { personId: "principal", role: "principal" },
      { personId: "deputy", role: "deputy-principal" },
      ...teachers.map((m) => ({
        personId: m.id,
        role: "class-teacher" as const,
        classIds: m.classIds,
      })),
    ],
  },
  classIds,
);
for (const f of organisation) console.log(`  - ${l(f.message)}`);
const appraisal = appraiseSchool({
  schoolId,
  completeness: completenessReport(files, {
    asOf,
    definition: "school",
    groupBy: "school",
    details: false,
  }),
  census,
  visits: report,
  supervision,
  enrolment,
  organisation,
});
console.log(
  t(
    `学校 ${schoolId} 考评：${appraisal.score ?? "—"} 分（${appraisal.band ? l(appraisal.band.label) : "—"}）`,
    `Appraisal of school ${schoolId}: ${appraisal.score ?? "—"} points (${appraisal.band ? l(appraisal.band.label) : "—"})`,
  ),
);
printTable(
  [t("项目", "criterion"), t("权重", "weight"), t("实测", "measured"), t("得分", "points")],
  appraisal.lines.map((line) => [
    l(line.name),
    String(line.weight),
    pct(line.value),
    line.points === null ? "—" : line.points.toFixed(1),
  ]),
);

heading("法律义务检查与风险等级", "Legal checks and risk");
const levels = { low: 0, medium: 0, high: 0, critical: 0 };
const byCode = new Map<string, number>();
let reports = 0;
const recordsByChild = groupRecordsByChild(records);
for (const file of official) {
  const findings = checkLegalDuties(file, { asOf, records: recordsByChild.get(file.id) ?? [] });
  for (const f of findings) byCode.set(f.code, (byCode.get(f.code) ?? 0) + 1);
  reports += findings.some((f) => f.mandatoryReport) ? 1 : 0;
  levels[assessRisk(file, { asOf, findings }).level] += 1;
}
for (const [code, n] of [...byCode].sort((a, b) => b[1] - a[1])) console.log(`  - ${code}: ${n}`);
console.log(
  t(
    `需强制报告（第十一条）的儿童：${reports} 名`,
    `Children needing a mandatory report (Art. 11): ${reports}`,
  ),
);
console.log(t("风险等级分布：", "Risk levels:"), levels);

heading("动态档案", "The dynamic file");
const { file: updated, change } = updateChildFile(
  example,
  (draft) => {
    draft.child.interests = "画画、踢毽子";
  },
  { actor: "teacher-1", at: "2026-06-30T10:00:00+08:00", reason: "家访后补充兴趣爱好" },
);
console.log(
  t(
    `修改记录：${change.patches.length} 处变更，原因：${change.reason}`,
    `Change: ${change.patches.length} patch(es), reason: ${change.reason}`,
  ),
);
console.log(
  t("修改前的档案可按日期还原：", "The file as it was can be rebuilt:"),
  fileAsOf(example, [change], "2026-06-29").child.interests ?? "—",
);
console.log(t("修改后：", "After:"), updated.child.interests);
