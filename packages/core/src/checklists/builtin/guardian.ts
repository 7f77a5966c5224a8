import { defineChecklist } from "../engine";
import type { Checklist } from "../schema";
import { fromSummary, t, yesNo } from "./_shared";

/**
 * Suitability of a temporary guardian or entrusted carer (临时监护人 / 委托照护人): age,
 * health, guardianship capacity, the four disqualifications of Minors Protection Law Art. 22,
 * how the carer disciplines the child (the key item of the guardian register), rapport, and
 * whether the child's views were heard. Any disqualification puts the carer in the
 * `disqualified` band; a minor carer or one without full capacity raises a flag.
 * @example
 * GUARDIAN_SUITABILITY_CHECKLIST.id //=> "liushou.guardian-suitability"
 * @category Checklists
 */
export const GUARDIAN_SUITABILITY_CHECKLIST: Checklist = /*#__PURE__*/ defineChecklist({
  id: "liushou.guardian-suitability",
  version: "1.0.0",
  title: t("临时监护人（委托照护人）适任评估", "Temporary guardian (entrusted carer) suitability"),
  source: [
    {
      document: "Minors Protection Law of the PRC (2020), Art. 22",
      quote:
        "应当委托具有照护能力的完全民事行为能力人代为照护……有下列情形之一的，不得作为被委托人：曾实施性侵害、虐待、遗弃、拐卖、暴力伤害等违法犯罪行为；有吸毒、酗酒、赌博等恶习；曾拒不履行或者长期怠于履行监护、照护职责；其他不适宜担任被委托人的情形。",
      note: t(
        "四种不得作为被委托人的情形；听取未成年人意见",
        "the four disqualifications; the child's views are heard",
      ),
    },
    fromSummary(
      "class-teacher",
      97,
      "农村这样的老人文盲率超过70%，他们无法对孩子进行辅导，也很难与孩子进行思想交流",
      t("照护人辅导能力", "the carer's capacity to tutor"),
    ),
    fromSummary(
      "street",
      79,
      "对老年监护人（如儿童的爷爷奶奶、外公外婆等）给予一定的指导，帮助他们正确地管教留守儿童",
      t("管教方式", "discipline style"),
    ),
  ],
  sections: [
    { id: "carer", title: t("照护人情况", "The carer") },
    {
      id: "art22",
      title: t("不得作为被委托人的情形（第二十二条）", "Disqualifications (Art. 22)"),
    },
    { id: "care", title: t("照护与管教", "Care and discipline") },
  ],
  items: [
    {
      id: "carer_age",
      section: "carer",
      kind: "number",
      min: 0,
      max: 120,
      integer: true,
      required: true,
      unit: t("岁", "years"),
      label: t("照护人年龄", "Carer's age"),
    },
    {
      id: "carer_health",
      section: "carer",
      kind: "single-choice",
      required: true,
      label: t("照护人健康状况", "Carer's health"),
      options: [
        { value: "good", label: t("良好", "good"), score: 0 },
        { value: "chronic", label: t("有慢性病", "chronic illness"), score: 1 },
        { value: "serious", label: t("重病或残疾", "seriously ill or disabled"), score: 3 },
      ],
    },
    {
      id: "carer_capacity",
      section: "carer",
      kind: "single-choice",
      required: true,
      label: t("民事行为能力", "Legal capacity"),
      options: [
        { value: "full", label: t("完全民事行为能力", "full"), score: 0 },
        { value: "limited", label: t("限制民事行为能力", "limited"), score: 3 },
        { value: "none", label: t("无民事行为能力", "none"), score: 6 },
      ],
    },
    {
      id: "carer_literacy",
      section: "carer",
      kind: "single-choice",
      label: t("文化程度与辅导能力", "Literacy and capacity to tutor"),
      options: [
        { value: "can-tutor", label: t("能辅导功课", "can help with homework"), score: 0 },
        { value: "literate", label: t("识字但难以辅导", "literate, cannot tutor"), score: 1 },
        { value: "illiterate", label: t("文盲或半文盲", "illiterate or semi-literate"), score: 2 },
      ],
    },
    yesNo(
      "dq_abuse",
      "art22",
      "曾实施性侵害、虐待、遗弃、拐卖、暴力伤害等违法犯罪行为",
      "Has committed sexual abuse, maltreatment, abandonment, trafficking or violence",
      1,
      0,
      { required: true },
    ),
    yesNo(
      "dq_addiction",
      "art22",
      "有吸毒、酗酒、赌博等恶习",
      "Has a drug, alcohol or gambling habit",
      1,
      0,
      { required: true },
    ),
    yesNo(
      "dq_neglect",
      "art22",
      "曾拒不履行或长期怠于履行监护、照护职责",
      "Has refused or long neglected guardianship or care duties",
      1,
      0,
      { required: true },
    ),
    yesNo(
      "dq_other",
      "art22",
      "有其他不适宜担任被委托人的情形",
      "Is otherwise unsuitable to be entrusted",
      1,
      0,
      { required: true },
    ),
    {
      id: "discipline_style",
      section: "care",
      kind: "single-choice",
      required: true,
      label: t("管教方式", "How the carer disciplines the child"),
      options: [
        { value: "reasoning", label: t("说理引导", "reasons and guides"), score: 0 },
        { value: "strict", label: t("严厉", "strict"), score: 1 },
        { value: "inconsistent", label: t("时松时紧", "inconsistent"), score: 2 },
        { value: "indulgent", label: t("娇宠溺爱", "indulgent"), score: 2 },
        { value: "neglectful", label: t("放任不管", "neglectful"), score: 3 },
      ],
    },
    {
      id: "rapport",
      section: "care",
      kind: "likert",
      min: 1,
      max: 5,
      reverse: true,
      label: t("与孩子关系融洽（反向计分）", "Good rapport with the child (reverse-scored)"),
      anchors: [
        t("很差", "very poor"),
        t("较差", "poor"),
        t("一般", "fair"),
        t("较好", "good"),
        t("很好", "very good"),
      ],
    },
    yesNo(
      "child_views_heard",
      "care",
      "委托前听取了孩子的意见",
      "The child's views were heard before entrusting",
      0,
      1,
    ),
    {
      id: "other_children",
      section: "care",
      kind: "number",
      min: 0,
      max: 20,
      integer: true,
      label: t("同时照护的其他儿童人数", "Other children in the carer's care"),
    },
  ],
  scales: [
    {
      id: "disqualifications",
      label: t("不得作为被委托人的情形数", "Number of disqualifications"),
      items: ["dq_abuse", "dq_addiction", "dq_neglect", "dq_other"],
      bands: [
        {
          ranges: [
            { id: "none", label: t("无", "none"), max: 0 },
            { id: "disqualified", label: t("不得作为被委托人", "disqualified"), min: 1, risk: 20 },
          ],
        },
      ],
    },
    {
      id: "suitability",
      label: t("照护适任问题分", "Suitability concerns"),
      items: [
        "carer_health",
        "carer_capacity",
        "carer_literacy",
        "discipline_style",
        "rapport",
        "child_views_heard",
      ],
      prorate: { minAnswered: 4 },
      bands: [
        {
          ranges: [
            { id: "unsuitable", label: t("不适任", "unsuitable"), min: 8, risk: 8 },
            { id: "concerns", label: t("需指导", "needs guidance"), min: 4, risk: 3 },
            { id: "suitable", label: t("适任", "suitable") },
          ],
        },
      ],
    },
  ],
  flags: [
    {
      id: "carer-disqualified",
      label: t("照护人有第二十二条规定的不得委托情形", "The carer is disqualified under Art. 22"),
      when: [{ scale: "disqualifications", atLeast: 1 }],
      tags: ["art22", "domain:safety"],
    },
    {
      id: "carer-abuse",
      label: t(
        "照护人曾有侵害未成年人的违法犯罪行为：须依第十一条报告",
        "The carer has abused or harmed children: report under Art. 11",
      ),
      when: [{ item: "dq_abuse", equals: true }],
      tags: ["art22", "art11", "mandatory-report"],
      risk: 20,
    },
    {
      id: "carer-minor",
      label: t("照护人未成年", "The carer is a minor"),
      when: [{ item: "carer_age", atMost: 17 }],
      tags: ["art22"],
      risk: 10,
    },
    {
      id: "carer-no-full-capacity",
      label: t("照护人不具有完全民事行为能力", "The carer lacks full legal capacity"),
      when: [{ item: "carer_capacity", oneOf: ["limited", "none"] }],
      tags: ["art22"],
      risk: 8,
    },
    {
      id: "carer-elderly",
      label: t("照护人年满 70 岁", "The carer is 70 or older"),
      when: [{ item: "carer_age", atLeast: 70 }],
      tags: ["domain:daily-life"],
      risk: 1,
    },
  ],
});
