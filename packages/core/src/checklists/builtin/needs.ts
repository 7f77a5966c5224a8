import { defineChecklist } from "../engine";
import type { Checklist } from "../schema";
import { fromSummary, concern, libraryDefault, t, yesNo } from "./_shared";

/** Bands of a domain scale (sum of 0–3 concern items); the first range that holds wins. */
function domainBands(someFrom: number, highFrom: number) {
  return [
    {
      ranges: [
        { id: "high", label: t("需求高", "high need"), min: highFrom, risk: 6 },
        { id: "some", label: t("有需求", "some need"), min: someFrom, risk: 2 },
        { id: "low", label: t("需求低", "low need") },
      ],
    },
  ];
}

/**
 * The needs assessment (需求评估) over the five survey domains — study 学习, daily life 生活,
 * psychology 心理, safety 安全, health 健康 — and the five lacks (五缺). Domain items are rated
 * 0–3 (none, slight, clear, serious); one item is reverse-scored (learning motivation), one is
 * shown only for boarders, one only when school aversion is clear. Each domain scale prorates
 * when at most one item is missing. Feed the score to `needsProfile`.
 * @example
 * NEEDS_CHECKLIST.id //=> "liushou.needs"
 * @category Checklists
 */
export const NEEDS_CHECKLIST: Checklist = /*#__PURE__*/ defineChecklist({
  id: "liushou.needs",
  version: "1.0.0",
  title: t("留守儿童需求评估", "Left-behind child needs assessment"),
  description: t(
    "按学习、生活、心理、安全、健康五方面及“五缺”评估儿童需求，形成需求画像。",
    "Assesses a child's needs over study, daily life, psychology, safety and health and the five lacks, giving a needs profile.",
  ),
  source: [
    fromSummary(
      "street",
      73,
      "对他们的学习、生活、心理、安全、健康状况进行调查登记",
      t("五个调查领域", "the five survey domains"),
    ),
    fromSummary(
      "class-teacher",
      83,
      "生活上缺照顾、行为上缺管教、学习上缺辅导、思想道德上缺约束、安全上缺保障",
      t("五缺", "the five lacks"),
    ),
    fromSummary("community", 55, "营养不良，性格孤僻", t("典型问题", "typical problems")),
    fromSummary("community", 56, "成绩落后、厌学，甚至逃学", t("典型问题", "typical problems")),
    fromSummary("community", 57, "身心发育不健康", t("典型问题", "typical problems")),
    fromSummary(
      "school",
      46,
      "针对留守儿童“孤独、自卑、自弃”等不良心理",
      t("心理题目", "psychology items"),
    ),
    fromSummary(
      "class-teacher",
      93,
      "加上监护人的娇宠溺爱，导致孩子养成大把花钱、逃学、自暴自弃等不良行为",
      t("生活题目：溺爱与乱花钱", "daily-life item: spoiling and spending"),
    ),
    libraryDefault(
      "近一个月缺课 5 天及以上视为辍学风险；各领域需求分级",
      t(
        "阈值为本库默认值，原文未规定",
        "the thresholds are this library's defaults, not the summaries'",
      ),
    ),
  ],
  informants: ["teacher", "counsellor", "guardian", "parent", "other"],
  sections: [
    { id: "context", title: t("基本情况", "Context") },
    { id: "study", title: t("学习", "Study") },
    { id: "daily-life", title: t("生活", "Daily life") },
    { id: "psychology", title: t("心理", "Psychology") },
    { id: "safety", title: t("安全", "Safety") },
    { id: "health", title: t("健康", "Health") },
    { id: "five-lacks", title: t("五缺", "The five lacks") },
  ],
  items: [
    yesNo("boarding", "context", "是否在校寄宿", "Boards at school", 0, 0, { required: true }),
    concern("study_grades", "study", "成绩下滑或明显落后", "Falling or clearly low grades"),
    concern("study_aversion", "study", "厌学、逃学倾向", "School aversion or truancy"),
    {
      id: "absent_days",
      section: "study",
      kind: "number",
      min: 0,
      max: 31,
      integer: true,
      unit: t("天", "days"),
      label: t("近一个月缺课天数", "Days absent from school in the last month"),
      showIf: [{ item: "study_aversion", atLeast: 2 }],
    },
    concern(
      "study_homework",
      "study",
      "作业无人辅导、完成困难",
      "No help with homework, struggles to finish it",
    ),
    concern(
      "study_motivation",
      "study",
      "学习主动、有目标（反向计分）",
      "Learns willingly, has goals (reverse-scored)",
      { reverse: true },
    ),
    concern("life_meals", "daily-life", "饮食无规律或营养不良", "Irregular meals or malnutrition"),
    concern("life_selfcare", "daily-life", "生活自理能力差", "Poor self-care"),
    concern("life_spending", "daily-life", "乱花钱、被过度溺爱", "Spends money freely, spoiled"),
    concern("life_boarding", "daily-life", "寄宿生活适应困难", "Struggles with boarding life", {
      showIf: [{ item: "boarding", equals: true }],
    }),
    concern("psy_lonely", "psychology", "孤独、想念父母", "Lonely, misses the parents"),
    concern("psy_selfesteem", "psychology", "自卑、自弃", "Low self-esteem, gives up on self"),
    concern("psy_withdrawn", "psychology", "性格孤僻、不愿交流", "Withdrawn, avoids talking"),
    concern("psy_temper", "psychology", "脾气暴躁、常与同学冲突", "Quick temper, often fights"),
    concern(
      "safety_unsupervised",
      "safety",
      "放学后或节假日无人看护",
      "Unsupervised after school or on holidays",
    ),
    concern(
      "safety_hazards",
      "safety",
      "上学路上或住处附近有危险（水塘、公路）",
      "Hazards on the way to school or near home (ponds, roads)",
    ),
    concern(
      "safety_awareness",
      "safety",
      "缺乏自我保护意识",
      "Little awareness of self-protection",
    ),
    concern(
      "health_illness",
      "health",
      "患病未及时就医或有慢性病",
      "Illness untreated, or a chronic condition",
    ),
    concern("health_growth", "health", "身体发育迟缓", "Slow physical growth"),
    yesNo(
      "health_check",
      "health",
      "本学年已参加体检",
      "Had a health check this school year",
      0,
      2,
    ),
    yesNo("lack_care", "five-lacks", "生活上缺照顾", "Lacks care in daily life", 1, 0, {
      required: true,
    }),
    yesNo("lack_discipline", "five-lacks", "行为上缺管教", "Lacks discipline in behaviour", 1, 0, {
      required: true,
    }),
    yesNo("lack_tutoring", "five-lacks", "学习上缺辅导", "Lacks tutoring in study", 1, 0, {
      required: true,
    }),
    yesNo("lack_moral", "five-lacks", "思想道德上缺约束", "Lacks moral guidance", 1, 0, {
      required: true,
    }),
    yesNo("lack_safety", "five-lacks", "安全上缺保障", "Lacks safety protection", 1, 0, {
      required: true,
    }),
    {
      id: "notes",
      section: "context",
      kind: "text",
      maxLength: 1000,
      label: t("其他情况说明", "Other observations"),
    },
  ],
  scales: [
    {
      id: "study",
      label: t("学习需求", "Study needs"),
      items: ["study_grades", "study_aversion", "study_homework", "study_motivation"],
      prorate: { minAnswered: 3 },
      bands: domainBands(4, 8),
    },
    {
      id: "daily-life",
      label: t("生活需求", "Daily-life needs"),
      items: ["life_meals", "life_selfcare", "life_spending", "life_boarding"],
      prorate: { minAnswered: 2 },
      bands: domainBands(3, 6),
    },
    {
      id: "psychology",
      label: t("心理需求", "Psychological needs"),
      items: ["psy_lonely", "psy_selfesteem", "psy_withdrawn", "psy_temper"],
      prorate: { minAnswered: 3 },
      bands: domainBands(4, 8),
    },
    {
      id: "safety",
      label: t("安全需求", "Safety needs"),
      items: ["safety_unsupervised", "safety_hazards", "safety_awareness"],
      prorate: { minAnswered: 2 },
      bands: domainBands(3, 6),
    },
    {
      id: "health",
      label: t("健康需求", "Health needs"),
      items: ["health_illness", "health_growth", "health_check"],
      prorate: { minAnswered: 2 },
      bands: domainBands(3, 6),
    },
    {
      id: "total",
      label: t("需求总分", "Total needs"),
      scales: ["study", "daily-life", "psychology", "safety", "health"],
    },
    {
      id: "five-lacks",
      label: t("“五缺”项数", "Number of the five lacks"),
      items: ["lack_care", "lack_discipline", "lack_tutoring", "lack_moral", "lack_safety"],
      bands: [
        {
          ranges: [
            { id: "none", label: t("无", "none"), max: 0 },
            { id: "some", label: t("1–2 项", "one or two"), min: 1, max: 2, risk: 2 },
            { id: "many", label: t("3 项及以上", "three or more"), min: 3, risk: 5 },
          ],
        },
      ],
    },
  ],
  flags: [
    {
      id: "lack-care",
      label: t("生活上缺照顾", "Lacks care in daily life"),
      when: [
        { item: "lack_care", equals: true },
        { scale: "daily-life", bands: ["high"] },
      ],
      tags: ["lack:care", "domain:daily-life"],
    },
    {
      id: "lack-discipline",
      label: t("行为上缺管教", "Lacks discipline in behaviour"),
      when: [
        { item: "lack_discipline", equals: true },
        { item: "psy_temper", atLeast: 3 },
      ],
      tags: ["lack:discipline", "domain:psychology"],
    },
    {
      id: "lack-tutoring",
      label: t("学习上缺辅导", "Lacks tutoring in study"),
      when: [
        { item: "lack_tutoring", equals: true },
        { scale: "study", bands: ["high"] },
      ],
      tags: ["lack:tutoring", "domain:study"],
    },
    {
      id: "lack-moral-guidance",
      label: t("思想道德上缺约束", "Lacks moral guidance"),
      when: [{ item: "lack_moral", equals: true }],
      tags: ["lack:moral-guidance", "domain:psychology"],
    },
    {
      id: "lack-safety-protection",
      label: t("安全上缺保障", "Lacks safety protection"),
      when: [
        { item: "lack_safety", equals: true },
        { scale: "safety", bands: ["high"] },
      ],
      tags: ["lack:safety-protection", "domain:safety"],
    },
    {
      id: "dropout-risk",
      label: t(
        "辍学风险：近一个月缺课 5 天及以上",
        "Dropout risk: 5 or more days absent in the last month",
      ),
      when: [{ item: "absent_days", atLeast: 5 }],
      tags: ["domain:study"],
      risk: 5,
    },
  ],
});
