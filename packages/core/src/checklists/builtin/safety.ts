import { defineChecklist } from "../engine";
import type { Checklist } from "../schema";
import { fromSummary, concern, libraryDefault, t, yesNo } from "./_shared";

/**
 * The child's safety and living situation: Minors Protection Law Art. 21 (no child under 8
 * left unattended, no child under 16 living without a guardian), hazards, safety education,
 * the contact card and the safety responsibility letter. The flags `under-16-alone` and
 * `under-8-unattended` carry the tags `art21`, `art11` and `mandatory-report`.
 * @example
 * CHILD_SAFETY_CHECKLIST.id //=> "liushou.child-safety"
 * @category Checklists
 */
export const CHILD_SAFETY_CHECKLIST: Checklist = /*#__PURE__*/ defineChecklist({
  id: "liushou.child-safety",
  version: "1.0.0",
  title: t("儿童安全与居住状况检查", "Child safety and living situation"),
  source: [
    {
      document: "Minors Protection Law of the PRC (2020), Art. 21",
      quote:
        "未成年人的父母或者其他监护人不得使未满八周岁或者由于身体、心理原因需要特别照顾的未成年人处于无人看护状态，或者将其交由无民事行为能力、限制民事行为能力、患有严重传染性疾病或者其他不适宜的人员临时照护。未成年人的父母或者其他监护人不得使未满十六周岁的未成年人脱离监护单独生活。",
      note: t("无人看护与单独生活", "unattended and living alone"),
    },
    fromSummary(
      "school",
      170,
      "学校建立了留守儿童、学校、家长(监护人)、政府之间完备的联系方式和突发事件的应急机制。层层签订了安全责任书",
      t("应急机制与安全责任书", "emergency mechanism and safety responsibility letters"),
    ),
    fromSummary(
      "class-teacher",
      95,
      "而女生多缺乏自我保护意识……对学生进行法制教育，讲如何自我保护",
      t("安全教育", "safety education"),
    ),
    libraryDefault(
      "每天无人看护 4 小时及以上",
      t(
        "阈值为本库默认值，法律与原文未规定",
        "the threshold is this library's default, not the law's or the summaries'",
      ),
    ),
  ],
  sections: [
    { id: "living", title: t("居住状况（第二十一条）", "Living situation (Art. 21)") },
    { id: "risks", title: t("安全隐患与保障", "Hazards and protection") },
  ],
  items: [
    {
      id: "child_age",
      section: "living",
      kind: "number",
      min: 0,
      max: 18,
      integer: true,
      required: true,
      unit: t("周岁", "years"),
      label: t("儿童周岁年龄", "Child's age in completed years"),
    },
    yesNo(
      "lives_alone",
      "living",
      "独自生活（无成年监护人同住）",
      "Lives alone (no adult guardian in the home)",
      1,
      0,
      { required: true },
    ),
    yesNo(
      "left_unattended",
      "living",
      "曾被单独留在家中无人看护",
      "Has been left at home unattended",
      1,
      0,
      { required: true },
    ),
    {
      id: "unattended_hours",
      section: "living",
      kind: "number",
      min: 0,
      max: 24,
      unit: t("小时/天", "hours a day"),
      label: t("每天无人看护的时长", "Hours a day without an adult present"),
      showIf: [{ item: "left_unattended", equals: true }],
    },
    concern(
      "hazards",
      "risks",
      "住处或上学路上有危险（水塘、公路、危房）",
      "Hazards at home or on the way to school (ponds, roads, unsafe buildings)",
    ),
    {
      id: "home_condition",
      section: "risks",
      kind: "single-choice",
      label: t("住房安全状况", "Safety of the home"),
      options: [
        { value: "safe", label: t("安全", "safe"), score: 0 },
        { value: "some-hazards", label: t("有隐患", "some hazards"), score: 1 },
        { value: "unsafe", label: t("不安全", "unsafe"), score: 3 },
      ],
    },
    yesNo(
      "safety_education",
      "risks",
      "接受过防溺水、交通、防侵害等安全教育",
      "Has had safety education (drowning, traffic, abuse)",
      0,
      1,
    ),
    yesNo(
      "knows_emergency_contacts",
      "risks",
      "知道紧急联系人及电话（联系卡）",
      "Knows the emergency contacts (contact card)",
      0,
      2,
    ),
    yesNo(
      "responsibility_letter",
      "risks",
      "监护人已签订安全责任书",
      "The guardian has signed the safety responsibility letter",
      0,
      1,
    ),
  ],
  scales: [
    {
      id: "safety",
      label: t("安全隐患分", "Safety concerns"),
      items: [
        "hazards",
        "home_condition",
        "safety_education",
        "knows_emergency_contacts",
        "responsibility_letter",
      ],
      prorate: { minAnswered: 3 },
      bands: [
        {
          ranges: [
            { id: "high", label: t("隐患多", "many concerns"), min: 6, risk: 6 },
            { id: "medium", label: t("有隐患", "some concerns"), min: 3, risk: 3 },
            { id: "low", label: t("隐患少", "few concerns") },
          ],
        },
      ],
    },
  ],
  flags: [
    {
      id: "under-16-alone",
      label: t("未满十六周岁独自生活（第二十一条）", "Under 16 and living alone (Art. 21)"),
      when: [
        { item: "child_age", atMost: 15 },
        { item: "lives_alone", equals: true },
      ],
      match: "all",
      tags: ["art21", "art11", "mandatory-report", "lack:safety-protection"],
      risk: 20,
    },
    {
      id: "under-8-unattended",
      label: t("未满八周岁无人看护（第二十一条）", "Under 8 and left unattended (Art. 21)"),
      when: [
        { item: "child_age", atMost: 7 },
        { item: "left_unattended", equals: true },
      ],
      match: "all",
      tags: ["art21", "art11", "mandatory-report", "lack:safety-protection"],
      risk: 25,
    },
    {
      id: "long-unattended",
      label: t("每天无人看护 4 小时及以上", "Unattended 4 hours a day or more"),
      when: [{ item: "unattended_hours", atLeast: 4 }],
      tags: ["lack:safety-protection", "domain:safety"],
      risk: 3,
    },
  ],
});
