import { text, type LocalizedText } from "../i18n/locale";
import type { Area, SchoolStage } from "../model/area";
import type { LivingArrangement, RiskLevel, SchoolingStatus } from "../model/child-file";
import type { MentorKind, PairingEndReason, PairingRole } from "../model/mentor";
import type { CarerDisqualification, DisciplineStyle, Guardian, Parent } from "../model/people";
import type { Education, Gender, GuardianshipCapacity } from "../model/primitives";
import type { ActivityKind, Aid, ContactKind, Donor, Informant, Initiator } from "../model/records";
import { WISH_STATUS_TEXT } from "../wishes/transition";
import type { ComplianceStatus } from "../policies/statuses";
import type { PolicyLevel } from "../policies/schema";
import type { LegalSeverity } from "../legal/types";
import type { AssistanceItemStatus, AssistanceRole } from "../assistance/schema";
import type { FiveLack, NeedDomain, NeedLevel } from "../checklists/needs-profile";
import type { BoardingConvention, StageKey } from "../statistics/statistics";
import { STAGE_TEXT } from "../statistics/statistics";
import type { SummaryKind } from "../sources/summaries";
import type { CensusTaker } from "../census/schema";
import type { CensusState } from "../census/status";
import type { Duty, ResponsibilityRole } from "../organisation/roles";
import type { AppraisalCriterionId } from "../organisation/appraisal";
import type { OccasionStatus } from "../occasions/evaluate";
import type { CareResource } from "../welfare/schema";
import type { Incident, ParentNotice, SafetyLetter } from "../records/schema";

/** A label for every value of one enum: the compiler checks that none is missing. */
type Labels<V extends string> = Readonly<Record<V, LocalizedText>>;

/**
 * Chinese and English labels for every enum of the model, policies, checklists, statistics and
 * assistance plans, keyed by enum name, then by value. Reports, importers and user interfaces
 * print enum values through these maps (see {@link labelOf} and {@link parseLabel}).
 * @example
 * ENUM_LABELS.livingArrangement.grandparents["zh-CN"] //=> "隔代监护（祖父母）"
 * ENUM_LABELS.gender.female.en //=> "female"
 * @category Labels
 */
