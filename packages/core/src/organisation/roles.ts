import * as z from "zod";
import { text, type LocalizedText } from "../i18n";
import { cite, type SeedCitation } from "../sources/cite";

/**
 * Responsibility roles in a school's care of left-behind children: the principal (校长), the
 * deputy in charge (分管副校长), the chief Young Pioneers counsellor (总辅导员), the grade head
 * (年级主任), the class teacher (班主任) and the subject teacher (科任教师).
 * @example
 * ResponsibilityRoleSchema.options.includes("class-teacher") //=> true
 * @category Organisation
 */
export const ResponsibilityRoleSchema = z.enum([
  "principal",
  "deputy-principal",
  "chief-counsellor",
  "grade-head",
  "class-teacher",
  "subject-teacher",
]);
/** @category Organisation */
export type ResponsibilityRole = z.infer<typeof ResponsibilityRoleSchema>;

/**
 * The duties a role holds, as stable keys: leading the group, safety and law education (安全法制
 * 教育), moral education (思想教育), study and daily-life education (学习教育及生活教育), and the
 * direct help of the children (具体抓).
 * @example
 * DutySchema.parse("safety-law-education") //=> "safety-law-education"
 * @category Organisation
 */
export const DutySchema = z.enum([
  "lead",
  "safety-law-education",
  "moral-education",
  "study-life-education",
  "direct-help",
]);
/** @category Organisation */
export type Duty = z.infer<typeof DutySchema>;

/**
 * A role's place in the three-level system (校长亲自抓，分管领导重点抓，班主任和科任老师具体抓):
 * 1 leads, 2 directs, 3 does the work with the children.
 * @category Organisation
 */
export interface RoleDefinition {
  readonly role: ResponsibilityRole;
  readonly name: LocalizedText;
  readonly level: 1 | 2 | 3;
  readonly duties: readonly Duty[];
  readonly citations: readonly SeedCitation[];
}

const THREE_LEVELS = cite(
  "school",
  40,
  "实行校长亲自抓，分管领导重点抓，班主任和科任老师具体抓的三级联动责任制",
);
const DUTIES = cite(
  "school",
  298,
  "副校长负责对留守儿童的安全法制教育，总辅导员负责对留守儿童的思想教育，，班主任负责对留守儿童的学习教育及生活教育",
);

/**
 * The roles of the summaries, as data that policies and reports use (who holds which duty).
 * The summaries describe one school each; a school's own allocation goes in its
 * `SchoolOrganisation`.
 * @example
 * RESPONSIBILITY_ROLES["deputy-principal"].duties //=> ["safety-law-education"]
 * @category Organisation
 */
export const RESPONSIBILITY_ROLES: Readonly<Record<ResponsibilityRole, RoleDefinition>> =
  Object.freeze({
    principal: {
      role: "principal",
      name: text("校长（领导小组组长）", "Principal (head of the leading group)"),
      level: 1,
      duties: ["lead"],
      citations: [
        THREE_LEVELS,
        cite("school", 4, "成立了以校长为组长，中层干部和各班班主任为成员的关爱留守儿童领导小组"),
      ],
    },
    "deputy-principal": {
      role: "deputy-principal",
      name: text("分管副校长", "Deputy principal in charge"),
      level: 2,
      duties: ["safety-law-education"],
      citations: [THREE_LEVELS, DUTIES],
    },
    "chief-counsellor": {
      role: "chief-counsellor",
      name: text("少先队总辅导员", "Chief Young Pioneers counsellor"),
      level: 2,
      duties: ["moral-education"],
      citations: [DUTIES],
    },
    "grade-head": {
      role: "grade-head",
      name: text("年级主任", "Grade head"),
      level: 3,
      duties: ["direct-help"],
      citations: [cite("township", 255, "形成以年级主任、班主任、任课教师为主的帮扶网络体系")],
    },
    "class-teacher": {
      role: "class-teacher",
      name: text("班主任", "Class teacher"),
      level: 3,
      duties: ["study-life-education", "direct-help"],
      citations: [THREE_LEVELS, DUTIES],
    },
    "subject-teacher": {
      role: "subject-teacher",
      name: text("科任教师", "Subject teacher"),
      level: 3,
      duties: ["direct-help"],
      citations: [THREE_LEVELS],
    },
  });

/**
 * The five roles a teacher plays for a left-behind child (五员): guardian of behaviour (监护员),
 * partner in feelings (交流员), manager of daily life (管理员), counsellor of thought (辅导员)
 * and guide of healthy growth (指导员), from “教师力争当好留守儿童行为的“监护员”、感情的“交流员”、
 * 生活的“管理员”、思想的“辅导员”和健康成长的“指导员”” (school-district summary, L255). Review
 * checklists and reports name them.
 * @example
 * TEACHER_FIVE_ROLES.map((r) => r.id) //=> ["guardian", "confidant", "manager", "counsellor", "guide"]
 * @category Organisation
 */
export const TEACHER_FIVE_ROLES: readonly {
  readonly id: "guardian" | "confidant" | "manager" | "counsellor" | "guide";
  readonly name: LocalizedText;
  readonly of: LocalizedText;
}[] = Object.freeze([
  { id: "guardian", name: text("监护员", "guardian"), of: text("行为", "behaviour") },
  { id: "confidant", name: text("交流员", "confidant"), of: text("感情", "feelings") },
  { id: "manager", name: text("管理员", "manager"), of: text("生活", "daily life") },
  { id: "counsellor", name: text("辅导员", "counsellor"), of: text("思想", "thought") },
  { id: "guide", name: text("指导员", "guide"), of: text("健康成长", "healthy growth") },
]);
