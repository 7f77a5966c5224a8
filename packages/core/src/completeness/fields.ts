import * as z from "zod";
import { text, type LocalizedText } from "../i18n";

/**
 * One register field that a complete file (一人一档) must fill. `fields` names the property (or
 * alternatives: any one filled is enough) in the child register, in each guardian the child
 * lives with, or in each parent.
 * @example
 * const f: FileField = { key: "child.health", register: "child", fields: ["health"], label: text("健康状况", "health") };
 * @category Completeness
 */
export interface FileField {
  /** Stable key, `register.field`. */
  readonly key: string;
  readonly register: "child" | "guardian" | "parent";
  /** Property names; the field counts as filled if any of them is. */
  readonly fields: readonly string[];
  readonly label: LocalizedText;
  /** For a parent field: still required when the parent is deceased (only the name by default). */
  readonly whenDeceased?: boolean;
}

/**
 * Zod schema of a {@link FileField}, so hosts can keep their own list as data.
 * @example
 * z.array(FileFieldSchema).parse(JSON.parse(storedFieldList))
 * @category Completeness
 */
export const FileFieldSchema = z.object({
  key: z.string().min(1),
  register: z.enum(["child", "guardian", "parent"]),
  fields: z.array(z.string().min(1)).min(1),
  label: z.object({ "zh-CN": z.string(), en: z.string() }),
  whenDeceased: z.boolean().optional(),
});

const child = (field: string | string[], zh: string, en: string): FileField => ({
  key: `child.${Array.isArray(field) ? field.join("|") : field}`,
  register: "child",
  fields: Array.isArray(field) ? field : [field],
  label: text(zh, en),
});
const guardian = (field: string, zh: string, en: string): FileField => ({
  key: `guardian.${field}`,
  register: "guardian",
  fields: [field],
  label: text(`临时监护人${zh}`, `guardian's ${en}`),
});
const parent = (field: string, zh: string, en: string, whenDeceased = false): FileField => ({
  key: `parent.${field}`,
  register: "parent",
  fields: [field],
  label: text(`父母${zh}`, `parent's ${en}`),
  ...(whenDeceased ? { whenDeceased } : {}),
});

/**
 * The fields the three registers of the work summaries ask for: the child register (name,
 * class, birth date, moral character, behaviour habits, interests, intelligence level,
 * personality, learning motivation, learning ability, rapport with the guardian, communication
 * with the parents, address, health, boarding, ID or student number), the temporary guardian
 * register (name, age, education, personality, discipline style, phone) and the parents
 * register (name, age, education, employer, type of work, income, expectations, how they keep
 * in touch, phone, place of work). Pass your own list to count differently.
 * @example
 * REQUIRED_FILE_FIELDS.length //=> 32
 * @category Completeness
 */
export const REQUIRED_FILE_FIELDS: readonly FileField[] = /*#__PURE__*/ Object.freeze([
  child("name", "姓名", "name"),
  child("classId", "班级", "class"),
  child("birthDate", "出生日期", "birth date"),
  child("moralCharacter", "思想品德", "moral character"),
  child("behaviourHabits", "行为习惯", "behaviour habits"),
  child("interests", "兴趣爱好", "interests"),
  child("intelligenceLevel", "智力水平", "intelligence level"),
  child("personality", "性格特点", "personality"),
  child("learningMotivation", "学习动机与态度", "learning motivation"),
  child("learningAbility", "学习能力与方法", "learning ability"),
  child("rapportWithGuardian", "与临时监护人的融洽程度", "rapport with the guardian"),
  child("communicationWithParents", "与外出父母的沟通情况", "communication with the parents"),
  child("address", "家庭住址", "address"),
  child("health", "健康状况", "health"),
  child("boarding", "是否寄宿", "boarding"),
  child(["idNumber", "studentNumber"], "身份证号或学籍号", "ID or student number"),
  guardian("name", "姓名", "name"),
  guardian("birthYear", "年龄（出生年份）", "age (birth year)"),
  guardian("education", "文化程度", "education"),
  guardian("personality", "性格", "personality"),
  guardian("disciplineStyle", "教育管理方式", "discipline style"),
  guardian("phone", "联系电话", "phone"),
  parent("name", "姓名", "name", true),
  parent("birthYear", "年龄（出生年份）", "age (birth year)"),
  parent("education", "文化程度", "education"),
  parent("employer", "务工单位", "employer"),
  parent("occupation", "务工类型", "type of work"),
  parent("monthlyIncomeFen", "收入", "income"),
  parent("expectations", "对子女的期望", "expectations of the child"),
  parent("contactHabit", "联系子女的方式", "how they keep in touch"),
  parent("phone", "联系电话", "phone"),
  parent("workplace", "务工地点", "place of work"),
]);
