import { validate } from "../errors/validate";
import { text } from "../i18n";
import { cite, SUMMARIES_FILE } from "../sources";
import type { MentorKind } from "../model/mentor";
import { PolicySchema, PolicySetSchema, type Policy, type PolicyInput } from "./schema";

/**
 * Validates one policy and returns it with defaults applied.
 * @param input - The policy as data (JSON-safe).
 * @returns The validated policy.
 * @throws ValidationError with field paths when the policy contradicts itself (min > max, a
 * window that ends before it starts, overlapping windows, a selector that does not fit the level).
 * @example
 * definePolicy({ id: "p", level: "child", name: { "zh-CN": "每周亲情电话", en: "Weekly family call" },
 *   counts: { contactKinds: ["family-call"] }, requirement: { type: "count", min: 1, per: "week" } }).graceDays //=> 0
 * @category Policies
 */
export function definePolicy(input: PolicyInput | Policy): Policy {
  return validate(PolicySchema, input, { subject: text("走访频次政策", "visit-frequency policy") });
}

const SCHOOL_DOC = `a school's work summary (${SUMMARIES_FILE})`;
const SCHOOL_DOC_ZH = "学校关爱留守儿童工作总结";
const TEACHERS: MentorKind[] = ["class-teacher", "subject-teacher"];
/** Children in scope under the schools' definition (a parent's return ends the cadence). */
const SCHOOL_SCOPE = { leftBehind: { definition: "school" } } as const;
/** Children in scope under the State Council's definition (ends on the 16th birthday too). */
const STATE_SCOPE = { leftBehind: { definition: "state-council-2016" } } as const;

