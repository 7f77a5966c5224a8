import { defineChecklist } from "../engine";
import type { Checklist } from "../schema";
import { fromSummary, libraryDefault, t, yesNo } from "./_shared";

const DONE_ANCHORS = [
  t("未做到", "not done"),
  t("较少做到", "rarely"),
  t("基本做到", "mostly"),
  t("较好做到", "well"),
  t("完全做到", "fully"),
];

function duty(id: string, section: string, zh: string, en: string) {
  return {
    id,
    section,
    kind: "likert" as const,
    min: 1,
    max: 5,
    anchors: DONE_ANCHORS,
    required: true,
    label: t(zh, en),
  };
}

/**
 * The school's review of a teacher mentor (考核) for one paired child: the four musts
 * (四个必须: know the child's situation, care for their inner growth, give the help needed,
 * correct bad habits) and "three more, two knows, one contact" (三多二知一沟通), with the
 * term's home visits and the record book. Rated 1–5; the total falls in the bands excellent
 * 优秀, good 良好, pass 合格 and fail 不合格. It carries no risk weight: it reviews the mentor,
 * not the child (the assessment's `childId` names the child of the pairing reviewed).
 * @example
 * MENTOR_REVIEW_CHECKLIST.id //=> "liushou.mentor-review"
 * @category Checklists
 */
export const MENTOR_REVIEW_CHECKLIST: Checklist = /*#__PURE__*/ defineChecklist({
  id: "liushou.mentor-review",
  version: "1.0.0",
  title: t("帮扶教师履职考核", "Mentor duties review"),
  source: [
    fromSummary(
      "school",
      236,
      "要求教师必须做到：1、掌握留守学生的基本情况。2、关怀学生的精神成长……3、提供必要的帮助，如在生活、学习、思想等方面。4、矫正不良行为习惯，转化“问题孩子”。",
      t("四个必须", "the four musts"),
    ),
    fromSummary(
      "class-teacher",
      98,
      "做到“三多”、“二知”、“一沟通”很重要。“三多”，即多与“留守儿童”谈心……多鼓励支持孩子参加学校的各项活动；多进行家访……“二知”即知道留守儿童的个人基本情况和家庭情况；“一沟通”即定期与留守儿童父母电话交流沟通",
      t("三多二知一沟通", "three more, two knows, one contact"),
    ),
    fromSummary(
      "county",
      117,
      "帮扶教师人手一册《留守儿童包联关爱帮扶教育记录册》，实行周检查、月考核制度",
      t("记录册与考核", "record book and review"),
    ),
    libraryDefault(
      "优秀 ≥ 45、良好 ≥ 38、合格 ≥ 30（满分 50）",
      t(
        "等级分界为本库默认值，原文未规定",
        "the band limits are this library's defaults, not the summaries'",
      ),
    ),
  ],
  sections: [
    { id: "four-musts", title: t("四个必须", "The four musts") },
    { id: "three-two-one", title: t("三多二知一沟通", "Three more, two knows, one contact") },
    { id: "records", title: t("记录与评语", "Records and comments") },
  ],
  items: [
    duty("knows_situation", "four-musts", "掌握留守学生的基本情况", "Knows the child's situation"),
    duty(
      "cares_inner_growth",
      "four-musts",
      "关怀学生的精神成长，弥补亲情缺失",
      "Cares for the child's inner growth",
    ),
    duty(
      "gives_help",
      "four-musts",
      "在生活、学习、思想等方面提供必要的帮助",
      "Gives the help needed in daily life, study and thinking",
    ),
    duty("corrects_habits", "four-musts", "矫正不良行为习惯", "Corrects bad habits"),
    duty("more_talks", "three-two-one", "多与留守儿童谈心", "Talks with the child often"),
    duty(
      "more_activities",
      "three-two-one",
      "多鼓励支持孩子参加学校活动",
      "Encourages the child to join school activities",
    ),
    duty("more_home_visits", "three-two-one", "多进行家访", "Visits the home often"),
    duty(
      "knows_child",
      "three-two-one",
      "知道孩子的个人基本情况",
      "Knows the child's own situation",
    ),
    duty(
      "knows_family",
      "three-two-one",
      "知道孩子的家庭情况",
      "Knows the child's family situation",
    ),
    duty(
      "contacts_parents",
      "three-two-one",
      "定期与孩子父母电话沟通",
      "Calls the parents regularly",
    ),
    {
      id: "home_visits_term",
      section: "records",
      kind: "number",
      min: 0,
      max: 100,
      integer: true,
      label: t("本学期家访次数", "Home visits this term"),
    },
    yesNo("record_book_complete", "records", "记录册填写完整", "The record book is complete", 1, 0),
    {
      id: "reviewed_on",
      section: "records",
      kind: "date",
      label: t("考核日期", "Date of the review"),
    },
    {
      id: "comment",
      section: "records",
      kind: "text",
      maxLength: 500,
      label: t("考核评语", "Reviewer's comment"),
    },
  ],
  scales: [
    {
      id: "four-musts",
      label: t("四个必须", "The four musts"),
      items: ["knows_situation", "cares_inner_growth", "gives_help", "corrects_habits"],
      prorate: { minAnswered: 3 },
    },
    {
      id: "three-two-one",
      label: t("三多二知一沟通", "Three more, two knows, one contact"),
      items: [
        "more_talks",
        "more_activities",
        "more_home_visits",
        "knows_child",
        "knows_family",
        "contacts_parents",
      ],
      prorate: { minAnswered: 5 },
    },
    {
      id: "total",
      label: t("考核总分", "Review total"),
      scales: ["four-musts", "three-two-one"],
      bands: [
        {
          ranges: [
            { id: "excellent", label: t("优秀", "excellent"), min: 45 },
            { id: "good", label: t("良好", "good"), min: 38 },
            { id: "pass", label: t("合格", "pass"), min: 30 },
            { id: "fail", label: t("不合格", "fail") },
          ],
        },
      ],
    },
  ],
  flags: [
    {
      id: "review-fail",
      label: t("考核不合格", "Review failed"),
      when: [{ scale: "total", bands: ["fail"] }],
      tags: ["mentor-review"],
    },
    {
      id: "no-home-visit",
      label: t("本学期未家访", "No home visit this term"),
      when: [{ item: "home_visits_term", atMost: 0 }],
      tags: ["mentor-review"],
    },
  ],
});