export const ENUM_LABELS = Object.freeze({
  gender: {
    male: text("男", "male"),
    female: text("女", "female"),
  } satisfies Labels<Gender>,
  areaLevel: {
    province: text("省", "province"),
    city: text("市", "city"),
    county: text("县（区）", "county"),
    township: text("乡镇（街道）", "township"),
    village: text("村（社区）", "village"),
  } satisfies Labels<Area["level"]>,
  schoolStage: {
    primary: text("小学", "primary school"),
    middle: text("初中", "middle school"),
    "nine-year": text("九年一贯制", "nine-year school"),
    high: text("高中", "high school"),
  } satisfies Labels<SchoolStage>,
  statisticsStage: STAGE_TEXT satisfies Labels<StageKey>,
  livingArrangement: {
    parent: text("与父亲或母亲一方生活", "with one parent"),
    grandparents: text("隔代监护（祖父母）", "with grandparents"),
    relatives: text("亲友监护", "with relatives"),
    entrusted: text("委托他人照护", "with an entrusted carer"),
    alone: text("独自生活", "alone"),
  } satisfies Labels<LivingArrangement>,
  schoolingStatus: {
    enrolled: text("在读", "enrolled"),
    transferred: text("转学", "transferred"),
    "dropped-out": text("辍学", "dropped out"),
    graduated: text("毕业", "graduated"),
    "not-enrolled": text("未入学", "not enrolled"),
  } satisfies Labels<SchoolingStatus>,
  riskLevel: {
    low: text("低", "low"),
    medium: text("中", "medium"),
    high: text("高", "high"),
    critical: text("极高", "critical"),
  } satisfies Labels<RiskLevel>,
  mentorKind: {
    "class-teacher": text("班主任", "class teacher"),
    "subject-teacher": text("科任教师", "subject teacher"),
    "caring-mother": text("爱心妈妈", "caring mother"),
    counsellor: text("心理辅导员", "counsellor"),
    "child-director": text("儿童主任", "child director"),
    "child-supervisor": text("儿童督导员", "child supervisor"),
    "peer-buddy": text("手拉手伙伴", "peer buddy"),
    other: text("其他", "other"),
  } satisfies Labels<MentorKind>,
  pairingRole: {
    mentor: text("帮扶教师", "mentor"),
    "surrogate-parent": text("代理家长", "surrogate parent"),
    volunteer: text("志愿者", "volunteer"),
    counsellor: text("心理辅导", "counsellor"),
    director: text("儿童主任", "child director"),
    buddy: text("手拉手好朋友", "buddy"),
  } satisfies Labels<PairingRole>,
  pairingEndReason: {
    "mentor-left": text("帮扶人调离", "mentor left"),
    "child-left": text("儿童离校", "child left"),
    "no-longer-left-behind": text("不再属于留守儿童", "no longer left behind"),
    replanned: text("重新结对", "replanned"),
    "rule-changed": text("结对规则变更", "rule changed"),
    other: text("其他", "other"),
  } satisfies Labels<PairingEndReason>,
  disciplineStyle: {
    strict: text("严厉", "strict"),
    reasoning: text("说理", "reasoning"),
    indulgent: text("溺爱", "indulgent"),
    neglectful: text("放任", "neglectful"),
    inconsistent: text("时严时松", "inconsistent"),
  } satisfies Labels<DisciplineStyle>,
  carerDisqualification: {
    "abuse-or-violence": text(
      "有性侵害、出卖、遗弃、虐待、暴力伤害等违法犯罪行为",
      "abuse or violence",
    ),
    addiction: text("有吸毒、酗酒、赌博等恶习", "addiction"),
    "neglected-care-duties": text(
      "曾拒不履行或长期怠于履行监护、照护职责",
      "neglected care duties",
    ),
    "otherwise-unsuitable": text("其他不适宜担任被委托人的情形", "otherwise unsuitable"),
  } satisfies Labels<CarerDisqualification>,
  guardianRelation: {
    father: text("父亲", "father"),
    mother: text("母亲", "mother"),
    grandfather: text("祖父/外祖父", "grandfather"),
    grandmother: text("祖母/外祖母", "grandmother"),
    relative: text("其他亲属", "relative"),
    "entrusted-carer": text("受委托照护人", "entrusted carer"),
    other: text("其他", "other"),
  } satisfies Labels<Guardian["relation"]>,
  parentRole: {
    father: text("父亲", "father"),
    mother: text("母亲", "mother"),
  } satisfies Labels<Parent["role"]>,
  guardianshipCapacity: {
    full: text("有监护能力", "full capacity"),
    limited: text("监护能力有限", "limited capacity"),
    none: text("无监护能力", "no capacity"),
  } satisfies Labels<GuardianshipCapacity>,
  education: {
    none: text("未上学", "no schooling"),
    primary: text("小学", "primary"),
    "junior-secondary": text("初中", "junior secondary"),
    "senior-secondary": text("高中", "senior secondary"),
    vocational: text("中专/职高", "vocational"),
    college: text("大专", "college"),
    bachelor: text("本科", "bachelor"),
    postgraduate: text("研究生", "postgraduate"),
  } satisfies Labels<Education>,
  contactKind: {
    "home-visit": text("家访", "home visit"),
    "parent-call": text("与家长通话", "call with a parent"),
    "guardian-call": text("与监护人通话", "call with the guardian"),
    "family-call": text("亲情电话", "family call"),
    "video-call": text("视频通话", "video call"),
    talk: text("谈心", "talk"),
    tutoring: text("学业辅导", "tutoring"),
    symposium: text("座谈会", "symposium"),
    "health-check": text("健康检查", "health check"),
    birthday: text("过生日", "birthday"),
    activity: text("活动", "activity"),
    letter: text("书信", "letter"),
  } satisfies Labels<ContactKind>,
  initiator: {
    mentor: text("帮扶人", "mentor"),
    school: text("学校", "school"),
    parent: text("家长", "parent"),
    guardian: text("监护人", "guardian"),
    child: text("儿童", "child"),
  } satisfies Labels<Initiator>,
  informant: {
    teacher: text("教师", "teacher"),
    guardian: text("监护人", "guardian"),
    parent: text("家长", "parent"),
    child: text("儿童本人", "child"),
    counsellor: text("心理辅导员", "counsellor"),
    other: text("其他", "other"),
  } satisfies Labels<Informant>,
  wishStatus: WISH_STATUS_TEXT,
  donorKind: {
    person: text("个人", "person"),
    company: text("企业", "company"),
    organisation: text("社会组织", "organisation"),
    government: text("政府部门", "government"),
  } satisfies Labels<Donor["kind"]>,
  activityKind: {
    "theme-class-meeting": text("主题班会", "theme class meeting"),
    festival: text("节日活动", "festival"),
    "birthday-party": text("集体生日会", "birthday party"),
    "family-call": text("亲情电话", "family call"),
    "letter-to-parents": text("给父母的一封信", "letter to parents"),
    "mental-health-lesson": text("心理健康课", "mental health lesson"),
    symposium: text("座谈会", "symposium"),
    outing: text("外出活动", "outing"),
    other: text("其他", "other"),
    "class-activity": text("班队活动", "class activity"),
    "law-lesson": text("法制课", "law lesson"),
    "record-book-check": text("记录册周检查", "record book check"),
    "teacher-appraisal": text("教师考核", "teacher appraisal"),
    "school-appraisal": text("学校考评", "school appraisal"),
    "work-summary": text("工作总结", "work summary"),
  } satisfies Labels<ActivityKind>,
  aidKind: {
    donation: text("捐赠", "donation"),
    subsidy: text("补助", "subsidy"),
    "hardship-relief": text("济难救助", "hardship relief"),
  } satisfies Labels<Aid["kind"]>,
  aidForm: {
    money: text("资金", "money"),
    goods: text("物品", "goods"),
  } satisfies Labels<Aid["form"]>,
  complianceStatus: {
    met: text("已完成", "met"),
    missed: text("未完成", "missed"),
    due: text("待完成", "due"),
    overdue: text("已逾期", "overdue"),
    upcoming: text("即将到期", "upcoming"),
    exempt: text("免除", "exempt"),
    "not-applicable": text("不适用", "not applicable"),
  } satisfies Labels<ComplianceStatus>,
  policyLevel: {
    child: text("每名儿童", "per child"),
    pairing: text("每对结对", "per pairing"),
    mentor: text("每名帮扶人", "per mentor"),
    school: text("每所学校", "per school"),
  } satisfies Labels<PolicyLevel>,
  legalSeverity: {
    critical: text("严重", "critical"),
    high: text("高", "high"),
    medium: text("中", "medium"),
    low: text("低", "low"),
  } satisfies Labels<LegalSeverity>,
  assistanceRole: {
    "class-teacher": text("班主任", "class teacher"),
    "subject-teacher": text("科任教师", "subject teacher"),
    mentor: text("帮扶人", "mentor"),
    counsellor: text("心理辅导员", "counsellor"),
    guardian: text("监护人", "guardian"),
    parent: text("家长", "parent"),
    school: text("学校", "school"),
    "village-committee": text("村（居）委会", "village committee"),
    "child-director": text("儿童主任", "child director"),
    other: text("其他", "other"),
  } satisfies Labels<AssistanceRole>,
  assistanceItemStatus: {
    planned: text("计划中", "planned"),
    "in-progress": text("进行中", "in progress"),
    done: text("已完成", "done"),
    dropped: text("已取消", "dropped"),
  } satisfies Labels<AssistanceItemStatus>,
  needDomain: {
    study: text("学习", "study"),
    "daily-life": text("生活", "daily life"),
    psychology: text("心理", "psychology"),
    safety: text("安全", "safety"),
    health: text("健康", "health"),
  } satisfies Labels<NeedDomain>,
  fiveLack: {
    care: text("生活缺照料", "lacking care"),
    discipline: text("行为缺管教", "lacking discipline"),
    tutoring: text("学习缺辅导", "lacking tutoring"),
    "moral-guidance": text("品德缺引导", "lacking moral guidance"),
    "safety-protection": text("安全缺保护", "lacking safety protection"),
  } satisfies Labels<FiveLack>,
  needLevel: {
    low: text("低", "low"),
    some: text("一般", "some"),
    high: text("高", "high"),
    unknown: text("无法判断", "unknown"),
  } satisfies Labels<NeedLevel>,
  boardingConvention: {
    "boarding-overlaps": text("寄宿交叉统计", "boarding overlaps"),
    "boarding-separate": text("寄宿单列统计", "boarding separate"),
  } satisfies Labels<BoardingConvention>,
  summaryKind: {
    school: text("学校", "school"),
    "class-teacher": text("班主任", "class teacher"),
    community: text("社区", "community"),
    street: text("街道", "street office"),
    township: text("学区", "school district"),
    county: text("县", "county"),
    city: text("市", "city"),
    "work-unit": text("机关单位", "work unit"),
  } satisfies Labels<SummaryKind>,
  censusTaker: {
    "class-teacher": text("班主任", "class teacher"),
    "village-cadre": text("村委干部", "village cadre"),
    community: text("社区", "community"),
    teacher: text("教师", "teacher"),
    other: text("其他", "other"),
  } satisfies Labels<CensusTaker>,
  censusState: {
    verified: text("已核实", "verified"),
    due: text("待核实", "due"),
    overdue: text("逾期未核实", "overdue"),
  } satisfies Labels<CensusState>,
  responsibilityRole: {
    principal: text("校长", "principal"),
    "deputy-principal": text("分管副校长", "deputy principal"),
    "chief-counsellor": text("总辅导员", "chief counsellor"),
    "grade-head": text("年级主任", "grade head"),
    "class-teacher": text("班主任", "class teacher"),
    "subject-teacher": text("科任教师", "subject teacher"),
  } satisfies Labels<ResponsibilityRole>,
  duty: {
    lead: text("领导", "leading"),
    "safety-law-education": text("安全法制教育", "safety and law education"),
    "moral-education": text("思想教育", "moral education"),
    "study-life-education": text("学习教育及生活教育", "study and daily-life education"),
    "direct-help": text("具体帮扶", "direct help"),
  } satisfies Labels<Duty>,
  appraisalCriterion: {
    archive: text("建档率", "files opened"),
    census: text("开学初摸底", "census"),
    visits: text("家访与联系达标", "visits and calls"),
    supervision: text("周检查、月考核", "weekly checks and monthly appraisals"),
    enrolment: text("入学率", "enrolment rate"),
    retention: text("巩固率", "retention rate"),
    organisation: text("领导小组与责任制", "organisation"),
  } satisfies Labels<AppraisalCriterionId>,
  occasionStatus: {
    met: text("已完成", "met"),
    missed: text("未完成", "missed"),
    due: text("待完成", "due"),
    upcoming: text("未开始", "upcoming"),
  } satisfies Labels<OccasionStatus>,
  safetyLetterLevel: {
    school: text("学校", "school"),
    class: text("班级", "class"),
    family: text("家庭", "family"),
  } satisfies Labels<SafetyLetter["level"]>,
  incidentKind: {
    illness: text("疾病", "illness"),
    injury: text("受伤", "injury"),
    missing: text("走失", "missing"),
    violence: text("暴力", "violence"),
    other: text("其他", "other"),
  } satisfies Labels<Incident["kind"]>,
  parentNoticeKind: {
    "letter-to-parents": text("致家长的一封信", "letter to parents"),
    "call-times": text("通话时间告知", "call times"),
  } satisfies Labels<ParentNotice["kind"]>,
  careResourceKind: {
    "childrens-home": text("留守儿童之家", "children's home"),
    "activity-room": text("活动室", "activity room"),
  } satisfies Labels<CareResource["kind"]>,
});

/** The name of an enum in {@link ENUM_LABELS}. @category Labels */
export type LabelledEnum = keyof typeof ENUM_LABELS;

/** A value of the enum `K`. @category Labels */
export type EnumValue<K extends LabelledEnum> = keyof (typeof ENUM_LABELS)[K] & string;
