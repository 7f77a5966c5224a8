import { defineChecklist } from "../engine";
import type { Checklist } from "../schema";
import { fromSummary, t, yesNo } from "./_shared";

/**
 * Migrant parents' contact and level of care: the weekly contact and written notice of
 * Minors Protection Law Art. 23, the parents' "five ones" (五个一: the summary lists a weekly
 * call, a monthly contact with the class teacher and with a subject teacher, and coming home at
 * least once a year), and the four levels of parental care (material only → adapting to the
 * child's growth).
 * @example
 * PARENT_CONTACT_CHECKLIST.id //=> "liushou.parent-contact"
 * @category Checklists
 */
export const PARENT_CONTACT_CHECKLIST: Checklist = /*#__PURE__*/ defineChecklist({
  id: "liushou.parent-contact",
  version: "1.0.0",
  title: t("外出务工父母联系与关爱程度", "Migrant parents' contact and level of care"),
  source: [
    fromSummary(
      "class-teacher",
      292,
      "“五个一”活动，即：每周一个电话，每月与班主任联系一次，每月与科任教师联系一次，每年至少回家一次",
      t("五个一（原文列出四项）", "the five ones (the text lists four)"),
    ),
    fromSummary(
      "city",
      26,
      "父母对孩子的关爱一般有四个层次，第一层次是只给孩子提供物质上的供给;第二层次是给予孩子物质需求以及适当的爱，陪伴孩子成长;第三层次是了解孩子在不同阶段的不同需要并给予适当的供给;第四层次是家长去适应孩子的成长。",
      t("父母关爱的四个层次", "the four levels of parental care"),
    ),
    {
      document: "Minors Protection Law of the PRC (2020), Art. 23",
      quote:
        "未成年人的父母或者其他监护人应当及时将委托照护情况书面告知未成年人所在学校、幼儿园和实际居住地的居民委员会、村民委员会，加强和未成年人所在学校、幼儿园的沟通；与未成年人、被委托人至少每周联系和交流一次",
      note: t("书面告知与每周联系", "written notice and weekly contact"),
    },
  ],
  informants: ["teacher", "counsellor", "guardian", "parent", "other"],
  sections: [
    { id: "art23", title: t("法定联系（第二十三条）", "Contact required by law (Art. 23)") },
    { id: "five-ones", title: t("五个一", "The five ones") },
    { id: "care", title: t("关爱层次", "Level of care") },
  ],
  items: [
    {
      id: "calls_per_week",
      section: "art23",
      kind: "number",
      min: 0,
      max: 50,
      integer: true,
      label: t(
        "父母平均每周与孩子联系次数",
        "Parents' contacts with the child per week, on average",
      ),
    },
    {
      id: "weeks_without_contact",
      section: "art23",
      kind: "number",
      min: 0,
      max: 4,
      integer: true,
      required: true,
      label: t(
        "近四周中父母与孩子没有任何联系的周数",
        "Weeks of the last four without any contact between parents and child",
      ),
    },
    yesNo(
      "contacts_carer_weekly",
      "art23",
      "父母每周与照护人联系",
      "The parents contact the carer every week",
      0,
      2,
    ),
    yesNo(
      "written_notice",
      "art23",
      "已将委托照护情况书面告知学校和村（居）委会",
      "The school and village committee were told in writing who cares for the child",
      0,
      1,
    ),
    yesNo("weekly_call", "five-ones", "每周一个电话", "A phone call every week", 0, 1, {
      required: true,
    }),
    yesNo(
      "class_teacher_monthly",
      "five-ones",
      "每月与班主任联系一次",
      "Contacts the class teacher monthly",
      0,
      1,
      { required: true },
    ),
    yesNo(
      "subject_teacher_monthly",
      "five-ones",
      "每月与科任教师联系一次",
      "Contacts a subject teacher monthly",
      0,
      1,
      { required: true },
    ),
    yesNo("home_yearly", "five-ones", "每年至少回家一次", "Comes home at least once a year", 0, 2, {
      required: true,
    }),
    {
      id: "care_level",
      section: "care",
      kind: "single-choice",
      required: true,
      label: t("父母关爱层次", "Level of parental care"),
      options: [
        {
          value: "level-1",
          label: t("第一层次：只提供物质供给", "level 1: material support only"),
          score: 3,
        },
        {
          value: "level-2",
          label: t(
            "第二层次：物质加适当的爱，陪伴成长",
            "level 2: material support and some affection",
          ),
          score: 2,
        },
        {
          value: "level-3",
          label: t(
            "第三层次：了解不同阶段的需要",
            "level 3: knows the child's needs at each stage",
          ),
          score: 1,
        },
        {
          value: "level-4",
          label: t("第四层次：适应孩子的成长", "level 4: adapts to the child's growth"),
          score: 0,
        },
      ],
    },
  ],
  scales: [
    {
      id: "five-ones-missed",
      label: t("“五个一”未做到分", "The five ones not kept"),
      items: ["weekly_call", "class_teacher_monthly", "subject_teacher_monthly", "home_yearly"],
      bands: [
        {
          ranges: [
            { id: "mostly-missed", label: t("大多未做到", "mostly not kept"), min: 3, risk: 3 },
            { id: "partly-kept", label: t("部分做到", "partly kept"), min: 1, risk: 1 },
            { id: "kept", label: t("全部做到", "all kept") },
          ],
        },
      ],
    },
    {
      id: "care-level",
      label: t("关爱层次缺口", "Gap in the level of care"),
      items: ["care_level"],
      bands: [
        {
          ranges: [
            {
              id: "material-only",
              label: t("只有物质关爱", "material support only"),
              min: 3,
              risk: 2,
            },
            { id: "partial", label: t("部分关爱", "partial care"), min: 1 },
            { id: "adaptive", label: t("适应孩子成长", "adapts to the child") },
          ],
        },
      ],
    },
  ],
  flags: [
    {
      id: "no-weekly-contact",
      label: t("父母未做到每周联系（第二十三条）", "Parents do not keep weekly contact (Art. 23)"),
      when: [{ item: "weeks_without_contact", atLeast: 1 }],
      tags: ["art23", "domain:psychology"],
      risk: 3,
    },
    {
      id: "no-written-notice",
      label: t(
        "未书面告知委托照护情况（第二十三条）",
        "No written notice of the entrusted carer (Art. 23)",
      ),
      when: [{ item: "written_notice", equals: false }],
      tags: ["art23"],
      risk: 1,
    },
  ],
});
