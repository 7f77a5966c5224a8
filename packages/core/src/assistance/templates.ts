import * as z from "zod";
import { NeedDomainSchema } from "../checklists/needs-profile";
import { LocalizedTextSchema } from "../checklists/text";
import { text as t } from "../i18n";
import { LegalCode } from "../legal/rules";
import { AssistanceOwnerSchema } from "./schema";

/**
 * A template for a plan item: the need it answers, what to do, who does it, how many days
 * after the plan starts it is due, and the staged results expected along the way.
 * @example
 * AssistanceTemplateSchema.parse({ need: "lack:care", domain: "daily-life", owner: "mentor", dueInDays: 30, what: { "zh-CN": "每月家访", en: "Monthly home visit" } }).stages //=> []
 * @category Assistance
 */
export const AssistanceTemplateSchema = z.object({
  /** `domain:<domain>` (level some or high), `lack:<lack>`, `flag:<flag>` or a finding code. */
  need: z.string().min(1),
  domain: z.union([NeedDomainSchema, z.literal("legal")]),
  what: LocalizedTextSchema,
  owner: AssistanceOwnerSchema.shape.role,
  dueInDays: z.number().int().nonnegative(),
  /** Due this many days after the start when the domain's need is high (default `dueInDays`). */
  dueInDaysIfHigh: z.number().int().nonnegative().optional(),
  stages: z
    .array(z.object({ afterDays: z.number().int().nonnegative(), expected: LocalizedTextSchema }))
    .default([]),
});
/** @category Assistance */
export type AssistanceTemplate = z.infer<typeof AssistanceTemplateSchema>;
/** @category Assistance */
export type AssistanceTemplateInput = z.input<typeof AssistanceTemplateSchema>;

/**
 * The templates Liushou proposes plan items from. The study plan follows the summaries: “由任课
 * 教师具体分析学生的学业情景，制定学习帮扶计划，明确帮扶时间、资料和阶段性效果” (class-teacher
 * summary, L82); a plan lists “帮扶时间、内容和阶段性效果” (school-district summary, L282). Legal items answer the
 * findings of `checkLegalDuties`. Hosts may pass their own list.
 * @example
 * ASSISTANCE_TEMPLATES.find((x) => x.need === "lack:tutoring")?.owner //=> "subject-teacher"
 * @category Assistance
 */
