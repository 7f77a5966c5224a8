import { validate } from "../errors/validate";
import { text } from "../i18n";
import { cite } from "../sources/cite";
import { OccasionPolicySchema, type OccasionPolicy, type OccasionPolicyInput } from "./schema";

/**
 * Validates an occasion policy and returns it with defaults applied.
 * @param input - The policy as data.
 * @returns The validated, frozen policy.
 * @throws ValidationError naming the field when the policy contradicts itself.
 * @example
 * defineOccasion({ id: "x", name: { "zh-CN": "生日祝福", en: "Birthday wishes" }, level: "child",
 *   window: { type: "birthday" }, counts: { contactKinds: ["birthday"] } }).window //=> { type: "birthday", daysBefore: 3, daysAfter: 3 }
 * @category Occasions
 */
export function defineOccasion(input: OccasionPolicyInput | OccasionPolicy): OccasionPolicy {
  return Object.freeze(
    validate(OccasionPolicySchema, input, { subject: text("特定时段政策", "occasion policy") }),
  );
}

const FIVE_ONES =
  "“五个一”活动，即：每周一个电话，每月与班主任联系一次，每月与科任教师联系一次，每年至少回家一次";

/**
 * The cadences of the summaries tied to classes, birthdays, holidays, term starts and ends,
 * named kinds of teacher and the parents' return, each citing its line. Windows the summaries
 * leave open are library defaults, said in the policy's `description`.
 * @example
 * OCCASION_PRESETS.lawLessonWeekly.level //=> "class"
 * @category Occasions
 */