const input = {
  homeVisitMonthly: {
    id: "home-visit-monthly",
    name: {
      "zh-CN": "学校每月对代理监护人家访一次",
      en: "The school visits each child's guardian monthly",
    },
    level: "child",
    selector: SCHOOL_SCOPE,
    counts: { contactKinds: ["home-visit"], initiators: ["mentor", "school"] },
    requirement: { type: "count", min: 1, per: "month" },
    graceDays: 3,
    source: {
      wording: "学校对代理监护人每月进行一次家访",
      document: SCHOOL_DOC,
      documentZh: SCHOOL_DOC_ZH,
      citations: [cite("school", 8, "学校对代理监护人每月进行一次家访，每月与家长通一次电话")],
    },
  },
  parentCallMonthly: {
    id: "parent-call-monthly",
    name: { "zh-CN": "每月与外出务工家长通一次电话", en: "Monthly call with the migrant parents" },
    level: "child",
    selector: SCHOOL_SCOPE,
    counts: { contactKinds: ["parent-call"] },
    requirement: { type: "count", min: 1, per: "month" },
    graceDays: 3,
    source: {
      wording: "每月与家长通一次电话",
      document: SCHOOL_DOC,
      documentZh: SCHOOL_DOC_ZH,
      citations: [cite("school", 8, "每月与家长通一次电话")],
    },
  },
  counsellorVisitTwiceMonthly: {
    id: "counsellor-visit-twice-monthly",
    name: {
      "zh-CN": "爱心辅导员每月走访儿童两次并填写走访记录",
      en: "Caring counsellor visits twice a month, with a record",
    },
    level: "pairing",
    selector: { mentorKinds: ["counsellor"], ...STATE_SCOPE },
    counts: { contactKinds: ["home-visit"], by: "paired-mentor", unit: "days" },
    requirement: { type: "count", min: 2, per: "month" },
    graceDays: 3,
    source: {
      wording: "爱心辅导员必须一个月走访儿童两次，并及时填写走访记录",
      document: `a community children's home's work summary (${SUMMARIES_FILE})`,
      documentZh: "社区留守儿童之家工作总结",
      citations: [cite("community", 67, "爱心辅导员必须一个月走访儿童两次，并及时填写走访记录")],
    },
  },
  teacherTalksWeekly: {
    id: "teacher-talks-weekly",
    name: {
      "zh-CN": "每位教师每周与3—5名留守儿童谈一次心",
      en: "Each teacher talks heart-to-heart with 3–5 children a week",
    },
    level: "mentor",
    selector: { mentorKinds: TEACHERS },
    counts: { contactKinds: ["talk"], unit: "children" },
    requirement: { type: "count", min: 3, max: 5, per: "week" },
    calendar: "school",
    graceDays: 2,
    source: {
      wording: "各班教师每周与3—5名留守儿童谈一次心",
      document: `a school district's work summary (${SUMMARIES_FILE})`,
      documentZh: "学区关爱留守儿童工作总结（胡集完小）",
      citations: [cite("township", 274, "各班教师每周与3—5名留守儿童谈一次心")],
    },
  },
  symposiumMonthly: {
    id: "symposium-monthly",
    name: {
      "zh-CN": "每月召开一次帮扶教师、留守儿童、监护人座谈会",
      en: "Monthly symposium of mentors, children and guardians",
    },
    level: "school",
    counts: { contactKinds: ["symposium"], activityKinds: ["symposium"], unit: "days" },
    requirement: { type: "count", min: 1, per: "month" },
    calendar: "school",
    source: {
      wording: "学校做到了每月召开一次帮扶教师、留守儿童、监护人或委托监护人的座谈会",
      document: SCHOOL_DOC,
      documentZh: SCHOOL_DOC_ZH,
      citations: [
        cite("school", 168, "学校做到了每月召开一次帮扶教师、留守儿童、监护人或委托监护人的座谈会"),
        cite("township", 265, "学校做到每月召开一次帮扶教师、留守儿童、监护人或委托监护人的座谈会"),
      ],
    },
  },
  symposiumPerTerm: {
    id: "symposium-per-term",
    name: {
      "zh-CN": "每学期召开一次座谈会（家长会）",
      en: "One symposium (guardians' meeting) a term",
    },
    level: "school",
    counts: { contactKinds: ["symposium"], activityKinds: ["symposium"], unit: "days" },
    requirement: { type: "count", min: 1, per: "term" },
    calendar: "school",
    source: {
      wording:
        "中心学校做到了每学期召开一次帮扶教师、留守儿童、监护人或委托监护人的座谈会（家长会）",
      document: `a county education bureau's work summary (${SUMMARIES_FILE})`,
      documentZh: "县教育局关爱留守儿童工作总结",
      citations: [
        cite(
          "county",
          315,
          "中心学校做到了每学期召开一次帮扶教师、留守儿童、监护人或委托监护人的座谈会（家长会）",
        ),
      ],
    },
  },
  mentalHealthLessonMonthly: {
    id: "mental-health-lesson-monthly",
    name: { "zh-CN": "每月上一节留守儿童心理健康教育课", en: "A mental-health lesson every month" },
    level: "school",
    counts: { activityKinds: ["mental-health-lesson"], unit: "days" },
    requirement: { type: "count", min: 1, per: "month" },
    calendar: "school",
    source: {
      wording: "每月上一节留守儿童心理健康教育课",
      document: SCHOOL_DOC,
      documentZh: SCHOOL_DOC_ZH,
      citations: [cite("school", 20, "每月上一节留守儿童心理健康教育课")],
    },
  },
  parentsContactWeekly: {
    id: "parents-contact-weekly",
    name: { "zh-CN": "父母每周至少联系子女一次", en: "Parents contact the child at least weekly" },
    level: "child",
    selector: STATE_SCOPE,
    counts: { contactKinds: ["family-call", "video-call", "letter"], unit: "days" },
    requirement: { type: "count", min: 1, per: "week" },
    graceDays: 2,
    source: {
      wording: "未成年人的父母或者其他监护人……应当与未成年人、被委托人至少每周联系和交流一次",
      document:
        "Law of the PRC on the Protection of Minors (2020), Art. 23; also the parents' 五个一: 每周一个电话",
      documentZh: "《中华人民共和国未成年人保护法》（2020年修订）第二十三条",
      citations: [cite("class-teacher", 292, "每周一个电话")],
    },
  },
  parentsContactTeacherMonthly: {
    id: "parents-contact-teacher-monthly",
    name: { "zh-CN": "父母每月与班主任联系一次", en: "Parents contact the class teacher monthly" },
    level: "child",
    selector: SCHOOL_SCOPE,
    description: {
      "zh-CN":
        "计入父母主动打给任何教师的电话；按教师类型区分见 OCCASION_PRESETS.parentsContactClassTeacherMonthly。",
      en: "Counts a parent's own call with any teacher; OCCASION_PRESETS.parentsContactClassTeacherMonthly checks the teacher's kind.",
    },
    counts: { contactKinds: ["parent-call"], initiators: ["parent"] },
    requirement: { type: "count", min: 1, per: "month" },
    graceDays: 3,
    source: {
      wording:
        "“五个一”活动，即：每周一个电话，每月与班主任联系一次，每月与科任教师联系一次，每年至少回家一次",
      document: `a teacher's work summary (${SUMMARIES_FILE})`,
      documentZh: "教师关爱留守儿童工作总结",
      citations: [
        cite(
          "class-teacher",
          292,
          "“五个一”活动，即：每周一个电话，每月与班主任联系一次，每月与科任教师联系一次，每年至少回家一次",
        ),
      ],
    },
  },
  healthCheckYearly: {
    id: "health-check-yearly",
    name: { "zh-CN": "定期免费体检（每年一次）", en: "Free health check (once a year)" },
    level: "child",
    selector: SCHOOL_SCOPE,
    counts: { contactKinds: ["health-check"], unit: "days" },
    requirement: { type: "count", min: 1, per: "year" },
    graceDays: 14,
    description: {
      "zh-CN": "原文“定期”未规定频次；每年一次是本库默认值。",
      en: "The summary says “regularly” without a frequency; once a year is this library's default.",
    },
    source: {
      wording: "我校将定期为他们安排免费体检",
      document: SCHOOL_DOC,
      documentZh: SCHOOL_DOC_ZH,
      citations: [cite("school", 147, "我校将定期为他们安排免费体检")],
    },
  },
  highRiskWeekly: {
    id: "risk-high-weekly",
    name: { "zh-CN": "高风险儿童每周见面一次", en: "High-risk child seen in person weekly" },
    level: "child",
    selector: { riskLevels: ["high", "critical"], ...SCHOOL_SCOPE },
    counts: { contactKinds: ["home-visit", "talk", "tutoring"], unit: "days" },
    requirement: { type: "count", min: 1, per: "week" },
    graceDays: 1,
    source: {
      wording: "重点帮扶对象优先（频次为本库建议的分级默认值，非原文规定）",
      document:
        "risk tier defined by this library, not by a source text; key cases first (重点帮扶对象) as in the work summaries",
    },
  },
  mediumRiskFortnightly: {
    id: "risk-medium-fortnightly",
    name: {
      "zh-CN": "中风险儿童每两周见面一次（前后3天窗口）",
      en: "Medium-risk child seen every 14 days (±3-day window)",
    },
    level: "child",
    selector: { riskLevels: ["medium"], ...SCHOOL_SCOPE },
    counts: { contactKinds: ["home-visit", "talk", "tutoring"] },
    requirement: { type: "interval", everyDays: 14, windowStart: -3, windowEnd: 3 },
    source: {
      wording: "分级关爱（频次为本库建议的分级默认值，非原文规定）",
      document: "risk tier defined by this library, not by a source text",
    },
  },
} satisfies Record<string, PolicyInput>;