export const ASSISTANCE_TEMPLATES: readonly AssistanceTemplate[] = /*#__PURE__*/ Object.freeze(
  (
    [
      {
        need: LegalCode.UNDER_8_UNATTENDED,
        domain: "legal",
        owner: "village-committee",
        dueInDays: 1,
        what: t(
          "立即落实有监护能力的成年人看护，并依法向公安、民政、教育部门报告",
          "Arrange a capable adult to look after the child at once and report to the police, civil affairs and education authorities",
        ),
        stages: [
          {
            afterDays: 7,
            expected: t("照护人到位，家访确认", "A carer is in place, confirmed by a home visit"),
          },
        ],
      },
      {
        need: LegalCode.UNDER_16_LIVING_ALONE,
        domain: "legal",
        owner: "village-committee",
        dueInDays: 3,
        what: t(
          "联系父母落实监护或委托照护，结束独自生活，并依法报告",
          "Contact the parents to arrange guardianship or an entrusted carer, end living alone, and report as the law requires",
        ),
        stages: [
          {
            afterDays: 14,
            expected: t(
              "儿童与照护人同住，家访确认",
              "The child lives with a carer, confirmed by a home visit",
            ),
          },
        ],
      },
      {
        need: LegalCode.NO_CAPABLE_GUARDIAN,
        domain: "legal",
        owner: "child-director",
        dueInDays: 14,
        what: t(
          "协助父母另行委托具有照护能力的成年人",
          "Help the parents entrust a capable adult instead",
        ),
      },
      {
        need: LegalCode.CARER_DISQUALIFIED,
        domain: "legal",
        owner: "child-director",
        dueInDays: 7,
        what: t(
          "告知父母该照护人不得作为被委托人，协助更换照护人",
          "Tell the parents this carer may not be entrusted and help them find another",
        ),
        stages: [
          {
            afterDays: 30,
            expected: t(
              "新照护人到位并书面告知学校和村委会",
              "A new carer is in place and notified in writing",
            ),
          },
        ],
      },
      {
        need: LegalCode.CARER_NOT_CAPABLE_ADULT,
        domain: "legal",
        owner: "child-director",
        dueInDays: 14,
        what: t(
          "协助父母委托具有完全民事行为能力的成年人照护",
          "Help the parents entrust an adult with full capacity",
        ),
      },
      {
        need: LegalCode.NO_WRITTEN_NOTICE,
        domain: "legal",
        owner: "parent",
        dueInDays: 14,
        what: t(
          "请父母书面告知学校和村（居）委会委托照护情况",
          "Ask the parents to notify the school and village committee in writing of the carer",
        ),
      },
      {
        need: LegalCode.NO_WEEKLY_CONTACT,
        domain: "legal",
        owner: "class-teacher",
        dueInDays: 7,
        what: t(
          "与父母约定每周固定的亲情电话或视频时间",
          "Agree with the parents a fixed weekly family call or video call",
        ),
        stages: [
          {
            afterDays: 28,
            expected: t(
              "连续四周每周都有父母联系记录",
              "Four weeks in a row with a parent contact each week",
            ),
          },
        ],
      },
      {
        need: LegalCode.NO_GUARDIAN_CONSENT,
        domain: "legal",
        owner: "school",
        dueInDays: 14,
        what: t(
          "取得监护人处理儿童个人信息的书面同意",
          "Obtain the guardian's written consent to process the child's information",
        ),
      },
      {
        need: "flag:dropout-risk",
        domain: "study",
        owner: "class-teacher",
        dueInDays: 7,
        what: t(
          "家访了解缺课原因，劝返复学并每日关注出勤",
          "Visit the home to learn why the child misses school, bring them back and follow attendance daily",
        ),
        stages: [
          {
            afterDays: 30,
            expected: t("一个月内无无故缺课", "No unexplained absence for a month"),
          },
        ],
      },
      {
        need: "domain:study",
        domain: "study",
        owner: "subject-teacher",
        dueInDays: 90,
        dueInDaysIfHigh: 60,
        what: t(
          "分析学业情况，制定学习帮扶计划，每周个别辅导一次",
          "Analyse the child's schoolwork, make a study plan, tutor once a week",
        ),
        stages: [
          { afterDays: 30, expected: t("按时完成作业", "Homework done on time") },
          {
            afterDays: 90,
            expected: t("期中或单元测验成绩提高", "Better marks in the next tests"),
          },
        ],
      },
      {
        need: "domain:daily-life",
        domain: "daily-life",
        owner: "class-teacher",
        dueInDays: 60,
        what: t(
          "家访指导监护人安排饮食起居，培养孩子生活自理能力",
          "Visit the home, guide the guardian on meals and routine, build the child's self-care",
        ),
        stages: [
          {
            afterDays: 30,
            expected: t("饮食规律，能自理日常起居", "Regular meals; manages daily routine"),
          },
        ],
      },
      {
        need: "domain:psychology",
        domain: "psychology",
        owner: "mentor",
        dueInDays: 90,
        dueInDaysIfHigh: 30,
        what: t(
          "每周谈心一次，安排亲情电话，必要时转介心理辅导",
          "Talk heart to heart weekly, arrange family calls, refer to counselling if needed",
        ),
        stages: [
          { afterDays: 30, expected: t("愿意与老师交流", "Willing to talk with the teacher") },
          {
            afterDays: 90,
            expected: t("参加集体活动，情绪稳定", "Joins group activities, mood steady"),
          },
        ],
      },
      {
        need: "domain:safety",
        domain: "safety",
        owner: "class-teacher",
        dueInDays: 30,
        dueInDaysIfHigh: 7,
        what: t(
          "开展防溺水、交通、防侵害安全教育，核实联系卡和紧急联系人",
          "Give safety education (drowning, traffic, abuse) and check the contact card and emergency contacts",
        ),
        stages: [
          {
            afterDays: 14,
            expected: t(
              "孩子能说出紧急联系人电话和安全要点",
              "The child can give the emergency numbers and safety rules",
            ),
          },
        ],
      },
      {
        need: "domain:health",
        domain: "health",
        owner: "school",
        dueInDays: 60,
        dueInDaysIfHigh: 14,
        what: t(
          "安排体检，患病及时就医，告知监护人和父母",
          "Arrange a health check, treat illness promptly, inform the guardian and parents",
        ),
      },
      {
        need: "lack:care",
        domain: "daily-life",
        owner: "mentor",
        dueInDays: 30,
        what: t(
          "每月家访一次，了解生活照顾情况",
          "Visit the home monthly to see how the child is cared for",
        ),
      },
      {
        need: "lack:discipline",
        domain: "psychology",
        owner: "class-teacher",
        dueInDays: 60,
        what: t(
          "与监护人约定管教方式，矫正不良行为习惯",
          "Agree a way of discipline with the guardian and correct bad habits",
        ),
        stages: [
          { afterDays: 30, expected: t("不良行为减少", "Fewer incidents of bad behaviour") },
        ],
      },
      {
        need: "lack:tutoring",
        domain: "study",
        owner: "subject-teacher",
        dueInDays: 30,
        what: t(
          "安排一帮一学习伙伴，每周辅导作业",
          "Pair the child with a one-helps-one study buddy and help with homework weekly",
        ),
      },
      {
        need: "lack:moral-guidance",
        domain: "psychology",
        owner: "class-teacher",
        dueInDays: 60,
        what: t(
          "通过主题班会和谈心加强思想品德引导",
          "Guide the child's conduct through theme class meetings and talks",
        ),
      },
      {
        need: "lack:safety-protection",
        domain: "safety",
        owner: "class-teacher",
        dueInDays: 14,
        what: t(
          "签订安全责任书，落实放学后和节假日看护",
          "Sign the safety responsibility letter and arrange supervision after school and on holidays",
        ),
      },
    ] satisfies AssistanceTemplateInput[]
  ).map((x) => Object.freeze(AssistanceTemplateSchema.parse(x))),
);