export const OCCASION_PRESETS = Object.freeze({
  themeClassMeetingPerTerm: defineOccasion({
    id: "theme-class-meeting-per-term",
    name: text("每班每学期一次关爱留守孩子主题队会", "One theme class meeting per class a term"),
    level: "class",
    window: { type: "term" },
    counts: { activityKinds: ["theme-class-meeting"] },
    citations: [
      cite("school", 232, "要求以班级为单位开展“关爱留守孩子”的主题队会"),
      cite("school", 232, "组织同学举行一次主题队会"),
    ],
  }),
  classActivityWeekly: defineOccasion({
    id: "class-activity-weekly",
    name: text("每周班队活动", "A class activity every school week"),
    level: "class",
    window: { type: "week" },
    calendar: "school",
    counts: { activityKinds: ["class-activity"] },
    citations: [
      cite(
        "township",
        284,
        "通过每周班队活动时间定期开展思想教育、情感教育、独立生活教育和体谅父母教育",
      ),
    ],
  }),
  lawLessonWeekly: defineOccasion({
    id: "law-lesson-weekly",
    name: text("每周法制课", "A law lesson every school week"),
    level: "class",
    window: { type: "week" },
    calendar: "school",
    counts: { activityKinds: ["law-lesson"] },
    citations: [
      cite("class-teacher", 95, "我利用每周的法制课，对学生进行法制教育，讲如何自我保护"),
    ],
  }),
  birthdayWishes: defineOccasion({
    id: "birthday-wishes",
    name: text("生日期间送上祝福", "Birthday wishes around the child's birthday"),
    description: text(
      "生日前后各 3 天为本库默认值。",
      "Three days either side of the birthday is this library's default.",
    ),
    level: "child",
    window: { type: "birthday", daysBefore: 3, daysAfter: 3 },
    counts: { contactKinds: ["birthday"], activityKinds: ["birthday-party"] },
    citations: [
      cite("school", 238, "在“留守孩子”生日期间，全班同学为“留守孩子”献上一声生日祝福"),
      cite("township", 276, "开展赠生日贺卡、写生日感言、送生日祝福活动"),
    ],
  }),
  familyCallOnHolidays: defineOccasion({
    id: "family-call-on-holidays",
    name: text("节假日安排亲情电话或视频", "A family call or video call in each holiday"),
    level: "child",
    window: { type: "holidays" },
    counts: { contactKinds: ["family-call", "video-call"] },
    citations: [
      cite(
        "county",
        116,
        "以周末、节假日以及生日等特殊时段为重点，免费为留守儿童安排“亲情电话”和“视屏聊天”",
      ),
    ],
  }),
  familyCallOnWeekendsMonthly: defineOccasion({
    id: "family-call-on-weekends-monthly",
    name: text("每月至少一个周末的亲情电话", "A weekend family call at least once a month"),
    description: text(
      "原文为“每周末开通”，未规定每名儿童的次数；每月一次是本库默认值。",
      "The summary opens the phone every weekend without a number per child; once a month is this library's default.",
    ),
    level: "child",
    window: { type: "month" },
    counts: { contactKinds: ["family-call", "video-call"], weekendsOnly: true },
    definition: "state-council-2016",
    citations: [cite("community", 66, "家园每周末对孩子开通爱心电话爱心视频")],
  }),
  letterAtTermStart: defineOccasion({
    id: "letter-at-term-start",
    name: text("期初致家长的一封信", "The letter to parents at a term's start"),
    description: text(
      "学期头 14 天为本库默认值。",
      "The term's first 14 days are this library's default.",
    ),
    level: "child",
    window: { type: "term-start", days: 14 },
    counts: { noticeKinds: ["letter-to-parents"], activityKinds: ["letter-to-parents"] },
    citations: [cite("class-teacher", 88, "期初期末还给每位家长发去《致家长的一封信》")],
  }),
  letterAtTermEnd: defineOccasion({
    id: "letter-at-term-end",
    name: text("期末致家长的一封信", "The letter to parents at a term's end"),
    description: text(
      "学期最后 14 天为本库默认值。",
      "The term's last 14 days are this library's default.",
    ),
    level: "child",
    window: { type: "term-end", days: 14 },
    counts: { noticeKinds: ["letter-to-parents"], activityKinds: ["letter-to-parents"] },
    citations: [cite("class-teacher", 88, "期初期末还给每位家长发去《致家长的一封信》")],
  }),
  callTimesToldPerTerm: defineOccasion({
    id: "call-times-told-per-term",
    name: text("告知家长可与孩子通话的时间", "Parents told when they can call the child"),
    description: text("每学期一次为本库默认值。", "Once a term is this library's default."),
    level: "child",
    window: { type: "term" },
    counts: { noticeKinds: ["call-times"] },
    citations: [cite("class-teacher", 291, "告知对方可以与孩子通电话的具体时间")],
  }),
  parentsContactClassTeacherMonthly: defineOccasion({
    id: "parents-contact-class-teacher-monthly",
    name: text("父母每月与班主任联系一次", "Parents contact the class teacher monthly"),
    level: "child",
    window: { type: "month" },
    counts: {
      contactKinds: ["parent-call"],
      initiators: ["parent"],
      mentorKinds: ["class-teacher"],
    },
    citations: [cite("class-teacher", 292, FIVE_ONES)],
  }),
  parentsContactSubjectTeacherMonthly: defineOccasion({
    id: "parents-contact-subject-teacher-monthly",
    name: text("父母每月与科任教师联系一次", "Parents contact a subject teacher monthly"),
    level: "child",
    window: { type: "month" },
    counts: {
      contactKinds: ["parent-call"],
      initiators: ["parent"],
      mentorKinds: ["subject-teacher"],
    },
    citations: [cite("class-teacher", 292, FIVE_ONES)],
  }),
  caringMotherSchoolVisitPerTerm: defineOccasion({
    id: "caring-mother-school-visit-per-term",
    name: text("社会爱心妈妈定期到学校看望", "The caring mother visits the child at school"),
    description: text(
      "原文“定期”未规定频次；每学期一次是本库默认值。",
      "The summary says “regularly”; once a term is this library's default.",
    ),
    level: "child",
    window: { type: "term" },
    counts: { contactKinds: ["talk", "activity"], mentorKinds: ["caring-mother"] },
    pairedWith: ["caring-mother"],
    citations: [cite("school", 7, "社会妈妈负责孩子的全年的学习开销，还定期到学校看望")],
  }),
  caringMotherHolidayStay: defineOccasion({
    id: "caring-mother-holiday-stay",
    name: text("节假日爱心妈妈把孩子领回家", "The caring mother takes the child home on holidays"),
    description: text(
      "按校历列出的每个节假日计；寒暑假等长假是否每次都要，由各地决定。",
      "Counted for each holiday the calendar lists; whether every long vacation needs one is a local choice.",
    ),
    level: "child",
    window: { type: "holidays" },
    counts: { contactKinds: ["activity", "home-visit"], mentorKinds: ["caring-mother"] },
    pairedWith: ["caring-mother"],
    citations: [cite("school", 7, "节假日领回到自己家中，感受到家的温暖")],
  }),
  parentsHomeYearly: defineOccasion({
    id: "parents-home-yearly",
    name: text("外出务工父母每年至少回家一次", "Migrant parents come home at least once a year"),
    level: "parent",
    window: { type: "year" },
    counts: { parentHome: true },
    citations: [cite("class-teacher", 292, "每年至少回家一次")],
  }),
});
