import * as z from "zod";

/**
 * The roster fields a column can hold. Every field has a Chinese and an English header that is
 * recognised without a mapping file (see {@link ROSTER_HEADERS}).
 * @example
 * RosterFieldSchema.parse("birthDate") //=> "birthDate"
 * @category Roster
 */
export const RosterFieldSchema = z.enum([
  "name",
  "gender",
  "birthDate",
  "idNumber",
  "studentNumber",
  "school",
  "grade",
  "class",
  "regionCode",
  "address",
  "livingArrangement",
  "boarding",
  "keyCase",
  "fatherName",
  "fatherPhone",
  "fatherWorkplace",
  "motherName",
  "motherPhone",
  "motherWorkplace",
  "workplace",
  "awaySince",
  "guardianName",
  "guardianRelation",
  "phone",
]);
/** A roster field. @category Roster */
export type RosterField = z.infer<typeof RosterFieldSchema>;

/**
 * The headers recognised for each field, Chinese first. Matching ignores case, spaces, `_`,
 * `-` and full-width forms, so `Birth date`, `birth_date` and `birthDate` are one header.
 * @example
 * ROSTER_HEADERS.name[0] //=> "姓名"
 * @category Roster
 */
export const ROSTER_HEADERS: { readonly [F in RosterField]: readonly string[] } = {
  name: ["姓名", "学生姓名", "儿童姓名", "name", "student name", "child name"],
  gender: ["性别", "gender", "sex"],
  birthDate: ["出生日期", "出生年月", "生日", "birthDate", "date of birth", "birthday", "dob"],
  idNumber: [
    "身份证号",
    "身份证号码",
    "公民身份号码",
    "证件号码",
    "idNumber",
    "ID no",
    "ID card number",
  ],
  studentNumber: ["学籍号", "全国学籍号", "学号", "studentNumber", "student no", "student id"],
  school: ["学校", "学校名称", "所在学校", "school", "school name", "schoolId"],
  grade: ["年级", "grade"],
  class: ["班级", "班", "class", "class name", "classId"],
  regionCode: [
    "区划代码",
    "行政区划代码",
    "住址区划代码",
    "户籍地区划代码",
    "村居代码",
    "regionCode",
    "region",
  ],
  address: ["家庭住址", "住址", "家庭地址", "address", "home address"],
  livingArrangement: [
    "居住情况",
    "留守类型",
    "监护类型",
    "livingArrangement",
    "living with",
    "lives with",
  ],
  boarding: ["是否住校", "住校", "寄宿", "是否寄宿", "boarding"],
  keyCase: ["重点对象", "是否重点", "重点帮扶对象", "keyCase", "key case"],
  fatherName: ["父亲姓名", "父亲", "fatherName", "father"],
  fatherPhone: ["父亲电话", "父亲联系电话", "fatherPhone"],
  fatherWorkplace: ["父亲务工地", "父亲务工地点", "fatherWorkplace", "father works in"],
  motherName: ["母亲姓名", "母亲", "motherName", "mother"],
  motherPhone: ["母亲电话", "母亲联系电话", "motherPhone"],
  motherWorkplace: ["母亲务工地", "母亲务工地点", "motherWorkplace", "mother works in"],
  workplace: ["务工地", "务工地点", "外出务工地", "workplace", "works in", "work city"],
  awaySince: ["外出时间", "外出务工时间", "awaySince", "away since"],
  guardianName: ["监护人", "监护人姓名", "临时监护人", "guardianName", "guardian"],
  guardianRelation: [
    "与儿童关系",
    "监护人关系",
    "与学生关系",
    "guardianRelation",
    "relation",
    "relationship",
  ],
  phone: ["联系电话", "监护人电话", "监护人联系电话", "phone", "guardian phone", "contact phone"],
};

/** A header as compared: lower case, full-width folded, without spaces, `_`, `-`, `*` or `:`. @internal */
export function foldHeader(header: string): string {
  return header
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s_\-*:：（）()]+/g, "");
}

/** Folded header → field, over every recognised header. */
export const HEADER_INDEX: ReadonlyMap<string, RosterField> = new Map(
  Object.entries(ROSTER_HEADERS).flatMap(([field, names]) =>
    names.map((n) => [foldHeader(n), field as RosterField] as const),
  ),
);
