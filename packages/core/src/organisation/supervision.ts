import { text } from "../i18n";
import { definePolicy } from "../policies/presets";
import type { Policy } from "../policies/schema";
import { cite } from "../sources/cite";

const WEEKLY_MONTHLY = cite(
  "county",
  117,
  "帮扶教师人手一册《留守儿童包联关爱帮扶教育记录册》，实行周检查、月考核制度",
);

const WEEKLY_MONTHLY_SOURCE = {
  wording: "实行周检查、月考核制度",
  document: "a county Youth League report on a central school",
  documentZh: "紫阳团县委关爱留守儿童工作报道",
  citations: [WEEKLY_MONTHLY],
};

/**
 * The school's own supervision as policies, counted by `evaluateCompliance` from activities of
 * the school (`activities` with `schoolId`):
 * - `recordBookCheckWeekly`: the record books checked every school week (周检查, county summary
 *   L117), activity kind `record-book-check`;
 * - `teacherAppraisalMonthly`: the teachers appraised every month (月考核, same line), kind
 *   `teacher-appraisal`;
 * - `schoolAppraisalPerTerm`: the school appraised (“定期对学校和教师进行了考评” (county summary,
 *   L318)), kind `school-appraisal`; “定期” names no frequency: once a term is a library default;
 * - `workSummaryPerTerm`: one work summary a term (“学校每期进行一次“留守儿童”教育管理工作总结”
 *   (school summary, L186)), kind `work-summary`.
 * @example
 * SUPERVISION_PRESETS.recordBookCheckWeekly.requirement //=> { type: "count", min: 1, per: "week" }
 * @category Organisation
 */
export const SUPERVISION_PRESETS: Readonly<
  Record<
    | "recordBookCheckWeekly"
    | "teacherAppraisalMonthly"
    | "schoolAppraisalPerTerm"
    | "workSummaryPerTerm",
    Policy
  >
> = Object.freeze({
  recordBookCheckWeekly: definePolicy({
    id: "record-book-check-weekly",
    name: text("帮扶记录册每周检查", "Record books checked weekly"),
    level: "school",
    counts: { activityKinds: ["record-book-check"], unit: "days" },
    requirement: { type: "count", min: 1, per: "week" },
    calendar: "school",
    graceDays: 2,
    source: WEEKLY_MONTHLY_SOURCE,
  }),
  teacherAppraisalMonthly: definePolicy({
    id: "teacher-appraisal-monthly",
    name: text("帮扶教师每月考核", "Mentors appraised monthly"),
    level: "school",
    counts: { activityKinds: ["teacher-appraisal"], unit: "days" },
    requirement: { type: "count", min: 1, per: "month" },
    calendar: "school",
    graceDays: 5,
    source: WEEKLY_MONTHLY_SOURCE,
  }),
  schoolAppraisalPerTerm: definePolicy({
    id: "school-appraisal-per-term",
    name: text("每学期对学校考评一次", "The school appraised once a term"),
    description: text(
      "原文“定期”未规定频次；每学期一次是本库默认值。",
      "The summary says “regularly”; once a term is this library's default.",
    ),
    level: "school",
    counts: { activityKinds: ["school-appraisal"], unit: "days" },
    requirement: { type: "count", min: 1, per: "term" },
    calendar: "school",
    graceDays: 14,
    source: {
      wording: "定期对学校和教师进行了考评，作为奖优罚劣的重要依据",
      document: "a county education bureau's work summary",
      documentZh: "县教育局关爱留守儿童工作总结",
      citations: [cite("county", 318, "定期对学校和教师进行了考评，作为奖优罚劣的重要依据")],
    },
  }),
  workSummaryPerTerm: definePolicy({
    id: "work-summary-per-term",
    name: text("每学期一次工作总结", "One work summary a term"),
    level: "school",
    counts: { activityKinds: ["work-summary"], unit: "days" },
    requirement: { type: "count", min: 1, per: "term" },
    calendar: "school",
    graceDays: 14,
    source: {
      wording: "学校每期进行一次“留守儿童”教育管理工作总结",
      document: "a school's work summary",
      documentZh: "学校关爱留守儿童工作总结",
      citations: [
        cite("school", 186, "学校每期进行一次“留守儿童”教育管理工作总结"),
        cite("township", 267, "学校每期进行一次“留守儿童”教育管理工作总结"),
      ],
    },
  }),
});