/**
 * Ready policies for the contact cadences of the work summaries and the law that count contacts
 * and activities per week, month, term or year, each citing its source (the cadences of
 * classes, birthdays, weekends, holidays and term starts are in `OCCASION_PRESETS`). Cadences
 * are local rules: copy one, change it, give it a new id. Every child-level and pairing-level
 * preset selects children only while they are left behind, so a child who turns 16 or whose
 * parent came home owes nothing from that day.
 *
 * - `homeVisitMonthly`: 学校对代理监护人每月进行一次家访 (each child's guardian, by anyone of the
 *   school: a child with two mentors needs one visit, not two).
 * - `parentCallMonthly`: 每月与家长通一次电话 (each left-behind child, anyone may call).
 * - `counsellorVisitTwiceMonthly`: 一个月走访儿童两次 (caring counsellor of a community
 *   children's home, two distinct days).
 * - `teacherTalksWeekly`: 每周与3—5名留守儿童谈一次心 (each teacher, school weeks only).
 * - `symposiumMonthly` / `symposiumPerTerm`: the two symposium cadences the summaries disagree on.
 * - `mentalHealthLessonMonthly`: 每月上一节心理健康教育课 (school, activities).
 * - `parentsContactWeekly`: Minors Protection Law Art. 23 and the parents' 每周一个电话.
 * - `parentsContactTeacherMonthly`: 每月与班主任联系一次 (a parent-initiated call).
 * - `healthCheckYearly`: 定期免费体检, read as yearly (a library default).
 * - `highRiskWeekly`, `mediumRiskFortnightly`: risk tiers (this library's defaults).
 * @example
 * POLICY_PRESETS.homeVisitMonthly.requirement //=> { type: "count", min: 1, per: "month" }
 * POLICY_PRESETS.parentsContactWeekly.source?.documentZh //=> "《中华人民共和国未成年人保护法》（2020年修订）第二十三条"
 * @category Policies
 */
export const POLICY_PRESETS = /*#__PURE__*/ (() =>
  Object.freeze(
    Object.fromEntries(Object.entries(input).map(([k, v]) => [k, Object.freeze(definePolicy(v))])),
  ))() as Readonly<Record<keyof typeof input, Policy>>;

/**
 * Every preset in one list, minus `symposiumPerTerm` (it is the alternative to
 * `symposiumMonthly`; a school follows one of the two).
 * @example
 * ALL_PRESETS.length //=> 11
 * @category Policies
 */
export const ALL_PRESETS: readonly Policy[] = /*#__PURE__*/ (() =>
  Object.freeze(
    validate(
      PolicySetSchema,
      Object.entries(POLICY_PRESETS)
        .filter(([k]) => k !== "symposiumPerTerm")
        .map(([, p]) => p),
    ),
  ))();
